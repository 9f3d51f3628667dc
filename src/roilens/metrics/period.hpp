#pragma once
// Report periods: calendar grains (ISO week, month, quarter, year), custom ranges, the seed-000
// reporting cadence, and the time shifts trends compare against.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roilens/model/time.hpp"

namespace roilens::metrics {

// Ordered from fine to coarse (MetricFlow's time grain); kRange is a custom from..to range.
enum class Grain { kDay, kWeek, kMonth, kQuarter, kYear, kAll, kRange, kCadence };

std::string_view grainName(Grain g);
std::optional<Grain> parseGrain(std::string_view name);

// Calendar days [first, last], both inclusive, in the user's time zone.
struct Period {
  model::DayNumber first = 0;
  model::DayNumber last = 0;
  Grain grain = Grain::kRange;
  std::string label;  // "2025-03", "2025-W09", "2025-Q1", "2025", "2025-03-09", "all", "a..b"

  bool contains(model::DayNumber d) const { return d >= first && d <= last; }
  int days() const { return last - first + 1; }
  friend bool operator==(const Period&, const Period&) = default;
};

struct IsoWeek {
  int year = 0;  // ISO week-numbering year (2024-12-30 belongs to 2025)
  int week = 0;  // 1..53
};
IsoWeek isoWeekOf(model::DayNumber day);
model::DayNumber mondayOfIsoWeek(int iso_year, int week);
int isoWeeksInYear(int iso_year);

model::DayNumber addMonths(model::DayNumber day, int months);  // clamps the day of month

// The calendar period of `grain` containing `day` (day, week, month, quarter, year only).
Period calendarPeriod(Grain grain, model::DayNumber day);

// Calendar periods of `grain` covering [first, last]. For a user's custom range (`clip`), the
// first and last periods are cut to the range and labelled "a..b"; for the data's own extent
// they stay whole calendar periods. kAll gives one period: "all" for the data's extent, "a..b"
// for a custom range; kRange gives one "a..b".
std::vector<Period> periodsCovering(Grain grain, model::DayNumber first, model::DayNumber last,
                                    bool clip = true);

Period customRange(model::DayNumber first, model::DayNumber last);

// Parses a label produced above back into a period (goals name their period this way).
std::optional<Period> parsePeriodLabel(std::string_view label);
std::optional<model::DayNumber> parseIsoDate(std::string_view text);

// The period just before (same grain, or same length for a custom range) and the same period a
// year before (same ISO week number, same month...). None for "all".
std::optional<Period> previousPeriod(const Period& p);
std::optional<Period> yearBeforePeriod(const Period& p);

// Months in a period: whole calendar months when the period is made of them, else days/30.4375.
double monthsIn(const Period& p);

// Seed 000: a report every week for the first month from `start`, every two weeks for the next
// two months, then every month; periods until `until` (inclusive). Phase boundaries are calendar
// months from the start date; a period that would cross a boundary is cut at it.
std::vector<Period> reportingCadence(model::DayNumber start, model::DayNumber until);

}  // namespace roilens::metrics
