#pragma once
// Comparing two variants' conversion rates (KPIS.md §6 ab_test, seed 003 §7).
#include <optional>

namespace roilens::metrics {

struct ProportionTest {
  double rate_a = 0.0;  // conversions / trials, as a fraction
  double rate_b = 0.0;
  double difference = 0.0;  // rate_b − rate_a
  double z = 0.0;           // pooled two-proportion z statistic
  double p_value = 1.0;     // two-sided
  double ci_low = 0.0;      // 95 % confidence interval of the difference (unpooled Wald)
  double ci_high = 0.0;
};

// None when a variant has no trials, conversions exceed trials, or the pooled rate is 0 or 1
// (no variance: the z statistic is undefined).
std::optional<ProportionTest> twoProportionZTest(double conversions_a, double trials_a,
                                                 double conversions_b, double trials_b);

// P(p_B > p_A) with independent Beta(1 + conversions, 1 + failures) posteriors (uniform priors),
// computed exactly by Evan Miller's closed form for integer parameters (no sampling).
std::optional<double> probabilityBBeatsA(long conversions_a, long trials_a, long conversions_b,
                                         long trials_b);

}  // namespace roilens::metrics
