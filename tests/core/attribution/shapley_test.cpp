// Shapley attribution: a 2-channel game by hand, and the exact enumeration against the closed
// form of the sum-over-subsets game.
#include "roilens/attribution/shapley.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "journey_fixtures.hpp"

namespace roilens::attribution {
namespace {

using testing::pathJourney;

constexpr double kEps = 1e-12;

TEST(Shapley, TwoChannelsByHand) {
  // Rates by channel set: {a} 1/(1+1) = 0.5, {b} 1/(1+3) = 0.25, {a,b} 3/(3+1) = 0.75.
  // v(∅) = 0, v(a) = 0.5, v(b) = 0.25, v(ab) = 0.5 + 0.25 + 0.75 = 1.5.
  // φa = ½[v(a) − v(∅)] + ½[v(ab) − v(b)] = ½ · 0.5 + ½ · 1.25 = 0.875
  // φb = ½[v(b) − v(∅)] + ½[v(ab) − v(a)] = ½ · 0.25 + ½ · 1.0  = 0.625   (sum 1.5 = v(ab))
  // Conversions 1 + 1 + 3 = 5 → a 5 · 0.875/1.5 = 35/12, b 5 · 0.625/1.5 = 25/12.
  // Value game (value per journey): {a} 8/2 = 4, {b} 4/4 = 1, {a,b} 24/4 = 6 → φa = ½·4 + ½·10 = 7,
  // φb = ½·1 + ½·7 = 4; value 36 → a 36 · 7/11, b 36 · 4/11.
  const std::vector<Journey> journeys{pathJourney("a", 1, 8, 1), pathJourney("b", 1, 4, 3),
                                      pathJourney("b > a > b", 3, 24, 1)};
  const ShapleyAttribution s = attributeShapley(journeys, {}, {5.0, 36.0});
  EXPECT_TRUE(s.exact);
  EXPECT_NEAR(s.conversion_phi.at("a"), 0.875, kEps);
  EXPECT_NEAR(s.conversion_phi.at("b"), 0.625, kEps);
  EXPECT_NEAR(s.credits.at("a").conversions, 35.0 / 12, kEps);
  EXPECT_NEAR(s.credits.at("b").conversions, 25.0 / 12, kEps);
  EXPECT_NEAR(s.credits.at("a").value, 36.0 * 7 / 11, kEps);
  EXPECT_NEAR(s.credits.at("b").value, 36.0 * 4 / 11, kEps);
}

std::vector<Journey> threeChannelJourneys() {
  return {pathJourney("a", 2, 20, 2),         pathJourney("b", 1, 5, 4),
          pathJourney("c", 0, 0, 3),          pathJourney("a > b", 3, 40, 1),
          pathJourney("b > c > b", 2, 10, 2), pathJourney("a > c > b", 4, 44, 0),
          pathJourney("c > a", 1, 7, 1)};
}

// v is a sum of unanimity games r(T)·u_T, so φ_i = Σ_{T ∋ i} r(T) / |T| (independent method).
std::map<std::string, double> closedForm(const std::vector<Journey>& journeys) {
  std::map<std::set<std::string>, std::pair<double, double>> by_set;  // conversions, journeys
  for (const Journey& j : journeys) {
    std::set<std::string> members;
    for (const Touch& t : j.touches) members.insert(t.channel);
    by_set[members].first += j.conversions;
    by_set[members].second += j.conversions + j.nulls;
  }
  std::map<std::string, double> phi;
  for (const auto& [members, counts] : by_set) {
    for (const std::string& c : members) phi[c] += counts.first / counts.second / members.size();
  }
  return phi;
}

TEST(Shapley, ThreeChannelsMatchTheClosedForm) {
  // Hand check of the closed form: rates {a} 2/4, {b} 1/5, {c} 0, {a,b} 3/4, {b,c} 2/4,
  // {a,b,c} 4/4, {a,c} 1/2 → φa = 0.5 + 0.75/2 + 1/3 + 0.5/2 = 1.4583333…
  const std::vector<Journey> journeys = threeChannelJourneys();
  const std::map<std::string, double> expected = closedForm(journeys);
  EXPECT_NEAR(expected.at("a"), 0.5 + 0.375 + 1.0 / 3 + 0.25, kEps);
  const ShapleyAttribution s = attributeShapley(journeys, {}, {13.0, 126.0});
  for (const auto& [channel, phi] : expected) {
    EXPECT_NEAR(s.conversion_phi.at(channel), phi, kEps) << channel;
  }
  double sum = 0.0;
  for (const auto& [channel, credit] : s.credits) sum += credit.conversions;
  EXPECT_NEAR(sum, 13.0, 1e-9);
}

TEST(Shapley, SampledApproximationIsSeededAndClose) {
  const std::vector<Journey> journeys = threeChannelJourneys();
  const ShapleySettings sampled{0, 20000, 42};  // force the approximation
  const ShapleyAttribution first = attributeShapley(journeys, sampled, {13.0, 126.0});
  const ShapleyAttribution again = attributeShapley(journeys, sampled, {13.0, 126.0});
  EXPECT_FALSE(first.exact);
  EXPECT_EQ(first.permutations, 20000);
  const std::map<std::string, double> expected = closedForm(journeys);
  for (const auto& [channel, phi] : expected) {
    EXPECT_EQ(first.conversion_phi.at(channel), again.conversion_phi.at(channel));
    // Each permutation's estimate is bounded by Σ r(T) ≈ 3.45; 20,000 draws → error ≪ 0.05.
    EXPECT_NEAR(first.conversion_phi.at(channel), phi, 0.05) << channel;
  }
  double sum = 0.0;
  for (const auto& [channel, credit] : first.credits) sum += credit.value;
  EXPECT_NEAR(sum, 126.0, 1e-9);
}

}  // namespace
}  // namespace roilens::attribution
