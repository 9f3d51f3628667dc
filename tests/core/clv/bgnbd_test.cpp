#include "roilens/clv/bgnbd.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cdnow_reader.hpp"

namespace roilens::clv {
namespace {

using testing::haveCdnow;
using testing::readSummary;

std::vector<RepeatHistory> cdnowHistories() {
  std::vector<RepeatHistory> out;
  for (const auto& row : readSummary("cdnow_customers_summary.csv")) {
    out.push_back({row.x, row.t_x, row.T});
  }
  return out;
}

TEST(Bgnbd, FitsCdnowLikeLifetimes) {
  if (!haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  const auto histories = cdnowHistories();
  ASSERT_EQ(histories.size(), 2357u);
  const Result<BgnbdFit> fit = fitBgnbd(histories);
  ASSERT_TRUE(fit.ok()) << fit.error().message_en;
  const BgnbdParams& p = fit.value().params;
  std::printf("r=%.8f alpha=%.8f a=%.8f b=%.8f ll=%.6f evals=%d\n", p.r, p.alpha, p.a, p.b,
              fit.value().log_likelihood, fit.value().evaluations);
  // lifetimes docs/Quickstart.md, fitted on this 2-decimal summary.
  EXPECT_NEAR(p.r, 0.242593, 5e-4 * 0.242593);
  EXPECT_NEAR(p.alpha, 4.413532, 5e-4 * 4.413532);
  EXPECT_NEAR(p.a, 0.792886, 5e-4 * 0.792886);
  EXPECT_NEAR(p.b, 2.425752, 5e-4 * 2.425752);
}

}  // namespace
}  // namespace roilens::clv
