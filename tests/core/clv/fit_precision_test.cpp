// The fits land on the likelihood's maximum to 1e-10 relative, whatever the build: checked against
// a reference computed here independently, in long double (64-bit mantissa on x86-64), by plain
// Newton iterations on the score equations from the published parameters. Each build (Debug,
// Release, sanitizers) runs this test, so their fits agree with each other to 2e-10.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "cdnow_reader.hpp"
#include "roilens/clv/bgnbd.hpp"
#include "roilens/clv/gamma_gamma.hpp"

namespace roilens::clv {
namespace {

using testing::haveCdnow;
using testing::readSummary;

using Real = long double;

// ψ in long double: recurrence to x ≥ 20, then the asymptotic series to the x^−16 term
// (Bernoulli numbers B_2k / 2k, A&S 6.3.18); omitted terms < 1e-21 at x = 20.
Real digammaReference(Real x) {
  Real shift = 0;
  while (x < 20) {
    shift += 1 / x;
    x += 1;
  }
  const Real u = 1 / (x * x);
  const Real c[] = {1.0L / 12,  -1.0L / 120,     1.0L / 252, -1.0L / 240,
                    1.0L / 132, -691.0L / 32760, 1.0L / 12,  -3617.0L / 8160};
  Real series = 0, power = u;
  for (const Real term : c) {
    series += term * power;
    power *= u;
  }
  return std::log(x) - 1 / (2 * x) - series - shift;
}

// Newton on a score (the gradient of the total log-likelihood in the parameters): the Jacobian
// by central differences, Gaussian elimination with partial pivoting, until the steps are below
// 1e-18 relative (at most 12; from the published 4 to 6 digits it takes 3 or 4).
template <std::size_t N, typename Score>
std::array<Real, N> solveScore(std::array<Real, N> theta, const Score& score) {
  for (int iteration = 0; iteration < 12; ++iteration) {
    const std::array<Real, N> s = score(theta);
    std::array<std::array<Real, N + 1>, N> m{};
    for (std::size_t j = 0; j < N; ++j) {
      std::array<Real, N> up = theta, down = theta;
      const Real h = 1e-7L * theta[j];
      up[j] += h;
      down[j] -= h;
      const std::array<Real, N> su = score(up), sd = score(down);
      for (std::size_t i = 0; i < N; ++i) m[i][j] = (su[i] - sd[i]) / (2 * h);
    }
    for (std::size_t i = 0; i < N; ++i) m[i][N] = -s[i];
    for (std::size_t col = 0; col < N; ++col) {
      std::size_t pivot = col;
      for (std::size_t r = col + 1; r < N; ++r) {
        if (std::fabs(m[r][col]) > std::fabs(m[pivot][col])) pivot = r;
      }
      std::swap(m[col], m[pivot]);
      for (std::size_t r = col + 1; r < N; ++r) {
        const Real f = m[r][col] / m[col][col];
        for (std::size_t k = col; k <= N; ++k) m[r][k] -= f * m[col][k];
      }
    }
    std::array<Real, N> step{};
    for (std::size_t i = N; i-- > 0;) {
      Real v = m[i][N];
      for (std::size_t k = i + 1; k < N; ++k) v -= m[i][k] * step[k];
      step[i] = v / m[i][i];
    }
    Real largest = 0;
    for (std::size_t i = 0; i < N; ++i) {
      theta[i] += step[i];
      largest = std::max(largest, std::fabs(step[i] / theta[i]));
    }
    if (largest < 1e-18L) break;
  }
  return theta;
}

void expectWithin(double actual, Real reference, double relative, const char* name) {
  EXPECT_NEAR(actual, static_cast<double>(reference),
              relative * std::fabs(static_cast<double>(reference)))
      << name;
}

TEST(FitPrecision, GammaGammaOnCdnowIsTheMaximumTo1e10) {
  if (!haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  std::vector<SpendHistory> spends;
  for (const auto& row : readSummary("cdnow_customers_summary_with_transactions.csv")) {
    if (row.x > 0) spends.push_back({row.x, row.zbar});
  }
  // Score of Fader & Hardie's note 025 likelihood: ∂/∂p = Σ x (ψ(px+q) − ψ(px) + ln x + ln m −
  // ln(xm+γ)), ∂/∂q = Σ ψ(px+q) − ψ(q) + ln γ − ln(xm+γ), ∂/∂γ = Σ q/γ − (px+q)/(xm+γ).
  const auto score = [&](const std::array<Real, 3>& t) {
    const Real p = t[0], q = t[1], gamma = t[2];
    std::array<Real, 3> s{};
    for (const SpendHistory& h : spends) {
      const Real x = h.frequency, m = h.monetary_value, px = p * x;
      s[0] += x * (digammaReference(px + q) - digammaReference(px) + std::log(x) + std::log(m) -
                   std::log(x * m + gamma));
      s[1] += digammaReference(px + q) - digammaReference(q) + std::log(gamma) -
              std::log(x * m + gamma);
      s[2] += q / gamma - (px + q) / (x * m + gamma);
    }
    return s;
  };
  const std::array<Real, 3> reference = solveScore<3>({6.25L, 3.74L, 15.44L}, score);  // note 025
  const std::array<Real, 3> at_reference = score(reference);
  for (const Real v : at_reference) ASSERT_LT(std::fabs(v), 1e-9L);  // the reference is a root

  const Result<GammaGammaFit> fit = fitGammaGamma(spends);
  ASSERT_TRUE(fit.ok()) << fit.error().message_en;
  expectWithin(fit.value().params.p, reference[0], 1e-10, "p");
  expectWithin(fit.value().params.q, reference[1], 1e-10, "q");
  expectWithin(fit.value().params.gamma, reference[2], 1e-10, "gamma");
}

TEST(FitPrecision, BgnbdOnCdnowIsTheMaximumTo1e10) {
  if (!haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  std::vector<RepeatHistory> histories;
  for (const auto& row : readSummary("cdnow_customers_summary.csv")) {
    histories.push_back({row.x, row.t_x, row.T});
  }
  // Score of FHL 2005 eq. 6, with w4 the share of the second term (0 when x = 0), w3 = 1 − w4.
  const auto score = [&](const std::array<Real, 4>& t) {
    const Real r = t[0], alpha = t[1], a = t[2], b = t[3];
    std::array<Real, 4> s{};
    for (const RepeatHistory& h : histories) {
      const Real x = h.frequency, big = std::log(alpha + h.age),
                 small = std::log(alpha + h.recency);
      Real w4 = 0;
      if (x > 0) {  // w4 = 1 / (1 + e^(A3 − A4)), A3 − A4 = −(r+x)(L_T − L_t) − ln a + ln(b+x−1)
        w4 = 1 / (1 + std::exp(-(r + x) * (big - small) - std::log(a) + std::log(b + x - 1)));
      }
      const Real w3 = 1 - w4;
      s[0] +=
          digammaReference(r + x) - digammaReference(r) + std::log(alpha) - w3 * big - w4 * small;
      s[1] += r / alpha - (r + x) * (w3 / (alpha + h.age) + w4 / (alpha + h.recency));
      s[2] += digammaReference(a + b) - digammaReference(a + b + x) + w4 / a;
      s[3] += digammaReference(b + x) - digammaReference(b) + digammaReference(a + b) -
              digammaReference(a + b + x) - (x > 0 ? w4 / (b + x - 1) : 0);
    }
    return s;
  };
  // lifetimes' published fit on this file (r, alpha, a, b).
  const std::array<Real, 4> reference =
      solveScore<4>({0.242593L, 4.413532L, 0.792886L, 2.425752L}, score);
  for (const Real v : score(reference)) ASSERT_LT(std::fabs(v), 1e-9L);

  const Result<BgnbdFit> fit = fitBgnbd(histories);
  ASSERT_TRUE(fit.ok()) << fit.error().message_en;
  expectWithin(fit.value().params.r, reference[0], 1e-10, "r");
  expectWithin(fit.value().params.alpha, reference[1], 1e-10, "alpha");
  expectWithin(fit.value().params.a, reference[2], 1e-10, "a");
  expectWithin(fit.value().params.b, reference[3], 1e-10, "b");
}

}  // namespace
}  // namespace roilens::clv
