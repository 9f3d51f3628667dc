// KPIS.md §6 by hand: goals, the seed-000 cadence, trends and A/B tests in the report.
#include <cmath>

#include "kpi_cases.hpp"

namespace roilens::testing {
namespace {

using Type = model::TouchpointType;

const json* goalFor(const json& r, const std::string& kpi) {
  for (const json& g : r["goals"]) {
    if (g["kpi"] == kpi) return &g;
  }
  return nullptr;
}

void goals() {
  model::Dataset d = funnelDataset();
  d.costs = {cost(day(2025, 3, 1), day(2025, 3, 31), "Paid Search", 1000)};
  const json options = {{"compare", false},
                        {"goals",
                         {{{"kpi", "leads"}, {"period", "2025-03"}, {"target", 5}},
                          {{"kpi", "lead_conversion_rate"},
                           {"dimensions", {{"channel", "Paid Search"}}},
                           {"period", "2025-03"},
                           {"target", 1.5}},
                          {{"kpi", "cac"}, {"period", "2025-03"}, {"target", 600}},
                          {{"kpi", "email_open_rate"}, {"period", "2025-03"}, {"target", 25}}}}};
  const json r = report(d, options);
  // Leads in March: 4 against 5 → progress 4 / 5 = 80 %, not achieved.
  const json* leads = goalFor(r, "leads");
  ASSERT_NE(leads, nullptr);
  EXPECT_EQ((*leads)["actual"], 4);
  EXPECT_EQ((*leads)["progress"], 80);
  EXPECT_EQ((*leads)["status"], "not_achieved");
  // Paid Search lead conversion: 2 / 100 = 2 % against 1.5 % → 133.3 %, achieved.
  const json* lcr = goalFor(r, "lead_conversion_rate");
  ASSERT_NE(lcr, nullptr);
  EXPECT_EQ((*lcr)["actual"], 2);
  EXPECT_NEAR((*lcr)["progress"].get<double>(), 2 / 1.5 * 100, 1e-9);
  EXPECT_EQ((*lcr)["status"], "achieved");
  // CAC 1000 / 2 = 500: up is bad, so 500 ≤ 600 is achieved.
  const json* cac = goalFor(r, "cac");
  ASSERT_NE(cac, nullptr);
  EXPECT_EQ((*cac)["actual"], 500);
  EXPECT_EQ((*cac)["status"], "achieved");
  // No e-mail file: the goal says which input is missing instead of 0.
  EXPECT_EQ((*goalFor(r, "email_open_rate"))["status"], "missing_input");
  EXPECT_TRUE((*goalFor(r, "email_open_rate"))["actual"].is_null());
}

void cadence() {
  const json r = report(funnelDataset(), {{"grain", "cadence"},
                                          {"cadence_start", "2025-03-03"},
                                          {"to", "2025-08-31"},
                                          {"compare", false},
                                          {"kpis", {"leads", "mqls"}}});
  // Weekly until 2025-04-03 (one month after 03-03), cut at that boundary; every two weeks until
  // 06-03 (three months), cut again; then monthly from 06-03.
  const std::vector<std::string> expected = {
      "2025-03-03..2025-03-09", "2025-03-10..2025-03-16", "2025-03-17..2025-03-23",
      "2025-03-24..2025-03-30", "2025-03-31..2025-04-02", "2025-04-03..2025-04-16",
      "2025-04-17..2025-04-30", "2025-05-01..2025-05-14", "2025-05-15..2025-05-28",
      "2025-05-29..2025-06-02", "2025-06-03..2025-07-02", "2025-07-03..2025-08-02",
      "2025-08-03..2025-09-02"};
  std::vector<std::string> labels;
  for (const json& p : r["cadence"]) labels.push_back(p["label"].get<std::string>());
  EXPECT_EQ(labels, expected);
  ASSERT_EQ(r["periods"].size(), expected.size());  // grain "cadence": one report per period
  // First week: leads c1 03-03, c2 03-05, c3 03-07, c4 03-09 = 4; second week MQLs c1 03-10,
  // c2 03-12, c3 03-15 = 3.
  expectValue(r, "leads", "2025-03-03..2025-03-09", json::object(), 4, 4, std::nullopt);
  expectValue(r, "mqls", "2025-03-10..2025-03-16", json::object(), 3, 3, std::nullopt);
}

const json* trendFor(const json& r, const std::string& kpi, const std::string& period) {
  for (const json& t : r["trends"]) {
    if (t["kpi"] == kpi && t["period"] == period && t["dimensions"].empty()) return &t;
  }
  return nullptr;
}

void trends() {
  model::Dataset d = funnelDataset();
  d.contacts.push_back(contact("c0", "Organic Search", {ts(2024, 3, 15), {}, {}, {}}));
  const json r = report(d, {{"from", "2025-03-01"}, {"to", "2025-03-31"}, {"grain", "month"}});
  // Leads: March 2025 4, February 2025 2 → +100 %; March 2024 1 (c0) → (4 − 1) / 1 = +300 %.
  const json* leads = trendFor(r, "leads", "2025-03");
  ASSERT_NE(leads, nullptr);
  EXPECT_EQ((*leads)["previous"], 2);
  EXPECT_EQ((*leads)["previous_change"], 100);
  EXPECT_EQ((*leads)["year_before"], 1);
  EXPECT_EQ((*leads)["year_before_change"], 300);
  // Lead conversion: 4/300 = 1.3333 % vs February 2/160 = 1.25 % → (1.3333 − 1.25) / 1.25 = +6.67
  // %; March 2024 had no traffic → null, and so is its change.
  const json* lcr = trendFor(r, "lead_conversion_rate", "2025-03");
  ASSERT_NE(lcr, nullptr);
  EXPECT_NEAR((*lcr)["previous"].get<double>(), 1.25, 1e-12);
  EXPECT_NEAR((*lcr)["previous_change"].get<double>(), (4.0 / 3 - 1.25) / 1.25 * 100, 1e-9);
  EXPECT_TRUE((*lcr)["year_before"].is_null());
  EXPECT_TRUE((*lcr)["year_before_change"].is_null());
}

// P(B > A) for Beta posteriors by an independent method: Simpson's rule over y of
// f_B(y) · F_A(y), with F_A(y) = P(Binomial(a + b − 1, y) ≥ a) for integer a, b.
double bayesBySimpson(int a_alpha, int a_beta, int b_alpha, int b_beta) {
  const auto beta_pdf = [](double y, int a, int b) {
    return std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b)) * std::pow(y, a - 1) *
           std::pow(1 - y, b - 1);
  };
  const auto beta_cdf = [](double y, int a, int b) {
    const int n = a + b - 1;
    double total = 0.0;
    for (int j = a; j <= n; ++j) {
      total += std::exp(std::lgamma(n + 1) - std::lgamma(j + 1) - std::lgamma(n - j + 1)) *
               std::pow(y, j) * std::pow(1 - y, n - j);
    }
    return total;
  };
  const int steps = 2000;
  double sum = 0.0;
  for (int i = 0; i <= steps; ++i) {
    const double y = static_cast<double>(i) / steps;
    const double w = (i == 0 || i == steps) ? 1 : (i % 2 ? 4 : 2);
    sum += w * beta_pdf(y, b_alpha, b_beta) * beta_cdf(y, a_alpha, a_beta);
  }
  return sum / (3.0 * steps);
}

void abTest() {
  model::Dataset d;
  // Landing page /lp-a: 10 views, 2 forms; /lp-b: 10 views, 5 forms.
  for (int i = 0; i < 10; ++i) {
    for (const char* lp : {"/lp-a", "/lp-b"}) {
      model::Touchpoint view = touch("v", Type::kPageView, ts(2025, 3, 1 + i));
      view.landing_page = lp;
      d.touchpoints.push_back(view);
    }
  }
  for (const auto& [lp, forms] : {std::pair{"/lp-a", 2}, std::pair{"/lp-b", 5}}) {
    for (int i = 0; i < forms; ++i) {
      model::Touchpoint form = touch("v", Type::kFormSubmit, ts(2025, 3, 2 + i));
      form.landing_page = lp;
      d.touchpoints.push_back(form);
    }
  }
  const json r = report(
      d,
      {{"compare", false},
       {"ab_tests",
        {{{"kpi", "conversion"}, {"dimension", "landing_page"}, {"a", "/lp-a"}, {"b", "/lp-b"}}}}});
  ASSERT_EQ(r["ab_tests"].size(), 1u);
  const json& t = r["ab_tests"][0];
  EXPECT_EQ(t["kpi"], "form_fill_rate");
  EXPECT_EQ(t["a"]["conversions"], 2);
  EXPECT_EQ(t["b"]["trials"], 10);
  // Pooled p = 7/20 = 0.35; SE = √(0.35 × 0.65 × (1/10 + 1/10)) = √0.0455 = 0.213307;
  // z = (0.5 − 0.2) / 0.213307 = 1.406422; p = erfc(1.406422 / √2) = 0.159599.
  EXPECT_NEAR(t["z"].get<double>(), 1.406422, 1e-6);
  EXPECT_NEAR(t["p_value"].get<double>(), 0.159599, 1e-6);
  EXPECT_EQ(t["significant"], false);
  // 95 % CI: 0.3 ± 1.959964 × √(0.2 × 0.8 / 10 + 0.5 × 0.5 / 10) = 0.3 ± 1.959964 × 0.202485.
  EXPECT_NEAR(t["ci_95"][0].get<double>(), 0.3 - 1.959964 * 0.2024846, 1e-6);
  EXPECT_NEAR(t["ci_95"][1].get<double>(), 0.3 + 1.959964 * 0.2024846, 1e-6);
  // Posteriors A ~ Beta(3, 9), B ~ Beta(6, 6).
  EXPECT_NEAR(t["probability_b_beats_a"].get<double>(), bayesBySimpson(3, 9, 6, 6), 1e-6);
}

}  // namespace

std::vector<KpiCase> steeringCases() {
  return {
      {"Goals", {"goals"}, goals},
      {"ReportingCadence", {"reporting_cadence"}, cadence},
      {"Trends", {"trend"}, trends},
      {"AbTest", {"ab_test"}, abTest},
  };
}

}  // namespace roilens::testing
