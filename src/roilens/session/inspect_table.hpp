#pragma once
// Plain-text renderings of `inspect` and `catalogue` for the terminal.
#include <ostream>

#include <nlohmann/json.hpp>

namespace roilens {

void writeInspectTable(const nlohmann::json& inspect, std::ostream& out, bool french);
void writeCatalogueTable(const nlohmann::json& catalogue, std::ostream& out, bool french);

}  // namespace roilens
