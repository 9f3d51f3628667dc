// The digamma function against published constants and against the derivative of ln Γ.
#include "roilens/clv/digamma.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>

namespace roilens::clv {
namespace {

constexpr double kEulerGamma = 0.57721566490153286061;  // Euler–Mascheroni constant

TEST(Digamma, PublishedValues) {
  // ψ(1) = −γ; ψ(1/2) = −γ − 2 ln 2; ψ(1/4) = −γ − π/2 − 3 ln 2 (Gauss's digamma theorem,
  // A&S 6.3.2, 6.3.3, DLMF 5.4.19).
  EXPECT_NEAR(digamma(1.0), -kEulerGamma, 2e-15);
  EXPECT_NEAR(digamma(0.5), -kEulerGamma - 2.0 * std::numbers::ln2, 2e-15);
  EXPECT_NEAR(digamma(0.25), -kEulerGamma - std::numbers::pi / 2 - 3.0 * std::numbers::ln2, 4e-15);
}

TEST(Digamma, HarmonicNumbersAtIntegers) {
  // ψ(n + 1) = H_n − γ (A&S 6.3.2), across the switch from recurrence to series at 10.
  double harmonic = 0.0;
  for (int n = 1; n <= 40; ++n) {
    harmonic += 1.0 / n;
    EXPECT_NEAR(digamma(n + 1.0), harmonic - kEulerGamma, 4e-15) << n;
  }
}

TEST(Digamma, IsTheDerivativeOfLogGamma) {
  // Central difference of std::lgamma with h = 1e-5: error ≈ h² ψ''/6 plus rounding ≈ 1e-10·ψ''.
  for (const double x : {0.03, 0.2426, 0.79, 2.43, 6.25, 9.999, 10.0, 37.4, 1234.5}) {
    const double h = 1e-5 * x;
    const double slope = (std::lgamma(x + h) - std::lgamma(x - h)) / (2.0 * h);
    EXPECT_NEAR(digamma(x), slope, 1e-7 * (1.0 + std::fabs(slope))) << x;
  }
}

TEST(Digamma, OutsideItsDomainIsNotANumber) {
  // ψ has poles at 0, −1, −2, …; the likelihoods only need x > 0. Huge negative x must not loop.
  EXPECT_TRUE(std::isnan(digamma(0.0)));
  EXPECT_TRUE(std::isnan(digamma(-1e300)));
  EXPECT_TRUE(std::isnan(digamma(-std::numeric_limits<double>::infinity())));
  EXPECT_TRUE(std::isnan(digamma(std::numeric_limits<double>::quiet_NaN())));
}

}  // namespace
}  // namespace roilens::clv
