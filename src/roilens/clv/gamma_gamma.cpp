#include "roilens/clv/gamma_gamma.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "roilens/clv/compensated_sum.hpp"
#include "roilens/clv/digamma.hpp"

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

// The digamma values of the derivatives that depend on x (and on the parameters).
struct FrequencyDigammas {
  FrequencyDigammas(const GammaGammaParams& g, double x)
      : x(x), px_q(digamma(g.p * x + g.q)), px(digamma(g.p * x)) {}
  double x;
  double px_q, px;  // ψ(px+q), ψ(px)
};

// ∂ℓ/∂(p, q, γ) of one customer, given ψ(q) (it depends on the parameters only):
//   ∂p = x (ψ(px+q) − ψ(px) + ln x + ln m − ln(xm+γ))
//   ∂q = ψ(px+q) − ψ(q) + ln γ − ln(xm+γ)
//   ∂γ = q/γ − (px+q)/(xm+γ)
GammaGammaGradient rowGradient(const GammaGammaParams& g, const FrequencyDigammas& psi,
                               double psi_q, double m, double log_m) {
  const double x = psi.x;
  const double log_total = std::log(x * m + g.gamma);
  return {x * (psi.px_q - psi.px + std::log(x) + log_m - log_total),
          psi.px_q - psi_q + std::log(g.gamma) - log_total,
          g.q / g.gamma - (g.p * x + g.q) / (x * m + g.gamma)};
}

}  // namespace

GammaGammaGradient gammaGammaLogLikelihoodGradient(const GammaGammaParams& g,
                                                   const SpendHistory& h) {
  return rowGradient(g, FrequencyDigammas(g, h.frequency), digamma(g.q), h.monetary_value,
                     std::log(h.monetary_value));
}

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
  // Sorted by (x, m): one order on every standard library, so every build adds the same terms in
  // the same order.
  std::sort(rows.begin(), rows.end(),
            [](const Row& l, const Row& r) { return l.x != r.x ? l.x < r.x : l.m < r.m; });
  const Objective objective = [&](const std::vector<double>& logs) {
    const GammaGammaParams g = params(logs);
    CompensatedSum ll;
    std::optional<FrequencyTerms> terms;
    for (const Row& row : rows) {
      if (!terms || terms->x != row.x) terms.emplace(g, row.x);
      ll.add(rowLogLikelihood(g, *terms, row.m, row.log_m));
    }
    return -ll.value() / n + options.penalizer * (g.p * g.p + g.q * g.q + g.gamma * g.gamma);
  };
  // d/d(ln θ) of the objective = θ (−(1/n) Σ ∂ℓ/∂θ + 2 penalizer θ).
  const Gradient gradient = [&](const std::vector<double>& logs) {
    const GammaGammaParams g = params(logs);
    const double psi_q = digamma(g.q);
    CompensatedSum dp, dq, dgamma;
    std::optional<FrequencyDigammas> psi;
    for (const Row& row : rows) {
      if (!psi || psi->x != row.x) psi.emplace(g, row.x);
      const GammaGammaGradient d = rowGradient(g, *psi, psi_q, row.m, row.log_m);
      dp.add(d.p);
      dq.add(d.q);
      dgamma.add(d.gamma);
    }
    const auto chain = [&](double theta, const CompensatedSum& d) {
      return theta * (-d.value() / n + 2.0 * options.penalizer * theta);
    };
    return std::vector<double>{chain(g.p, dp), chain(g.q, dq), chain(g.gamma, dgamma)};
  };
  const Result<Minimum> found = minimise(objective, gradient, {0.0, 0.0, 0.0}, options.minimiser);
  if (!found) return found.error();
  const GammaGammaParams fitted = params(found.value().point);
  CompensatedSum ll;
  for (const SpendHistory& h : histories) ll.add(gammaGammaLogLikelihood(fitted, h));
  return GammaGammaFit{fitted, ll.value(), histories.size(), found.value().evaluations};
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
