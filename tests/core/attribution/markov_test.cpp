// Markov removal-effect attribution: a chain solved by hand and a brute-force power iteration.
#include "roilens/attribution/markov.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "journey_fixtures.hpp"
#include "markov_brute_force.hpp"

namespace roilens::attribution {
namespace {

using testing::BruteForce;
using testing::pathJourney;

constexpr double kEps = 1e-12;

// J1 "a > b" converts once (value 10); J2 "a" fails once; J3 "b" converts once (value 4), fails
// once.
std::vector<Journey> handJourneys() {
  return {pathJourney("a > b", 1, 10, 0), pathJourney("a", 0, 0, 1), pathJourney("b", 1, 4, 1)};
}

TEST(Markov, OrderOneSolvedByHand) {
  // Transitions (weight = conversions + nulls): start→a 2 (J1, J2), start→b 2 (J3);
  // a→b 1, a→null 1; b→conv 2 (J1, J3), b→null 1.
  // Absorption: P(b) = 2/3; P(a) = 1/2 · 2/3 = 1/3; P(start) = 1/2 · 1/3 + 1/2 · 2/3 = 1/2.
  // Remove a (start→a goes to null): P = 1/2 · 2/3 = 1/3 → RE(a) = 1 − (1/3)/(1/2) = 1/3.
  // Remove b: nothing converts → RE(b) = 1. Conversions 2 split 1/3 : 1 → a 0.5, b 1.5.
  // Value: every conversion enters from b, mean value m(b) = (10 + 4)/2 = 7, so value removal
  // effects equal the conversion ones: 14 split → a 3.5, b 10.5.
  const std::vector<Journey> journeys = handJourneys();
  Result<MarkovAttribution> markov = attributeMarkov(journeys, 1, {2.0, 14.0});
  ASSERT_TRUE(markov.ok());
  const MarkovAttribution& m = markov.value();
  EXPECT_NEAR(m.base.conversion_probability, 0.5, kEps);
  EXPECT_NEAR(m.base.expected_value, 3.5, kEps);  // 1/2 × 7
  EXPECT_NEAR(m.removal_effects.at("a"), 1.0 / 3, kEps);
  EXPECT_NEAR(m.removal_effects.at("b"), 1.0, kEps);
  EXPECT_NEAR(m.credits.at("a").conversions, 0.5, kEps);
  EXPECT_NEAR(m.credits.at("b").conversions, 1.5, kEps);
  EXPECT_NEAR(m.credits.at("a").value, 3.5, kEps);
  EXPECT_NEAR(m.credits.at("b").value, 10.5, kEps);
  const nlohmann::json matrix = transitionMatrixJson(m.chain);
  EXPECT_NEAR(matrix["(start)"]["a"].get<double>(), 0.5, kEps);
  EXPECT_NEAR(matrix["a"]["(null)"].get<double>(), 0.5, kEps);
  EXPECT_NEAR(matrix["b"]["(conversion)"].get<double>(), 2.0 / 3, kEps);
}

TEST(Markov, OrderTwoSolvedByHand) {
  // States: (a), (a,b), (b). start→(a) 2, start→(b) 2; (a)→(a,b) 1, (a)→null 1;
  // (a,b)→conv 1 (value 10); (b)→conv 1 (value 4), (b)→null 1.
  // P = 1/2 · 1/2 · 1 + 1/2 · 1/2 = 1/2. Remove a (drops (a), (a,b)): P = 1/4 → RE(a) = 1/2.
  // Remove b (drops (a,b), (b)): P = 0 → RE(b) = 1. Conversions 2 → a 2·(1/2)/(3/2) = 2/3, b 4/3.
  // Value: E = 1/4 · 10 + 1/4 · 4 = 3.5; without a: 1/4 · 4 = 1 → REv(a) = 1 − 1/3.5 = 5/7;
  // without b: 0 → REv(b) = 1. Value 14 → a 14 · (5/7)/(12/7) = 35/6, b 14 · 1/(12/7) = 49/6.
  Result<MarkovAttribution> markov = attributeMarkov(handJourneys(), 2, {2.0, 14.0});
  ASSERT_TRUE(markov.ok());
  const MarkovAttribution& m = markov.value();
  EXPECT_EQ(m.chain.stateCount(), 4u);  // start + 3
  EXPECT_NEAR(m.removal_effects.at("a"), 0.5, kEps);
  EXPECT_NEAR(m.value_removal_effects.at("a"), 5.0 / 7, kEps);
  EXPECT_NEAR(m.credits.at("a").conversions, 2.0 / 3, kEps);
  EXPECT_NEAR(m.credits.at("b").conversions, 4.0 / 3, kEps);
  EXPECT_NEAR(m.credits.at("a").value, 35.0 / 6, kEps);
  EXPECT_NEAR(m.credits.at("b").value, 49.0 / 6, kEps);
}

TEST(Markov, ConsecutiveRepeatsCollapse) {
  // "a > a > b" is the same chain as "a > b": no self-loop on a.
  const std::vector<Journey> repeated{pathJourney("a > a > b", 1, 0, 1)};
  const MarkovChain chain = buildMarkovChain(repeated, 1);
  EXPECT_EQ(chain.stateCount(), 3u);
  const nlohmann::json matrix = transitionMatrixJson(chain);
  EXPECT_FALSE(matrix["a"].contains("a"));
  EXPECT_NEAR(matrix["a"]["b"].get<double>(), 1.0, kEps);
}

TEST(Markov, AgreesWithBruteForcePowerIteration) {
  // Cycles (a → b → a), repeats and mixed outcomes.
  const std::vector<Journey> journeys{pathJourney("a > b > a > c", 2, 30, 1),
                                      pathJourney("b > a", 1, 5, 3),
                                      pathJourney("c > c > b", 0, 0, 2),
                                      pathJourney("a > b > c > a > b", 1, 12, 1),
                                      pathJourney("d", 1, 2, 5),
                                      pathJourney("c > d > a", 3, 9, 0)};
  const BruteForce brute(journeys);
  const auto [p, v] = brute.absorb("");
  Result<MarkovAttribution> markov = attributeMarkov(journeys, 1, {8.0, 58.0});
  ASSERT_TRUE(markov.ok());
  const MarkovAttribution& m = markov.value();
  EXPECT_NEAR(m.base.conversion_probability, p, 1e-12);
  EXPECT_NEAR(m.base.expected_value, v, 1e-11);
  for (const std::string channel : {"a", "b", "c", "d"}) {
    const auto [p_without, v_without] = brute.absorb(channel);
    EXPECT_NEAR(m.removal_effects.at(channel), 1.0 - p_without / p, 1e-11) << channel;
    EXPECT_NEAR(m.value_removal_effects.at(channel), 1.0 - v_without / v, 1e-11) << channel;
  }
  double conversions = 0.0, value = 0.0;
  for (const auto& [channel, credit] : m.credits) {
    conversions += credit.conversions;
    value += credit.value;
  }
  EXPECT_NEAR(conversions, 8.0, 1e-9);
  EXPECT_NEAR(value, 58.0, 1e-9);
}

TEST(Markov, ResultsDoNotDependOnAnythingButTheData) {
  const std::vector<Journey> journeys{pathJourney("a > b > c", 2, 3, 1),
                                      pathJourney("c > a > b", 1, 1, 4)};
  Result<MarkovAttribution> first = attributeMarkov(journeys, 3, {3.0, 4.0});
  Result<MarkovAttribution> second = attributeMarkov(journeys, 3, {3.0, 4.0});
  ASSERT_TRUE(first.ok() && second.ok());
  for (const auto& [channel, credit] : first.value().credits) {
    EXPECT_EQ(credit.conversions, second.value().credits.at(channel).conversions);
    EXPECT_EQ(credit.value, second.value().credits.at(channel).value);
  }
}

}  // namespace
}  // namespace roilens::attribution
