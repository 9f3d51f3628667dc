// Engine rules that hold for every KPI: zero denominators give null, missing tables are named,
// facts land in the user's local day, ranged facts are spread over their days, filters apply.
#include "roilens/metrics/engine.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace roilens::metrics {
namespace {

using Type = model::TouchpointType;

model::Timestamp ts(int y, int m, int d, int h = 12, int min = 0) {
  return model::timestampFromCivil({y, m, d}, h, min);
}
model::DayNumber day(int y, int m, int d) { return model::daysFromCivil({y, m, d}); }

// One record of every kind, all in March 2025, so every measure is available.
model::Dataset everything() {
  model::Dataset d;
  model::Contact c;
  c.contact_id = "c1";
  c.email = "c1@example.com";
  c.original_channel = "Organic Search";
  c.was_prospect = true;
  for (std::size_t s = 0; s < model::kStageCount; ++s)
    c.stage_at[s] = ts(2025, 3, 1 + static_cast<int>(s));
  d.contacts = {c};
  for (const Type t : {Type::kVisit, Type::kPageView, Type::kFormSubmit, Type::kCtaView,
                       Type::kCtaClick, Type::kEmailSend, Type::kDownload, Type::kSegmentAdd,
                       Type::kCampaignEnter, Type::kContactUpdate}) {
    model::Touchpoint tp;
    tp.contact_ref = "c1";
    tp.type = t;
    tp.occurred_at = ts(2025, 3, 2);
    tp.campaign = "Prospects";
    tp.segment = "Prospects";
    tp.landing_page = "/lp";
    tp.cta_id = "cta";
    d.touchpoints.push_back(tp);
  }
  model::TrafficAgg acquisition;
  acquisition.range_start = day(2025, 3, 1);
  acquisition.range_end = day(2025, 3, 31);
  acquisition.channel = "Organic Search";
  acquisition.sessions = acquisition.users = acquisition.engaged_sessions = 10;
  acquisition.origin.source_file = "acquisition.csv";
  model::TrafficAgg landing = acquisition;
  landing.origin.source_file = "landing-pages.csv";
  landing.landing_page = "/lp";
  landing.key_events = 1;
  landing.entrances = 10;
  d.traffic = {acquisition, landing};
  model::Transaction t;
  t.customer_ref = "c1";
  t.closed_at = ts(2025, 3, 5);
  t.amount_gross = 100;
  t.margin = 40;
  t.status = model::TransactionStatus::kWon;
  d.transactions = {t, t};
  d.transactions[1].is_upsell = true;
  model::Cost cost;
  cost.range_start = cost.range_end = day(2025, 3, 1);
  cost.cost = 50;
  d.costs = {cost, cost};
  d.costs[1].inbound = true;
  model::EmailCampaignStats e;
  e.campaign_id = "A";
  e.sent_at = ts(2025, 3, 3);
  e.recipients = 10;
  e.unique_opens = 5;
  e.unique_clicks = 1;
  d.emails = {e};
  return d;
}

TEST(Engine, EveryRatioIsNullOverAnEmptyPeriodAndEveryCountIsZero) {
  const model::Dataset data = everything();
  Engine engine(data, 0);
  const std::vector<Period> nothing_happened = {calendarPeriod(Grain::kMonth, day(1990, 1, 1))};
  std::size_t ratios = 0;
  for (const KpiDefinition& k : catalogue()) {
    if (k.output != Output::kValues) continue;
    SCOPED_TRACE(k.id);
    EXPECT_TRUE(engine.missingInputs(k).empty()) << "the fixture should feed every KPI";
    for (const KpiValue& v : engine.evaluate(k, nothing_happened, {}, {})) {
      if (k.combine == Combine::kNumerator) {
        EXPECT_EQ(v.value, 0.0);  // nothing happened: a true zero
      } else {
        EXPECT_FALSE(v.value.has_value()) << "0 / 0 must be null, got " << *v.value;
        ++ratios;
      }
    }
  }
  EXPECT_GT(ratios, 30u);
}

TEST(Engine, ValuesOverTheFixtureAreFinite) {
  const model::Dataset data = everything();
  Engine engine(data, 0);
  const std::vector<Period> march = {calendarPeriod(Grain::kMonth, day(2025, 3, 1))};
  for (const KpiDefinition& k : catalogue()) {
    if (k.output != Output::kValues) continue;
    for (const KpiValue& v : engine.evaluate(k, march, {}, {})) {
      if (v.value) {
        EXPECT_TRUE(std::isfinite(*v.value)) << k.id;
      }
    }
  }
}

TEST(Engine, EmptyDataSetNamesTheMissingTables) {
  const model::Dataset empty;
  Engine engine(empty, 0);
  const auto needs = [&](const std::string& id) {
    std::vector<std::string> tables;
    for (const auto& m : engine.missingInputs(*findKpi(catalogue(), id))) tables.push_back(m.table);
    return tables;
  };
  EXPECT_EQ(needs("cac"), (std::vector<std::string>{"costs", "contacts"}));
  EXPECT_EQ(needs("lead_conversion_rate"), (std::vector<std::string>{"contacts", "traffic"}));
  EXPECT_EQ(needs("email_open_rate"), (std::vector<std::string>{"emails"}));
  EXPECT_EQ(needs("ltv_to_cac"), (std::vector<std::string>{"transactions", "costs", "contacts"}));
  for (const KpiDefinition& k : catalogue()) {
    if (k.output == Output::kValues) {
      EXPECT_FALSE(engine.missingInputs(k).empty()) << k.id;
    }
  }
}

TEST(Engine, TransitionsLandOnTheUsersLocalDay) {
  model::Dataset data;
  model::Contact c;
  c.contact_id = "late";
  c.at(model::Stage::kLead) = ts(2025, 3, 31, 23, 30);  // 23:30 UTC = 00:30 on April 1st in Paris
  data.contacts = {c};
  const KpiDefinition& leads = *findKpi(catalogue(), "leads");
  const std::vector<Period> months =
      periodsCovering(Grain::kMonth, day(2025, 3, 1), day(2025, 4, 30));
  Engine utc(data, 0);
  const auto at_utc = utc.evaluate(leads, months, {}, {});
  EXPECT_EQ(at_utc[0].value, 1.0);  // March
  EXPECT_EQ(at_utc[1].value, 0.0);
  Engine paris(data, 60);
  const auto at_paris = paris.evaluate(leads, months, {}, {});
  EXPECT_EQ(at_paris[0].value, 0.0);
  EXPECT_EQ(at_paris[1].value, 1.0);  // April
}

TEST(Engine, RangedFactsAreSpreadOverTheirDays) {
  model::Dataset data;
  model::Cost c;
  c.range_start = day(2025, 3, 22);  // 22 → 31 March is 10 days, 1 → 10 April 10 more:
  c.range_end = day(2025, 4, 10);    // 600 over 20 days = 30 a day
  c.cost = 600;
  data.costs = {c};
  Engine engine(data, 0);
  const auto v =
      engine.evaluate(*findKpi(catalogue(), "marketing_cost"),
                      periodsCovering(Grain::kMonth, day(2025, 3, 1), day(2025, 4, 30)), {}, {});
  ASSERT_EQ(v.size(), 2u);             // one per month, category "advertising"
  EXPECT_DOUBLE_EQ(*v[0].value, 300);  // 10 days × 30
  EXPECT_DOUBLE_EQ(*v[1].value, 300);
}

TEST(Engine, FiltersAndBreakdownsUseNotSetForUnknownValues) {
  model::Dataset data;
  for (const char* channel : {"Email", "", "Email"}) {
    model::Contact c;
    c.contact_id = channel;
    c.original_channel = channel;
    c.at(model::Stage::kLead) = ts(2025, 3, 3);
    data.contacts.push_back(c);
  }
  Engine engine(data, 0);
  const KpiDefinition& leads = *findKpi(catalogue(), "leads");
  const std::vector<Period> march = {calendarPeriod(Grain::kMonth, day(2025, 3, 1))};
  const auto by = engine.evaluate(leads, march, {Dimension::kChannel}, {});
  ASSERT_EQ(by.size(), 2u);
  EXPECT_EQ(by[0].dimensions.front().second, std::string(kNotSet));  // "(not set)" < "Email"
  EXPECT_EQ(by[0].value, 1.0);
  EXPECT_EQ(by[1].value, 2.0);
  const auto email =
      engine.evaluate(leads, march, {}, {{Dimension::kChannel, "email"}});  // case-insensitive
  EXPECT_EQ(email[0].value, 2.0);
  const auto unknown =
      engine.evaluate(leads, march, {}, {{Dimension::kChannel, std::string(kNotSet)}});
  EXPECT_EQ(unknown[0].value, 1.0);
  EXPECT_TRUE(Engine::supports(leads, {Dimension::kChannel}));
  EXPECT_FALSE(Engine::supports(leads, {Dimension::kCta}));
}

}  // namespace
}  // namespace roilens::metrics
