// KPIS.md §1 by hand. Fixture (kpi_fixtures.cpp, funnelDataset), dates in 2025, UTC:
//   c1 Organic Search  lead 03-03  mql 03-10  sql 03-20  customer 03-25
//   c2 Organic Search  lead 03-05  mql 03-12
//   c3 Paid Search     lead 03-07  mql 03-15  sql 03-18
//   c4 Paid Search     lead 03-09
//   c5 Paid Search     lead 02-20  mql 02-25  sql 03-02  customer 03-28
//   c6 Email           lead 02-10
//   traffic users (sessions): Feb Organic 100 (150), Paid 50 (60), Email 10 (12);
//                             Mar Organic 200 (260), Paid 100 (130), Email 0 (0).
#include "kpi_cases.hpp"

namespace roilens::testing {
namespace {

using Type = model::TouchpointType;

void issueTwoSlice() {
  const json r = report(funnelDataset(), {{"by", {"channel"}}, {"compare", false}});
  EXPECT_EQ(r["visitors_basis"], "users");
  // March totals: visitors 200 + 100 + 0 = 300; leads c1 c2 c3 c4 = 4; MQLs c1 c2 c3 = 3;
  // SQLs c1 (03-20), c3 (03-18), c5 (03-02) = 3; customers c1 (03-25), c5 (03-28) = 2.
  expectValue(r, "visitors", "2025-03", json::object(), 300, 300, std::nullopt);
  expectValue(r, "leads", "2025-03", json::object(), 4, 4, std::nullopt);
  expectValue(r, "mqls", "2025-03", json::object(), 3, 3, std::nullopt);
  expectValue(r, "sqls", "2025-03", json::object(), 3, 3, std::nullopt);
  expectValue(r, "customers", "2025-03", json::object(), 2, 2, std::nullopt);
  expectValue(r, "lead_conversion_rate", "2025-03", json::object(), 4.0 / 300 * 100, 4,
              300);                                                            // 1.333 %
  expectValue(r, "qualified_lead_rate", "2025-03", json::object(), 75, 3, 4);  // 3/4
  expectValue(r, "mql_to_sql_rate", "2025-03", json::object(), 100, 3, 3);     // 3/3
  expectValue(r, "customer_conversion_rate", "2025-03", json::object(), 2.0 / 3 * 100, 2,
              3);                                                                // 66.67 %
  expectValue(r, "lead_to_customer_rate", "2025-03", json::object(), 50, 2, 4);  // 2/4
  // February: visitors 100 + 50 + 10 = 160; leads c5 c6 = 2 → 2/160 = 1.25 %; MQL c5 → 1/2 = 50 %.
  expectValue(r, "lead_conversion_rate", "2025-02", json::object(), 1.25, 2, 160);
  expectValue(r, "qualified_lead_rate", "2025-02", json::object(), 50, 1, 2);
  // Per channel, March. Organic: leads 2, MQLs 2, SQLs 1, customers 1, visitors 200.
  const json organic = {{"channel", "Organic Search"}};
  expectValue(r, "lead_conversion_rate", "2025-03", organic, 1.0, 2, 200);  // 2/200
  expectValue(r, "qualified_lead_rate", "2025-03", organic, 100, 2, 2);
  expectValue(r, "mql_to_sql_rate", "2025-03", organic, 50, 1, 2);
  expectValue(r, "customer_conversion_rate", "2025-03", organic, 50, 1, 2);
  // Paid: leads c3 c4 = 2, MQL c3 = 1, SQLs c3 c5 = 2, customer c5 = 1, visitors 100.
  const json paid = {{"channel", "Paid Search"}};
  expectValue(r, "leads", "2025-03", paid, 2, 2, std::nullopt);
  expectValue(r, "visitors", "2025-03", paid, 100, 100, std::nullopt);
  expectValue(r, "lead_conversion_rate", "2025-03", paid, 2.0, 2, 100);
  expectValue(r, "mql_to_sql_rate", "2025-03", paid, 200, 2, 1);  // transitions dated in March
  expectValue(r, "customer_conversion_rate", "2025-03", paid, 100, 1, 1);
  // Email, March: 0 leads / 0 visitors → null, not 0; MQLs/leads 0/0 → null.
  const json mail = {{"channel", "Email"}};
  expectValue(r, "lead_conversion_rate", "2025-03", mail, std::nullopt, 0, 0);
  // Email had a lead in February, so March shows its slice too: 0 MQLs / 0 leads → null, 0 leads.
  expectValue(r, "qualified_lead_rate", "2025-03", mail, std::nullopt, 0, 0);
  expectValue(r, "leads", "2025-03", mail, 0, 0, std::nullopt);
  // Email, February: 1 lead / 10 visitors = 10 %.
  expectValue(r, "lead_conversion_rate", "2025-02", mail, 10, 1, 10);
}

model::Dataset promoterDataset() {
  model::Dataset d = funnelDataset();
  d.contacts.push_back(contact("c7", "Referral", {ts(2025, 4, 1), {}, {}, ts(2025, 4, 5)}));
  d.transactions = {sale("c1@example.com", ts(2025, 3, 25), 100),
                    sale("c1", ts(2025, 4, 10), 50),
                    sale("c5", ts(2025, 3, 28), 200),
                    sale("c5", ts(2025, 4, 15), 80, model::TransactionStatus::kLost),
                    sale("c7", ts(2025, 4, 5), 30),
                    sale("c7", ts(2025, 4, 20), 40)};
  d.transactions.back().is_upsell = true;
  return d;
}

void promotersAndUpsell() {
  const json r =
      report(promoterDataset(), {{"grain", "all"}, {"by", {"channel"}}, {"compare", false}});
  // Second won purchases: c1 (04-10; its first is referenced by e-mail, the second by id) and c7
  // (04-20); c5's second deal is lost → 2 promoters. Customers: c1, c5, c7 = 3 → 2/3 = 66.67 %.
  expectValue(r, "promoters", "all", json::object(), 2, 2, std::nullopt);
  expectValue(r, "promoter_rate", "all", json::object(), 2.0 / 3 * 100, 2, 3);
  expectValue(r, "promoters", "all", {{"channel", "Referral"}}, 1, 1, std::nullopt);
  // Upsell: c7's 04-20 purchase is flagged → 1 customer / 3 customers = 33.33 %.
  expectValue(r, "upsell_rate", "all", json::object(), 100.0 / 3, 1, 3);
  // Per month: April promoters c1 + c7 = 2, April customers c7 = 1 → 200 % (both are dated
  // transitions of April); March: 0 promoters / 2 customers = 0 %.
  const json m = report(promoterDataset(), {{"compare", false}});
  expectValue(m, "promoter_rate", "2025-04", json::object(), 200, 2, 1);
  expectValue(m, "promoter_rate", "2025-03", json::object(), 0, 0, 2);
}

void ctaAndForms() {
  model::Dataset d;
  const auto add = [&](Type type, const std::string& cta, const std::string& lp, int times) {
    for (int i = 0; i < times; ++i) {
      model::Touchpoint t = touch("v" + std::to_string(i), type, ts(2025, 5, 2 + i));
      t.cta_id = cta;
      t.landing_page = lp;
      d.touchpoints.push_back(t);
    }
  };
  add(Type::kCtaView, "cta-A", "", 4);
  add(Type::kCtaClick, "cta-A", "", 1);
  add(Type::kCtaView, "cta-B", "", 2);
  add(Type::kCtaClick, "cta-C", "", 1);  // a click whose CTA has no recorded view
  add(Type::kPageView, "", "/offer", 5);
  add(Type::kFormSubmit, "", "/offer", 2);
  add(Type::kFormSubmit, "", "/demo", 1);
  const json r = report(d, {{"grain", "all"}, {"compare", false}});
  expectValue(r, "cta_click_rate", "all", {{"cta", "cta-A"}}, 25, 1, 4);            // 1/4
  expectValue(r, "cta_click_rate", "all", {{"cta", "cta-B"}}, 0, 0, 2);             // 0/2
  expectValue(r, "cta_click_rate", "all", {{"cta", "cta-C"}}, std::nullopt, 1, 0);  // 1/0 → null
  expectValue(r, "form_fill_rate", "all", {{"landing_page", "/offer"}}, 40, 2, 5);  // 2/5
  expectValue(r, "form_fill_rate", "all", {{"landing_page", "/demo"}}, std::nullopt, 1, 0);
}

void stageVelocity() {
  const json r = report(funnelDataset(), {{"compare", false}});
  const auto find = [&](const std::string& from, const std::string& to,
                        const std::string& period) -> const json* {
    for (const json& v : r["stage_velocity"]) {
      if (v["from"] == from && v["to"] == to && v["period"] == period && v["dimensions"].empty())
        return &v;
    }
    return nullptr;
  };
  // lead → MQL reached in March: c1 3→10 = 7 d, c2 5→12 = 7 d, c3 7→15 = 8 d: mean 22/3, median 7.
  const json* lm = find("lead", "mql", "2025-03");
  ASSERT_NE(lm, nullptr);
  EXPECT_EQ((*lm)["contacts"], 3);
  EXPECT_NEAR((*lm)["mean_days"].get<double>(), 22.0 / 3, 1e-12);
  EXPECT_EQ((*lm)["median_days"], 7);
  // MQL → SQL in March: c1 10→20 = 10, c3 15→18 = 3, c5 02-25→03-02 = 5 (Feb has 28 days):
  // mean 18/3 = 6, median 5.
  const json* ms = find("mql", "sql", "2025-03");
  ASSERT_NE(ms, nullptr);
  EXPECT_EQ((*ms)["mean_days"], 6);
  EXPECT_EQ((*ms)["median_days"], 5);
  // lead → customer in March: c1 03-03→03-25 = 22, c5 02-20→03-28 = 8 + 28 = 36: mean = median
  // = 29.
  const json* lc = find("lead", "customer", "2025-03");
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ((*lc)["mean_days"], 29);
  EXPECT_EQ((*lc)["median_days"], 29);
  // February: only c5 reaches MQL (02-20 → 02-25 = 5 days).
  const json* feb = find("lead", "mql", "2025-02");
  ASSERT_NE(feb, nullptr);
  EXPECT_EQ((*feb)["median_days"], 5);
}

}  // namespace

std::vector<KpiCase> funnelCases() {
  return {
      {"IssueTwoSliceByMonthAndChannel",
       {"visitors", "leads", "mqls", "sqls", "customers", "lead_conversion_rate",
        "qualified_lead_rate", "mql_to_sql_rate", "customer_conversion_rate",
        "lead_to_customer_rate"},
       issueTwoSlice},
      {"PromotersAndUpsell", {"promoters", "promoter_rate", "upsell_rate"}, promotersAndUpsell},
      {"CtaAndFormRates", {"cta_click_rate", "form_fill_rate"}, ctaAndForms},
      {"StageVelocity", {"stage_velocity"}, stageVelocity},
  };
}

}  // namespace roilens::testing
