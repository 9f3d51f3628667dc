#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "cdnow_reader.hpp"
#include "roilens/clv/clv.hpp"

namespace roilens::clv {
namespace {

using nlohmann::json;

model::Dataset cdnowSummaryDataset() {
  model::Dataset data;
  for (const auto& row : testing::readSummary("cdnow_customers_summary_with_transactions.csv")) {
    data.rfm.push_back({std::to_string(row.id),
                        row.x,
                        row.t_x,
                        row.T,
                        row.zbar,
                        {"csv", "cdnow_customers_summary_with_transactions.csv", 0}});
  }
  return data;
}

TEST(ClvOptionsParse, DefaultsAndValues) {
  const ClvOptions defaults = parseClvOptions(json::object()).value();
  EXPECT_EQ(defaults.unit, TimeUnit::kWeek);
  EXPECT_EQ(defaults.horizon_months, 12);
  EXPECT_DOUBLE_EQ(defaults.discount, 0.01);
  EXPECT_EQ(defaults.penalizer, 0.0);
  EXPECT_FALSE(defaults.margin.has_value());
  const ClvOptions o = parseClvOptions({{"unit", "day"},
                                        {"calibration_end", "1997-09-30"},
                                        {"horizon_months", 24},
                                        {"discount", 0.02},
                                        {"penalizer", 0.001},
                                        {"margin", 0.35},
                                        {"units_per_month", 30}})
                           .value();
  EXPECT_EQ(o.unit, TimeUnit::kDay);
  EXPECT_EQ(*o.calibration_end, model::daysFromCivil({1997, 9, 30}));
  EXPECT_EQ(o.horizon_months, 24);
  EXPECT_DOUBLE_EQ(*o.margin, 0.35);
  EXPECT_DOUBLE_EQ(*o.units_per_month, 30.0);
  // The command line sends numbers as doubles; the session adds the user's time zone.
  const ClvOptions cli =
      parseClvOptions({{"horizon_months", 6.0}, {"utc_offset_minutes", 60}}).value();
  EXPECT_EQ(cli.horizon_months, 6);
  EXPECT_EQ(cli.utc_offset_minutes, 60);
}

TEST(ClvOptionsParse, RejectsBadValuesNamingTheKey) {
  const json bad[] = {{{"unit", "year"}},
                      {{"calibration_end", "1997-02-30"}},
                      {{"calibration_end", 19970930}},
                      {{"calibration_end", "1899-12-31"}},  // before the purchase date range
                      {{"calibration_end", "2201-01-01"}},
                      {{"horizon_months", 0}},
                      {{"horizon_months", 1.5}},
                      {{"discount", 1.5}},
                      {{"margin", 0}},
                      {{"penalizer", -1}},
                      {{"units_per_month", 0}},
                      {{"horizon", 12}}};
  for (const json& options : bad) {
    const Result<ClvOptions> r = parseClvOptions(options);
    ASSERT_FALSE(r.ok()) << options.dump();
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().position.column, options.begin().key());
    EXPECT_FALSE(r.error().message_fr.empty());
  }
  EXPECT_FALSE(parseClvOptions(json::array()).ok());
  EXPECT_EQ(parseClvOptions({{"discount", 2}}).error().message_en,
            "CLV option 'discount': must lie in [0, 0.999]");
}

model::Transaction order(const std::string& customer, int year, int month, int day, double amount) {
  model::Transaction t;
  t.customer_ref = customer;
  t.created_at = model::timestampFromCivil({year, month, day}, 10);
  t.amount_gross = amount;
  return t;
}

// lifetimes docs/Quickstart.md: customer_lifetime_value(bgf, ..., time=12, discount_rate=0.01)
// with its default freq="D" (30 units per month) on this weekly data: 12 x 30 = 360 weeks.
TEST(ClvAnalysis, ReproducesLifetimesQuickstartClv) {
  if (!testing::haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  ClvOptions options;
  options.unit = TimeUnit::kWeek;
  options.units_per_month = 30.0;
  const Result<json> result = analyse(cdnowSummaryDataset(), options);
  ASSERT_TRUE(result.ok()) << result.error().message_en;
  const json& doc = result.value();
  ASSERT_TRUE(doc["model_error"].is_null()) << doc["model_error"].dump();
  const double expected[] = {140.096211,  18.943467, 38.180574, 38.180574,  38.180574,
                             1003.868107, 28.109683, 38.180574, 167.418216, 38.180574};
  for (int i = 0; i < 10; ++i) {
    const json& c = doc["customers"][i];
    EXPECT_EQ(c["customer"], std::to_string(i + 1));
    EXPECT_NEAR(c["clv"].get<double>(), expected[i], 1e-4 * expected[i]) << "customer " << i + 1;
  }
  EXPECT_EQ(doc["customers"].size(), 2357u);
  EXPECT_EQ(doc["source"], "rfm");
  EXPECT_NEAR(doc["bgnbd"]["r"].get<double>(), 0.242593, 5e-4 * 0.242593);
  EXPECT_NEAR(doc["gamma_gamma"]["p"].get<double>(), 6.25, 0.005);
  // Pearson's r of (x, zbar) over the 946 repeat customers, by the one-pass sums formula
  // (n Sxy - Sx Sy) / sqrt((n Sxx - Sx^2)(n Syy - Sy^2)); small, so no warning.
  double n = 0, sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
  for (const auto& row : testing::readSummary("cdnow_customers_summary_with_transactions.csv")) {
    if (row.x == 0) continue;
    n += 1;
    sx += row.x;
    sy += row.zbar;
    sxy += row.x * row.zbar;
    sxx += row.x * row.x;
    syy += row.zbar * row.zbar;
  }
  const double r = (n * sxy - sx * sy) / std::sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  EXPECT_NEAR(doc["gamma_gamma"]["frequency_spend_correlation"].get<double>(), r, 1e-9);
  EXPECT_LT(std::fabs(r), 0.3);
  EXPECT_TRUE(doc["warnings"].empty()) << doc["warnings"].dump();
}

TEST(ClvAnalysis, WarnsWhenSpendFollowsFrequency) {
  model::Dataset data;
  // Repeat buyers whose mean spend grows with their frequency (m = 10 x): r = 1.
  for (int i = 1; i <= 30; ++i) {
    const double x = i % 6;
    data.rfm.push_back({std::to_string(i), x, x > 0 ? 2.0 * x : 0.0, 20.0, 10.0 * x, {}});
  }
  const Result<json> r = analyse(data, ClvOptions{});
  ASSERT_TRUE(r.ok());
  bool warned = false;
  for (const json& w : r.value()["warnings"]) warned |= w["code"] == "frequency_spend_correlated";
  EXPECT_TRUE(warned) << r.value()["warnings"].dump();
}

TEST(ClvAnalysis, DefaultUnitsPerMonthIsACalendarMonth) {
  if (!testing::haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  const Result<json> result = analyse(cdnowSummaryDataset(), ClvOptions{});
  ASSERT_TRUE(result.ok());
  // Weekly data: 365.25 / 12 / 7 weeks per month, so 12 months = 52.18 weeks, not 360.
  EXPECT_DOUBLE_EQ(result.value()["units_per_month"].get<double>(), 365.25 / 12.0 / 7.0);
  const json& c1516 = result.value()["customers"][1515];
  EXPECT_EQ(c1516["customer"], "1516");
  EXPECT_LT(c1516["expected_purchases"].get<double>(), 30.0);
  // Summary: nearest-rank quantiles recomputed here, and P(X(t) = 0) = (alpha/(alpha+t))^r for a
  // new customer (FHL eq. 8 with x = 0), t = 12 months = 365.25/7 weeks.
  const json& doc = result.value();
  std::vector<double> clvs;
  for (const json& c : doc["customers"]) clvs.push_back(c["clv"].get<double>());
  std::sort(clvs.begin(), clvs.end());
  EXPECT_EQ(doc["summary"]["clv_quantiles"]["p50"].get<double>(), clvs[1178]);  // ceil(2357/2)
  EXPECT_EQ(doc["summary"]["clv_quantiles"]["p90"].get<double>(), clvs[2121]);  // ceil(2121.3)
  EXPECT_EQ(doc["summary"]["clv_quantiles"]["max"].get<double>(), clvs.back());
  const double r = doc["bgnbd"]["r"], alpha = doc["bgnbd"]["alpha"], t = 365.25 / 7.0;
  EXPECT_NEAR(doc["summary"]["new_customer_purchase_probabilities"][0].get<double>(),
              std::pow(alpha / (alpha + t), r), 1e-12);
}

// The models are scale-invariant: measured in days instead of weeks, alpha is 7 times larger
// and r, a, b do not move, so with k = units per month following the unit, every customer's
// 12-month CLV is the same whatever the unit. (With lifetimes' fixed k = 30 it would not be.)
TEST(ClvAnalysis, ClvDoesNotDependOnTheUnit) {
  if (!testing::haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  model::Dataset data;
  for (const auto& row : testing::readLog()) {
    data.transactions.push_back(order(row.sample_id, row.year, row.month, row.day, row.dollars));
  }
  const auto run = [&](const char* unit) {
    return analyse(data,
                   parseClvOptions({{"unit", unit}, {"calibration_end", "1997-09-30"}}).value())
        .value();
  };
  const json weeks = run("week"), days = run("day"), months = run("month");
  for (const json* doc : {&weeks, &days, &months}) {
    ASSERT_TRUE((*doc)["model_error"].is_null()) << (*doc)["model_error"].dump();
  }
  EXPECT_NEAR(days["bgnbd"]["alpha"].get<double>(), 7.0 * weeks["bgnbd"]["alpha"].get<double>(),
              1e-4 * days["bgnbd"]["alpha"].get<double>());
  EXPECT_NEAR(days["bgnbd"]["r"].get<double>(), weeks["bgnbd"]["r"].get<double>(), 1e-4);
  for (std::size_t i = 0; i < weeks["customers"].size(); i += 97) {
    const double w = weeks["customers"][i]["clv"].get<double>();
    EXPECT_NEAR(days["customers"][i]["clv"].get<double>(), w, 1e-4 * w) << i;
    EXPECT_NEAR(months["customers"][i]["clv"].get<double>(), w, 1e-4 * w) << i;
  }
}

// cdnow_customers_summary.csv has no spend: purchases and P(alive) only, and a warning.
TEST(ClvAnalysis, SummaryWithoutSpend) {
  if (!testing::haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  model::Dataset data;
  for (const auto& row : testing::readSummary("cdnow_customers_summary.csv")) {
    data.rfm.push_back({std::to_string(row.id), row.x, row.t_x, row.T, 0.0, {}});
  }
  const json doc = analyse(data, ClvOptions{}).value();
  EXPECT_TRUE(doc["model_error"].is_null());
  EXPECT_TRUE(doc["gamma_gamma"].is_null());
  EXPECT_EQ(doc["warnings"][0]["code"], "no_spend");
  EXPECT_TRUE(doc["customers"][0]["clv"].is_null());
  EXPECT_TRUE(doc["customers"][0]["expected_purchases"].is_number());
  std::ostringstream table;
  writeTable(doc, table);
  EXPECT_NE(table.str().find("Top customers by expected purchases"), std::string::npos);
}

TEST(ClvAnalysis, ImpossibleSummaryRowIsReported) {
  model::Dataset data;
  data.rfm.push_back({"42", 2, 50, 40, 10, {"csv", "rfm.csv", 9}});  // recency > T
  const Result<json> r = analyse(data, ClvOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kBadValue);
  EXPECT_EQ(r.error().position.file, "rfm.csv");
  EXPECT_EQ(r.error().position.line, 9u);
  EXPECT_EQ(r.error().position.column, "recency");
  EXPECT_EQ(analyse(model::Dataset{}, ClvOptions{}).error().code, ErrorCode::kMissingInput);
}

// Two one-time buyers: the models cannot be fitted (no repeat purchase), but the historical
// views are still there and model_error says why.
TEST(ClvAnalysis, UnfittableModelKeepsHistoricalViews) {
  model::Dataset data;
  data.transactions = {order("a", 2024, 1, 5, 40), order("b", 2024, 2, 7, 60)};
  const Result<json> r = analyse(data, ClvOptions{});
  ASSERT_TRUE(r.ok()) << r.error().message_en;
  const json& doc = r.value();
  EXPECT_EQ(doc["model_error"]["code"], "not_converged");
  EXPECT_TRUE(doc["bgnbd"].is_null());
  EXPECT_TRUE(doc["customers"][0]["clv"].is_null());
  EXPECT_DOUBLE_EQ(doc["historical"]["clv"].get<double>(), 50.0);  // (40 + 60) / 2
  EXPECT_EQ(doc["cohorts"].size(), 2u);
  EXPECT_EQ(doc["by_channel"][0]["channel"], "unknown");
  EXPECT_EQ(doc["source"], "transactions");
}

// Customer b arrives after the calibration end: not modelled, but part of the observed views.
TEST(ClvAnalysis, HistoricalViewsIncludeCustomersAcquiredAfterCalibration) {
  model::Dataset data;
  data.transactions = {order("a", 2024, 1, 5, 40), order("a", 2024, 2, 10, 20),
                       order("b", 2024, 3, 20, 90)};
  const json doc =
      analyse(data, parseClvOptions({{"unit", "day"}, {"calibration_end", "2024-02-28"}}).value())
          .value();
  EXPECT_EQ(doc["customers"].size(), 1u);
  EXPECT_EQ(doc["rfm_rules"]["customers_after_calibration"], 1u);
  EXPECT_EQ(doc["historical"]["customers"], 2u);
  EXPECT_DOUBLE_EQ(doc["historical"]["clv"].get<double>(), 75.0);  // (40 + 20 + 90) / 2
  ASSERT_EQ(doc["cohorts"].size(), 2u);
  EXPECT_EQ(doc["cohorts"][1]["cohort"], "2024-03");
  EXPECT_EQ(doc["customers"][0]["channel"], "unknown");
}

// tests/fixtures/clv/cohorts-1900-to-2200.csv in code: 40 customers whose first purchases are a
// quarter apart from 1900-01-15, and the first one again on 2200-12-15. Cohort i spans 3612 − 3i
// months (to 2200-12): 142,140 cells in all. The cap of 100,000 keeps K months with 40 K <= 100,000
// (every span exceeds 3,495): K = 2,500.
TEST(ClvAnalysis, CohortTableIsCutWithAWarning) {
  model::Dataset data;
  for (int i = 0; i < 40; ++i) {
    data.transactions.push_back(
        order(std::to_string(i + 1), 1900 + (3 * i) / 12, (3 * i) % 12 + 1, 15, 10));
  }
  data.transactions.push_back(order("1", 2200, 12, 15, 10));
  const Result<json> r = analyse(data, ClvOptions{});
  ASSERT_TRUE(r.ok()) << r.error().message_en;
  const json& doc = r.value();
  ASSERT_EQ(doc["cohorts"].size(), 40u);
  for (const json& cohort : doc["cohorts"]) {
    EXPECT_EQ(cohort["retention"].size(), 2500u) << cohort["cohort"];
    EXPECT_EQ(cohort["revenue_by_month"].size(), 2500u);
  }
  EXPECT_DOUBLE_EQ(doc["cohorts"][0]["revenue"].get<double>(), 20.0);  // customer 1's two purchases
  const auto warning =
      std::find_if(doc["warnings"].begin(), doc["warnings"].end(),
                   [](const json& w) { return w["code"] == "cohort_retention_truncated"; });
  ASSERT_NE(warning, doc["warnings"].end()) << doc["warnings"].dump();
  const std::string en = (*warning)["message_en"], fr = (*warning)["message_fr"];
  for (const char* number : {"2500", "142140", "100000"}) {
    EXPECT_NE(en.find(number), std::string::npos) << en;
    EXPECT_NE(fr.find(number), std::string::npos) << fr;
  }
}

TEST(ClvAnalysis, CdnowLogWithHoldoutAndTable) {
  if (!testing::haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  model::Dataset data;
  for (const auto& row : testing::readLog()) {
    data.transactions.push_back(order(row.sample_id, row.year, row.month, row.day, row.dollars));
  }
  ClvOptions options =
      parseClvOptions({{"calibration_end", "1997-09-30"}, {"margin", 0.3}}).value();
  const Result<json> r = analyse(data, options);
  ASSERT_TRUE(r.ok()) << r.error().message_en;
  const json& doc = r.value();
  ASSERT_TRUE(doc["model_error"].is_null()) << doc["model_error"].dump();
  // Exact-week data: BTYD's log-likelihood -9582.429.
  EXPECT_NEAR(doc["bgnbd"]["log_likelihood"].get<double>(), -9582.429, 1e-3);
  // Exact spend data: Fader & Hardie's p = 6.25, q = 3.74, gamma = 15.44 to their rounding.
  EXPECT_NEAR(doc["gamma_gamma"]["p"].get<double>(), 6.25, 0.005);
  EXPECT_NEAR(doc["gamma_gamma"]["q"].get<double>(), 3.74, 0.005);
  EXPECT_NEAR(doc["gamma_gamma"]["gamma"].get<double>(), 15.44, 0.005);
  EXPECT_EQ(doc["holdout"]["actual_purchases"], 1882.0);  // README
  EXPECT_EQ(doc["holdout"]["start"], "1997-10-01");
  EXPECT_EQ(doc["cohorts"].size(), 3u);  // first purchases in Jan, Feb, Mar 1997
  EXPECT_EQ(doc["cohorts"][0]["cohort"], "1997-01");
  EXPECT_EQ(doc["historical"]["customers"], 2357u);
  EXPECT_NEAR(doc["historical"]["clv_margin"].get<double>(),
              0.3 * doc["historical"]["clv"].get<double>(), 1e-9);
  EXPECT_NEAR(doc["customers"][0]["clv_margin"].get<double>(),
              0.3 * doc["customers"][0]["clv"].get<double>(), 1e-12);
  std::ostringstream english, french;
  writeTable(doc, english);
  writeTable(doc, french, true);
  EXPECT_NE(english.str().find("Top customers by predicted CLV"), std::string::npos);
  EXPECT_NE(english.str().find("1997-01"), std::string::npos);
  EXPECT_NE(french.str().find("Cohortes d'acquisition"), std::string::npos);
  EXPECT_NE(english.str().find("Holdout 1997-10-01 .. 1998-06-30: actual purchases 1882"),
            std::string::npos)
      << english.str();
}

}  // namespace
}  // namespace roilens::clv
