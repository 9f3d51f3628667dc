#pragma once
// The model fields a column can be mapped onto, per table, for the page's mapping panel: the
// page reads them from here instead of keeping its own list.
#include <nlohmann/json.hpp>

namespace roilens::sources {

// {"tables": [{"table": "contacts", "fields": [{"name": "email", "kind": "text"}, …]}, …]}
nlohmann::json fieldCatalogueJson();

}  // namespace roilens::sources
