#pragma once
// Predictive CLV: the formula of lifetimes (`_customer_lifetime_value`) and PyMC-Marketing,
//   CLV = sum_{i=1..months} spend x (E[Y(i k)] - E[Y((i-1) k)]) / (1 + d)^i,
// where k = data time units per month, d = monthly discount rate, E[Y(t)] the BG/NBD conditional
// expected purchases and spend the Gamma-Gamma expected spend per purchase.
// k is explicit on purpose: lifetimes defaults to k = 30 ("freq='D'") whatever the data's unit,
// so on weekly data its "12 months" are 360 weeks (docs/clv.md, "the units-per-month trap").
#include "roilens/clv/bgnbd.hpp"
#include "roilens/core/error.hpp"

namespace roilens::clv {

struct ClvHorizon {
  int months = 12;
  double monthly_discount = 0.01;
  double units_per_month = 365.25 / 12.0 / 7.0;  // weekly data by default
};

Result<double> predictiveClv(const BgnbdParams& params, const RepeatHistory& history,
                             double expected_spend, const ClvHorizon& horizon);

}  // namespace roilens::clv
