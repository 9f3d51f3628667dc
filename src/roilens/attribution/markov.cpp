#include "roilens/attribution/markov.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace roilens::attribution {
namespace {

constexpr double kTolerance = 1e-15;
constexpr int kMaxSweeps = 1'000'000;

// Channel indices of the journey with consecutive repeats collapsed ("a > a > b" → a, b).
std::vector<std::size_t> collapsedPath(const Journey& journey,
                                       const std::map<std::string, std::size_t>& index) {
  std::vector<std::size_t> path;
  for (const Touch& touch : journey.touches) {
    const std::size_t channel = index.at(touch.channel);
    if (path.empty() || path.back() != channel) path.push_back(channel);
  }
  return path;
}

class ChainBuilder {
 public:
  explicit ChainBuilder(MarkovChain& chain) : chain_(chain) { stateOf({}); }

  std::size_t stateOf(const std::vector<std::size_t>& tuple) {
    const auto [it, inserted] = ids_.try_emplace(tuple, chain_.state_tuples.size());
    if (inserted) {
      chain_.state_tuples.push_back(tuple);
      weights_.emplace_back();
      chain_.to_conversion.push_back(0.0);
      chain_.to_null.push_back(0.0);
      chain_.conversion_value.push_back(0.0);
      chain_.out_weight.push_back(0.0);
    }
    return it->second;
  }

  void addJourney(const std::vector<std::size_t>& path, const Journey& journey) {
    const double weight = journey.conversions + journey.nulls;
    std::size_t from = 0;
    for (std::size_t t = 0; t < path.size(); ++t) {
      const std::size_t first = t + 1 > static_cast<std::size_t>(chain_.order)
                                    ? t + 1 - static_cast<std::size_t>(chain_.order)
                                    : 0;
      const std::size_t to = stateOf({path.begin() + static_cast<std::ptrdiff_t>(first),
                                      path.begin() + static_cast<std::ptrdiff_t>(t + 1)});
      weights_[from][to] += weight;
      chain_.out_weight[from] += weight;
      from = to;
    }
    chain_.to_conversion[from] += journey.conversions;
    chain_.conversion_value[from] += journey.value;
    chain_.to_null[from] += journey.nulls;
    chain_.out_weight[from] += journey.conversions + journey.nulls;
  }

  void finish() {
    chain_.edges.resize(weights_.size());
    for (std::size_t s = 0; s < weights_.size(); ++s) {
      for (const auto& [to, weight] : weights_[s]) chain_.edges[s].push_back({to, weight});
    }
  }

 private:
  MarkovChain& chain_;
  std::map<std::vector<std::size_t>, std::size_t> ids_;
  std::vector<std::map<std::size_t, double>> weights_;
};

bool moved(double before, double after) {
  return std::abs(after - before) > kTolerance * std::max(1.0, std::abs(after));
}

}  // namespace

std::string MarkovChain::stateName(std::size_t state) const {
  if (state == 0) return "(start)";
  std::string name;
  for (std::size_t channel : state_tuples[state]) {
    if (!name.empty()) name += " > ";
    name += channels[channel];
  }
  return name;
}

MarkovChain buildMarkovChain(std::span<const Journey> journeys, int order) {
  MarkovChain chain;
  chain.order = order;
  std::set<std::string> names;
  for (const Journey& journey : journeys) {
    for (const Touch& touch : journey.touches) names.insert(touch.channel);
  }
  chain.channels.assign(names.begin(), names.end());
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < chain.channels.size(); ++i) index[chain.channels[i]] = i;

  ChainBuilder builder(chain);
  for (const Journey& journey : journeys) {
    if (journey.touches.empty() || journey.conversions + journey.nulls <= 0.0) continue;
    builder.addJourney(collapsedPath(journey, index), journey);
  }
  builder.finish();
  return chain;
}

Result<Absorption> solveAbsorption(const MarkovChain& chain, const std::vector<bool>& removed) {
  const std::size_t n = chain.stateCount();
  std::vector<double> conversion(n, 0.0);  // P(reach conversion | in state)
  std::vector<double> value(n, 0.0);       // expected conversion value | in state
  for (int sweep = 1; sweep <= kMaxSweeps; ++sweep) {
    bool changed = false;
    // States are numbered as journeys first reach them, so successors mostly carry higher
    // numbers: sweeping backwards propagates absorption values in few sweeps.
    for (std::size_t s = n; s-- > 0;) {
      if (removed[s] || chain.out_weight[s] <= 0.0) continue;  // stays 0: all traffic to null
      double p = chain.to_conversion[s];
      double v = chain.conversion_value[s];
      for (const MarkovChain::Edge& edge : chain.edges[s]) {
        p += edge.weight * conversion[edge.to];
        v += edge.weight * value[edge.to];
      }
      p /= chain.out_weight[s];
      v /= chain.out_weight[s];
      changed = changed || moved(conversion[s], p) || moved(value[s], v);
      conversion[s] = p;
      value[s] = v;
    }
    if (!changed) return Absorption{conversion[0], value[0], sweep};
  }
  return Error{ErrorCode::kNotConverged,
               "The Markov chain did not converge; the journeys may be too long to solve.",
               "La chaîne de Markov n'a pas convergé ; les parcours sont peut-être trop longs.",
               {}};
}

std::vector<bool> statesWithChannel(const MarkovChain& chain, std::size_t channel) {
  std::vector<bool> removed(chain.stateCount(), false);
  for (std::size_t s = 0; s < chain.stateCount(); ++s) {
    const std::vector<std::size_t>& tuple = chain.state_tuples[s];
    removed[s] = std::find(tuple.begin(), tuple.end(), channel) != tuple.end();
  }
  return removed;
}

Result<MarkovAttribution> attributeMarkov(std::span<const Journey> journeys, int order,
                                          Credit totals) {
  MarkovAttribution out;
  out.chain = buildMarkovChain(journeys, order);
  const MarkovChain& chain = out.chain;
  Result<Absorption> base = solveAbsorption(chain, std::vector<bool>(chain.stateCount(), false));
  if (!base) return base.error();
  out.order = order;
  out.base = base.value();
  double effect_sum = 0.0;
  double value_effect_sum = 0.0;
  for (std::size_t c = 0; c < chain.channels.size(); ++c) {
    Result<Absorption> without = solveAbsorption(chain, statesWithChannel(chain, c));
    if (!without) return without.error();
    const Absorption& w = without.value();
    const Absorption& b = out.base;
    const double effect = b.conversion_probability > 0.0
                              ? 1.0 - w.conversion_probability / b.conversion_probability
                              : 0.0;
    const double value_effect =
        b.expected_value != 0.0 ? 1.0 - w.expected_value / b.expected_value : 0.0;
    out.removal_effects[chain.channels[c]] = effect;
    out.value_removal_effects[chain.channels[c]] = value_effect;
    effect_sum += effect;
    value_effect_sum += value_effect;
  }
  for (const std::string& channel : chain.channels) {
    Credit& credit = out.credits[channel];
    if (effect_sum > 0.0) {
      credit.conversions = totals.conversions * out.removal_effects[channel] / effect_sum;
    }
    if (value_effect_sum != 0.0) {
      credit.value = totals.value * out.value_removal_effects[channel] / value_effect_sum;
    }
  }
  return out;
}

nlohmann::json transitionMatrixJson(const MarkovChain& chain) {
  nlohmann::json matrix = nlohmann::json::object();
  for (std::size_t s = 0; s < chain.stateCount(); ++s) {
    const double out = chain.out_weight[s];
    if (out <= 0.0) continue;
    nlohmann::json row = nlohmann::json::object();
    for (const MarkovChain::Edge& edge : chain.edges[s]) {
      row[chain.stateName(edge.to)] = edge.weight / out;
    }
    if (chain.to_conversion[s] > 0.0) row["(conversion)"] = chain.to_conversion[s] / out;
    if (chain.to_null[s] > 0.0) row["(null)"] = chain.to_null[s] / out;
    matrix[chain.stateName(s)] = std::move(row);
  }
  return matrix;
}

}  // namespace roilens::attribution
