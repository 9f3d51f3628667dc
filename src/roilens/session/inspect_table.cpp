#include "roilens/session/inspect_table.hpp"

#include <iomanip>
#include <string>

namespace roilens {
namespace {

std::string text(const nlohmann::json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void writeFile(const nlohmann::json& file, std::ostream& out, bool french) {
  const nlohmann::json rows = file.value("rows", nlohmann::json::object());
  out << text(file.value("file", nlohmann::json())) << "\n";
  out << "  " << (french ? "outil" : "tool") << ": " << text(file.value("tool", nlohmann::json()))
      << " (" << (french ? "confiance" : "confidence") << " " << std::fixed << std::setprecision(2)
      << file.value("confidence", 0.0) << ")\n";
  out << "  " << (french ? "tables" : "tables") << ": " << text(file.value("tables", nlohmann::json()))
      << "\n";
  out << "  " << (french ? "lignes lues / gardées / rejetées / ignorées" : "rows read / kept / rejected / skipped")
      << ": " << text(rows.value("read", nlohmann::json())) << " / "
      << text(rows.value("kept", nlohmann::json())) << " / "
      << text(rows.value("rejected", nlohmann::json())) << " / "
      << text(rows.value("skipped", nlohmann::json())) << "\n";
  const nlohmann::json range = file.value("date_range", nlohmann::json::object());
  if (range.is_object()) {
    out << "  " << (french ? "période" : "dates") << ": " << text(range.value("from", nlohmann::json()))
        << " → " << text(range.value("to", nlohmann::json())) << "\n";
  }
  out << "  " << (french ? "devise" : "currency") << ": " << text(file.value("currency", nlohmann::json()))
      << "\n";
  for (const auto& rejection : file.value("rejections", nlohmann::json::array())) {
    out << "  " << (french ? "rejet" : "rejected") << ": "
        << text(rejection.value(french ? "reason_fr" : "reason", nlohmann::json())) << "\n";
  }
  const char* warnings_key = french && file.contains("warnings_fr") ? "warnings_fr" : "warnings";
  for (const auto& warning : file.value(warnings_key, nlohmann::json::array())) {
    out << "  " << (french ? "attention" : "warning") << ": " << text(warning) << "\n";
  }
}

}  // namespace

void writeInspectTable(const nlohmann::json& inspect, std::ostream& out, bool french) {
  for (const auto& file : inspect.value("files", nlohmann::json::array())) writeFile(file, out, french);
}

void writeCatalogueTable(const nlohmann::json& catalogue, std::ostream& out, bool french) {
  const char* lang = french ? "fr" : "en";
  for (const auto& entry : catalogue) {
    const nlohmann::json label = entry.value("label", nlohmann::json::object());
    const nlohmann::json formula = entry.value("formula", nlohmann::json::object());
    out << std::left << std::setw(32) << text(entry.value("id", nlohmann::json())) << " "
        << text(label.value(lang, nlohmann::json())) << " = " << text(formula.value(lang, nlohmann::json()))
        << "\n";
  }
}

}  // namespace roilens
