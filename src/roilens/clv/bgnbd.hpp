#pragma once
// BG/NBD model of repeat purchases (Fader, Hardie & Lee 2005, "Counting your customers the easy
// way", Marketing Science 24(2)). Time is in the data's own unit (days, weeks or months).
#include <cstddef>
#include <vector>

#include "roilens/clv/optimiser.hpp"
#include "roilens/core/error.hpp"

namespace roilens::clv {

// A customer's calibration history: x repeat purchases, the last at t_x, observed for T since the
// first purchase (all in the same time unit).
struct RepeatHistory {
  double frequency = 0.0;  // x
  double recency = 0.0;    // t_x
  double age = 0.0;        // T
};

struct BgnbdParams {
  double r = 0.0;      // shape of the purchase-rate gamma
  double alpha = 0.0;  // scale of the purchase-rate gamma (in time units)
  double a = 0.0;      // beta dropout-probability shape a
  double b = 0.0;      // beta dropout-probability shape b
};

struct FitOptions {
  // L2 penalty on the parameters themselves (not their logs), as in lifetimes:
  // objective = mean negative log-likelihood + penalizer * sum(param^2).
  double penalizer = 0.0;
  MinimiseOptions minimiser;
};

struct BgnbdFit {
  BgnbdParams params;
  double log_likelihood = 0.0;  // total over customers, without the penalty
  std::size_t customers = 0;
  int evaluations = 0;
};

// One customer's log-likelihood (FHL 2005 eq. 6), in log space: two terms joined by log-sum-exp.
double bgnbdLogLikelihood(const BgnbdParams& params, const RepeatHistory& history);
double bgnbdLogLikelihood(const BgnbdParams& params, const std::vector<RepeatHistory>& histories);

// The partial derivatives of one customer's log-likelihood with respect to r, alpha, a and b.
struct BgnbdGradient {
  double r = 0.0, alpha = 0.0, a = 0.0, b = 0.0;
};
BgnbdGradient bgnbdLogLikelihoodGradient(const BgnbdParams& params, const RepeatHistory& history);

// Maximum likelihood on log-parameters, polished to the root of the exact gradient (so every
// build gives the same fit, optimiser.hpp). kMissingInput when there are no customers,
// kNotConverged when the optimiser fails (e.g. no repeat purchase at all).
Result<BgnbdFit> fitBgnbd(const std::vector<RepeatHistory>& histories,
                          const FitOptions& options = {});

// P(alive | x, t_x, T) (FHL 2005 eq. 11); 1 when x = 0.
double pAlive(const BgnbdParams& params, const RepeatHistory& history);

// E[Y(t) | x, t_x, T]: expected purchases in the next t time units (FHL 2005 eq. 10).
Result<double> conditionalExpectedPurchases(const BgnbdParams& params, const RepeatHistory& history,
                                            double t);

// E[X(t)]: expected purchases of a new customer in (0, t] (FHL 2005 eq. 9).
Result<double> expectedPurchasesNewCustomer(const BgnbdParams& params, double t);

// P(X(t) = n) for a new customer (FHL 2005 eq. 8).
double probabilityOfPurchases(const BgnbdParams& params, double t, int n);

}  // namespace roilens::clv
