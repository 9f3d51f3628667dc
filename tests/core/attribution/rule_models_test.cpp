// Rule-based models on hand-computed journeys, including the 1-, 2- and 3-touch edge cases.
#include "roilens/attribution/rule_models.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "journey_fixtures.hpp"
#include "roilens/model/time.hpp"

namespace roilens::attribution {
namespace {

using testing::pathJourney;

constexpr double kEps = 1e-12;

void expectWeights(ModelId id, const Journey& journey, const std::vector<double>& expected,
                   double half_life = 7.0) {
  const std::vector<double> weights = touchWeights(id, journey, half_life);
  ASSERT_EQ(weights.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NEAR(weights[i], expected[i], kEps) << modelInfo(id).key << " touch " << i;
  }
}

TEST(RuleModels, FirstLastLinearOnARepeatedChannel) {
  // a > b > a, 2 conversions worth 10: first and last both credit a (2 conv, 10);
  // linear: a has 2 of 3 occurrences → 2 × 2/3 = 4/3 conv, 10 × 2/3 = 20/3; b → 2/3 and 10/3.
  const std::vector<Journey> journeys{pathJourney("a > b > a", 2, 10)};
  const RuleCredits first = attributeRuleBased(ModelId::kFirstTouch, journeys, 7);
  EXPECT_NEAR(first.channels.at("a").conversions, 2.0, kEps);
  EXPECT_NEAR(first.channels.at("b").conversions, 0.0, kEps);
  const RuleCredits last = attributeRuleBased(ModelId::kLastTouch, journeys, 7);
  EXPECT_NEAR(last.channels.at("a").value, 10.0, kEps);
  const RuleCredits linear = attributeRuleBased(ModelId::kLinear, journeys, 7);
  EXPECT_NEAR(linear.channels.at("a").conversions, 4.0 / 3.0, kEps);
  EXPECT_NEAR(linear.channels.at("b").conversions, 2.0 / 3.0, kEps);
  EXPECT_NEAR(linear.channels.at("a").value, 20.0 / 3.0, kEps);
  EXPECT_NEAR(linear.channels.at("b").value, 10.0 / 3.0, kEps);
}

TEST(RuleModels, NonConvertingJourneysGetNoCreditButListTheirChannels) {
  const std::vector<Journey> journeys{pathJourney("a", 1, 5), pathJourney("z", 0, 0, 4)};
  const RuleCredits last = attributeRuleBased(ModelId::kLastTouch, journeys, 7);
  ASSERT_EQ(last.channels.count("z"), 1u);
  EXPECT_EQ(last.channels.at("z").conversions, 0.0);
  EXPECT_EQ(last.channels.at("a").conversions, 1.0);
}

TEST(RuleModels, LastNonDirectSkipsDirectAndFallsBackToDirect) {
  expectWeights(ModelId::kLastNonDirect, pathJourney("Email > Paid Search > Direct > direct"),
                {0, 1, 0, 0});
  expectWeights(ModelId::kLastNonDirect, pathJourney("Direct > (direct)"), {0, 1});
  expectWeights(ModelId::kLastNonDirect, pathJourney("Referral"), {1});
}

TEST(RuleModels, PositionBasedShortJourneysRenormalise) {
  expectWeights(ModelId::kPositionBased, pathJourney("a"), {1.0});
  expectWeights(ModelId::kPositionBased, pathJourney("a > b"), {0.5, 0.5});  // 40/40 → 50/50
  expectWeights(ModelId::kPositionBased, pathJourney("a > b > c"), {0.4, 0.2, 0.4});
  // 5 touches: 40 / (20 ÷ 3 each) / 40.
  expectWeights(ModelId::kPositionBased, pathJourney("a > b > c > d > e"),
                {0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4});
}

TEST(RuleModels, WShapedWithoutLeadMarkerUsesTheMiddleTouch) {
  expectWeights(ModelId::kWShaped, pathJourney("a"), {1.0});
  expectWeights(ModelId::kWShaped, pathJourney("a > b"), {0.5, 0.5});  // 30/30 → 50/50
  expectWeights(ModelId::kWShaped, pathJourney("a > b > c"), {1.0 / 3, 1.0 / 3, 1.0 / 3});
  // 4 touches: middle = index 4/2 = 2 → 30, 10, 30, 30 (the 10% goes to the one free touch).
  expectWeights(ModelId::kWShaped, pathJourney("a > b > c > d"), {0.3, 0.1, 0.3, 0.3});
}

TEST(RuleModels, WShapedWithLeadMarker) {
  Journey journey = pathJourney("a > b > c > d > e");
  journey.lead_touch = 1;  // 30, 30 (lead), 10/2, 10/2, 30
  expectWeights(ModelId::kWShaped, journey, {0.3, 0.3, 0.05, 0.05, 0.3});
  EXPECT_EQ(milestoneBasis(ModelId::kWShaped, journey), MilestoneBasis::kMarker);
  // Lead created on the first touch: the lead milestone coincides and disappears; the shares
  // left (30 + 30 + 10) are renormalised: 30/70 = 3/7 at each end, 10/70/3 = 1/21 in between.
  journey.lead_touch = 0;
  expectWeights(ModelId::kWShaped, journey, {3.0 / 7, 1.0 / 21, 1.0 / 21, 1.0 / 21, 3.0 / 7});
}

TEST(RuleModels, FullPathMilestones) {
  expectWeights(ModelId::kFullPath, pathJourney("a"), {1.0});
  expectWeights(ModelId::kFullPath, pathJourney("a > b"), {0.5, 0.5});
  // 3 touches: lead at 3/3 = 1, opportunity at 6/3 = 2 = last → dropped: 22.5 × 3 → 1/3 each.
  expectWeights(ModelId::kFullPath, pathJourney("a > b > c"), {1.0 / 3, 1.0 / 3, 1.0 / 3});
  expectWeights(ModelId::kFullPath, pathJourney("a > b > c > d"), {0.25, 0.25, 0.25, 0.25});
  // 5 touches: lead at 5/3 = 1, opportunity at 10/3 = 3, the 10% on index 2.
  expectWeights(ModelId::kFullPath, pathJourney("a > b > c > d > e"),
                {0.225, 0.225, 0.1, 0.225, 0.225});
  Journey marked = pathJourney("a > b > c > d > e > f");
  marked.lead_touch = 1;
  marked.opportunity_touch = 4;  // 22.5 at 0, 1, 4, 5; 10 / 2 = 5 at 2 and 3
  expectWeights(ModelId::kFullPath, marked, {0.225, 0.225, 0.05, 0.05, 0.225, 0.225});
}

TEST(RuleModels, JShapedAndInverseJ) {
  expectWeights(ModelId::kJShaped, pathJourney("a"), {1.0});
  expectWeights(ModelId::kJShaped, pathJourney("a > b"), {0.25, 0.75});  // 20/60 → 25/75
  expectWeights(ModelId::kJShaped, pathJourney("a > b > c"), {0.2, 0.2, 0.6});
  expectWeights(ModelId::kJShaped, pathJourney("a > b > c > d"), {0.2, 0.1, 0.1, 0.6});
  expectWeights(ModelId::kInverseJ, pathJourney("a"), {1.0});
  expectWeights(ModelId::kInverseJ, pathJourney("a > b"), {0.75, 0.25});
  expectWeights(ModelId::kInverseJ, pathJourney("a > b > c"), {0.6, 0.2, 0.2});
}

TEST(RuleModels, TimeDecayCountsStepsWithoutTimestamps) {
  expectWeights(ModelId::kTimeDecay, pathJourney("a"), {1.0});
  // Half-life 1 step: ages 2, 1, 0 → weights 1/4, 1/2, 1 (sum 7/4) → 1/7, 2/7, 4/7.
  expectWeights(ModelId::kTimeDecay, pathJourney("a > b > c"), {1.0 / 7, 2.0 / 7, 4.0 / 7}, 1.0);
  // Half-life 7 days = 7 steps: 2 touches, ages 1 and 0 → 2^(-1/7) and 1.
  const double w = std::pow(2.0, -1.0 / 7.0);
  expectWeights(ModelId::kTimeDecay, pathJourney("a > b"), {w / (1 + w), 1 / (1 + w)}, 7.0);
}

TEST(RuleModels, TimeDecayUsesRealTimestamps) {
  const model::Timestamp day = 86400;
  const model::Timestamp converted = model::timestampFromCivil({2025, 3, 31}, 12);
  Journey journey = pathJourney("Email > Paid Search > Direct");
  journey.has_timestamps = true;
  journey.converted_at = converted;
  journey.touches[0].occurred_at = converted - 14 * day;  // 2 half-lives: 1/4
  journey.touches[1].occurred_at = converted - 7 * day;   // 1 half-life: 1/2
  journey.touches[2].occurred_at = converted;             // age 0: 1
  // Sum 7/4 → 1/7, 2/7, 4/7.
  expectWeights(ModelId::kTimeDecay, journey, {1.0 / 7, 2.0 / 7, 4.0 / 7}, 7.0);
  // 21 and 7 days before: 1/8 and 1/2 → 0.2 and 0.8 (the last touch was a day before).
  journey.touches.pop_back();
  journey.touches[0].occurred_at = converted - 21 * day;
  expectWeights(ModelId::kTimeDecay, journey, {0.2, 0.8}, 7.0);
  // Very old journeys do not underflow: 7000 and 7007 days → still 2/3 and 1/3.
  journey.touches[0].occurred_at = converted - 7007 * day;
  journey.touches[1].occurred_at = converted - 7000 * day;
  expectWeights(ModelId::kTimeDecay, journey, {1.0 / 3, 2.0 / 3}, 7.0);
}

TEST(RuleModels, EveryModelSharesSumToOne) {
  const Journey journey = pathJourney("a > b > a > Direct > c > c > d");
  for (const ModelInfo& info : modelCatalogue()) {
    if (!isRuleBased(info.id)) continue;
    double sum = 0.0;
    for (double w : touchWeights(info.id, journey, 7.0)) sum += w;
    EXPECT_NEAR(sum, 1.0, kEps) << info.key;
  }
}

TEST(RuleModels, CampaignCreditsFollowTheTouches) {
  Journey journey = pathJourney("Email > Email", 1, 30);
  journey.touches[0].campaign = "spring";
  journey.touches[1].campaign = "summer";
  const RuleCredits linear = attributeRuleBased(ModelId::kLinear, std::vector<Journey>{journey}, 7);
  EXPECT_NEAR((linear.campaigns.at({"Email", "spring"}).value), 15.0, kEps);
  EXPECT_NEAR((linear.campaigns.at({"Email", "summer"}).value), 15.0, kEps);
  EXPECT_NEAR(linear.channels.at("Email").value, 30.0, kEps);
}

}  // namespace
}  // namespace roilens::attribution
