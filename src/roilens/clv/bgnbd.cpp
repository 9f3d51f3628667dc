#include "roilens/clv/bgnbd.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "roilens/clv/compensated_sum.hpp"
#include "roilens/clv/digamma.hpp"
#include "roilens/clv/hyp2f1.hpp"

namespace roilens::clv {
namespace {

double logBeta(double x, double y) { return std::lgamma(x) + std::lgamma(y) - std::lgamma(x + y); }

double logAddExp(double u, double v) {
  if (u == -std::numeric_limits<double>::infinity()) return v;
  if (v == -std::numeric_limits<double>::infinity()) return u;
  const double m = std::max(u, v);
  return m + std::log1p(std::exp(-std::fabs(u - v)));
}

BgnbdParams fromLogs(const std::vector<double>& logs) {
  return {std::exp(logs[0]), std::exp(logs[1]), std::exp(logs[2]), std::exp(logs[3])};
}

// Identical histories are common (every one-time buyer of a week has the same x, t_x, T), so the
// likelihood is summed over distinct rows with weights: same value, a fraction of the work.
std::vector<std::pair<RepeatHistory, double>> weighted(const std::vector<RepeatHistory>& rows) {
  std::map<std::tuple<double, double, double>, double> counts;
  for (const RepeatHistory& h : rows) counts[{h.frequency, h.recency, h.age}] += 1.0;
  std::vector<std::pair<RepeatHistory, double>> out;
  out.reserve(counts.size());
  for (const auto& [key, weight] : counts) {
    out.push_back({{std::get<0>(key), std::get<1>(key), std::get<2>(key)}, weight});
  }
  return out;
}

// (1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z)) / (a-1), c = a+b+x-1, z < 1.
// This is FHL eq. 10's bracket after Euler's transformation 2F1(A,B;C;z) =
// (1-z)^(C-A-B) 2F1(C-A,C-B;C;z): the power (1-z)^(r+x) folds into (1-z)^(a-1) and the series has
// small parameters. Writing 2F1 = 1 + (a-1)H keeps it exact as a -> 1.
Result<double> expectationBracket(const BgnbdParams& p, double x, double z) {
  const double upper = p.a + p.b - 1.0 - p.r;
  const double lower = p.a + p.b + x - 1.0;
  const double log_w = std::log1p(-z);  // log(1 - z)
  const double am1 = p.a - 1.0;
  // Slow series near z = 1: use the general function and its 1 - z transformation, except when
  // a is so close to 1 that dividing by a - 1 would lose the digits (then the series, which
  // still converges for z < 1, within its term budget).
  if (z > 0.9 && std::fabs(am1) > 1e-3) {
    const Result<double> g = hyp2f1(upper, am1, lower, z);
    if (!g) return g.error();
    return (1.0 - std::exp(am1 * log_w) * g.value()) / am1;
  }
  double term = 1.0;  // (upper)_n (a)_{n-1} z^n / ((lower)_n n!), built up from n = 1
  double h = 0.0;
  for (int n = 0; n < 1000000; ++n) {
    term *= (upper + n) * (n == 0 ? 1.0 : p.a + n - 1.0) / ((lower + n) * (n + 1.0)) * z;
    h += term;
    const double next_ratio = (upper + n + 1) * (p.a + n) / ((lower + n + 1) * (n + 2.0)) * z;
    if (term == 0.0 || (std::fabs(term) <= 1e-17 * std::fabs(h) && std::fabs(next_ratio) < 1.0)) {
      const double first = std::fabs(am1) < 1e-12 ? -log_w : -std::expm1(am1 * log_w) / am1;
      return first - std::exp(am1 * log_w) * h;
    }
  }
  return Error{ErrorCode::kNotConverged,
               "BG/NBD expected purchases: series did not converge",
               "BG/NBD achats attendus : la série ne converge pas",
               {}};
}

// Eq. 6 split in two: the terms that depend on x only (computed once per distinct x while
// fitting, where rows come sorted by x) and the per-row rest.
struct FrequencyTerms {
  FrequencyTerms(const BgnbdParams& p, double x)
      : x(x),
        a1_a2(std::lgamma(p.r + x) - std::lgamma(p.r) + p.r * std::log(p.alpha) +
              logBeta(p.a, p.b + x) - logBeta(p.a, p.b)),
        a4_head(x > 0.0 ? std::log(p.a) - std::log(p.b + x - 1.0)
                        : -std::numeric_limits<double>::infinity()) {}
  double x;
  double a1_a2;    // ln G(r+x) - ln G(r) + r ln alpha + ln B(a, b+x) - ln B(a, b)
  double a4_head;  // ln a - ln(b+x-1), or -inf when x = 0 (no second term)
};

double rowLogLikelihood(const BgnbdParams& p, const FrequencyTerms& f, const RepeatHistory& h) {
  const double a3 = -(p.r + f.x) * std::log(p.alpha + h.age);
  const double a4 = f.x > 0.0 ? f.a4_head - (p.r + f.x) * std::log(p.alpha + h.recency)
                              : -std::numeric_limits<double>::infinity();
  return f.a1_a2 + logAddExp(a3, a4);
}

// The digamma values of eq. 6's derivatives that depend on the parameters only.
struct ParameterDigammas {
  explicit ParameterDigammas(const BgnbdParams& p)
      : r(digamma(p.r)), b(digamma(p.b)), a_b(digamma(p.a + p.b)) {}
  double r, b, a_b;  // ψ(r), ψ(b), ψ(a+b)
};

// The digamma values of eq. 6's derivatives that depend on x (and on the parameters).
struct FrequencyDigammas {
  FrequencyDigammas(const BgnbdParams& p, double x)
      : x(x), r_x(digamma(p.r + x)), b_x(digamma(p.b + x)), a_b_x(digamma(p.a + p.b + x)) {}
  double x;
  double r_x, b_x, a_b_x;  // ψ(r+x), ψ(b+x), ψ(a+b+x)
};

// ∂ℓ/∂(r, α, a, b) of one row. With L_T = ln(α+T), L_t = ln(α+t_x) and the shares
// w3 = e^A3 / (e^A3 + e^A4), w4 = 1 − w3 of the two terms (w4 = 0 when x = 0):
//   ∂r = ψ(r+x) − ψ(r) + ln α − w3 L_T − w4 L_t
//   ∂α = r/α − (r+x) (w3/(α+T) + w4/(α+t_x))
//   ∂a = ψ(a+b) − ψ(a+b+x) + w4/a
//   ∂b = ψ(b+x) − ψ(b) + ψ(a+b) − ψ(a+b+x) − w4/(b+x−1)
BgnbdGradient rowGradient(const BgnbdParams& p, const FrequencyTerms& f, const FrequencyDigammas& d,
                          const ParameterDigammas& constant, const RepeatHistory& h) {
  const double log_t_big = std::log(p.alpha + h.age);
  const double log_t_small = std::log(p.alpha + h.recency);
  const double a3 = -(p.r + f.x) * log_t_big;
  const double a4 =
      f.x > 0.0 ? f.a4_head - (p.r + f.x) * log_t_small : -std::numeric_limits<double>::infinity();
  const double total = logAddExp(a3, a4);
  const double w3 = std::exp(a3 - total);
  const double w4 = f.x > 0.0 ? std::exp(a4 - total) : 0.0;
  BgnbdGradient g;
  g.r = d.r_x - constant.r + std::log(p.alpha) - w3 * log_t_big - w4 * log_t_small;
  g.alpha = p.r / p.alpha - (p.r + f.x) * (w3 / (p.alpha + h.age) + w4 / (p.alpha + h.recency));
  g.a = constant.a_b - d.a_b_x + (f.x > 0.0 ? w4 / p.a : 0.0);
  g.b = d.b_x - constant.b + constant.a_b - d.a_b_x - (f.x > 0.0 ? w4 / (p.b + f.x - 1.0) : 0.0);
  return g;
}

}  // namespace

double bgnbdLogLikelihood(const BgnbdParams& p, const RepeatHistory& h) {
  return rowLogLikelihood(p, FrequencyTerms(p, h.frequency), h);
}

double bgnbdLogLikelihood(const BgnbdParams& params, const std::vector<RepeatHistory>& histories) {
  CompensatedSum total;
  for (const RepeatHistory& h : histories) total.add(bgnbdLogLikelihood(params, h));
  return total.value();
}

BgnbdGradient bgnbdLogLikelihoodGradient(const BgnbdParams& p, const RepeatHistory& h) {
  return rowGradient(p, FrequencyTerms(p, h.frequency), FrequencyDigammas(p, h.frequency),
                     ParameterDigammas(p), h);
}

Result<BgnbdFit> fitBgnbd(const std::vector<RepeatHistory>& histories, const FitOptions& options) {
  if (histories.empty()) {
    return Error{ErrorCode::kMissingInput,
                 "BG/NBD: no customer to fit the model on",
                 "BG/NBD : aucun client sur lequel ajuster le modèle",
                 {}};
  }
  const auto rows = weighted(histories);
  const double n = static_cast<double>(histories.size());
  const Objective objective = [&](const std::vector<double>& logs) {
    const BgnbdParams p = fromLogs(logs);
    CompensatedSum ll;
    std::optional<FrequencyTerms> terms;
    for (const auto& [h, w] : rows) {  // sorted by x: the x-only terms change rarely
      if (!terms || terms->x != h.frequency) terms.emplace(p, h.frequency);
      ll.add(w * rowLogLikelihood(p, *terms, h));
    }
    const double penalty = p.r * p.r + p.alpha * p.alpha + p.a * p.a + p.b * p.b;
    return -ll.value() / n + options.penalizer * penalty;
  };
  // d/d(ln θ) of the objective = θ (−(1/n) Σ w ∂ℓ/∂θ + 2 penalizer θ).
  const Gradient gradient = [&](const std::vector<double>& logs) {
    const BgnbdParams p = fromLogs(logs);
    const ParameterDigammas constant(p);
    CompensatedSum r, alpha, a, b;
    std::optional<FrequencyTerms> terms;
    std::optional<FrequencyDigammas> digammas;
    for (const auto& [h, w] : rows) {
      if (!terms || terms->x != h.frequency) {
        terms.emplace(p, h.frequency);
        digammas.emplace(p, h.frequency);
      }
      const BgnbdGradient g = rowGradient(p, *terms, *digammas, constant, h);
      r.add(w * g.r);
      alpha.add(w * g.alpha);
      a.add(w * g.a);
      b.add(w * g.b);
    }
    const auto chain = [&](double theta, const CompensatedSum& d) {
      return theta * (-d.value() / n + 2.0 * options.penalizer * theta);
    };
    return std::vector<double>{chain(p.r, r), chain(p.alpha, alpha), chain(p.a, a), chain(p.b, b)};
  };
  const Result<Minimum> found =
      minimise(objective, gradient, {0.0, 0.0, 0.0, 0.0}, options.minimiser);
  if (!found) return found.error();
  const BgnbdParams params = fromLogs(found.value().point);
  return BgnbdFit{params, bgnbdLogLikelihood(params, histories), histories.size(),
                  found.value().evaluations};
}

double pAlive(const BgnbdParams& p, const RepeatHistory& h) {
  if (h.frequency <= 0.0) return 1.0;
  const double x = h.frequency;
  const double log_odds = std::log(p.a) - std::log(p.b + x - 1.0) +
                          (p.r + x) * (std::log(p.alpha + h.age) - std::log(p.alpha + h.recency));
  return 1.0 / (1.0 + std::exp(log_odds));
}

Result<double> conditionalExpectedPurchases(const BgnbdParams& p, const RepeatHistory& h,
                                            double t) {
  if (!(t >= 0.0) || !std::isfinite(t)) {
    return Error{ErrorCode::kInvalidArgument,
                 "BG/NBD: the horizon must be a finite t >= 0",
                 "BG/NBD : l'horizon doit être un t fini >= 0",
                 {}};
  }
  if (t == 0.0) return 0.0;
  const double x = h.frequency;
  const double z = t / (p.alpha + h.age + t);
  const Result<double> bracket = expectationBracket(p, x, z);
  if (!bracket) return bracket.error();
  const double alive_odds =
      pAlive(p, h);  // 1 / (1 + delta a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
  return (p.a + p.b + x - 1.0) * bracket.value() * alive_odds;
}

Result<double> expectedPurchasesNewCustomer(const BgnbdParams& params, double t) {
  // Eq. 9 is eq. 10 with x = t_x = T = 0 (then the P(alive) factor is 1).
  return conditionalExpectedPurchases(params, RepeatHistory{}, t);
}

double probabilityOfPurchases(const BgnbdParams& p, double t, int n) {
  if (n < 0) return 0.0;
  if (t <= 0.0) return n == 0 ? 1.0 : 0.0;
  const double log_stay = p.r * std::log(p.alpha / (p.alpha + t));  // log (alpha/(alpha+t))^r
  const double log_z = std::log(t / (p.alpha + t));
  // Negative binomial P(j purchases by t | alive throughout) in logs.
  const auto logNbd = [&](int j) {
    return std::lgamma(p.r + j) - std::lgamma(p.r) - std::lgamma(j + 1.0) + log_stay + j * log_z;
  };
  const double first = std::exp(logBeta(p.a, p.b + n) - logBeta(p.a, p.b) + logNbd(n));
  if (n == 0) return first;
  double below = 0.0;
  for (int j = 0; j < n; ++j) below += std::exp(logNbd(j));
  const double second =
      std::exp(logBeta(p.a + 1.0, p.b + n - 1.0) - logBeta(p.a, p.b)) * std::max(0.0, 1.0 - below);
  return first + second;
}

}  // namespace roilens::clv
