#include "roilens/session/session.hpp"

#include <utility>

#include "roilens/attribution/attribute.hpp"
#include "roilens/attribution/options.hpp"
#include "roilens/clv/clv.hpp"
#include "roilens/metrics/catalogue.hpp"
#include "roilens/metrics/period.hpp"
#include "roilens/report/report.hpp"
#include "roilens/sources/field_catalogue_json.hpp"

namespace roilens {
namespace {

Error invalidOption(const std::string& what_en, const std::string& what_fr) {
  return Error{ErrorCode::kInvalidArgument, what_en, what_fr, {}};
}

// Report options arrive from JS or the command line; fill in the user's time zone when not given.
// CLV groups purchases by the user's calendar day; attribution works on UTC instants.
nlohmann::json withTimeZone(const nlohmann::json& options, int utc_offset_minutes) {
  nlohmann::json out = options.is_object() ? options : nlohmann::json::object();
  if (!out.contains("utc_offset_minutes")) out["utc_offset_minutes"] = utc_offset_minutes;
  return out;
}

// {"from": "2025-01-01", "to": "2025-01-31"}: the days a file covers when it says none.
Result<std::pair<model::DayNumber, model::DayNumber>> parsePeriod(const nlohmann::json& period) {
  const auto day = [&](const char* key) -> std::optional<model::DayNumber> {
    const auto it = period.find(key);
    if (it == period.end() || !it->is_string()) return std::nullopt;
    return metrics::parseIsoDate(it->get<std::string>());
  };
  const auto from = period.is_object() ? day("from") : std::nullopt;
  const auto to = period.is_object() ? day("to") : std::nullopt;
  if (!from || !to || *from > *to) {
    return invalidOption("period: expected {\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}, from before to",
                         "period : attendu {\"from\": \"AAAA-MM-JJ\", \"to\": \"AAAA-MM-JJ\"}, from avant to");
  }
  return std::pair{*from, *to};
}

}  // namespace

Result<SessionOptions> parseSessionOptions(const nlohmann::json& options) {
  SessionOptions out;
  if (options.is_null()) return out;
  if (!options.is_object()) {
    return invalidOption("session options must be a JSON object",
                         "les options de session doivent être un objet JSON");
  }
  if (const auto it = options.find("utc_offset_minutes"); it != options.end()) {
    if (!it->is_number_integer() || it->get<int>() < -14 * 60 || it->get<int>() > 14 * 60) {
      return invalidOption("utc_offset_minutes must be an integer between -840 and 840",
                           "utc_offset_minutes doit être un entier entre -840 et 840");
    }
    out.utc_offset_minutes = it->get<int>();
  }
  return out;
}

Result<sources::FileOptions> parseFileOptions(const nlohmann::json& options) {
  sources::FileOptions out;
  if (options.is_null()) return out;
  if (!options.is_object()) {
    return invalidOption("file options must be a JSON object",
                         "les options de fichier doivent être un objet JSON");
  }
  if (const auto it = options.find("tool"); it != options.end() && it->is_string()) {
    out.tool = it->get<std::string>();
  }
  if (const auto it = options.find("sheet"); it != options.end() && it->is_string()) {
    out.sheet = it->get<std::string>();
  }
  if (const auto it = options.find("columns"); it != options.end() && it->is_object()) {
    for (const auto& [header, field] : it->items()) {
      if (!field.is_string()) {
        return invalidOption("columns: each header maps to a field name (a string)",
                             "columns : chaque en-tête correspond à un nom de champ (texte)");
      }
      out.columns[header] = field.get<std::string>();
    }
  }
  if (const auto it = options.find("period"); it != options.end() && !it->is_null()) {
    auto period = parsePeriod(*it);
    if (!period) return period.error();
    out.period = period.value();
  }
  if (const auto it = options.find("column_indexes"); it != options.end() && it->is_object()) {
    for (const auto& [field, index] : it->items()) {
      if (!index.is_number_integer() || index.get<int>() < 1) {
        return invalidOption("column_indexes: each field maps to a column number from 1",
                             "column_indexes : chaque champ correspond à un numéro de colonne à partir de 1");
      }
      out.column_indexes[field] = index.get<int>();
    }
  }
  return out;
}

Session::Session(SessionOptions options)
    : options_(options), ingest_(sources::IngestOptions{options.utc_offset_minutes}) {}

void Session::beginFile(std::string name, sources::FileOptions options) {
  ingest_.beginFile(std::move(name), std::move(options));
}

void Session::feed(std::string_view bytes) { ingest_.feed(bytes); }

nlohmann::json Session::endFile() { return sources::toJson(ingest_.endFile()); }

nlohmann::json Session::inspect() const {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& file : ingest_.files()) files.push_back(sources::toJson(file));
  return {{"files", files}};
}

Result<nlohmann::json> Session::report(const nlohmann::json& options) const {
  auto parsed = report::parseReportOptions(withTimeZone(options, options_.utc_offset_minutes));
  if (!parsed) return parsed.error();
  return report::buildReport(ingest_.dataset(), parsed.value());
}

Result<nlohmann::json> Session::attribution(const nlohmann::json& options) const {
  auto parsed = attribution::parseAttributionOptions(options);
  if (!parsed) return parsed.error();
  return attribution::attribute(ingest_.dataset(), parsed.value());
}

Result<nlohmann::json> Session::clv(const nlohmann::json& options) const {
  auto parsed = clv::parseClvOptions(withTimeZone(options, options_.utc_offset_minutes));
  if (!parsed) return parsed.error();
  return clv::analyse(ingest_.dataset(), parsed.value());
}

nlohmann::json Session::catalogue() { return metrics::catalogueJson(); }

nlohmann::json Session::fields() { return sources::fieldCatalogueJson(); }

}  // namespace roilens
