#include "roilens/clv/digamma.hpp"

#include <cmath>
#include <limits>

namespace roilens::clv {

double digamma(double x) {
  if (!(x > 0.0)) return std::numeric_limits<double>::quiet_NaN();  // outside the domain
  double shift = 0.0;  // Σ 1/x over the recurrence steps
  while (x < 10.0) {
    shift += 1.0 / x;
    x += 1.0;
  }
  // Bernoulli numbers B_2k / 2k for k = 1..7: 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12.
  // At x ≥ 10 the first omitted term, (3617/8160) x^−16, is below 5e-17.
  const double u = 1.0 / (x * x);
  const double series =
      u * (1.0 / 12 -
           u * (1.0 / 120 -
                u * (1.0 / 252 -
                     u * (1.0 / 240 - u * (1.0 / 132 - u * (691.0 / 32760 - u * (1.0 / 12)))))));
  return std::log(x) - 0.5 / x - series - shift;
}

}  // namespace roilens::clv
