#include "roilens/clv/bgnbd.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "cdnow_reader.hpp"
#include "roilens/model/time.hpp"

namespace roilens::clv {
namespace {

using testing::haveCdnow;
using testing::readLog;
using testing::readSummary;

// BTYD walkthrough vignette sec. 4.2 (exact-week CDNOW data).
constexpr BgnbdParams kBtyd{0.2425982, 4.4136842, 0.7929899, 2.4261667};
constexpr double kBtydLogLikelihood = -9582.429;
// lifetimes docs/Quickstart.md (fit on the 2-decimal summary).
constexpr BgnbdParams kLifetimes{0.242593, 4.413532, 0.792886, 2.425752};

void expectRelative(double actual, double expected, double tolerance) {
  EXPECT_NEAR(actual, expected, tolerance * std::fabs(expected));
}

void expectParams(const BgnbdParams& p, const BgnbdParams& expected, double tolerance) {
  expectRelative(p.r, expected.r, tolerance);
  expectRelative(p.alpha, expected.alpha, tolerance);
  expectRelative(p.a, expected.a, tolerance);
  expectRelative(p.b, expected.b, tolerance);
}

std::vector<RepeatHistory> summaryHistories() {
  std::vector<RepeatHistory> out;
  for (const auto& row : readSummary("cdnow_customers_summary.csv")) {
    out.push_back({row.x, row.t_x, row.T});
  }
  return out;
}

// x, t_x, T in exact weeks straight from the purchase log (independent of buildRfm): repeat
// purchase days up to the calibration end 1997-09-30 (day 272 of 1997, counting 1 Jan as 0).
std::vector<RepeatHistory> exactWeekHistories() {
  std::map<std::string, std::vector<int>> days;  // customer -> distinct days of year 1997/98
  for (const auto& row : readLog()) {
    const int day = static_cast<int>(model::daysFromCivil({row.year, row.month, row.day}) -
                                     model::daysFromCivil({1997, 1, 1}));
    auto& list = days[row.sample_id];
    if (std::find(list.begin(), list.end(), day) == list.end()) list.push_back(day);
  }
  std::vector<RepeatHistory> out;
  for (auto& [id, list] : days) {
    std::sort(list.begin(), list.end());
    RepeatHistory h{0.0, 0.0, (272 - list.front()) / 7.0};
    for (std::size_t i = 1; i < list.size() && list[i] <= 272; ++i) {
      h.frequency += 1.0;
      h.recency = (list[i] - list.front()) / 7.0;
    }
    out.push_back(h);
  }
  return out;
}

// FHL 2005 eq. 6 written directly (no logs, no log-sum-exp): an independent check of the
// log-space likelihood, fine in double for CDNOW's x <= 30.
double directLikelihood(const BgnbdParams& p, const RepeatHistory& h) {
  const auto beta = [](double u, double v) {
    return std::tgamma(u) * std::tgamma(v) / std::tgamma(u + v);
  };
  const double x = h.frequency;
  const double common = std::tgamma(p.r + x) * std::pow(p.alpha, p.r) / std::tgamma(p.r);
  double l = beta(p.a, p.b + x) / beta(p.a, p.b) * common / std::pow(p.alpha + h.age, p.r + x);
  if (x > 0) {
    l += beta(p.a + 1, p.b + x - 1) / beta(p.a, p.b) * common /
         std::pow(p.alpha + h.recency, p.r + x);
  }
  return l;
}

TEST(Bgnbd, FitsCdnowSummaryLikeLifetimes) {
  if (!haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  const auto histories = summaryHistories();
  ASSERT_EQ(histories.size(), 2357u);
  const Result<BgnbdFit> fit = fitBgnbd(histories);
  ASSERT_TRUE(fit.ok()) << fit.error().message_en;
  expectParams(fit.value().params, kLifetimes, 5e-4);
  double direct = 0.0;
  for (const auto& h : histories) direct += std::log(directLikelihood(fit.value().params, h));
  EXPECT_NEAR(fit.value().log_likelihood, direct, 1e-6);
  // The 2-decimal summary rounds t_x and T: its maximum lies 0.0034 above BTYD's exact-week
  // -9582.429 (the exact-week fit below matches BTYD to 1e-3), so compare at 0.01 here.
  EXPECT_NEAR(fit.value().log_likelihood, kBtydLogLikelihood, 1e-2);
}

TEST(Bgnbd, FitsExactWeekCdnowLikeBtyd) {
  if (!haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  const auto histories = exactWeekHistories();
  ASSERT_EQ(histories.size(), 2357u);
  const Result<BgnbdFit> fit = fitBgnbd(histories);
  ASSERT_TRUE(fit.ok()) << fit.error().message_en;
  expectParams(fit.value().params, kBtyd, 5e-4);
  EXPECT_NEAR(fit.value().log_likelihood, kBtydLogLikelihood, 1e-3);
  // Published paper values (FHL 2005 sec. 7) to their 3 decimals.
  EXPECT_NEAR(fit.value().params.r, 0.243, 5e-4);
  EXPECT_NEAR(fit.value().params.alpha, 4.414, 5e-4);
  EXPECT_NEAR(fit.value().params.a, 0.793, 5e-4);
  EXPECT_NEAR(fit.value().params.b, 2.426, 5e-4);
}

// BTYD vignette sec. 4.3, produced at BTYD's parameters.
TEST(Bgnbd, MatchesBtydPredictions) {
  expectRelative(expectedPurchasesNewCustomer(kBtyd, 52).value(), 1.444004, 1e-4);
  const RepeatHistory c1516{26, 30.85714, 31};
  expectRelative(conditionalExpectedPurchases(kBtyd, c1516, 52).value(), 25.75659, 1e-4);
  expectRelative(pAlive(kBtyd, c1516), 0.9688523, 1e-4);
  const std::pair<double, double> cases[] = {
      {10, 0.3474606}, {15, 0.04283391}, {20, 0.004158973}, {25, 0.0003583685}};
  for (const auto& [x, expected] : cases) {
    expectRelative(conditionalExpectedPurchases(kBtyd, {x, 20, 39}, 52).value(), expected, 1e-4);
  }
}

// Hardie's bgnbd.xls (relayed by lifetimes tests), 4 decimals, at the paper's MLE.
TEST(Bgnbd, MatchesHardieSpreadsheet) {
  const std::pair<double, double> table[] = {
      {0.1429, 0.0078}, {1, 0.0532}, {3, 0.1506}, {31.8571, 1.0405}, {32, 1.0437}};
  for (const auto& [t, expected] : table) {
    EXPECT_NEAR(expectedPurchasesNewCustomer(kBtyd, t).value(), expected, 5e-5) << "t = " << t;
  }
  // t = 78: the spreadsheet says 1.8576, we get 1.85794, and so does the probability-mass route
  // below (no 2F1 involved, agrees to 1e-8). lifetimes checks this value to 3 decimals only
  // (assert_array_almost_equal(decimal=3)): the sheet's truncated 2F1 series at z = 0.946 is the
  // likely cause. Hence 1.5e-3 here.
  EXPECT_NEAR(expectedPurchasesNewCustomer(kBtyd, 78).value(), 1.8576, 1.5e-3);
  // Customer 1 (x = 2, t_x = 30.43, T = 38.86): E[Y(39)] = 1.226.
  EXPECT_NEAR(conditionalExpectedPurchases(kLifetimes, {2, 30.43, 38.86}, 39).value(), 1.226, 5e-4);
}

// E[X(t)] = sum_n n P(X(t) = n): the 2F1 route (eq. 9) against the probability mass (eq. 8),
// which uses no 2F1; t = 78 and 200 take z = t/(alpha+t) above 0.9 (the 1 - z formula). The
// tail beyond n = 3000 is below 1e-15 for t <= 200 (it decays like (t/(alpha+t))^n).
TEST(Bgnbd, ProbabilitiesSumToOneAndToTheMean) {
  for (const double t : {5.0, 52.0, 78.0, 200.0}) {
    double total = 0.0, mean = 0.0;
    for (int n = 0; n < 3000; ++n) {
      const double pn = probabilityOfPurchases(kBtyd, t, n);
      total += pn;
      mean += n * pn;
    }
    EXPECT_NEAR(total, 1.0, 1e-9) << "t = " << t;
    expectRelative(expectedPurchasesNewCustomer(kBtyd, t).value(), mean, 1e-8);
  }
  // P(X(t)=0) by hand at t = 1: (alpha/(alpha+1))^r = (4.4136842/5.4136842)^0.2425982.
  EXPECT_NEAR(probabilityOfPurchases(kBtyd, 1, 0), std::pow(4.4136842 / 5.4136842, 0.2425982),
              1e-14);
}

// E[Y(t) | x, t_x, T] = P(alive) * E_p[(1 - ((alpha+T)/(alpha+T+p t))^(r+x)) / p], p ~ Beta(a,
// b+x): the posterior of an alive customer (lambda integrated out analytically), integrated over p
// by Simpson's rule after p = u^(1/a) (removes the p^(a-1) singularity). Independent of 2F1.
double integratedExpectation(const BgnbdParams& m, const RepeatHistory& h, double t) {
  const double x = h.frequency, s = m.r + x, bx = m.b + x;
  const double log_beta = std::lgamma(m.a) + std::lgamma(bx) - std::lgamma(m.a + bx);
  const auto f = [&](double u) {
    if (u <= 0.0) return s * t / (m.alpha + h.age) / m.a * std::exp(-log_beta);  // p -> 0 limit
    const double p = std::pow(u, 1.0 / m.a);
    const double gain = -std::expm1(s * std::log((m.alpha + h.age) / (m.alpha + h.age + p * t)));
    return gain / p * std::pow(1.0 - p, bx - 1.0) / m.a * std::exp(-log_beta);
  };
  const int n = 200000;
  double sum = f(0.0) + f(1.0);
  for (int i = 1; i < n; ++i) sum += (i % 2 ? 4.0 : 2.0) * f(static_cast<double>(i) / n);
  return pAlive(m, h) * sum / (3.0 * n);
}

TEST(Bgnbd, ConditionalExpectationMatchesIntegral) {
  const RepeatHistory cases[] = {{0, 0, 38.86}, {2, 30.43, 38.86}, {26, 30.85714, 31}, {7, 3, 60}};
  for (const RepeatHistory& h : cases) {
    for (const double t : {1.0, 52.0, 400.0, 5000.0}) {  // z from 0.02 to 0.99
      expectRelative(conditionalExpectedPurchases(kBtyd, h, t).value(),
                     integratedExpectation(kBtyd, h, t), 1e-7);
    }
  }
}

// a = 1 makes eq. 10's (a+b+x-1)/(a-1) factor 0/0; the implementation must stay exact there.
TEST(Bgnbd, ConditionalExpectationAtAEqualToOne) {
  for (const double a : {1.0, 1.0 + 1e-4, 1.0 - 1e-7}) {
    const BgnbdParams m{0.5, 3.0, a, 2.5};
    for (const RepeatHistory& h : {RepeatHistory{0, 0, 0}, RepeatHistory{4, 20, 30}}) {
      for (const double t : {10.0, 400.0}) {  // z below and above 0.9
        expectRelative(conditionalExpectedPurchases(m, h, t).value(),
                       integratedExpectation(m, h, t), 1e-7);
      }
    }
  }
}

TEST(Bgnbd, AliveWithoutRepeatAndZeroHorizon) {
  EXPECT_EQ(pAlive(kBtyd, {0, 0, 30}), 1.0);
  EXPECT_EQ(conditionalExpectedPurchases(kBtyd, {3, 10, 20}, 0).value(), 0.0);
  EXPECT_EQ(conditionalExpectedPurchases(kBtyd, {3, 10, 20}, -1).error().code,
            ErrorCode::kInvalidArgument);
}

TEST(Bgnbd, NoRepeatPurchaseCannotConverge) {
  // Nobody came back: the likelihood keeps rising as r -> 0 (no finite maximum).
  const std::vector<RepeatHistory> none(50, RepeatHistory{0, 0, 20});
  const Result<BgnbdFit> fit = fitBgnbd(none);
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().code, ErrorCode::kNotConverged);
  EXPECT_FALSE(fit.error().message_fr.empty());
}

TEST(Bgnbd, TinyBudgetCannotConverge) {
  FitOptions options;
  options.minimiser.max_evaluations = 30;
  const std::vector<RepeatHistory> data{{2, 10, 20}, {0, 0, 20}, {5, 18, 20}, {1, 3, 15}};
  EXPECT_EQ(fitBgnbd(data, options).error().code, ErrorCode::kNotConverged);
  EXPECT_EQ(fitBgnbd({}).error().code, ErrorCode::kMissingInput);
}

TEST(Bgnbd, GradientIsTheSlopeOfTheLikelihood) {
  // Central differences of the log-likelihood (h = 1e-6 relative: truncation about 1e-12 times
  // the third derivative, rounding about 1e-16 |l| / h) against the exact partial derivatives.
  const RepeatHistory histories[] = {{0, 0, 38.86}, {1, 1.71, 38.86}, {3, 10, 20}, {25, 30, 38}};
  for (const BgnbdParams& p : {kBtyd, BgnbdParams{1.7, 12.0, 3.1, 0.6}}) {
    for (const RepeatHistory& h : histories) {
      const BgnbdGradient g = bgnbdLogLikelihoodGradient(p, h);
      const auto slope = [&](double BgnbdParams::*member) {
        BgnbdParams up = p, down = p;
        const double step = 1e-6 * p.*member;
        up.*member += step;
        down.*member -= step;
        return (bgnbdLogLikelihood(up, h) - bgnbdLogLikelihood(down, h)) / (2.0 * step);
      };
      EXPECT_NEAR(g.r, slope(&BgnbdParams::r), 1e-6 * (1.0 + std::fabs(g.r))) << h.frequency;
      EXPECT_NEAR(g.alpha, slope(&BgnbdParams::alpha), 1e-6 * (1.0 + std::fabs(g.alpha)));
      EXPECT_NEAR(g.a, slope(&BgnbdParams::a), 1e-6 * (1.0 + std::fabs(g.a))) << h.frequency;
      EXPECT_NEAR(g.b, slope(&BgnbdParams::b), 1e-6 * (1.0 + std::fabs(g.b))) << h.frequency;
    }
  }
}

TEST(Bgnbd, PenaltyShrinksParameters) {
  if (!haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  FitOptions options;
  options.penalizer = 0.01;
  const Result<BgnbdFit> fit = fitBgnbd(summaryHistories(), options);
  ASSERT_TRUE(fit.ok()) << fit.error().message_en;
  // The penalty sum(param^2) is dominated by alpha: the fit trades likelihood for a smaller alpha.
  EXPECT_LT(fit.value().params.alpha, kLifetimes.alpha);
  EXPECT_LT(fit.value().log_likelihood, -9582.4256);
}

}  // namespace
}  // namespace roilens::clv
