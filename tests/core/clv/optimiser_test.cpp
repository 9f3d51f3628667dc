#include "roilens/clv/optimiser.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace roilens::clv {
namespace {

TEST(Optimiser, FindsRosenbrockMinimum) {
  // f = (1 - x)^2 + 100 (y - x^2)^2: minimum 0 at (1, 1), a curved narrow valley.
  const Objective rosenbrock = [](const std::vector<double>& p) {
    return std::pow(1.0 - p[0], 2) + 100.0 * std::pow(p[1] - p[0] * p[0], 2);
  };
  const Result<Minimum> m = minimise(rosenbrock, {-1.2, 1.0});
  ASSERT_TRUE(m.ok()) << m.error().message_en;
  EXPECT_NEAR(m.value().point[0], 1.0, 1e-6);
  EXPECT_NEAR(m.value().point[1], 1.0, 1e-6);
}

TEST(Optimiser, IllConditionedQuadratic) {
  // Condition number 1e6 along a rotated axis: minimum at (3, -2).
  const Objective f = [](const std::vector<double>& p) {
    const double u = (p[0] - 3.0) + (p[1] + 2.0), v = (p[0] - 3.0) - (p[1] + 2.0);
    return 1e3 * u * u + 1e-3 * v * v;
  };
  const Result<Minimum> m = minimise(f, {0.0, 0.0});
  ASSERT_TRUE(m.ok()) << m.error().message_en;
  EXPECT_NEAR(m.value().point[0], 3.0, 1e-4);
  EXPECT_NEAR(m.value().point[1], -2.0, 1e-4);
}

TEST(Optimiser, RunningOffIsNotConvergence) {
  // exp(x) has no minimum: x runs off to -infinity.
  const Objective f = [](const std::vector<double>& p) { return std::exp(p[0]); };
  const Result<Minimum> m = minimise(f, {0.0});
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, ErrorCode::kNotConverged);
}

TEST(Optimiser, NonFiniteEverywhereIsNotConvergence) {
  const Objective f = [](const std::vector<double>&) { return NAN; };
  EXPECT_EQ(minimise(f, {0.0, 0.0}).error().code, ErrorCode::kNotConverged);
}

}  // namespace
}  // namespace roilens::clv
