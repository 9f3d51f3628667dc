#include "roilens/clv/optimiser.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

namespace roilens::clv {
namespace {

using Point = std::vector<double>;

// Counts evaluations and maps non-finite values to +inf so both stages treat them as "worse".
class CountedObjective {
 public:
  CountedObjective(const Objective& f, int budget) : f_(f), budget_(budget) {}
  double operator()(const Point& x) {
    ++count_;
    const double v = f_(x);
    return std::isfinite(v) ? v : std::numeric_limits<double>::infinity();
  }
  bool exhausted() const { return count_ >= budget_; }
  int count() const { return count_; }

 private:
  const Objective& f_;
  int budget_;
  int count_ = 0;
};

Point axpy(double a, const Point& x, const Point& y) {  // a*x + y
  Point out(y);
  for (std::size_t i = 0; i < x.size(); ++i) out[i] += a * x[i];
  return out;
}

double dot(const Point& x, const Point& y) {
  return std::inner_product(x.begin(), x.end(), y.begin(), 0.0);
}

bool allFinite(const Point& x) {
  return std::all_of(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
}

double maxAbs(const Point& x) {
  double m = 0.0;
  for (const double v : x) m = std::max(m, std::fabs(v));
  return m;
}

// One Nelder–Mead run (standard coefficients 1, 2, 0.5, 0.5) from a simplex around `start`.
// It only has to bring BFGS near the optimum: a run stops when the simplex is tiny or its values
// agree, or after its own share of the budget (on a flat ridge it would otherwise crawl on).
Minimum nelderMead(CountedObjective& f, const Point& start, double step) {
  const int stop_at = f.count() + 400 * static_cast<int>(start.size() + 1);
  const std::size_t n = start.size();
  std::vector<Point> simplex(n + 1, start);
  std::vector<double> values(n + 1);
  for (std::size_t i = 0; i < n; ++i) simplex[i + 1][i] += step;
  for (std::size_t i = 0; i <= n; ++i) values[i] = f(simplex[i]);
  std::vector<std::size_t> order(n + 1);
  while (!f.exhausted() && f.count() < stop_at) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto l, auto r) { return values[l] < values[r]; });
    const std::size_t best = order.front(), worst = order.back(), second = order[n - 1];
    const double spread = values[worst] - values[best];
    double size = 0.0;
    for (const Point& p : simplex) size = std::max(size, maxAbs(axpy(-1.0, simplex[best], p)));
    if (spread <= 1e-13 * (1.0 + std::fabs(values[best])) && size < 1e-7) break;
    Point centroid(n, 0.0);
    for (std::size_t i = 0; i <= n; ++i) {
      if (i != worst) centroid = axpy(1.0 / n, simplex[i], centroid);
    }
    const Point direction = axpy(-1.0, simplex[worst], centroid);  // centroid - worst
    const Point reflected = axpy(1.0, direction, centroid);
    const double fr = f(reflected);
    if (fr < values[best]) {
      const Point expanded = axpy(2.0, direction, centroid);
      const double fe = f(expanded);
      simplex[worst] = fe < fr ? expanded : reflected;
      values[worst] = std::min(fe, fr);
    } else if (fr < values[second]) {
      simplex[worst] = reflected;
      values[worst] = fr;
    } else {
      const bool outside = fr < values[worst];
      const Point contracted = axpy(outside ? 0.5 : -0.5, direction, centroid);
      const double fc = f(contracted);
      if (fc < std::min(fr, values[worst])) {
        simplex[worst] = contracted;
        values[worst] = fc;
      } else {  // shrink towards the best point
        for (std::size_t i = 0; i <= n; ++i) {
          if (i == best) continue;
          simplex[i] = axpy(0.5, axpy(-1.0, simplex[best], simplex[i]), simplex[best]);
          values[i] = f(simplex[i]);
        }
      }
    }
  }
  const auto best = std::min_element(values.begin(), values.end()) - values.begin();
  return Minimum{simplex[best], values[best], f.count()};
}

Point numericalGradient(CountedObjective& f, const Point& x) {
  Point g(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double h = 1e-5 * (1.0 + std::fabs(x[i]));
    Point up(x), down(x);
    up[i] += h;
    down[i] -= h;
    g[i] = (f(up) - f(down)) / (2.0 * h);
  }
  return g;
}

// The gradient the search uses: the caller's exact one, else central differences of f.
class GradientOf {
 public:
  GradientOf(CountedObjective& f, const Gradient* exact) : f_(f), exact_(exact) {}
  Point operator()(const Point& x) { return exact_ ? (*exact_)(x) : numericalGradient(f_, x); }
  bool exact() const { return exact_ != nullptr; }

 private:
  CountedObjective& f_;
  const Gradient* exact_;
};

// BFGS on the inverse Hessian with a backtracking (Armijo) line search.
Minimum bfgs(CountedObjective& f, GradientOf& gradient, const Minimum& start, double tolerance,
             Point& final_gradient) {
  const std::size_t n = start.point.size();
  std::vector<Point> inverse(n, Point(n, 0.0));
  const auto resetInverse = [&] {
    for (std::size_t i = 0; i < n; ++i) {
      std::fill(inverse[i].begin(), inverse[i].end(), 0.0);
      inverse[i][i] = 1.0;
    }
  };
  resetInverse();
  Point x = start.point;
  double fx = start.value;
  Point g = gradient(x);
  for (int iteration = 0; iteration < 200 && !f.exhausted(); ++iteration) {
    if (maxAbs(g) < tolerance * 1e-2) break;
    Point p(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) p[i] = -dot(inverse[i], g);
    if (dot(p, g) >= 0.0) {
      resetInverse();
      p = axpy(-2.0, g, g);  // -g
    }
    double step = 1.0;
    Point next;
    double fnext = fx;
    for (int k = 0; k < 40; ++k, step *= 0.5) {
      next = axpy(step, p, x);
      fnext = f(next);
      if (fnext <= fx + 1e-4 * step * dot(p, g)) break;
    }
    if (!(fnext < fx)) break;  // no further progress possible at this precision
    const Point gnext = gradient(next);
    const Point s = axpy(-1.0, x, next);
    const Point y = axpy(-1.0, g, gnext);
    const double sy = dot(s, y);
    if (sy > 1e-14) {  // standard BFGS inverse update: (I - rho s y')H(I - rho y s') + rho s s'
      const double rho = 1.0 / sy;
      Point hy(n);
      for (std::size_t i = 0; i < n; ++i) hy[i] = dot(inverse[i], y);
      const double yhy = dot(y, hy);
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
          inverse[i][j] +=
              -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
        }
      }
    }
    x = next;
    fx = fnext;
    g = gnext;
  }
  final_gradient = g;
  return Minimum{x, fx, f.count()};
}

// Central-difference Hessian (2n^2 + 1 evaluations).
std::vector<Point> hessian(CountedObjective& f, const Point& x, double fx) {
  const std::size_t n = x.size();
  std::vector<Point> h(n, Point(n, 0.0));
  const auto shifted = [&](std::size_t i, double di, std::size_t j, double dj) {
    Point y(x);
    y[i] += di;
    y[j] += dj;
    return f(y);
  };
  for (std::size_t i = 0; i < n; ++i) {
    const double hi = 1e-4 * (1.0 + std::fabs(x[i]));
    h[i][i] = (shifted(i, hi, i, 0.0) - 2.0 * fx + shifted(i, -hi, i, 0.0)) / (hi * hi);
    for (std::size_t j = 0; j < i; ++j) {
      const double hj = 1e-4 * (1.0 + std::fabs(x[j]));
      h[i][j] = h[j][i] = (shifted(i, hi, j, hj) - shifted(i, hi, j, -hj) - shifted(i, -hi, j, hj) +
                           shifted(i, -hi, j, -hj)) /
                          (4.0 * hi * hj);
    }
  }
  return h;
}

// Solves H d = rhs by Cholesky; nullopt when H is not positive definite (not at a minimum).
std::optional<Point> solvePositiveDefinite(std::vector<Point> h, Point rhs) {
  const std::size_t n = rhs.size();
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t k = 0; k < j; ++k) h[j][j] -= h[j][k] * h[j][k];
    if (!(h[j][j] > 0.0)) return std::nullopt;
    h[j][j] = std::sqrt(h[j][j]);
    for (std::size_t i = j + 1; i < n; ++i) {
      for (std::size_t k = 0; k < j; ++k) h[i][j] -= h[i][k] * h[j][k];
      h[i][j] /= h[j][j];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {  // L y = rhs
    for (std::size_t k = 0; k < i; ++k) rhs[i] -= h[i][k] * rhs[k];
    rhs[i] /= h[i][i];
  }
  for (std::size_t i = n; i-- > 0;) {  // L' d = y
    for (std::size_t k = i + 1; k < n; ++k) rhs[i] -= h[k][i] * rhs[k];
    rhs[i] /= h[i][i];
  }
  return rhs;
}

// A few Newton steps with a numerical Hessian: BFGS can stall on the flat ridges of these
// likelihoods (Gamma-Gamma's q and gamma are strongly correlated); Newton converges there.
// `distance` receives the size of the last Newton step, -H^-1 g: the estimated distance to the
// optimum (infinite when the Hessian is not positive definite, i.e. not near a minimum).
Minimum newtonPolish(CountedObjective& f, GradientOf& gradient, Minimum at, Point& g,
                     double tolerance, double& distance) {
  distance = std::numeric_limits<double>::infinity();
  for (int step = 0; step < 6 && maxAbs(g) > tolerance * 1e-2 && !f.exhausted(); ++step) {
    Point minus_g(g);
    for (double& v : minus_g) v = -v;
    const std::optional<Point> d = solvePositiveDefinite(hessian(f, at.point, at.value), minus_g);
    if (!d) break;
    distance = maxAbs(*d);
    const Point next = axpy(1.0, *d, at.point);
    const double fnext = f(next);
    if (!(fnext <= at.value)) break;  // within the objective's rounding noise
    at = Minimum{next, fnext, f.count()};
    g = gradient(next);
  }
  if (maxAbs(g) <= tolerance * 1e-2) distance = 0.0;
  return at;
}

// The Jacobian of the exact gradient by central differences, symmetrised: the Hessian.
std::vector<Point> hessianOfGradient(const Gradient& gradient, const Point& x) {
  const std::size_t n = x.size();
  std::vector<Point> h(n, Point(n, 0.0));
  for (std::size_t j = 0; j < n; ++j) {
    const double step = 1e-5 * (1.0 + std::fabs(x[j]));
    Point up(x), down(x);
    up[j] += step;
    down[j] -= step;
    const Point g_up = gradient(up), g_down = gradient(down);
    for (std::size_t i = 0; i < n; ++i) h[i][j] = (g_up[i] - g_down[i]) / (2.0 * step);
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < i; ++j) h[i][j] = h[j][i] = 0.5 * (h[i][j] + h[j][i]);
  }
  return h;
}

// Newton steps on the exact gradient until they stop shrinking. Each step's length estimates the
// distance to the gradient's root; once it no longer shrinks, rounding in the gradient dominates
// and the point is the root to that precision, whatever path led there. A step that raises f
// beyond rounding is halved (a safeguard away from the optimum; near it Newton always descends).
// `distance` receives the last step's length (infinite when no Newton step could be made).
Minimum polishToRoot(CountedObjective& f, const Gradient& gradient, Minimum at, Point& g,
                     double& distance) {
  distance = std::numeric_limits<double>::infinity();
  g = gradient(at.point);
  for (int iteration = 0; iteration < 50 && !f.exhausted(); ++iteration) {
    Point minus_g(g);
    for (double& v : minus_g) v = -v;
    const std::optional<Point> d =
        solvePositiveDefinite(hessianOfGradient(gradient, at.point), minus_g);
    if (!d || !allFinite(*d) || !(maxAbs(*d) < distance)) break;
    distance = maxAbs(*d);
    double scale = 1.0;
    Point next = axpy(scale, *d, at.point);
    double fnext = f(next);
    const double allowance = 1e-12 * (1.0 + std::fabs(at.value));
    for (int halving = 0; halving < 30 && !(fnext <= at.value + allowance); ++halving) {
      scale *= 0.5;
      next = axpy(scale, *d, at.point);
      fnext = f(next);
    }
    if (!(fnext <= at.value + allowance)) break;
    at = Minimum{next, fnext, f.count()};
    g = gradient(next);
    if (distance == 0.0) break;
  }
  return at;
}

Error notConverged(const std::string& en, const std::string& fr) {
  return Error{ErrorCode::kNotConverged, en, fr, {}};
}

Result<Minimum> search(const Objective& objective, const Gradient* exact_gradient,
                       const std::vector<double>& start, const MinimiseOptions& options) {
  CountedObjective f(objective, options.max_evaluations);
  GradientOf gradient(f, exact_gradient);
  Minimum best{start, f(start), 1};
  double step = 1.0;
  for (int run = 0; run <= options.restarts && !f.exhausted(); ++run, step *= 0.5) {
    const Minimum found = nelderMead(f, best.point, step);
    const bool improved = found.value < best.value - 1e-12 * (1.0 + std::fabs(best.value));
    if (found.value <= best.value) best = found;
    if (run > 0 && !improved) break;
  }
  Point g;
  best = bfgs(f, gradient, best, options.gradient_tolerance, g);
  double distance = 0.0;
  if (exact_gradient) {
    best = polishToRoot(f, *exact_gradient, best, g, distance);
  } else {
    best = newtonPolish(f, gradient, best, g, options.gradient_tolerance, distance);
  }
  if (!std::isfinite(best.value)) {
    return notConverged("the model could not be fitted: the likelihood is not finite",
                        "le modèle n'a pas pu être ajusté : la vraisemblance n'est pas finie");
  }
  if (maxAbs(best.point) > options.max_abs_coordinate) {
    return notConverged(
        "the model could not be fitted: a parameter runs off to 0 or infinity (too few repeat "
        "purchases, or data the model does not describe)",
        "le modèle n'a pas pu être ajusté : un paramètre part vers 0 ou l'infini (trop peu "
        "d'achats "
        "répétés, ou des données que le modèle ne décrit pas)");
  }
  // Converged: a small gradient, or (on a well-curved optimum where rounding noise keeps the
  // numerical gradient above the tolerance) a Newton step below 1e-6 in log-parameters, i.e.
  // parameters known to 1e-6 relative.
  if ((!allFinite(g) || maxAbs(g) > options.gradient_tolerance) &&
      !(distance < options.step_tolerance)) {
    return notConverged(
        "the model fit did not settle within its budget: customers may be too alike for the "
        "model (it needs differences between them), or too few; a small penalizer (e.g. 0.001) "
        "can help",
        "l'ajustement du modèle ne s'est pas stabilisé dans son budget : les clients se "
        "ressemblent peut-être trop pour le modèle (il a besoin de différences entre eux), ou "
        "sont trop peu nombreux ; une petite pénalité (par ex. 0,001) peut aider");
  }
  best.evaluations = f.count();
  return best;
}

}  // namespace

Result<Minimum> minimise(const Objective& f, const std::vector<double>& start,
                         const MinimiseOptions& options) {
  return search(f, nullptr, start, options);
}

Result<Minimum> minimise(const Objective& f, const Gradient& gradient,
                         const std::vector<double>& start, const MinimiseOptions& options) {
  return search(f, &gradient, start, options);
}

}  // namespace roilens::clv
