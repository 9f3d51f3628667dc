#include "roilens/clv/predictive.hpp"

#include <cmath>

namespace roilens::clv {

Result<double> predictiveClv(const BgnbdParams& params, const RepeatHistory& history,
                             double expected_spend, const ClvHorizon& horizon) {
  double clv = 0.0;
  double previous = 0.0;  // E[Y(0)] = 0
  for (int month = 1; month <= horizon.months; ++month) {
    const Result<double> cumulative =
        conditionalExpectedPurchases(params, history, month * horizon.units_per_month);
    if (!cumulative) return cumulative.error();
    clv += expected_spend * (cumulative.value() - previous) /
           std::pow(1.0 + horizon.monthly_discount, month);
    previous = cumulative.value();
  }
  return clv;
}

}  // namespace roilens::clv
