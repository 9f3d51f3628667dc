// Text renderings of an attribution result: JSON lines and a side-by-side table.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "roilens/attribution/attribute.hpp"

namespace roilens::attribution {
namespace {

using nlohmann::json;

std::string formatNumber(double value, bool french) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  if (french) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

// channel → one cell per model, in the result's model order.
using Grid = std::map<std::string, std::vector<std::string>>;

Grid gridOf(const json& models, const char* field, bool french) {
  Grid grid;
  for (std::size_t m = 0; m < models.size(); ++m) {
    for (const json& row : models[m].at("channels")) {
      std::vector<std::string>& cells = grid[row.at("channel").get<std::string>()];
      cells.resize(models.size(), "-");
      cells[m] = formatNumber(row.at(field).get<double>(), french);
    }
  }
  return grid;
}

void writeGrid(const std::string& title, const std::vector<std::string>& header, const Grid& grid,
               std::ostream& out) {
  std::vector<std::size_t> width(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) width[c] = header[c].size();
  for (const auto& [channel, cells] : grid) {
    width[0] = std::max(width[0], channel.size());
    for (std::size_t c = 0; c < cells.size(); ++c)
      width[c + 1] = std::max(width[c + 1], cells[c].size());
  }
  const auto pad = [](const std::string& text, std::size_t size, bool left) {
    const std::string fill(size > text.size() ? size - text.size() : 0, ' ');
    return left ? text + fill : fill + text;
  };
  out << title << '\n';
  for (std::size_t c = 0; c < header.size(); ++c)
    out << (c ? "  " : "") << pad(header[c], width[c], c == 0);
  out << '\n';
  for (const auto& [channel, cells] : grid) {
    out << pad(channel, width[0], true);
    for (std::size_t c = 0; c < cells.size(); ++c)
      out << "  " << pad(cells[c], width[c + 1], false);
    out << '\n';
  }
}

}  // namespace

void writeJsonl(const nlohmann::json& result, std::ostream& out) {
  if (!result.contains("models")) return;
  for (const json& model : result.at("models")) {
    for (const json& row : model.at("channels")) {
      out << json{{"model", model.at("id")},
                  {"channel", row.at("channel")},
                  {"conversions", row.at("conversions")},
                  {"value", row.at("value")}}
                 .dump()
          << '\n';
    }
  }
}

void writeTable(const nlohmann::json& result, std::ostream& out, bool french) {
  if (!result.contains("models") || result.at("models").empty()) return;
  const json& models = result.at("models");
  std::vector<std::string> header{french ? "Canal" : "Channel"};
  for (const json& model : models) header.push_back(model.at("id").get<std::string>());
  writeGrid(french ? "Conversions attribuées" : "Attributed conversions", header,
            gridOf(models, "conversions", french), out);
  out << '\n';
  writeGrid(french ? "Valeur attribuée" : "Attributed value", header,
            gridOf(models, "value", french), out);
}

}  // namespace roilens::attribution
