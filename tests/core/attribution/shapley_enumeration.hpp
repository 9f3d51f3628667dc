#pragma once
// The Shapley value by its definition, for tests: every coalition S of the n channels, the
// characteristic function v(S) = conversions (value) of the journeys whose channel set is a
// subset of S (Zhao et al. 2018), and φ_i = Σ_{S ∌ i} |S|!(n−|S|−1)!/n! (v(S ∪ {i}) − v(S)).
// Exponential in n: for checking the closed form, not for production.
#include <bit>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "journey_fixtures.hpp"
#include "roilens/attribution/journey.hpp"

namespace roilens::attribution::testing {

struct EnumeratedShapley {
  std::vector<std::string> channels;  // sorted
  std::vector<double> conversions;    // φ of the conversion game, per channel
  std::vector<double> value;          // φ of the value game
};

inline EnumeratedShapley enumerateShapley(const std::vector<Journey>& journeys) {
  std::set<std::string> names;
  for (const Journey& j : journeys) {
    for (const Touch& t : j.touches) names.insert(t.channel);
  }
  EnumeratedShapley out{{names.begin(), names.end()}, {}, {}};
  const std::size_t n = out.channels.size();
  std::vector<std::uint32_t> masks;  // each journey's channel set as a bit mask
  for (const Journey& j : journeys) {
    std::uint32_t mask = 0;
    for (const Touch& t : j.touches) {
      for (std::size_t i = 0; i < n; ++i) {
        if (out.channels[i] == t.channel) mask |= std::uint32_t{1} << i;
      }
    }
    masks.push_back(mask);
  }
  const std::uint32_t coalitions = std::uint32_t{1} << n;
  std::vector<double> v(coalitions, 0.0), v_value(coalitions, 0.0);
  for (std::uint32_t s = 0; s < coalitions; ++s) {
    for (std::size_t k = 0; k < journeys.size(); ++k) {
      if ((masks[k] & ~s) == 0) {  // the journey's channels are all in S
        v[s] += journeys[k].conversions;
        v_value[s] += journeys[k].value;
      }
    }
  }
  std::vector<double> factorial(n + 1, 1.0);
  for (std::size_t k = 1; k <= n; ++k) factorial[k] = factorial[k - 1] * static_cast<double>(k);
  out.conversions.assign(n, 0.0);
  out.value.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t bit = std::uint32_t{1} << i;
    for (std::uint32_t s = 0; s < coalitions; ++s) {
      if (s & bit) continue;
      const auto size = static_cast<std::size_t>(std::popcount(s));
      const double weight = factorial[size] * factorial[n - size - 1] / factorial[n];
      out.conversions[i] += weight * (v[s | bit] - v[s]);
      out.value[i] += weight * (v_value[s | bit] - v_value[s]);
    }
  }
  return out;
}

// Seven journeys over three channels, used by several tests.
inline std::vector<Journey> threeChannelJourneys() {
  return {pathJourney("a", 2, 20, 2),         pathJourney("b", 1, 5, 4),
          pathJourney("c", 0, 0, 3),          pathJourney("a > b", 3, 40, 1),
          pathJourney("b > c > b", 2, 10, 2), pathJourney("a > c > b", 4, 44, 0),
          pathJourney("c > a", 1, 7, 1)};
}

}  // namespace roilens::attribution::testing
