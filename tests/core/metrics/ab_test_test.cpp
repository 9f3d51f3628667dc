// The A/B statistics against hand arithmetic and closed forms.
#include "roilens/metrics/ab_test.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace roilens::metrics {
namespace {

TEST(TwoProportionZTest, TextbookExample) {
  // A: 200 conversions / 1000, B: 250 / 1000.
  // pooled p = 450 / 2000 = 0.225; SE = √(0.225 × 0.775 × (1/1000 + 1/1000)) = √0.00034875 =
  // 0.0186748 z = (0.25 − 0.20) / 0.0186748 = 2.677398; two-sided p = 2 (1 − Φ(2.677398)) =
  // 0.0074196 (Φ(2.68) = 0.99632 in the normal table gives 0.0074 to the table's precision). 95 %
  // CI: SE' = √(0.2 × 0.8 / 1000 + 0.25 × 0.75 / 1000) = √0.0003475 = 0.0186414; 0.05 ± 1.959964 ×
  // 0.0186414 = [0.0134630, 0.0865370].
  const auto t = twoProportionZTest(200, 1000, 250, 1000);
  ASSERT_TRUE(t.has_value());
  EXPECT_DOUBLE_EQ(t->rate_a, 0.2);
  EXPECT_DOUBLE_EQ(t->difference, 0.05);
  EXPECT_NEAR(t->z, 2.677398, 1e-6);
  EXPECT_NEAR(t->p_value, 0.0074196, 1e-7);
  EXPECT_NEAR(t->ci_low, 0.0134630, 1e-6);
  EXPECT_NEAR(t->ci_high, 0.0865370, 1e-6);
}

TEST(TwoProportionZTest, UndefinedCasesAreNone) {
  EXPECT_FALSE(twoProportionZTest(0, 0, 1, 10).has_value());     // no trials
  EXPECT_FALSE(twoProportionZTest(0, 10, 0, 10).has_value());    // pooled rate 0: no variance
  EXPECT_FALSE(twoProportionZTest(10, 10, 10, 10).has_value());  // pooled rate 1
  EXPECT_FALSE(twoProportionZTest(11, 10, 1, 10).has_value());   // more conversions than trials
}

TEST(ProbabilityBBeatsA, ClosedFormsForSmallCases) {
  // A: 0/1 → Beta(1, 2), density 2(1 − x); B: 1/1 → Beta(2, 1), density 2y.
  // P(B > A) = ∫₀¹ 2(1 − x) · P(B > x) dx = ∫₀¹ 2(1 − x)(1 − x²) dx
  //          = 2 (1 − 1/2 − 1/3 + 1/4) = 5/6.
  EXPECT_NEAR(*probabilityBBeatsA(0, 1, 1, 1), 5.0 / 6, 1e-12);
  // Reversed: 1 − 5/6 = 1/6.
  EXPECT_NEAR(*probabilityBBeatsA(1, 1, 0, 1), 1.0 / 6, 1e-12);
  // No data: two uniform posteriors, P = 1/2; identical data: 1/2 by symmetry.
  EXPECT_NEAR(*probabilityBBeatsA(0, 0, 0, 0), 0.5, 1e-12);
  EXPECT_NEAR(*probabilityBBeatsA(30, 100, 30, 100), 0.5, 1e-9);
  // A: 0/0 → Beta(1, 1); B: 2/2 → Beta(3, 1), P(B > x) = 1 − x³: ∫₀¹ (1 − x³) dx = 3/4.
  EXPECT_NEAR(*probabilityBBeatsA(0, 0, 2, 2), 0.75, 1e-12);
  EXPECT_FALSE(probabilityBBeatsA(3, 2, 0, 1).has_value());
}

TEST(ProbabilityBBeatsA, LargeCountsStayFinite) {
  // 250/1000 vs 200/1000: z ≈ 2.68, so P(B > A) is close to Φ(2.68) ≈ 0.996.
  const double p = *probabilityBBeatsA(200, 1000, 250, 1000);
  EXPECT_GT(p, 0.99);
  EXPECT_LT(p, 1.0);
}

}  // namespace
}  // namespace roilens::metrics
