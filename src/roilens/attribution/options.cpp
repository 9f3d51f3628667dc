#include "roilens/attribution/options.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "roilens/attribution/catalogue.hpp"

namespace roilens::attribution {
namespace {

using nlohmann::json;

Error optionError(const std::string& key, const std::string& en, const std::string& fr) {
  return Error{ErrorCode::kInvalidArgument, "Attribution option '" + key + "': " + en,
               "Option d'attribution « " + key + " » : " + fr, Position{"", 0, key}};
}

constexpr std::array<std::string_view, 5> kKnownKeys{"model", "half_life_days", "lookback_days",
                                                     "conversion", "markov_orders"};

// A strictly positive, finite number of days.
std::optional<Error> readDays(const json& j, const std::string& key, double& out) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  const json& v = j.at(key);
  if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() <= 0.0) {
    return optionError(key, "expected a number of days greater than 0.",
                       "un nombre de jours supérieur à 0 est attendu.");
  }
  out = v.get<double>();
  return std::nullopt;
}

std::optional<Error> readModel(const json& j, AttributionOptions& out) {
  if (!j.contains("model") || j.at("model").is_null()) return std::nullopt;
  const json& v = j.at("model");
  if (v.is_string() && (v.get<std::string>() == "all" || modelFromKey(v.get<std::string>()))) {
    out.model = v.get<std::string>();
    return std::nullopt;
  }
  std::string ids = "all";
  for (const ModelInfo& info : modelCatalogue()) ids += ", " + std::string(info.key);
  return optionError("model", "unknown model; choose one of: " + ids + ".",
                     "modèle inconnu ; choisissez parmi : " + ids + ".");
}

std::optional<Error> readConversion(const json& j, AttributionOptions& out) {
  if (!j.contains("conversion") || j.at("conversion").is_null()) return std::nullopt;
  const json& v = j.at("conversion");
  for (ConversionEvent event :
       {ConversionEvent::kPurchase, ConversionEvent::kCustomer, ConversionEvent::kLead}) {
    if (v.is_string() && v.get<std::string>() == conversionEventKey(event)) {
      out.conversion = event;
      return std::nullopt;
    }
  }
  return optionError("conversion", "expected \"purchase\", \"customer\" or \"lead\".",
                     "« purchase », « customer » ou « lead » est attendu.");
}

std::optional<Error> readMarkovOrders(const json& j, AttributionOptions& out) {
  if (!j.contains("markov_orders") || j.at("markov_orders").is_null()) return std::nullopt;
  const json& v = j.at("markov_orders");
  std::vector<int> orders;
  bool valid = v.is_array();
  for (const json& item : valid ? v : json::array()) {
    if (!item.is_number_integer() || item.get<long long>() < 1 || item.get<long long>() > 3) {
      valid = false;
      break;
    }
    orders.push_back(static_cast<int>(item.get<long long>()));
  }
  if (!valid) {
    return optionError("markov_orders", "expected a list of orders among 1, 2 and 3.",
                       "une liste d'ordres parmi 1, 2 et 3 est attendue.");
  }
  std::sort(orders.begin(), orders.end());
  orders.erase(std::unique(orders.begin(), orders.end()), orders.end());
  out.markov_orders = orders;
  return std::nullopt;
}

}  // namespace

const char* conversionEventKey(ConversionEvent event) {
  switch (event) {
    case ConversionEvent::kPurchase:
      return "purchase";
    case ConversionEvent::kCustomer:
      return "customer";
    case ConversionEvent::kLead:
      return "lead";
  }
  return "purchase";
}

Result<AttributionOptions> parseAttributionOptions(const nlohmann::json& json) {
  AttributionOptions options;
  if (json.is_null()) return options;
  if (!json.is_object()) {
    return optionError("options", "expected a JSON object.", "un objet JSON est attendu.");
  }
  for (const auto& [key, value] : json.items()) {
    if (std::find(kKnownKeys.begin(), kKnownKeys.end(), key) == kKnownKeys.end()) {
      return optionError(key, "unknown option.", "option inconnue.");
    }
  }
  const std::optional<Error> errors[] = {
      readModel(json, options),
      readDays(json, "half_life_days", options.half_life_days),
      readDays(json, "lookback_days", options.lookback_days),
      readConversion(json, options),
      readMarkovOrders(json, options),
  };
  for (const std::optional<Error>& error : errors) {
    if (error) return *error;
  }
  return options;
}

}  // namespace roilens::attribution
