#include "roilens/clv/gamma_gamma.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace roilens::clv {

namespace {

// The log-likelihood split into the terms that depend on x only (computed once per distinct x
// while fitting) and the per-customer rest.
struct FrequencyTerms {
  FrequencyTerms(const GammaGammaParams& g, double x)
      : x(x),
        px(g.p * x),
        head(std::lgamma(px + g.q) - std::lgamma(px) - std::lgamma(g.q) + g.q * std::log(g.gamma) +
             px * std::log(x)) {}
  double x;
  double px;
  double head;  // ln G(px+q) - ln G(px) - ln G(q) + q ln gamma + px ln x
};

double rowLogLikelihood(const GammaGammaParams& g, const FrequencyTerms& f, double m,
                        double log_m) {
  return f.head + (f.px - 1.0) * log_m - (f.px + g.q) * std::log(f.x * m + g.gamma);
}

}  // namespace

double gammaGammaLogLikelihood(const GammaGammaParams& g, const SpendHistory& h) {
  return rowLogLikelihood(g, FrequencyTerms(g, h.frequency), h.monetary_value,
                          std::log(h.monetary_value));
}

Result<GammaGammaFit> fitGammaGamma(const std::vector<SpendHistory>& histories,
                                    const FitOptions& options) {
  if (histories.empty()) {
    return Error{ErrorCode::kMissingInput,
                 "Gamma-Gamma: no repeat customer with a positive spend to fit the model on",
                 "Gamma-Gamma : aucun client récurrent avec une dépense positive pour ajuster le "
                 "modèle",
                 {}};
  }
  for (std::size_t i = 0; i < histories.size(); ++i) {
    if (!(histories[i].frequency > 0.0) || !(histories[i].monetary_value > 0.0)) {
      const std::string where = std::to_string(i + 1);
      return Error{ErrorCode::kInvalidArgument,
                   "Gamma-Gamma: row " + where + " needs x > 0 and a positive mean spend",
                   "Gamma-Gamma : la ligne " + where +
                       " doit avoir x > 0 et une dépense moyenne "
                       "positive",
                   {}};
    }
  }
  const double n = static_cast<double>(histories.size());
  const auto params = [](const std::vector<double>& logs) {
    return GammaGammaParams{std::exp(logs[0]), std::exp(logs[1]), std::exp(logs[2])};
  };
  struct Row {
    double x, m, log_m;
  };
  std::vector<Row> rows;  // sorted by x so that the x-only terms are computed once per x
  rows.reserve(histories.size());
  for (const SpendHistory& h : histories) {
    rows.push_back({h.frequency, h.monetary_value, std::log(h.monetary_value)});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& l, const Row& r) { return l.x < r.x; });
  const Objective objective = [&](const std::vector<double>& logs) {
    const GammaGammaParams g = params(logs);
    double ll = 0.0;
    std::optional<FrequencyTerms> terms;
    for (const Row& row : rows) {
      if (!terms || terms->x != row.x) terms.emplace(g, row.x);
      ll += rowLogLikelihood(g, *terms, row.m, row.log_m);
    }
    return -ll / n + options.penalizer * (g.p * g.p + g.q * g.q + g.gamma * g.gamma);
  };
  const Result<Minimum> found = minimise(objective, {0.0, 0.0, 0.0}, options.minimiser);
  if (!found) return found.error();
  const GammaGammaParams fitted = params(found.value().point);
  double ll = 0.0;
  for (const SpendHistory& h : histories) ll += gammaGammaLogLikelihood(fitted, h);
  return GammaGammaFit{fitted, ll, histories.size(), found.value().evaluations};
}

std::optional<double> conditionalExpectedSpend(const GammaGammaParams& g, const SpendHistory& h) {
  if (!(g.q > 1.0)) return std::nullopt;
  const double x = h.frequency > 0.0 ? h.frequency : 0.0;
  const double m = x > 0.0 ? h.monetary_value : 0.0;
  return g.p * (g.gamma + x * m) / (g.p * x + g.q - 1.0);
}

std::optional<double> pearsonCorrelation(const std::vector<double>& xs,
                                         const std::vector<double>& ys) {
  const std::size_t n = xs.size();
  if (n < 2 || ys.size() != n) return std::nullopt;
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) * (xs[i] - mx);
    syy += (ys[i] - my) * (ys[i] - my);
  }
  if (sxx <= 0.0 || syy <= 0.0) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace roilens::clv
