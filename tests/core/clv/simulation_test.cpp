// Parameter recovery: data drawn from the models themselves (with a seeded generator written
// here) must be fitted back near the true parameters, and the fitted log-likelihood can never be
// below the one at the true parameters (that is what a maximum is).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "roilens/clv/bgnbd.hpp"
#include "roilens/clv/gamma_gamma.hpp"

namespace roilens::clv {
namespace {

// PCG-style LCG, uniform in (0, 1): portable, unlike std:: distributions.
class Generator {
 public:
  explicit Generator(std::uint64_t seed) : state_(seed) {}
  double uniform() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return (static_cast<double>(state_ >> 11) + 0.5) * 0x1.0p-53;
  }
  double normal() {  // Box–Muller
    return std::sqrt(-2.0 * std::log(uniform())) * std::cos(2.0 * M_PI * uniform());
  }
  double exponential(double rate) { return -std::log(uniform()) / rate; }
  // Marsaglia & Tsang (2000); shape < 1 by the boost G(k) = G(k+1) U^(1/k).
  double gamma(double shape, double rate) {
    if (shape < 1.0) return gamma(shape + 1.0, rate) * std::pow(uniform(), 1.0 / shape);
    const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
      const double z = normal(), v = std::pow(1.0 + c * z, 3);
      if (v > 0.0 && std::log(uniform()) < 0.5 * z * z + d - d * v + d * std::log(v)) {
        return d * v / rate;
      }
    }
  }
  double beta(double a, double b) {
    const double x = gamma(a, 1.0);
    return x / (x + gamma(b, 1.0));
  }

 private:
  std::uint64_t state_;
};

// BG/NBD's story: purchases at rate lambda ~ Gamma(r, alpha) while alive; after each repeat
// purchase the customer leaves with probability p ~ Beta(a, b); observed for T after the first.
std::vector<RepeatHistory> simulateBgnbd(const BgnbdParams& m, int customers, Generator& g) {
  std::vector<RepeatHistory> out;
  for (int i = 0; i < customers; ++i) {
    const double lambda = g.gamma(m.r, m.alpha), p = g.beta(m.a, m.b);
    RepeatHistory h{0.0, 0.0, 26.0 + 26.0 * g.uniform()};
    for (double t = g.exponential(lambda); t <= h.age; t += g.exponential(lambda)) {
      h.frequency += 1.0;
      h.recency = t;
      if (g.uniform() < p) break;
    }
    out.push_back(h);
  }
  return out;
}

TEST(Simulation, BgnbdRecoversItsParameters) {
  const BgnbdParams truth{0.25, 4.0, 0.8, 2.5};
  Generator g(2005);
  const std::vector<RepeatHistory> data = simulateBgnbd(truth, 20000, g);
  const Result<BgnbdFit> fit = fitBgnbd(data);
  ASSERT_TRUE(fit.ok()) << fit.error().message_en;
  const BgnbdParams& p = fit.value().params;
  EXPECT_GE(fit.value().log_likelihood, bgnbdLogLikelihood(truth, data));
  // Standard errors at this size are about 3% (r), 5% (alpha), 13% (a), 17% (b) (CDNOW's
  // published ones scaled by sqrt(2357/20000)); the bounds are about 3 of them.
  EXPECT_NEAR(p.r, truth.r, 0.10 * truth.r);
  EXPECT_NEAR(p.alpha, truth.alpha, 0.15 * truth.alpha);
  EXPECT_NEAR(p.a, truth.a, 0.40 * truth.a);
  EXPECT_NEAR(p.b, truth.b, 0.50 * truth.b);
}

TEST(Simulation, GammaGammaRecoversItsParameters) {
  const GammaGammaParams truth{6.0, 4.0, 15.0};
  Generator g(2013);
  std::vector<SpendHistory> data;
  for (int i = 0; i < 5000; ++i) {
    const double x = 1.0 + std::floor(-std::log(g.uniform()) * 3.0);  // 1, 2, 3, ... repeats
    const double nu = g.gamma(truth.q, truth.gamma);
    double total = 0.0;  // each purchase ~ Gamma(p, nu); their mean is Gamma(p x, nu x)
    for (int k = 0; k < x; ++k) total += g.gamma(truth.p, nu);
    data.push_back({x, total / x});
  }
  const Result<GammaGammaFit> fit = fitGammaGamma(data);
  ASSERT_TRUE(fit.ok()) << fit.error().message_en;
  double at_truth = 0.0;
  for (const SpendHistory& h : data) at_truth += gammaGammaLogLikelihood(truth, h);
  EXPECT_GE(fit.value().log_likelihood, at_truth);
  EXPECT_NEAR(fit.value().params.p, truth.p, 0.15 * truth.p);
  EXPECT_NEAR(fit.value().params.q, truth.q, 0.25 * truth.q);
  EXPECT_NEAR(fit.value().params.gamma, truth.gamma, 0.30 * truth.gamma);
}

}  // namespace
}  // namespace roilens::clv
