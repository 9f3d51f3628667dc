// KPIS.md §2 and §3 by hand, on the funnel fixture (March 2025 customers: c1 Organic Search,
// c5 Paid Search; leads 4) plus these sales and costs:
//   sales (won): c1 03-25 1000 (margin 200), c1 03-30 500 (margin 100), c5 03-28 2000 (margin 600),
//                x@shop.com 03-15 300 (no contact; UTM campaign "promo", channel Direct)
//   lost deal c3 03-29 700 (never counted)
//   costs: Paid Search "brand" 03-01..03-31 3100 (ad platform, no category → advertising, outbound)
//          Organic Search salaries 03-01..03-31 900 (inbound)
//          Paid Social "social-q2" 03-16..04-14 600 (30 days → 20 a day; March holds 16 days = 320)
//          Paid Search "brand" 02-01..02-28 280
// March: revenue 1000 + 500 + 2000 + 300 = 3800, orders 4, buyers c1 c5 x = 3,
//        cost 3100 + 900 + 320 = 4320, advertising 3100 + 320 = 3420.
#include "kpi_cases.hpp"
#include "roilens/attribution/attribute.hpp"
#include "roilens/attribution/options.hpp"

namespace roilens::testing {
namespace {

model::Dataset moneyDataset() {
  model::Dataset d = funnelDataset();
  d.contacts[0].campaign = "spring";  // c1
  d.contacts[4].campaign = "brand";   // c5
  d.transactions = {sale("c1", ts(2025, 3, 25), 1000), sale("c1@example.com", ts(2025, 3, 30), 500),
                    sale("c5", ts(2025, 3, 28), 2000), sale("x@shop.com", ts(2025, 3, 15), 300),
                    sale("c3", ts(2025, 3, 29), 700, model::TransactionStatus::kLost)};
  d.transactions[0].margin = 200;
  d.transactions[1].margin = 100;
  d.transactions[2].margin = 600;
  d.transactions[3].utm_campaign = "promo";
  d.transactions[3].channel = "Direct";
  model::Cost brand = cost(day(2025, 3, 1), day(2025, 3, 31), "Paid Search", 3100);
  brand.campaign_name = "brand";
  model::Cost salaries = cost(day(2025, 3, 1), day(2025, 3, 31), "Organic Search", 900);
  salaries.category = "salaries";
  salaries.inbound = true;
  model::Cost social = cost(day(2025, 3, 16), day(2025, 4, 14), "Paid Social", 600);
  social.campaign_name = "social-q2";
  model::Cost february = cost(day(2025, 2, 1), day(2025, 2, 28), "Paid Search", 280);
  february.campaign_name = "brand";
  d.costs = {brand, salaries, social, february};
  return d;
}

json marchReport(const json& by = json::array()) {
  return report(moneyDataset(), {{"from", "2025-03-01"},
                                 {"to", "2025-03-31"},
                                 {"grain", "month"},
                                 {"by", by},
                                 {"compare", false}});
}

void revenue() {
  const json r = marchReport();
  expectValue(r, "revenue", "2025-03", json::object(), 3800, 3800, std::nullopt);
  // Per campaign: c1's "spring" 1000 + 500 = 1500, c5's "brand" 2000, x's UTM "promo" 300.
  expectValue(r, "revenue_per_campaign", "2025-03", {{"campaign", "spring"}}, 1500, 1500,
              std::nullopt);
  expectValue(r, "revenue_per_campaign", "2025-03", {{"campaign", "brand"}}, 2000, 2000,
              std::nullopt);
  expectValue(r, "revenue_per_campaign", "2025-03", {{"campaign", "promo"}}, 300, 300,
              std::nullopt);
  expectValue(r, "revenue_per_channel", "2025-03", {{"channel", "Organic Search"}}, 1500, 1500,
              std::nullopt);
  expectValue(r, "revenue_per_channel", "2025-03", {{"channel", "Direct"}}, 300, 300, std::nullopt);
  expectValue(r, "revenue_per_customer", "2025-03", json::object(), 1900, 3800, 2);  // 3800 / 2
  expectValue(r, "revenue_per_lead", "2025-03", json::object(), 950, 3800, 4);       // 3800 / 4
}

void cac() {
  const json r = marchReport({"channel"});
  expectValue(r, "cac", "2025-03", json::object(), 2160, 4320, 2);           // 4320 / 2
  expectValue(r, "cac_inbound", "2025-03", json::object(), 450, 900, 2);     // 900 / 2
  expectValue(r, "cac_outbound", "2025-03", json::object(), 1710, 3420, 2);  // (3100 + 320) / 2
  expectValue(r, "cac_by_channel", "2025-03", {{"channel", "Paid Search"}}, 3100, 3100, 1);
  expectValue(r, "cac_by_channel", "2025-03", {{"channel", "Organic Search"}}, 900, 900, 1);
  expectValue(r, "cac_by_channel", "2025-03", {{"channel", "Paid Social"}}, std::nullopt, 320, 0);
  expectValue(r, "cac_by_campaign", "2025-03", {{"campaign", "brand"}}, 3100, 3100, 1);  // c5
  expectValue(r, "cac_by_campaign", "2025-03", {{"campaign", "spring"}}, 0, 0, 1);       // no cost
  expectValue(r, "marketing_cost", "2025-03", {{"category", "advertising"}}, 3420, 3420,
              std::nullopt);
  expectValue(r, "marketing_cost", "2025-03", {{"category", "salaries"}}, 900, 900, std::nullopt);
  // --by channel slices CAC too: Paid Search 3100 / 1.
  expectValue(r, "cac", "2025-03", {{"channel", "Paid Search"}}, 3100, 3100, 1);
  // April holds 14 days of the social spend: 14 × 20 = 280 (a month grain over April).
  const json april = report(
      moneyDataset(),
      {{"from", "2025-04-01"}, {"to", "2025-04-30"}, {"grain", "month"}, {"compare", false}});
  expectValue(april, "cac", "2025-04", json::object(), std::nullopt, 280, 0);
}

void clv() {
  const json r = marchReport();
  expectValue(r, "clv", "2025-03", json::object(), 3800.0 / 3, 3800, 3);  // revenue / buyers
  expectValue(r, "average_order_value", "2025-03", json::object(), 950, 3800, 4);  // 3800 / 4
  expectValue(r, "purchase_frequency", "2025-03", json::object(), 4.0 / 3, 4,
              3);  // 4 orders, 3 buyers
  // Margin 200 + 100 + 600 = 900 over the buyers with a margin (c1, c5) = 450.
  expectValue(r, "clv_margin", "2025-03", json::object(), 450, 900, 2);
  // LTV:CAC = (3800 / 3) / 2160 = 1266.67 / 2160 = 0.58642.
  expectValue(r, "ltv_to_cac", "2025-03", json::object(), 3800.0 / 3 / 2160, 3800.0 / 3, 2160);
  // Monthly revenue per customer: 3800 / 3 buyers / 1 month; payback = 2160 / 1266.67 = 1.7053.
  expectValue(r, "monthly_revenue_per_customer", "2025-03", json::object(), 3800.0 / 3, 3800, 3);
  expectValue(r, "cac_payback_months", "2025-03", json::object(), 2160 / (3800.0 / 3), 2160,
              3800.0 / 3);
  // A quarter is three months: Q1 revenue 3800 / 3 buyers / 3 months = 422.22.
  const json q = report(
      moneyDataset(),
      {{"from", "2025-01-01"}, {"to", "2025-03-31"}, {"grain", "quarter"}, {"compare", false}});
  expectValue(q, "monthly_revenue_per_customer", "2025-Q1", json::object(), 3800.0 / 3 / 3, 3800,
              3);
}

void returns() {
  const json r = marchReport({"channel"});
  // ROI = (3800 − 4320) / 4320 × 100 = −12.037 %.
  expectValue(r, "roi", "2025-03", json::object(), (3800.0 - 4320) / 4320 * 100, 3800, 4320);
  // Paid Search: c5's 2000 against 3100 → (2000 − 3100) / 3100 × 100 = −35.48 %.
  expectValue(r, "roi", "2025-03", {{"channel", "Paid Search"}}, (2000.0 - 3100) / 3100 * 100, 2000,
              3100);
  // ROAS = 3800 / 3420 (salaries are not advertising) = 1.1111.
  expectValue(r, "roas", "2025-03", json::object(), 3800.0 / 3420, 3800, 3420);
}

void externalAndMissing() {
  // No touchpoints, paths, costs or e-mails in the funnel fixture.
  const json bare = report(funnelDataset(), {{"compare", false}});
  // Attribution needs journeys (touchpoints or contacts with an original source and a creation
  // date; these contacts have no creation date) and purchases, or a path file on its own.
  expectMissing(bare, "attributed_revenue", "touchpoints");
  expectMissing(bare, "attributed_revenue", "transactions");
  expectMissing(bare, "attributed_revenue", "paths");
  expectMissing(bare, "clv_predictive", "transactions");
  expectMissing(bare, "revenue", "transactions");
  expectMissing(bare, "cac", "costs");
  expectMissing(bare, "ltv_to_cac", "costs");
  expectMissing(bare, "email_open_rate", "emails");
  // Sales without any upsell flag and costs without any inbound cost: the source may simply not
  // tell, so upsell_rate and cac_inbound ask for it rather than show 0.
  model::Dataset unflagged = moneyDataset();
  unflagged.costs[1].inbound = false;
  const json u = report(unflagged, {{"compare", false}});
  expectMissing(u, "upsell_rate", "transactions");
  expectMissing(u, "cac_inbound", "costs");
  // With sales and touchpoints, the other modules supply them.
  model::Dataset d = moneyDataset();
  d.touchpoints.push_back(touch("c1", model::TouchpointType::kVisit, ts(2025, 3, 1)));
  const json r = report(d, {{"compare", false}});
  const json expected = json::array({{{"kpi", "attributed_revenue"}, {"provider", "attribution"}},
                                     {{"kpi", "clv_predictive"}, {"provider", "clv"}}});
  EXPECT_EQ(r["external"], expected);
  // Sales but no journey: no touchpoint, no contact with a creation date.
  expectMissing(report(moneyDataset(), {{"compare", false}}), "attributed_revenue", "touchpoints");
  // No touchpoints, but c1's original source (Organic Search, created on March 1st) is a journey
  // ending in its purchases: the report agrees with the attribution module, which runs.
  model::Dataset origins = moneyDataset();
  origins.contacts[0].created_at = ts(2025, 3, 1);
  EXPECT_EQ(report(origins, {{"compare", false}})["external"], expected);
  EXPECT_TRUE(attribution::attribute(origins, attribution::AttributionOptions{}).ok());
  EXPECT_FALSE(attribution::attribute(moneyDataset(), attribution::AttributionOptions{}).ok());
}

void mixedCurrencies() {
  model::Dataset d = moneyDataset();
  d.transactions[3].currency = "USD";  // 300 USD cannot be added to euros
  const json r = marchReport();
  const json mixed = report(d, {{"compare", false}});
  expectMissing(mixed, "revenue", "transactions");
  expectMissing(mixed, "cac", "transactions");
  EXPECT_NE(findValue(mixed, "leads", "2025-03"), nullptr);  // counts are unaffected
  EXPECT_NE(findValue(r, "revenue", "2025-03"), nullptr);
}

}  // namespace

std::vector<KpiCase> moneyCases() {
  return {
      {"Revenue",
       {"revenue", "revenue_per_campaign", "revenue_per_channel", "revenue_per_customer",
        "revenue_per_lead"},
       revenue},
      {"Cac",
       {"cac", "cac_inbound", "cac_outbound", "cac_by_channel", "cac_by_campaign",
        "marketing_cost"},
       cac},
      {"HistoricalClv",
       {"clv", "clv_margin", "average_order_value", "purchase_frequency", "ltv_to_cac",
        "monthly_revenue_per_customer", "cac_payback_months"},
       clv},
      {"RoiAndRoas", {"roi", "roas"}, returns},
      {"ExternalAndMissingInputs", {"attributed_revenue", "clv_predictive"}, externalAndMissing},
      {"MixedCurrencies", {}, mixedCurrencies},
  };
}

}  // namespace roilens::testing
