#include <cmath>
#include <cstdio>
#include <string>

#include "roilens/clv/clv.hpp"

namespace roilens::clv {
namespace {

Error badOption(const std::string& key, const std::string& en, const std::string& fr) {
  return Error{ErrorCode::kInvalidArgument, std::string("CLV option '") + key + "': " + en,
               std::string("option CLV '") + key + "' : " + fr, Position{"", 0, key}};
}

std::optional<model::DayNumber> parseIsoDate(const std::string& text) {
  int year = 0, month = 0, day = 0;
  char tail = 0;
  if (text.size() != 10 ||
      std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3) {
    return std::nullopt;
  }
  const model::CivilDate date{year, month, day};
  if (!model::isValidCivil(date)) return std::nullopt;
  return model::daysFromCivil(date);
}

std::string shortNumber(double v) {  // 0.999 rather than std::to_string's 0.999000
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

// Reads a number option within [low, high] (bounds inclusive unless told otherwise).
Result<double> number(const nlohmann::json& value, const std::string& key, double low, double high,
                      bool low_open) {
  if (!value.is_number()) return badOption(key, "must be a number", "doit être un nombre");
  const double v = value.get<double>();
  if (!(low_open ? v > low : v >= low) || !(v <= high)) {
    std::string range(low_open ? "(" : "[");  // built by appending: GCC 12 -Wrestrict noise
    range += shortNumber(low);
    range += ", ";
    range += shortNumber(high);
    range += "]";
    return badOption(key, "must lie in " + range, "doit être dans " + range);
  }
  return v;
}

}  // namespace

Result<ClvOptions> parseClvOptions(const nlohmann::json& json) {
  ClvOptions options;
  if (json.is_null()) return options;
  if (!json.is_object()) {
    return badOption("", "options must be a JSON object", "les options doivent être un objet JSON");
  }
  for (const auto& [key, value] : json.items()) {
    if (key == "unit") {
      const auto unit = value.is_string() ? parseTimeUnit(value.get<std::string>()) : std::nullopt;
      if (!unit)
        return badOption(key, "must be day, week or month", "doit être day, week ou month");
      options.unit = *unit;
    } else if (key == "calibration_end") {
      if (value.is_null()) continue;
      const auto day = value.is_string() ? parseIsoDate(value.get<std::string>()) : std::nullopt;
      if (!day || *day < kFirstPurchaseDay || *day > kLastPurchaseDay) {
        const std::string range =
            model::isoDate(kFirstPurchaseDay) + " .. " + model::isoDate(kLastPurchaseDay);
        return badOption(key, "must be a date YYYY-MM-DD in " + range,
                         "doit être une date AAAA-MM-JJ dans " + range);
      }
      options.calibration_end = *day;
    } else if (key == "horizon_months") {
      // Whole months; 12.0 from a command line is fine, 1.5 is not.
      const Result<double> v = number(value, key, 1.0, 600.0, false);
      if (!v || v.value() != std::floor(v.value())) {
        return badOption(key, "must be a whole number of months from 1 to 600",
                         "doit être un nombre entier de mois de 1 à 600");
      }
      options.horizon_months = static_cast<int>(v.value());
    } else if (key == "utc_offset_minutes") {
      const Result<double> v = number(value, key, -1440.0, 1440.0, false);
      if (!v || v.value() != std::floor(v.value())) {
        return badOption(key, "must be whole minutes east of UTC, from -1440 to 1440",
                         "doit être un nombre entier de minutes à l'est d'UTC, de -1440 à 1440");
      }
      options.utc_offset_minutes = static_cast<int>(v.value());
    } else if (key == "discount") {
      const Result<double> v = number(value, key, 0.0, 0.999, false);
      if (!v) return v.error();
      options.discount = v.value();
    } else if (key == "penalizer") {
      const Result<double> v = number(value, key, 0.0, 1e6, false);
      if (!v) return v.error();
      options.penalizer = v.value();
    } else if (key == "margin") {
      if (value.is_null()) continue;
      const Result<double> v = number(value, key, 0.0, 1.0, true);
      if (!v) return v.error();
      options.margin = v.value();
    } else if (key == "units_per_month") {
      if (value.is_null()) continue;
      const Result<double> v = number(value, key, 0.0, 1e6, true);
      if (!v) return v.error();
      options.units_per_month = v.value();
    } else {
      return badOption(
          key,
          "unknown option (known: unit, calibration_end, horizon_months, discount, "
          "penalizer, margin, units_per_month)",
          "option inconnue (connues : unit, calibration_end, horizon_months, discount, "
          "penalizer, margin, units_per_month)");
    }
  }
  return options;
}

}  // namespace roilens::clv
