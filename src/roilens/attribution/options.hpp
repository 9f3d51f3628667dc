#pragma once
// What the caller asks of the attribution: which models, time decay, lookback, conversion event.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "roilens/core/error.hpp"

namespace roilens::attribution {

// Which event closes a contact journey built from touchpoints.
enum class ConversionEvent {
  kPurchase,  // a won deal or a paid order/charge, valued at its amount
  kCustomer,  // the contact becoming a customer, valued at its revenue
  kLead,      // the contact becoming a lead (no value)
};

struct AttributionOptions {
  std::string model = "all";  // "all" or one model id (catalogue.hpp)
  double half_life_days = 7.0;
  double lookback_days = 90.0;
  ConversionEvent conversion = ConversionEvent::kPurchase;
  std::vector<int> markov_orders = {1, 2, 3};  // orders computed when model is "all"
};

// Reads options from JSON; missing keys keep their defaults, null means default too.
// Unknown keys, wrong types and out-of-range values are errors (column = the key).
Result<AttributionOptions> parseAttributionOptions(const nlohmann::json& json);

const char* conversionEventKey(ConversionEvent event);

}  // namespace roilens::attribution
