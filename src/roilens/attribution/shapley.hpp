#pragma once
// Shapley-value attribution over channels (the "sum over subsets" game of Zhao et al. 2018,
// with conversion rates).
//
// Characteristic function: journeys are grouped by their channel SET T (order and repeats
// ignored); r(T) = conversions(T) / (conversions(T) + nulls(T)) is the observed conversion rate
// of the journeys whose channel set is exactly T. The worth of a coalition S is
//   v(S) = Σ_{T ⊆ S} r(T),
// the conversion rates of every combination of S's channels that was observed. The value game
// uses the value per journey, value(T) / (conversions(T) + nulls(T)), in place of r(T).
// Shapley values φ_i = Σ_{S ∌ i} |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)) are finally scaled so
// that the channels' conversions and values add up exactly to the totals.
#include <cstdint>
#include <map>
#include <span>
#include <string>

#include "roilens/attribution/journey.hpp"

namespace roilens::attribution {

struct ShapleySettings {
  int max_exact_channels = 15;  // up to this many channels: exact sum over all 2^n coalitions
  int permutations = 2000;      // above: this many seeded random channel orders
  std::uint64_t seed = 1;
};

struct ShapleyAttribution {
  bool exact = true;
  int channel_count = 0;
  int permutations = 0;                          // 0 when exact
  std::map<std::string, double> conversion_phi;  // unscaled Shapley values of the rate game
  std::map<std::string, double> value_phi;       // unscaled Shapley values of the value game
  ChannelCredits credits;                        // scaled to the totals
};

ShapleyAttribution attributeShapley(std::span<const Journey> journeys, const ShapleySettings& s,
                                    Credit totals);

}  // namespace roilens::attribution
