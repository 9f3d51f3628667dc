#pragma once
// Unconstrained minimisation for the CLV model fits: Nelder–Mead with restarts, then BFGS with
// central-difference gradients to polish. Models optimise log-parameters, so no bounds are needed.
#include <functional>
#include <vector>

#include "roilens/core/error.hpp"

namespace roilens::clv {

using Objective = std::function<double(const std::vector<double>&)>;

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

}  // namespace roilens::clv
