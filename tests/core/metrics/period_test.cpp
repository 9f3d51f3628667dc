// Calendar periods, ISO weeks, shifts for trends, the seed-000 cadence and time zones.
#include "roilens/metrics/period.hpp"

#include <gtest/gtest.h>

namespace roilens::metrics {
namespace {

using model::daysFromCivil;

model::DayNumber d(int y, int m, int day) { return daysFromCivil({y, m, day}); }

TEST(IsoWeek, YearBoundaries) {
  // 2025-01-01 is a Wednesday, so its week starts Monday 2024-12-30: 2024-12-30 is 2025-W01.
  EXPECT_EQ(isoWeekOf(d(2024, 12, 30)).year, 2025);
  EXPECT_EQ(isoWeekOf(d(2024, 12, 30)).week, 1);
  EXPECT_EQ(isoWeekOf(d(2024, 12, 29)).year, 2024);  // the Sunday before is 2024-W52
  EXPECT_EQ(isoWeekOf(d(2024, 12, 29)).week, 52);
  // 2021-01-03 (a Sunday) still belongs to 2020-W53: 2020 began on a Wednesday (leap year).
  EXPECT_EQ(isoWeekOf(d(2021, 1, 3)).year, 2020);
  EXPECT_EQ(isoWeekOf(d(2021, 1, 3)).week, 53);
  EXPECT_EQ(isoWeeksInYear(2020), 53);
  EXPECT_EQ(isoWeeksInYear(2025), 52);
}

TEST(CalendarPeriod, WeekMonthQuarterYearLabels) {
  // 2025-03-09 is a Sunday: 2024-12-30 + 9 weeks = Monday 2025-03-03 starts W10.
  const Period w = calendarPeriod(Grain::kWeek, d(2025, 3, 9));
  EXPECT_EQ(w.label, "2025-W10");
  EXPECT_EQ(w.first, d(2025, 3, 3));
  EXPECT_EQ(w.last, d(2025, 3, 9));
  EXPECT_EQ(calendarPeriod(Grain::kWeek, d(2025, 2, 24)).label, "2025-W09");
  EXPECT_EQ(calendarPeriod(Grain::kWeek, d(2024, 12, 31)).label, "2025-W01");
  const Period q = calendarPeriod(Grain::kQuarter, d(2025, 5, 15));
  EXPECT_EQ(q.label, "2025-Q2");
  EXPECT_EQ(q.first, d(2025, 4, 1));
  EXPECT_EQ(q.last, d(2025, 6, 30));
  EXPECT_EQ(calendarPeriod(Grain::kMonth, d(2024, 2, 10)).last, d(2024, 2, 29));  // leap year
  EXPECT_EQ(calendarPeriod(Grain::kYear, d(2025, 7, 1)).label, "2025");
  EXPECT_EQ(calendarPeriod(Grain::kDay, d(2025, 3, 9)).label, "2025-03-09");
}

TEST(PeriodsCovering, CustomRangeIsClippedDataExtentIsNot) {
  const auto clipped = periodsCovering(Grain::kMonth, d(2025, 3, 15), d(2025, 5, 10));
  ASSERT_EQ(clipped.size(), 3u);
  EXPECT_EQ(clipped[0].label, "2025-03-15..2025-03-31");
  EXPECT_EQ(clipped[1].label, "2025-04");
  EXPECT_EQ(clipped[2].label, "2025-05-01..2025-05-10");
  const auto whole = periodsCovering(Grain::kMonth, d(2025, 3, 15), d(2025, 5, 10), false);
  EXPECT_EQ(whole[0].label, "2025-03");
  EXPECT_EQ(whole[2].label, "2025-05");
  EXPECT_EQ(periodsCovering(Grain::kAll, d(2025, 3, 15), d(2025, 5, 10), false)[0].label, "all");
  EXPECT_EQ(periodsCovering(Grain::kRange, d(2025, 3, 1), d(2025, 3, 31))[0].label,
            "2025-03-01..2025-03-31");
}

TEST(PeriodLabel, ParsesWhatItPrintsAndRejectsTheRest) {
  for (const char* label : {"2025-03", "2025-W09", "2025-Q1", "2025", "2025-03-09",
                            "2025-03-01..2025-03-31", "2020-W53"}) {
    const auto p = parsePeriodLabel(label);
    ASSERT_TRUE(p.has_value()) << label;
    EXPECT_EQ(p->label, label);
  }
  for (const char* bad : {"2025-13", "2025-W54", "2025-W53", "2025-Q5", "2025-02-30", "x",
                          "2025-03-31..2025-03-01"}) {
    EXPECT_FALSE(parsePeriodLabel(bad).has_value()) << bad;
  }
}

TEST(PeriodShift, PreviousAndYearBefore) {
  EXPECT_EQ(previousPeriod(calendarPeriod(Grain::kMonth, d(2025, 1, 5)))->label, "2024-12");
  EXPECT_EQ(previousPeriod(calendarPeriod(Grain::kWeek, d(2025, 1, 1)))->label, "2024-W52");
  EXPECT_EQ(previousPeriod(calendarPeriod(Grain::kQuarter, d(2025, 1, 1)))->label, "2024-Q4");
  // A 10-day custom range is compared with the 10 days before it.
  EXPECT_EQ(previousPeriod(customRange(d(2025, 3, 10), d(2025, 3, 19)))->label,
            "2025-02-28..2025-03-09");
  EXPECT_EQ(yearBeforePeriod(calendarPeriod(Grain::kMonth, d(2025, 3, 5)))->label, "2024-03");
  EXPECT_EQ(yearBeforePeriod(calendarPeriod(Grain::kWeek, d(2025, 3, 5)))->label, "2024-W10");
  // 2020-W53 has no twin in 2019 (52 weeks): compared with 2019-W52.
  EXPECT_EQ(yearBeforePeriod(*parsePeriodLabel("2020-W53"))->label, "2019-W52");
  EXPECT_EQ(yearBeforePeriod(calendarPeriod(Grain::kDay, d(2024, 2, 29)))->label, "2023-02-28");
  EXPECT_FALSE(previousPeriod(Period{0, 10, Grain::kAll, "all"}).has_value());
}

TEST(PeriodMonths, CalendarMonthsOrMeanMonths) {
  EXPECT_EQ(monthsIn(calendarPeriod(Grain::kQuarter, d(2025, 2, 1))), 3.0);
  EXPECT_EQ(monthsIn(calendarPeriod(Grain::kYear, d(2025, 2, 1))), 12.0);
  EXPECT_DOUBLE_EQ(monthsIn(customRange(d(2025, 3, 1), d(2025, 3, 15))), 15 / 30.4375);
  EXPECT_EQ(addMonths(d(2025, 1, 31), 1), d(2025, 2, 28));  // clamped
  EXPECT_EQ(addMonths(d(2024, 1, 31), 1), d(2024, 2, 29));
  EXPECT_EQ(addMonths(d(2025, 1, 15), -2), d(2024, 11, 15));
}

TEST(ReportingCadence, WeeklyThenFortnightlyThenMonthly) {
  // Start 2025-01-31: weekly until 2025-02-28 (one month later, clamped), every two weeks until
  // 2025-04-30 (three months), then monthly.
  const auto p = reportingCadence(d(2025, 1, 31), d(2025, 6, 1));
  std::vector<std::string> labels;
  for (const auto& x : p) labels.push_back(x.label);
  const std::vector<std::string> expected = {
      "2025-01-31..2025-02-06", "2025-02-07..2025-02-13", "2025-02-14..2025-02-20",
      "2025-02-21..2025-02-27", "2025-02-28..2025-03-13", "2025-03-14..2025-03-27",
      "2025-03-28..2025-04-10", "2025-04-11..2025-04-24", "2025-04-25..2025-04-29",
      "2025-04-30..2025-05-30", "2025-05-31..2025-06-29"};
  EXPECT_EQ(labels, expected);
}

TEST(TimeZone, LocalDayCrossesMidnight) {
  const model::Timestamp late = model::timestampFromCivil({2025, 3, 31}, 23, 30);
  EXPECT_EQ(model::localDay(late, 0), d(2025, 3, 31));
  EXPECT_EQ(model::localDay(late, 60), d(2025, 4, 1));  // Paris in winter time: 00:30 on April 1st
  const model::Timestamp early = model::timestampFromCivil({2025, 4, 1}, 2, 0);
  EXPECT_EQ(model::localDay(early, -300), d(2025, 3, 31));  // New York: 21:00 the day before
}

}  // namespace
}  // namespace roilens::metrics
