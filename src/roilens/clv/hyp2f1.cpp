#include "roilens/clv/hyp2f1.hpp"

#include <cmath>
#include <string>

namespace roilens::clv {
namespace {

constexpr int kMaxTerms = 200000;
constexpr double kTolerance = 1e-16;
constexpr double kSeriesLimit = 0.9;  // above it the 1 - z formula converges much faster
constexpr double kIntegerGap = 1e-3;  // c - a - b closer than this to an integer is perturbed

Error invalid(const std::string& why) {
  return Error{ErrorCode::kInvalidArgument, "2F1: " + why, "2F1 : " + why, {}};
}

bool isNonPositiveInteger(double v) { return v <= 0.0 && v == std::floor(v); }

// Sum of the power series; exact (a polynomial) when a or b is a non-positive integer.
Result<double> series(double a, double b, double c, double z) {
  double term = 1.0;
  double sum = 1.0;
  int small_in_a_row = 0;
  for (int n = 0; n < kMaxTerms; ++n) {
    term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
    if (term == 0.0) return sum;  // a polynomial ended
    sum += term;
    if (!std::isfinite(sum)) break;
    // Stop only past the peak of the terms (ratio below 1), two small terms in a row.
    const double ratio = std::fabs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2.0)) * z);
    small_in_a_row =
        (std::fabs(term) <= kTolerance * std::fabs(sum) && ratio < 1.0) ? small_in_a_row + 1 : 0;
    if (small_in_a_row >= 2) return sum;
  }
  return Error{ErrorCode::kNotConverged,
               "2F1: the series did not converge",
               "2F1 : la série ne converge pas",
               {}};
}

// log|Gamma(v)| with its sign, for v not a non-positive integer.
struct SignedLog {
  double log_abs;
  double sign;
};
SignedLog logGamma(double v) {
  const double sign = (v > 0.0 || static_cast<long long>(std::floor(-v)) % 2 == 1) ? 1.0 : -1.0;
  return {std::lgamma(v), sign};
}
// 1/Gamma(v) is zero at the poles, which is what the connection formula needs there.
SignedLog logReciprocalGamma(double v) {
  if (isNonPositiveInteger(v)) return {-INFINITY, 0.0};
  const SignedLog g = logGamma(v);
  return {-g.log_abs, g.sign};
}

// A&S 15.3.6 for 0 < z < 1 and c - a - b not an integer.
Result<double> connection(double a, double b, double c, double z) {
  const double w = 1.0 - z;
  const Result<double> f1 = series(a, b, a + b - c + 1.0, w);
  const Result<double> f2 = series(c - a, c - b, c - a - b + 1.0, w);
  if (!f1) return f1.error();
  if (!f2) return f2.error();
  const SignedLog gc = logGamma(c);
  const SignedLog g1 = logGamma(c - a - b);
  const SignedLog r1a = logReciprocalGamma(c - a);
  const SignedLog r1b = logReciprocalGamma(c - b);
  const SignedLog g2 = logGamma(a + b - c);
  const SignedLog r2a = logReciprocalGamma(a);
  const SignedLog r2b = logReciprocalGamma(b);
  const double t1 = gc.sign * g1.sign * r1a.sign * r1b.sign *
                    std::exp(gc.log_abs + g1.log_abs + r1a.log_abs + r1b.log_abs) * f1.value();
  const double t2 =
      gc.sign * g2.sign * r2a.sign * r2b.sign *
      std::exp(gc.log_abs + g2.log_abs + r2a.log_abs + r2b.log_abs + (c - a - b) * std::log(w)) *
      f2.value();
  return t1 + t2;
}

// Mean of the values at c + h and c - h: removes the odd terms of the expansion in h.
Result<double> symmetricMean(double a, double b, double c, double z, double h) {
  const Result<double> up = connection(a, b, c + h, z);
  const Result<double> down = connection(a, b, c - h, z);
  if (!up) return up.error();
  if (!down) return down.error();
  return 0.5 * (up.value() + down.value());
}

Result<double> nearOne(double a, double b, double c, double z) {
  const double s = c - a - b;
  if (std::fabs(s - std::round(s)) > kIntegerGap) return connection(a, b, c, z);
  // Degenerate case (logarithmic terms): symmetric means at h and 2h are f + K h^2 + O(h^4) and
  // f + 4 K h^2 + O(h^4); Richardson's extrapolation (4 m(h) - m(2h)) / 3 cancels the h^2 term.
  const double h = 1e-4;
  const Result<double> near = symmetricMean(a, b, c, z, h);
  const Result<double> far = symmetricMean(a, b, c, z, 2.0 * h);
  if (!near) return near.error();
  if (!far) return far.error();
  return (4.0 * near.value() - far.value()) / 3.0;
}

Result<double> unitInterval(double a, double b, double c, double z) {
  if (z <= kSeriesLimit || isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
    return series(a, b, c, z);
  }
  const Result<double> value = nearOne(a, b, c, z);
  if (value && std::isfinite(value.value())) return value.value();
  return series(a, b, c, z);  // slow but exact fallback when the gamma factors overflow
}

}  // namespace

Result<double> hyp2f1(double a, double b, double c, double z) {
  if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(c) || !std::isfinite(z)) {
    return invalid("non-finite argument");
  }
  if (isNonPositiveInteger(c)) return invalid("c must not be 0, -1, -2, ...");
  if (z > 1.0) return invalid("z > 1 gives a complex value");
  if (z == 0.0) return 1.0;
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return series(a, b, c, z);  // polynomial
  if (z == 1.0) {
    if (c - a - b <= 0.0) return invalid("the series diverges at z = 1 when c - a - b <= 0");
    const SignedLog gc = logGamma(c);
    const SignedLog gs = logGamma(c - a - b);
    const SignedLog ra = logReciprocalGamma(c - a);
    const SignedLog rb = logReciprocalGamma(c - b);
    return gc.sign * gs.sign * ra.sign * rb.sign *
           std::exp(gc.log_abs + gs.log_abs + ra.log_abs + rb.log_abs);
  }
  if (z < 0.0) {
    // Pfaff: 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1)), and z/(z-1) lies in (0, 1).
    const Result<double> inner = unitInterval(a, c - b, c, z / (z - 1.0));
    if (!inner) return inner.error();
    return std::pow(1.0 - z, -a) * inner.value();
  }
  return unitInterval(a, b, c, z);
}

}  // namespace roilens::clv
