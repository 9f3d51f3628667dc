#pragma once
// Unconstrained minimisation for the CLV model fits: Nelder–Mead with restarts, then BFGS with
// central-difference gradients to polish. Models optimise log-parameters, so no bounds are needed.
//
// Given the objective's exact gradient, the minimum is then polished by Newton steps on the
// gradient until they stop shrinking: the result is the root of the gradient to the precision of
// its rounding, not wherever a stopping tolerance happened to halt the search. The path to it
// depends on the last bits of library functions (log, lgamma differ between the native and wasm
// C libraries) and on the build; the root does not, so every build reports the same fit (to
// 1e-9 relative, tested on CDNOW against a long-double reference).
#include <functional>
#include <vector>

#include "roilens/core/error.hpp"

namespace roilens::clv {

using Objective = std::function<double(const std::vector<double>&)>;
using Gradient = std::function<std::vector<double>(const std::vector<double>&)>;

struct MinimiseOptions {
  int max_evaluations = 5000;        // budget of all stages (the CDNOW fits take about 600)
  int restarts = 4;                  // Nelder–Mead restarts from the best point so far
  double gradient_tolerance = 1e-7;  // max |dF/dx_i| accepted at the optimum
  double step_tolerance = 1e-6;      // or the Newton step (estimated distance to the optimum)
  double max_abs_coordinate = 30.0;  // |log parameter| beyond this = running off to 0 or infinity
};

struct Minimum {
  std::vector<double> point;
  double value = 0.0;
  int evaluations = 0;
};

// Minimises f from `start`. kNotConverged when the budget runs out, the gradient stays large, a
// coordinate runs off (the likelihood has no finite maximum), or f is not finite at the end.
Result<Minimum> minimise(const Objective& f, const std::vector<double>& start,
                         const MinimiseOptions& options = {});

// The same with the exact gradient of f: BFGS uses it, and the result is polished to the
// gradient's root (above). Convergence is judged on this gradient.
Result<Minimum> minimise(const Objective& f, const Gradient& gradient,
                         const std::vector<double>& start, const MinimiseOptions& options = {});

}  // namespace roilens::clv
