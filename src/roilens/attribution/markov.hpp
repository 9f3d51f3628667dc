#pragma once
// Markov-chain attribution by removal effect (Anderl, Becker, von Wangenheim & Schumann 2014),
// solved exactly on the absorbing chain (no simulation, no seed).
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "roilens/attribution/journey.hpp"
#include "roilens/core/error.hpp"

namespace roilens::attribution {

// Transient states are tuples of the last (up to) `order` channels of a journey after consecutive
// repeats are collapsed; state 0 is (start) with the empty tuple. Absorbing states (conversion,
// null) are kept as per-state weights. Weights count journeys: conversions + nulls per step.
struct MarkovChain {
  struct Edge {
    std::size_t to = 0;
    double weight = 0.0;
  };
  int order = 1;
  std::vector<std::string> channels;                   // distinct channels, sorted
  std::vector<std::vector<std::size_t>> state_tuples;  // indices into channels
  std::vector<std::vector<Edge>> edges;                // transient → transient
  std::vector<double> to_conversion;                   // weight of state → (conversion)
  std::vector<double> to_null;                         // weight of state → (null)
  std::vector<double> conversion_value;  // value of the conversions entered from this state
  std::vector<double> out_weight;        // all outgoing weight of the state

  std::size_t stateCount() const { return state_tuples.size(); }
  std::string stateName(std::size_t state) const;  // "(start)", "alpha", "alpha > beta"
};

MarkovChain buildMarkovChain(std::span<const Journey> journeys, int order);

struct Absorption {
  double conversion_probability = 0.0;  // P(start reaches conversion)
  // Expected conversion value per journey. Conversions entered from state s are valued at the
  // mean conversion value of the journeys that converted from s (ChannelAttribution's rule).
  double expected_value = 0.0;
  int sweeps = 0;  // Gauss–Seidel sweeps used
};

// Solves the absorbing chain; states flagged in `removed` send all their traffic to (null).
// Gauss–Seidel until no unknown moves by more than 1e-15 (relative to max(1, |x|)).
Result<Absorption> solveAbsorption(const MarkovChain& chain, const std::vector<bool>& removed);

// States whose tuple contains the channel (removing a channel removes all of them).
std::vector<bool> statesWithChannel(const MarkovChain& chain, std::size_t channel);

struct MarkovAttribution {
  int order = 1;
  Absorption base;
  std::map<std::string, double> removal_effects;        // 1 − P(conv | k removed) / P(conv)
  std::map<std::string, double> value_removal_effects;  // same on the expected value
  ChannelCredits credits;  // totals split in proportion to the removal effects
  MarkovChain chain;
};

Result<MarkovAttribution> attributeMarkov(std::span<const Journey> journeys, int order,
                                          Credit totals);

// {"from state": {"to state": probability}} including "(conversion)" and "(null)".
nlohmann::json transitionMatrixJson(const MarkovChain& chain);

}  // namespace roilens::attribution
