#include "roilens/attribution/attribute.hpp"

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "roilens/attribution/catalogue.hpp"
#include "roilens/attribution/inputs.hpp"
#include "roilens/attribution/journey_builder.hpp"
#include "roilens/attribution/markov.hpp"
#include "roilens/attribution/rule_models.hpp"
#include "roilens/attribution/shapley.hpp"

namespace roilens::attribution {
namespace {

using nlohmann::json;

json bilingual(std::string_view en, std::string_view fr) {
  return json{{"en", std::string(en)}, {"fr", std::string(fr)}};
}

std::vector<ModelId> selectedModels(const AttributionOptions& options) {
  if (options.model != "all") return {*modelFromKey(options.model)};
  std::vector<ModelId> models;
  for (const ModelInfo& info : modelCatalogue()) {
    const std::optional<int> order = markovOrder(info.id);
    if (order && std::find(options.markov_orders.begin(), options.markov_orders.end(), *order) ==
                     options.markov_orders.end()) {
      continue;
    }
    models.push_back(info.id);
  }
  return models;
}

// Spend per channel, when all of that channel's costs share one currency (never summed across).
struct ChannelCost {
  double cost = 0.0;
  std::set<std::string> currencies;
};

std::map<std::string, ChannelCost> costsByChannel(const model::Dataset& dataset) {
  std::map<std::string, ChannelCost> costs;
  for (const model::Cost& cost : dataset.costs) {
    ChannelCost& channel = costs[cost.channel];
    channel.cost += cost.cost;
    channel.currencies.insert(cost.currency);
  }
  return costs;
}

std::optional<double> ratio(double numerator, double denominator) {
  if (denominator == 0.0) return std::nullopt;
  return numerator / denominator;
}

json nullable(std::optional<double> value) { return value ? json(*value) : json(nullptr); }

json channelRows(const ChannelCredits& credits, const std::map<std::string, ChannelCost>& costs) {
  json rows = json::array();
  for (const auto& [channel, credit] : credits) {
    json row{{"channel", channel}, {"conversions", credit.conversions}, {"value", credit.value}};
    const auto cost = costs.find(channel);
    if (cost != costs.end() && cost->second.currencies.size() == 1) {
      const double spend = cost->second.cost;
      row["cost"] = spend;
      row["currency"] = *cost->second.currencies.begin();
      // roi = (attributed revenue − cost) / cost × 100, roas = revenue / cost (KPIS.md §3).
      const std::optional<double> roas = ratio(credit.value, spend);
      row["roi"] = nullable(roas ? std::optional<double>((credit.value - spend) / spend * 100.0)
                                 : std::nullopt);
      row["roas"] = nullable(roas);
      row["cost_per_conversion"] = nullable(ratio(spend, credit.conversions));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

json campaignRows(const CampaignCredits& campaigns) {
  json rows = json::array();
  for (const auto& [key, credit] : campaigns) {
    rows.push_back({{"channel", key.first},
                    {"campaign", key.second.empty() ? json(nullptr) : json(key.second)},
                    {"conversions", credit.conversions},
                    {"value", credit.value}});
  }
  return rows;
}

json milestoneNote(ModelId id, std::span<const Journey> journeys) {
  double by_marker = 0.0;
  double by_position = 0.0;
  for (const Journey& journey : journeys) {
    if (journey.conversions == 0.0 && journey.value == 0.0) continue;
    const MilestoneBasis basis = milestoneBasis(id, journey);
    if (basis == MilestoneBasis::kMarker) by_marker += 1.0;
    if (basis == MilestoneBasis::kPosition) by_position += 1.0;
  }
  json note{{"journeys_with_lead_date", by_marker}, {"journeys_with_middle_touch", by_position}};
  if (by_position > 0.0) {
    note["note"] = bilingual(
        "Without a lead-creation date, the middle touch of the journey stood in for the lead "
        "milestone (and the touches a third and two thirds of the way for full path).",
        "Faute de date de création du lead, le contact du milieu du parcours a tenu lieu de jalon "
        "lead (et ceux au tiers et aux deux tiers du parcours pour le modèle parcours complet).");
  }
  return note;
}

json markovJson(const MarkovAttribution& markov) {
  const MarkovChain& chain = markov.chain;
  return {{"conversion_probability", markov.base.conversion_probability},
          {"expected_value_per_journey", markov.base.expected_value},
          {"removal_effects", markov.removal_effects},
          {"value_removal_effects", markov.value_removal_effects},
          {"states", chain.stateCount() - 1},
          {"transition_matrix", transitionMatrixJson(chain)}};
}

struct Totals {
  Credit credit;
  double journeys = 0.0;
  std::size_t with_timestamps = 0;
  bool any_campaign = false;
};

Totals totalsOf(std::span<const Journey> journeys) {
  Totals totals;
  for (const Journey& journey : journeys) {
    totals.credit.conversions += journey.conversions;
    totals.credit.value += journey.value;
    totals.journeys += journey.conversions + journey.nulls;
    if (journey.has_timestamps) ++totals.with_timestamps;
    for (const Touch& touch : journey.touches) totals.any_campaign |= !touch.campaign.empty();
  }
  return totals;
}

std::string timeBasis(const Totals& totals, std::size_t journey_count) {
  if (totals.with_timestamps == journey_count) return "timestamps";
  return totals.with_timestamps == 0 ? "steps" : "mixed";
}

Error missingInput(const std::string& en, const std::string& fr) {
  return Error{ErrorCode::kMissingInput, en, fr, {}};
}

struct ModelRun {
  const std::span<const Journey> journeys;
  const Totals& totals;
  const AttributionOptions& options;
};

ChannelCredits runRuleBased(ModelId id, const ModelRun& run, json& entry, json& result) {
  RuleCredits rule = attributeRuleBased(id, run.journeys, run.options.half_life_days);
  const std::string key(modelInfo(id).key);
  if (run.totals.any_campaign) result["campaigns"][key] = campaignRows(rule.campaigns);
  if (id == ModelId::kWShaped || id == ModelId::kFullPath) {
    entry["milestones"] = milestoneNote(id, run.journeys);
  }
  return std::move(rule.channels);
}

Result<ChannelCredits> runMarkov(int order, const ModelRun& run, json& result) {
  Result<MarkovAttribution> markov = attributeMarkov(run.journeys, order, run.totals.credit);
  if (!markov) return markov.error();
  result["markov"][std::to_string(order)] = markovJson(markov.value());
  return std::move(markov.value().credits);
}

ChannelCredits runShapley(const ModelRun& run, json& result) {
  ChannelCredits credits = attributeShapley(run.journeys);
  json conversion_phi = json::object(), value_phi = json::object();
  for (const auto& [channel, credit] : credits) {
    conversion_phi[channel] = credit.conversions;
    value_phi[channel] = credit.value;
  }
  result["shapley"] = {{"method", "closed_form"},
                       {"channels", credits.size()},
                       {"conversion_phi", std::move(conversion_phi)},
                       {"value_phi", std::move(value_phi)}};
  return credits;
}

// Runs one model and appends its entry (and its Markov / Shapley / campaign details).
std::optional<Error> runModel(ModelId id, const ModelRun& run,
                              const std::map<std::string, ChannelCost>& costs, json& result) {
  const ModelInfo& info = modelInfo(id);
  json entry{{"id", std::string(info.key)},
             {"label", bilingual(info.label_en, info.label_fr)},
             {"definition", bilingual(info.definition_en, info.definition_fr)}};
  ChannelCredits credits;
  if (isRuleBased(id)) {
    credits = runRuleBased(id, run, entry, result);
  } else if (const std::optional<int> order = markovOrder(id)) {
    Result<ChannelCredits> markov = runMarkov(*order, run, result);
    if (!markov) return markov.error();
    credits = std::move(markov.value());
  } else {
    credits = runShapley(run, result);
  }
  entry["channels"] = channelRows(credits, costs);
  result["models"].push_back(std::move(entry));
  return std::nullopt;
}

// Totals, bases and options echoed, and the conversions that could not be attributed.
json resultHeader(const JourneySet& set, const Totals& totals, const AttributionOptions& options) {
  json result{
      {"totals", {{"conversions", totals.credit.conversions}, {"value", totals.credit.value}}},
      {"journeys", totals.journeys},
      {"journey_records", set.journeys.size()},
      {"time_basis", timeBasis(totals, set.journeys.size())},
      {"half_life_days", options.half_life_days},
      {"lookback_days", options.lookback_days},
      {"conversion", conversionEventKey(options.conversion)},
      {"models", json::array()}};
  if (set.unattributed_events > 0.0) {
    result["unattributed"] = {
        {"conversions", set.unattributed.conversions},
        {"value", set.unattributed.value},
        {"note", bilingual("Conversions with no touch in the lookback window (or no date) are "
                           "not in the totals.",
                           "Les conversions sans point de contact dans la fenêtre d'analyse (ou "
                           "sans date) ne sont pas dans les totaux.")}};
  }
  return result;
}

}  // namespace

Result<nlohmann::json> attribute(const model::Dataset& dataset, const AttributionOptions& options) {
  if (options.model != "all" && !modelFromKey(options.model)) {
    return parseAttributionOptions(json{{"model", options.model}}).error();
  }
  Result<JourneySet> built = buildJourneys(dataset, options);
  if (!built) return built.error();
  const JourneySet& set = built.value();
  if (set.journeys.empty()) {
    const InputGap gap = journeyGap();
    return missingInput("No customer journey to attribute: add a path file or " + gap.what_en + ".",
                        "Aucun parcours client à attribuer : ajoutez un fichier de chemins ou " +
                            gap.what_fr + ".");
  }
  const Totals totals = totalsOf(set.journeys);
  if (totals.credit.conversions <= 0.0) {
    return missingInput(std::string("No conversion (") + conversionEventKey(options.conversion) +
                            ") follows the journeys: there is nothing to attribute.",
                        std::string("Aucune conversion (") +
                            conversionEventKey(options.conversion) +
                            ") ne suit les parcours : il n'y a rien à attribuer.");
  }
  json result = resultHeader(set, totals, options);
  const std::map<std::string, ChannelCost> costs = costsByChannel(dataset);
  const ModelRun run{set.journeys, totals, options};
  for (ModelId id : selectedModels(options)) {
    if (std::optional<Error> error = runModel(id, run, costs, result)) {
      return *error;
    }
  }
  return result;
}

}  // namespace roilens::attribution
