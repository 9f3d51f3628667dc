#include "roilens/metrics/period.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace roilens::metrics {
namespace {

using model::CivilDate;
using model::civilFromDays;
using model::DayNumber;
using model::daysFromCivil;

constexpr std::array<std::string_view, 8> kGrainNames = {"day",  "week", "month", "quarter",
                                                         "year", "all",  "range", "cadence"};

// 0 = Monday ... 6 = Sunday; 1970-01-01 was a Thursday.
int weekdayMondayZero(DayNumber d) { return static_cast<int>(((d % 7) + 7 + 3) % 7); }

std::string format(const char* pattern, int a, int b = 0) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, pattern, a, b);
  return buffer;
}

DayNumber lastDayOfMonth(int year, int month) {
  return addMonths(daysFromCivil({year, month, 1}), 1) - 1;
}

std::string calendarLabel(Grain grain, DayNumber day) {
  const CivilDate c = civilFromDays(day);
  switch (grain) {
    case Grain::kDay:
      return model::isoDate(day);
    case Grain::kWeek: {
      const IsoWeek w = isoWeekOf(day);
      return format("%04d-W%02d", w.year, w.week);
    }
    case Grain::kMonth:
      return format("%04d-%02d", c.year, c.month);
    case Grain::kQuarter:
      return format("%04d-Q%d", c.year, (c.month - 1) / 3 + 1);
    case Grain::kYear:
      return format("%04d", c.year);
    default:
      return "all";
  }
}

std::optional<int> parseInt(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

bool isCalendarGrain(Grain g) {
  return g == Grain::kDay || g == Grain::kWeek || g == Grain::kMonth || g == Grain::kQuarter ||
         g == Grain::kYear;
}

}  // namespace

std::string_view grainName(Grain g) { return kGrainNames[static_cast<std::size_t>(g)]; }

std::optional<Grain> parseGrain(std::string_view name) {
  for (std::size_t i = 0; i < kGrainNames.size(); ++i) {
    if (kGrainNames[i] == name) return static_cast<Grain>(i);
  }
  return std::nullopt;
}

IsoWeek isoWeekOf(DayNumber day) {
  const DayNumber thursday = day - weekdayMondayZero(day) + 3;  // ISO: the week's Thursday
  const int year = civilFromDays(thursday).year;
  return {year, (thursday - daysFromCivil({year, 1, 1})) / 7 + 1};
}

DayNumber mondayOfIsoWeek(int iso_year, int week) {
  const DayNumber jan4 = daysFromCivil({iso_year, 1, 4});  // 4 January is always in week 1
  return jan4 - weekdayMondayZero(jan4) + (week - 1) * 7;
}

int isoWeeksInYear(int iso_year) { return isoWeekOf(daysFromCivil({iso_year, 12, 28})).week; }

DayNumber addMonths(DayNumber day, int months) {
  const CivilDate c = civilFromDays(day);
  const int index = c.year * 12 + (c.month - 1) + months;
  const int year = index >= 0 ? index / 12 : (index - 11) / 12;
  const int month = index - year * 12 + 1;
  const DayNumber first = daysFromCivil({year, month, 1});
  const DayNumber next =
      daysFromCivil({month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1});
  return std::min(first + c.day - 1, next - 1);
}

Period calendarPeriod(Grain grain, DayNumber day) {
  const CivilDate c = civilFromDays(day);
  Period p;
  p.grain = grain;
  switch (grain) {
    case Grain::kDay:
      p.first = p.last = day;
      break;
    case Grain::kWeek:
      p.first = day - weekdayMondayZero(day);
      p.last = p.first + 6;
      break;
    case Grain::kMonth:
      p.first = daysFromCivil({c.year, c.month, 1});
      p.last = lastDayOfMonth(c.year, c.month);
      break;
    case Grain::kQuarter: {
      const int first_month = (c.month - 1) / 3 * 3 + 1;
      p.first = daysFromCivil({c.year, first_month, 1});
      p.last = lastDayOfMonth(c.year, first_month + 2);
      break;
    }
    default:  // year
      p.grain = Grain::kYear;
      p.first = daysFromCivil({c.year, 1, 1});
      p.last = daysFromCivil({c.year, 12, 31});
  }
  p.label = calendarLabel(p.grain, p.first);
  return p;
}

Period customRange(DayNumber first, DayNumber last) {
  return {first, last, Grain::kRange, model::isoDate(first) + ".." + model::isoDate(last)};
}

std::vector<Period> periodsCovering(Grain grain, DayNumber first, DayNumber last, bool clip) {
  std::vector<Period> out;
  if (last < first) return out;
  if (grain == Grain::kAll) {
    out.push_back(clip ? customRange(first, last) : Period{first, last, Grain::kAll, "all"});
    return out;
  }
  if (!isCalendarGrain(grain)) {
    out.push_back(customRange(first, last));
    return out;
  }
  for (DayNumber day = first; day <= last;) {
    Period p = calendarPeriod(grain, day);
    if (clip && (p.first < first || p.last > last))
      p = customRange(std::max(p.first, first), std::min(p.last, last));
    day = p.last + 1;
    out.push_back(std::move(p));
  }
  return out;
}

std::optional<DayNumber> parseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = parseInt(text.substr(0, 4));
  const auto m = parseInt(text.substr(5, 2));
  const auto d = parseInt(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  const CivilDate date{*y, *m, *d};
  if (!model::isValidCivil(date)) return std::nullopt;
  return daysFromCivil(date);
}

std::optional<Period> parsePeriodLabel(std::string_view label) {
  if (label == "all") return std::nullopt;  // "all" depends on the data; callers handle it
  if (const auto dots = label.find(".."); dots != std::string_view::npos) {
    const auto a = parseIsoDate(label.substr(0, dots));
    const auto b = parseIsoDate(label.substr(dots + 2));
    if (!a || !b || *b < *a) return std::nullopt;
    return customRange(*a, *b);
  }
  if (const auto day = parseIsoDate(label)) return calendarPeriod(Grain::kDay, *day);
  const auto year = parseInt(label.substr(0, 4));
  if (!year || *year < 1) return std::nullopt;
  if (label.size() == 4) return calendarPeriod(Grain::kYear, daysFromCivil({*year, 1, 1}));
  if (label.size() == 7 && label[4] == '-' && label[5] == 'Q') {
    const auto q = parseInt(label.substr(6));
    if (!q || *q < 1 || *q > 4) return std::nullopt;
    return calendarPeriod(Grain::kQuarter, daysFromCivil({*year, (*q - 1) * 3 + 1, 1}));
  }
  if (label.size() == 8 && label[4] == '-' && label[5] == 'W') {
    const auto w = parseInt(label.substr(6));
    if (!w || *w < 1 || *w > isoWeeksInYear(*year)) return std::nullopt;
    return calendarPeriod(Grain::kWeek, mondayOfIsoWeek(*year, *w));
  }
  if (label.size() == 7 && label[4] == '-') {
    const auto m = parseInt(label.substr(5));
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    return calendarPeriod(Grain::kMonth, daysFromCivil({*year, *m, 1}));
  }
  return std::nullopt;
}

std::optional<Period> previousPeriod(const Period& p) {
  if (p.grain == Grain::kAll) return std::nullopt;
  if (isCalendarGrain(p.grain)) return calendarPeriod(p.grain, p.first - 1);
  return customRange(p.first - p.days(), p.first - 1);
}

std::optional<Period> yearBeforePeriod(const Period& p) {
  switch (p.grain) {
    case Grain::kAll:
      return std::nullopt;
    case Grain::kWeek: {
      const IsoWeek w = isoWeekOf(p.first);
      const int week = std::min(w.week, isoWeeksInYear(w.year - 1));
      return calendarPeriod(Grain::kWeek, mondayOfIsoWeek(w.year - 1, week));
    }
    case Grain::kDay:
    case Grain::kMonth:
    case Grain::kQuarter:
    case Grain::kYear:
      return calendarPeriod(p.grain, addMonths(p.first, -12));
    default:
      return customRange(addMonths(p.first, -12), addMonths(p.last, -12));
  }
}

double monthsIn(const Period& p) {
  const CivilDate a = civilFromDays(p.first);
  const CivilDate b = civilFromDays(p.last);
  if (a.day == 1 && p.last == lastDayOfMonth(b.year, b.month)) {
    return (b.year - a.year) * 12 + (b.month - a.month) + 1;
  }
  return p.days() / 30.4375;  // mean Gregorian month
}

std::vector<Period> reportingCadence(DayNumber start, DayNumber until) {
  std::vector<Period> out;
  const DayNumber weekly_end = addMonths(start, 1);    // first day after the weekly phase
  const DayNumber biweekly_end = addMonths(start, 3);  // first day after the two-week phase
  int month = 3;
  for (DayNumber day = start; day <= until;) {
    DayNumber next = 0;
    if (day < weekly_end) {
      next = std::min(day + 7, weekly_end);
    } else if (day < biweekly_end) {
      next = std::min(day + 14, biweekly_end);
    } else {
      // Monthly from the phase boundary: months counted from the start date (k only grows).
      while (addMonths(start, month) <= day) ++month;
      next = addMonths(start, month);
    }
    Period p = customRange(day, next - 1);
    p.grain = Grain::kCadence;
    out.push_back(std::move(p));
    day = next;
  }
  return out;
}

}  // namespace roilens::metrics
