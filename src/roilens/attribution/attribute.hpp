#pragma once
// Attribution of a data set's conversions and revenue to channels under every model, side by side.
#include <nlohmann/json.hpp>
#include <ostream>

#include "roilens/attribution/options.hpp"
#include "roilens/core/error.hpp"
#include "roilens/model/dataset.hpp"

namespace roilens::attribution {

// {"totals":{"conversions","value"}, "journeys", "journey_records", "time_basis",
//  "models":[{"id","label":{"en","fr"},"definition":{"en","fr"},"channels":[{"channel",
//  "conversions","value","cost"?,"roi"?,"roas"?,"cost_per_conversion"?}]}],
//  "markov":{"1":{...}}, "shapley":{...}, "campaigns":{model id:[...]}?, "unattributed"?, "notes"}
// (schema in docs/attribution.md). Every model's channels sum to the totals.
Result<nlohmann::json> attribute(const model::Dataset& dataset, const AttributionOptions& options);

// One line per model and channel: {"model","channel","conversions","value"}.
void writeJsonl(const nlohmann::json& result, std::ostream& out);

// Channels down, models across: conversions, then value; French labels and decimal commas when
// `french`.
void writeTable(const nlohmann::json& result, std::ostream& out, bool french = false);

}  // namespace roilens::attribution
