#include "roilens/attribution/shapley.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <set>
#include <vector>

namespace roilens::attribution {
namespace {

// r(T) and the value per journey of one observed channel set T.
struct CoalitionWorth {
  std::vector<std::size_t> members;  // sorted channel indices
  double rate = 0.0;
  double value_per_journey = 0.0;
};

struct Game {
  std::vector<std::string> channels;
  std::vector<CoalitionWorth> observed;
};

Game buildGame(std::span<const Journey> journeys) {
  std::set<std::string> names;
  for (const Journey& j : journeys) {
    for (const Touch& t : j.touches) names.insert(t.channel);
  }
  Game game{{names.begin(), names.end()}, {}};
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < game.channels.size(); ++i) index[game.channels[i]] = i;

  struct Counts {
    double conversions = 0.0, nulls = 0.0, value = 0.0;
  };
  std::map<std::vector<std::size_t>, Counts> by_set;
  for (const Journey& j : journeys) {
    if (j.touches.empty()) continue;
    std::set<std::size_t> members;
    for (const Touch& t : j.touches) members.insert(index.at(t.channel));
    Counts& counts = by_set[{members.begin(), members.end()}];
    counts.conversions += j.conversions;
    counts.nulls += j.nulls;
    counts.value += j.value;
  }
  for (const auto& [members, counts] : by_set) {
    const double journeys_seen = counts.conversions + counts.nulls;
    if (journeys_seen <= 0.0) continue;  // no observed rate
    game.observed.push_back(
        {members, counts.conversions / journeys_seen, counts.value / journeys_seen});
  }
  return game;
}

// Exact Shapley values: v over all 2^n coalitions by a subset-sum (zeta) transform, then the
// weighted marginal contributions.
void exactShapley(const Game& game, std::vector<double>& phi, std::vector<double>& phi_value) {
  const std::size_t n = game.channels.size();
  const std::size_t coalitions = std::size_t{1} << n;
  std::vector<double> v(coalitions, 0.0);
  std::vector<double> v_value(coalitions, 0.0);
  for (const CoalitionWorth& worth : game.observed) {
    std::size_t mask = 0;
    for (std::size_t m : worth.members) mask |= std::size_t{1} << m;
    v[mask] += worth.rate;
    v_value[mask] += worth.value_per_journey;
  }
  for (std::size_t bit = 0; bit < n; ++bit) {
    for (std::size_t mask = 0; mask < coalitions; ++mask) {
      if (mask & (std::size_t{1} << bit)) {
        v[mask] += v[mask ^ (std::size_t{1} << bit)];
        v_value[mask] += v_value[mask ^ (std::size_t{1} << bit)];
      }
    }
  }
  // weight[s] = s! (n − s − 1)! / n!, built by ratios to stay exact enough for n ≤ 20.
  std::vector<double> weight(n, 0.0);
  if (n > 0) weight[0] = 1.0 / static_cast<double>(n);
  for (std::size_t s = 1; s < n; ++s) {
    weight[s] = weight[s - 1] * static_cast<double>(s) / static_cast<double>(n - s);
  }
  phi.assign(n, 0.0);
  phi_value.assign(n, 0.0);
  for (std::size_t mask = 0; mask < coalitions; ++mask) {
    const auto size = static_cast<std::size_t>(std::popcount(mask));
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t bit = std::size_t{1} << i;
      if (mask & bit) continue;
      phi[i] += weight[size] * (v[mask | bit] - v[mask]);
      phi_value[i] += weight[size] * (v_value[mask | bit] - v_value[mask]);
    }
  }
}

// Uniform integer in [0, bound) from a 64-bit Mersenne Twister by rejection: std::shuffle and
// the std distributions differ between standard libraries, and the wasm build uses libc++.
std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t bound) {
  const std::uint64_t limit =
      std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
  std::uint64_t draw = rng();
  while (draw >= limit) draw = rng();
  return draw % bound;
}

// Permutation sampling: in a random channel order, the marginal contribution of channel i is the
// sum of r(T) over the observed sets T whose last member to arrive is i. Averaged over seeded
// orders this estimates φ without enumerating 2^n coalitions.
void sampledShapley(const Game& game, const ShapleySettings& settings, std::vector<double>& phi,
                    std::vector<double>& phi_value) {
  const std::size_t n = game.channels.size();
  phi.assign(n, 0.0);
  phi_value.assign(n, 0.0);
  std::mt19937_64 rng(settings.seed);
  std::vector<std::size_t> order(n);
  std::vector<std::size_t> arrival(n);
  for (int p = 0; p < settings.permutations; ++p) {
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[uniformBelow(rng, i)]);
    for (std::size_t pos = 0; pos < n; ++pos) arrival[order[pos]] = pos;
    for (const CoalitionWorth& worth : game.observed) {
      const std::size_t last =
          *std::max_element(worth.members.begin(), worth.members.end(),
                            [&](std::size_t a, std::size_t b) { return arrival[a] < arrival[b]; });
      phi[last] += worth.rate;
      phi_value[last] += worth.value_per_journey;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    phi[i] /= settings.permutations;
    phi_value[i] /= settings.permutations;
  }
}

}  // namespace

ShapleyAttribution attributeShapley(std::span<const Journey> journeys,
                                    const ShapleySettings& settings, Credit totals) {
  const Game game = buildGame(journeys);
  ShapleyAttribution out;
  out.channel_count = static_cast<int>(game.channels.size());
  out.exact = out.channel_count <= settings.max_exact_channels;
  out.permutations = out.exact ? 0 : settings.permutations;
  std::vector<double> phi, phi_value;
  if (out.exact) {
    exactShapley(game, phi, phi_value);
  } else {
    sampledShapley(game, settings, phi, phi_value);
  }
  const double phi_sum = std::accumulate(phi.begin(), phi.end(), 0.0);
  const double phi_value_sum = std::accumulate(phi_value.begin(), phi_value.end(), 0.0);
  for (std::size_t i = 0; i < game.channels.size(); ++i) {
    const std::string& channel = game.channels[i];
    out.conversion_phi[channel] = phi[i];
    out.value_phi[channel] = phi_value[i];
    Credit& credit = out.credits[channel];
    if (phi_sum != 0.0) credit.conversions = totals.conversions * phi[i] / phi_sum;
    if (phi_value_sum != 0.0) credit.value = totals.value * phi_value[i] / phi_value_sum;
  }
  return out;
}

}  // namespace roilens::attribution
