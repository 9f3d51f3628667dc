// Text outputs of a report: JSON lines (one value per line) and a readable table per period.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "roilens/metrics/catalogue.hpp"
#include "roilens/report/report.hpp"

namespace roilens::report {
namespace {

using nlohmann::json;

// French writes 0,43 % and "n.d." (non disponible) where English writes 0.43 % and "n/a".
std::string formatNumber(const json& v, std::string_view unit, bool french) {
  if (!v.is_number()) return french ? "n.d." : "n/a";
  const double x = v.get<double>();
  char buffer[64];
  if (unit == "percent") {
    std::snprintf(buffer, sizeof buffer, "%.2f %%", x);
  } else if (x == std::floor(x) && std::fabs(x) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", x);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.2f", x);
  }
  std::string out = buffer;
  if (french) std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

std::string dimensionsText(const json& dims) {
  std::string out;
  for (const auto& [key, value] : dims.items()) {
    out += (out.empty() ? "" : ", ") + key + "=" + value.get<std::string>();
  }
  return out;
}

std::string padded(std::string text, std::size_t width) {
  // Count UTF-8 code points so accented French labels line up.
  std::size_t chars = 0;
  for (const unsigned char c : text) chars += (c & 0xC0) != 0x80;
  if (chars < width) text.append(width - chars, ' ');
  return text;
}

}  // namespace

void writeJsonl(const json& report, std::ostream& out) {
  if (!report.contains("values")) return;
  for (const json& v : report["values"]) {
    nlohmann::ordered_json line;
    for (const char* key : {"kpi", "period", "dimensions", "value", "numerator", "denominator"}) {
      line[key] = v.contains(key) ? v[key] : json(nullptr);
    }
    out << line.dump() << '\n';
  }
}

void writeTable(const json& report, std::ostream& out, bool french) {
  const char* lang = french ? "fr" : "en";
  std::map<std::string, std::pair<std::string, std::string>> labels;  // id → (label, unit)
  for (const auto& k : metrics::catalogueJson()) {
    labels[k["id"].get<std::string>()] = {k["label"][lang].get<std::string>(),
                                          k["unit"].get<std::string>()};
  }
  const json empty = json::array();
  const json& values = report.contains("values") ? report["values"] : empty;
  for (const json& p : report.value("periods", empty)) {
    const std::string label = p["label"].get<std::string>();
    out << "== " << label << " (" << p["start"].get<std::string>() << " .. "
        << p["end"].get<std::string>() << ") ==\n";
    out << padded(french ? "KPI" : "KPI", 44) << padded(french ? "Segment" : "Slice", 36)
        << padded(french ? "Valeur" : "Value", 16)
        << (french ? "Numérateur / dénominateur" : "Numerator / denominator") << '\n';
    for (const json& v : values) {
      if (v["period"] != label) continue;
      const auto& [name, unit] = labels[v["kpi"].get<std::string>()];
      std::string operands = formatNumber(v["numerator"], "count", french);
      if (!v["denominator"].is_null())
        operands += " / " + formatNumber(v["denominator"], "count", french);
      out << padded(name, 44) << padded(dimensionsText(v["dimensions"]), 36)
          << padded(formatNumber(v["value"], unit, french), 16) << operands << '\n';
    }
    out << '\n';
  }
  for (const json& m : report.value("missing_inputs", empty)) {
    out << (french ? "Donnée manquante" : "Missing input") << " [" << m["kpi"].get<std::string>()
        << "]: " << m["message"][lang].get<std::string>() << '\n';
  }
}

}  // namespace roilens::report
