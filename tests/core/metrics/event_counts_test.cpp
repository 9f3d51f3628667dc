// form_fill_rate and cta_click_rate from analytics event counts per landing page (TrafficAgg rows
// with an event type and an event count), and the one-source-per-KPI rule when an event log is
// loaded too. Expected values are hand calculations written next to each check.
#include <gtest/gtest.h>

#include "roilens/metrics/engine.hpp"

namespace roilens::metrics {
namespace {

using Type = model::TouchpointType;

model::DayNumber day(int y, int m, int d) { return model::daysFromCivil({y, m, d}); }

model::TrafficAgg eventCount(Type type, const std::string& page, double count,
                             model::DayNumber from, model::DayNumber to) {
  model::TrafficAgg r;
  r.range_start = from;
  r.range_end = to;
  r.page = page;  // "Page path and screen class" export: no landing-page column
  r.event_type = type;
  r.event_count = count;
  r.origin.source_file = "events.csv";
  return r;
}

model::Touchpoint pageView(const std::string& landing_page) {
  model::Touchpoint t;
  t.type = Type::kPageView;
  t.occurred_at = model::timestampFromCivil({2025, 3, 5}, 10);
  t.landing_page = landing_page;
  return t;
}

const KpiDefinition& kpi(const char* id) { return *findKpi(catalogue(), id); }

TEST(EventCounts, FormFillRatePerPageIsSpreadOverTheRange) {
  model::Dataset data;
  // 22 March → 10 April = 20 days: 200 page views (10 a day) and 20 submissions (1 a day).
  data.traffic = {eventCount(Type::kPageView, "/a", 200, day(2025, 3, 22), day(2025, 4, 10)),
                  eventCount(Type::kFormSubmit, "/a", 20, day(2025, 3, 22), day(2025, 4, 10))};
  Engine engine(data, 0);
  EXPECT_TRUE(engine.missingInputs(kpi("form_fill_rate")).empty());
  const auto v =
      engine.evaluate(kpi("form_fill_rate"), {calendarPeriod(Grain::kMonth, day(2025, 3, 1))},
                      {Dimension::kLandingPage}, {});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].dimensions.front().second, "/a");
  // March holds 10 of the 20 days: 10 submissions / 100 views × 100 = 10 %.
  EXPECT_DOUBLE_EQ(*v[0].numerator, 10);
  EXPECT_DOUBLE_EQ(*v[0].denominator, 100);
  EXPECT_DOUBLE_EQ(*v[0].value, 10);
}

TEST(EventCounts, CountsWithoutAPageAreNotPerLandingPage) {
  model::Dataset data;  // a GA4 "Events: Event name" report: no landing page, no page
  model::TrafficAgg views = eventCount(Type::kPageView, "", 500, day(2025, 3, 1), day(2025, 3, 31));
  model::TrafficAgg forms = eventCount(Type::kFormSubmit, "", 5, day(2025, 3, 1), day(2025, 3, 31));
  data.traffic = {views, forms};
  Engine engine(data, 0);
  EXPECT_FALSE(engine.missingInputs(kpi("form_fill_rate")).empty());
}

TEST(EventCounts, ARateNeverMixesTheEventLogWithEventCounts) {
  model::Dataset data;
  data.touchpoints = {pageView("/a"), pageView("/a")};  // the log has views, no submission
  data.traffic = {eventCount(Type::kFormSubmit, "/a", 7, day(2025, 3, 1), day(2025, 3, 31))};
  Engine engine(data, 0);
  // The log holds the KPI's page views, so it is the source: its submissions are missing,
  // rather than 7 GA4 submissions over 2 logged views (350 %).
  const auto missing = engine.missingInputs(kpi("form_fill_rate"));
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].what_en, "form submissions");
}

TEST(EventCounts, CtaClickRateFromCustomCtaEvents) {
  model::Dataset data;  // GA4 view_promotion / select_promotion (or custom cta_view / cta_click)
  data.traffic = {eventCount(Type::kCtaView, "/a", 80, day(2025, 3, 1), day(2025, 3, 31)),
                  eventCount(Type::kCtaClick, "/a", 6, day(2025, 3, 1), day(2025, 3, 31))};
  Engine engine(data, 0);
  const auto v = engine.evaluate(kpi("cta_click_rate"),
                                 {calendarPeriod(Grain::kMonth, day(2025, 3, 1))}, {}, {});
  ASSERT_FALSE(v.empty());
  // 6 clicks / 80 views × 100 = 7.5 %.
  EXPECT_DOUBLE_EQ(*v[0].value, 7.5);
}

}  // namespace
}  // namespace roilens::metrics
