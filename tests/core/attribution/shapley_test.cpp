// Shapley attribution (Zhao et al. 2018's simplified Shapley value): games worked by hand, and the
// closed form against the Shapley formula enumerated over every coalition.
#include "roilens/attribution/shapley.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "journey_fixtures.hpp"
#include "shapley_enumeration.hpp"

namespace roilens::attribution {
namespace {

using testing::pathJourney;

constexpr double kEps = 1e-12;

TEST(Shapley, TwoChannelsByHand) {
  // R by channel set: {a} 1 conversion (value 8), {b} 1 (4), {a,b} 3 (24); nulls play no part.
  // v(∅) = 0, v(a) = 1, v(b) = 1, v(ab) = 1 + 1 + 3 = 5.
  // φa = ½[v(a) − v(∅)] + ½[v(ab) − v(b)] = ½ · 1 + ½ · 4 = 2.5, φb the same: sum 5 = v(ab).
  // Value: v(a) = 8, v(b) = 4, v(ab) = 36 → φa = ½ · 8 + ½ · 32 = 20, φb = ½ · 4 + ½ · 28 = 16.
  const std::vector<Journey> journeys{pathJourney("a", 1, 8, 1), pathJourney("b", 1, 4, 3),
                                      pathJourney("b > a > b", 3, 24, 1),
                                      pathJourney("a > b", 0, 0, 50)};  // never converted
  const ChannelCredits s = attributeShapley(journeys);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_NEAR(s.at("a").conversions, 2.5, kEps);
  EXPECT_NEAR(s.at("b").conversions, 2.5, kEps);
  EXPECT_NEAR(s.at("a").value, 20.0, kEps);
  EXPECT_NEAR(s.at("b").value, 16.0, kEps);
}

TEST(Shapley, ARareChannelSetWeighsByItsConversionsNotItsRate) {
  // 1,000 journeys through a and 1,000 through b convert 100 times each (rate 0.1); one journey
  // through c converted (rate 1). The game counts conversions: v(S) = 100 per member of {a, b}
  // in S, plus 1 if c is in S, so φa = φb = 100 and φc = 1 (a conversion rate game would give c
  // 1 / 1.2 of all 201 conversions: 167.5).
  const std::vector<Journey> journeys{pathJourney("a", 100, 1000, 900),
                                      pathJourney("b", 100, 1000, 900), pathJourney("c", 1, 10, 0)};
  const ChannelCredits s = attributeShapley(journeys);
  EXPECT_NEAR(s.at("a").conversions, 100.0, kEps);
  EXPECT_NEAR(s.at("b").conversions, 100.0, kEps);
  EXPECT_NEAR(s.at("c").conversions, 1.0, kEps);
  EXPECT_NEAR(s.at("c").value, 10.0, kEps);
}

TEST(Shapley, ThreeChannelsByHand) {
  // Conversions by channel set: {a} 2, {b} 1, {c} 0, {a,b} 3, {b,c} 2, {a,b,c} 4, {a,c} 1.
  // Closed form: φa = 2 + 3/2 + 4/3 + 1/2 = 5.3333…, φb = 1 + 3/2 + 2/2 + 4/3 = 4.8333…,
  // φc = 0 + 2/2 + 4/3 + 1/2 = 2.8333…; sum 13 = all conversions.
  const std::vector<Journey> journeys = testing::threeChannelJourneys();
  const ChannelCredits s = attributeShapley(journeys);
  EXPECT_NEAR(s.at("a").conversions, 2 + 1.5 + 4.0 / 3 + 0.5, kEps);
  EXPECT_NEAR(s.at("b").conversions, 1 + 1.5 + 1 + 4.0 / 3, kEps);
  EXPECT_NEAR(s.at("c").conversions, 1 + 4.0 / 3 + 0.5, kEps);
  // Value: {a} 20, {b} 5, {a,b} 40, {b,c} 10, {a,b,c} 44, {a,c} 7 → φa = 20 + 20 + 44/3 + 3.5.
  EXPECT_NEAR(s.at("a").value, 20 + 20 + 44.0 / 3 + 3.5, kEps);
}

// The Shapley formula itself, Σ_S |S|!(n−|S|−1)!/n! (v(S ∪ {i}) − v(S)), with v(S) counted
// directly over the journeys: an independent check of the closed form.
TEST(Shapley, ClosedFormEqualsTheEnumerationOverEveryCoalition) {
  std::vector<Journey> journeys = testing::threeChannelJourneys();
  // Six channels, repeats and a non-converting journey with an unseen combination.
  journeys.push_back(pathJourney("d > e > d > f", 5, 61, 3));
  journeys.push_back(pathJourney("f > a", 2, 9, 0));
  journeys.push_back(pathJourney("e", 1, 2.5, 7));
  journeys.push_back(pathJourney("c > d > e > f > a > b", 1, 100, 0));
  journeys.push_back(pathJourney("d > c", 0, 0, 12));
  const testing::EnumeratedShapley expected = testing::enumerateShapley(journeys);
  const ChannelCredits s = attributeShapley(journeys);
  ASSERT_EQ(s.size(), expected.channels.size());
  double conversions = 0.0, value = 0.0;
  for (std::size_t i = 0; i < expected.channels.size(); ++i) {
    const Credit& credit = s.at(expected.channels[i]);
    EXPECT_NEAR(credit.conversions, expected.conversions[i], 1e-12) << expected.channels[i];
    EXPECT_NEAR(credit.value, expected.value[i], 1e-11) << expected.channels[i];
    conversions += credit.conversions;
    value += credit.value;
  }
  EXPECT_NEAR(conversions, 13 + 5 + 2 + 1 + 1, 1e-12);  // every conversion, nothing rescaled
  EXPECT_NEAR(value, 126 + 61 + 9 + 2.5 + 100, 1e-11);
}

}  // namespace
}  // namespace roilens::attribution
