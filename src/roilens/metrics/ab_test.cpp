#include "roilens/metrics/ab_test.hpp"

#include <cmath>

namespace roilens::metrics {
namespace {

constexpr double kZ975 = 1.959963984540054;  // standard normal 97.5th percentile

double logBeta(double a, double b) { return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b); }

}  // namespace

std::optional<ProportionTest> twoProportionZTest(double xa, double na, double xb, double nb) {
  if (na <= 0 || nb <= 0 || xa < 0 || xb < 0 || xa > na || xb > nb) return std::nullopt;
  ProportionTest t;
  t.rate_a = xa / na;
  t.rate_b = xb / nb;
  t.difference = t.rate_b - t.rate_a;
  const double pooled = (xa + xb) / (na + nb);
  const double se_pooled = std::sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  if (se_pooled == 0.0) return std::nullopt;
  t.z = t.difference / se_pooled;
  t.p_value = std::erfc(std::fabs(t.z) / std::sqrt(2.0));  // 2 × (1 − Φ(|z|))
  const double se = std::sqrt(t.rate_a * (1 - t.rate_a) / na + t.rate_b * (1 - t.rate_b) / nb);
  t.ci_low = t.difference - kZ975 * se;
  t.ci_high = t.difference + kZ975 * se;
  return t;
}

// With A ~ Beta(a_a, b_a), B ~ Beta(a_b, b_b) and integer a_b:
//   P(B > A) = Σ_{i=0}^{a_b−1} B(a_a + i, b_a + b_b) / ((b_b + i) B(1 + i, b_b) B(a_a, b_a))
// (Evan Miller, "Formulas for Bayesian A/B testing"), summed in log space for large counts.
std::optional<double> probabilityBBeatsA(long xa, long na, long xb, long nb) {
  if (na < 0 || nb < 0 || xa < 0 || xb < 0 || xa > na || xb > nb) return std::nullopt;
  const double alpha_a = 1.0 + static_cast<double>(xa);
  const double beta_a = 1.0 + static_cast<double>(na - xa);
  const double alpha_b = 1.0 + static_cast<double>(xb);
  const double beta_b = 1.0 + static_cast<double>(nb - xb);
  double total = 0.0;
  for (long i = 0; i < static_cast<long>(alpha_b); ++i) {
    const double di = static_cast<double>(i);
    total += std::exp(logBeta(alpha_a + di, beta_a + beta_b) - std::log(beta_b + di) -
                      logBeta(1.0 + di, beta_b) - logBeta(alpha_a, beta_a));
  }
  return total;
}

}  // namespace roilens::metrics
