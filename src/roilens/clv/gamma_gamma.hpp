#pragma once
// Gamma-Gamma model of the average value of repeat purchases (Fader, Hardie & Lee 2005,
// "RFM and CLV", JMR 42(4); Fader & Hardie 2013 note 025). Assumes spend is independent of
// purchase frequency: check it with pearsonCorrelation before trusting the predictions.
#include <cstddef>
#include <optional>
#include <vector>

#include "roilens/clv/bgnbd.hpp"
#include "roilens/core/error.hpp"

namespace roilens::clv {

// A repeat customer's spend history: x repeat purchases of mean value m (> 0).
struct SpendHistory {
  double frequency = 0.0;       // x
  double monetary_value = 0.0;  // m (zbar)
};

struct GammaGammaParams {
  double p = 0.0;      // shape of each purchase's gamma
  double q = 0.0;      // shape of the gamma on the per-customer scale
  double gamma = 0.0;  // scale of that gamma (lifetimes calls it v)
};

struct GammaGammaFit {
  GammaGammaParams params;
  double log_likelihood = 0.0;  // total over customers, without the penalty
  std::size_t customers = 0;
  int evaluations = 0;
};

// One customer's log-likelihood of the observed mean m given x (note 025, eq. 3).
double gammaGammaLogLikelihood(const GammaGammaParams& params, const SpendHistory& history);

// The partial derivatives of one customer's log-likelihood with respect to p, q and gamma.
struct GammaGammaGradient {
  double p = 0.0, q = 0.0, gamma = 0.0;
};
GammaGammaGradient gammaGammaLogLikelihoodGradient(const GammaGammaParams& params,
                                                   const SpendHistory& history);

// Maximum likelihood on log-parameters over customers with x > 0 and m > 0 (the caller filters;
// kInvalidArgument otherwise), polished to the root of the exact gradient (optimiser.hpp). Same
// penalty convention as fitBgnbd.
Result<GammaGammaFit> fitGammaGamma(const std::vector<SpendHistory>& histories,
                                    const FitOptions& options = {});

// E[M | x, m] = (p (gamma + x m)) / (p x + q - 1): the posterior mean spend per purchase; with
// x = 0 it is the population mean p gamma / (q - 1). nullopt when q <= 1 (infinite mean).
std::optional<double> conditionalExpectedSpend(const GammaGammaParams& params,
                                               const SpendHistory& history);

// Pearson's r between two equal-length samples; nullopt when fewer than 2 points or no variance.
std::optional<double> pearsonCorrelation(const std::vector<double>& xs,
                                         const std::vector<double>& ys);

}  // namespace roilens::clv
