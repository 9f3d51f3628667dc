#include "roilens/io/date_parser.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "roilens/core/decimal.hpp"
#include "roilens/io/date_text.hpp"
#include "roilens/io/excel_serial.hpp"

namespace roilens::io {
namespace {

using date_text::Cursor;
using date_text::isDigit;
using date_text::isLetter;
using date_text::isWeekday;
using date_text::monthNumber;
using date_text::zoneOffsetMinutes;

using model::CivilDate;
using model::Timestamp;

struct DateParts {
  CivilDate date;
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool has_time = false;
  std::optional<int> zone_minutes;    // the cell's own offset, minutes east of UTC
  std::optional<Timestamp> absolute;  // epoch numbers: already an instant
};

int fullYear(int year, std::size_t digits) {
  if (digits != 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

// "am"/"pm" (also "a.m."), applied to a 1..12 hour.
bool applyMeridiem(Cursor& cursor, DateParts& parts) {
  const std::size_t start = cursor.position();
  cursor.skipSpaces();
  std::string marker = cursor.word();
  if (marker == "a" || marker == "p") marker += cursor.word();  // "a.m." → "a" + "m"
  if (marker != "am" && marker != "pm") {
    cursor.rewind(start);
    return parts.hour < 24;
  }
  if (parts.hour < 1 || parts.hour > 12) return false;
  if (marker.starts_with('a')) parts.hour = parts.hour == 12 ? 0 : parts.hour;
  if (marker.starts_with('p')) parts.hour = parts.hour == 12 ? 12 : parts.hour + 12;
  return true;
}

// HH:MM[:SS[.fff]] [am|pm]
bool parseTime(Cursor& cursor, DateParts& parts) {
  const auto hour = cursor.number(1, 2);
  if (!hour || !cursor.consume(':')) return false;
  const auto minute = cursor.number(2, 2);
  if (!minute || *minute > 59) return false;
  parts.hour = *hour;
  parts.minute = *minute;
  if (cursor.consume(':')) {
    const auto second = cursor.number(2, 2);
    if (!second || *second > 59) return false;
    parts.second = *second;
    if (cursor.consume('.') || cursor.consume(',')) {
      if (!cursor.number(1, 9)) return false;  // fractions of a second are dropped
    }
  }
  parts.has_time = true;
  return applyMeridiem(cursor, parts);
}

// ±HH, ±HHMM, ±HH:MM after the sign.
std::optional<int> parseOffset(Cursor& cursor) {
  const int sign = cursor.consume('-') ? -1 : (cursor.consume('+') ? 1 : 0);
  if (sign == 0) return std::nullopt;
  std::size_t digits = 0;
  const auto first = cursor.number(1, 4, &digits);
  if (!first) return std::nullopt;
  int hours = *first;
  int minutes = 0;
  if (digits >= 3) {
    hours = *first / 100;
    minutes = *first % 100;
  } else if (cursor.consume(':')) {
    const auto m = cursor.number(2, 2);
    if (!m) return std::nullopt;
    minutes = *m;
  }
  if (hours > 14 || minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

// Optional zone then the end of the cell.
bool parseZoneAndEnd(Cursor& cursor, DateParts& parts) {
  cursor.skipSpaces();
  if (cursor.atEnd()) return true;
  if (cursor.peek() == '+' || cursor.peek() == '-') {
    parts.zone_minutes = parseOffset(cursor);
  } else {
    const std::string name = cursor.word();
    parts.zone_minutes = zoneOffsetMinutes(name);
    if (parts.zone_minutes && (name == "utc" || name == "gmt") &&
        (cursor.peek() == '+' || cursor.peek() == '-')) {
      parts.zone_minutes = parseOffset(cursor);  // "GMT+2", "UTC-05:00"
    }
  }
  cursor.skipSpaces();
  return parts.zone_minutes.has_value() && cursor.atEnd();
}

// After the date: nothing, or [T| |, |at ]time, then an optional zone.
bool parseTimeTail(Cursor& cursor, DateParts& parts) {
  if (cursor.consume('T') || cursor.consume('t'))
    return parseTime(cursor, parts) && parseZoneAndEnd(cursor, parts);
  cursor.skipSpaces();
  cursor.consume(',');
  cursor.skipSpaces();
  const std::size_t before_at = cursor.position();
  const std::string connector = cursor.word();
  if (connector != "at" && connector != "\xC3\xA0") cursor.rewind(before_at);  // "at", "à"
  cursor.skipSpaces();
  if (isDigit(cursor.peek())) {
    if (!parseTime(cursor, parts)) return false;
  }
  return parseZoneAndEnd(cursor, parts);
}

// YYYY-MM-DD or YYYY/MM/DD, then the time tail.
bool parseYearFirst(Cursor& cursor, DateParts& parts) {
  const auto year = cursor.number(4, 4);
  const char separator = cursor.peek();
  if (!year || (separator != '-' && separator != '/') || !cursor.consume(separator)) return false;
  const auto month = cursor.number(1, 2);
  if (!month || !cursor.consume(separator)) return false;
  const auto day = cursor.number(1, 2);
  if (!day) return false;
  parts.date = CivilDate{*year, *month, *day};
  return parseTimeTail(cursor, parts);
}

// NN/NN/YYYY (also '.' or '-', 2-digit years), the order given by the column.
bool parseNumericDayMonth(Cursor& cursor, DateParts& parts, DayOrder order) {
  const auto first = cursor.number(1, 2);
  const char separator = cursor.peek();
  if (!first || (separator != '/' && separator != '.' && separator != '-')) return false;
  cursor.consume(separator);
  const auto second = cursor.number(1, 2);
  if (!second || !cursor.consume(separator)) return false;
  std::size_t year_digits = 0;
  const auto year = cursor.number(2, 4, &year_digits);
  if (!year || year_digits == 3) return false;
  const bool day_first = order == DayOrder::kDayFirst;
  parts.date = CivilDate{fullYear(*year, year_digits), day_first ? *second : *first,
                         day_first ? *first : *second};
  return parseTimeTail(cursor, parts);
}

// "[Mon, ]Jun 01, 2023 …", "October 24, 2024 …", "27 January 2026 …", "27 janv. 2026".
bool parseWithMonthName(Cursor& cursor, DateParts& parts) {
  std::string word = cursor.word();
  if (isWeekday(word)) {
    cursor.consume(',');
    cursor.skipSpaces();
    word = cursor.word();
  }
  std::optional<int> month;
  std::optional<int> day;
  if (word.empty()) {  // day first
    day = cursor.number(1, 2);
    cursor.skipSpaces();
    month = monthNumber(cursor.word());
  } else {
    month = monthNumber(word);
    cursor.skipSpaces();
    day = cursor.number(1, 2);
    cursor.consume(',');
  }
  cursor.skipSpaces();
  const auto year = cursor.number(4, 4);
  if (!month || !day || !year) return false;
  parts.date = CivilDate{*year, *month, *day};
  return parseTimeTail(cursor, parts);
}

std::string_view trimCell(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\'')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A cell made of digits with at most one '.' (Excel serials may carry a time fraction).
std::optional<double> plainNumber(std::string_view s, std::size_t& integer_digits) {
  integer_digits = 0;
  bool seen_dot = false;
  for (const char c : s) {
    if (c == '.' && !seen_dot) {
      seen_dot = true;
    } else if (!isDigit(c)) {
      return std::nullopt;
    } else if (!seen_dot) {
      ++integer_digits;
    }
  }
  if (integer_digits == 0) return std::nullopt;
  return parseDecimal(s);
}

bool validYyyymmdd(double value, std::size_t digits, CivilDate& date) {
  if (digits != 8 || value != std::floor(value)) return false;
  const auto n = static_cast<std::int64_t>(value);
  date = CivilDate{static_cast<int>(n / 10000), static_cast<int>(n / 100 % 100),
                   static_cast<int>(n % 100)};
  return date.year >= 1900 && date.year < 2200 && model::isValidCivil(date);
}

constexpr double kLastExcelSerial = 2958466.0;  // 9999-12-31 is 2958465
// Without a column format, only serials of 1910-01-01 (3654) .. 2099-12-31 (73050) are taken
// as dates: a stray "12" in a date column must not become 12 January 1900.
constexpr double kFirstPlausibleSerial = 3654.0;
constexpr double kLastPlausibleSerial = 73051.0;

bool plausibleSerial(double value) {
  return value >= kFirstPlausibleSerial && value < kLastPlausibleSerial;
}

bool fromExcelSerial(double serial, DateParts& parts) {
  const auto day = static_cast<std::int64_t>(std::floor(serial));
  if (serial >= kLastExcelSerial) return false;
  const std::optional<model::DayNumber> epoch_day = excelSerialDay(day);  // none for 0 and 60
  if (!epoch_day) return false;
  parts.date = model::civilFromDays(*epoch_day);
  const auto seconds = static_cast<int>(std::llround((serial - std::floor(serial)) * 86400.0));
  parts.has_time = seconds != 0;
  parts.hour = seconds / 3600;
  parts.minute = seconds / 60 % 60;
  parts.second = seconds % 60;
  if (parts.hour == 24) parts.hour = 23, parts.minute = 59, parts.second = 59;
  return true;
}

NumericDate autoNumericKind(double value, std::size_t digits) {
  CivilDate date;
  if (validYyyymmdd(value, digits, date)) return NumericDate::kYyyymmdd;
  if (digits == 13) return NumericDate::kEpochMillis;
  if (digits == 10) return NumericDate::kEpochSeconds;
  if (plausibleSerial(value)) return NumericDate::kExcelSerial;
  return NumericDate::kAuto;  // not a date
}

bool parseNumericCell(double value, std::size_t digits, NumericDate kind, DateParts& parts) {
  if (kind == NumericDate::kAuto) kind = autoNumericKind(value, digits);
  switch (kind) {
    case NumericDate::kYyyymmdd:
      return validYyyymmdd(value, digits, parts.date);
    case NumericDate::kEpochSeconds:
      parts.absolute = static_cast<Timestamp>(std::floor(value));
      return true;
    case NumericDate::kEpochMillis:
      parts.absolute = static_cast<Timestamp>(std::floor(value / 1000.0));
      return true;
    case NumericDate::kExcelSerial:
      return fromExcelSerial(value, parts);
    case NumericDate::kAuto:
      return false;
  }
  return false;
}

// The forms most exports write ("2024-03-15", "2024-03-15 14:23", "2024-03-15 14:23:05", and
// 20240315 in a YYYYMMDD column), read without the general parser. Anything else, or values out
// of range, go to the general parser, which gives the same result for these forms.
std::optional<DateParts> commonForm(std::string_view text, const DateColumnFormat& format) {
  const auto digits = [&](std::size_t at, std::size_t n) {
    int value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      const char c = text[i];
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  DateParts parts;
  if (text.size() == 8 && format.numeric == NumericDate::kYyyymmdd) {
    parts.date = CivilDate{digits(0, 4), digits(4, 2), digits(6, 2)};
  } else if ((text.size() == 10 || text.size() == 16 || text.size() == 19) && text[4] == '-' &&
             text[7] == '-') {
    parts.date = CivilDate{digits(0, 4), digits(5, 2), digits(8, 2)};
    if (text.size() >= 16) {
      if (text[10] != ' ' || text[13] != ':') return std::nullopt;
      parts.hour = digits(11, 2);
      parts.minute = digits(14, 2);
      parts.has_time = true;
      if (text.size() == 19) {
        if (text[16] != ':') return std::nullopt;
        parts.second = digits(17, 2);
      }
      if (parts.hour < 0 || parts.hour > 23 || parts.minute < 0 || parts.minute > 59 ||
          parts.second < 0 || parts.second > 59) {
        return std::nullopt;
      }
    }
  } else {
    return std::nullopt;
  }
  if (parts.date.year < 1000 || !model::isValidCivil(parts.date)) return std::nullopt;
  return parts;
}

std::optional<DateParts> parseParts(std::string_view cell, const DateColumnFormat& format) {
  if (auto common = commonForm(cell, format)) return common;
  const std::string_view text = trimCell(cell);
  if (text.empty()) return std::nullopt;
  DateParts parts;
  std::size_t digits = 0;
  if (const auto value = plainNumber(text, digits)) {
    if (!parseNumericCell(*value, digits, format.numeric, parts)) return std::nullopt;
    return parts;
  }
  Cursor cursor(text);
  bool ok = false;
  if (isLetter(text.front())) {
    ok = parseWithMonthName(cursor, parts);
  } else {
    ok = parseYearFirst(cursor, parts);
    if (!ok) {
      cursor.rewind(0);
      parts = DateParts{};
      ok = parseNumericDayMonth(cursor, parts, format.day_order);
    }
    if (!ok) {
      cursor.rewind(0);
      parts = DateParts{};
      ok = parseWithMonthName(cursor, parts);
    }
  }
  if (!ok || !model::isValidCivil(parts.date)) return std::nullopt;
  return parts;
}

// The two leading numbers of an NN/NN/YY(YY) cell, if it is one.
std::optional<std::pair<int, int>> dayMonthPair(std::string_view cell) {
  Cursor cursor(trimCell(cell));
  const auto first = cursor.number(1, 2);
  const char separator = cursor.peek();
  if (!first || (separator != '/' && separator != '.' && separator != '-')) return std::nullopt;
  cursor.consume(separator);
  const auto second = cursor.number(1, 2);
  if (!second || !cursor.consume(separator) || !cursor.number(2, 4)) return std::nullopt;
  return std::pair{*first, *second};
}

// What the numeric cells of a column have in common (see detectDateFormat).
NumericDate numericKindOf(const std::vector<std::string_view>& cells) {
  bool any = false;
  bool all_yyyymmdd = true;
  bool all_millis = true;
  bool all_seconds = true;
  bool all_serials = true;
  for (const std::string_view cell : cells) {
    std::size_t digits = 0;
    const auto value = plainNumber(trimCell(cell), digits);
    if (!value) continue;
    any = true;
    CivilDate date;
    all_yyyymmdd = all_yyyymmdd && validYyyymmdd(*value, digits, date);
    all_millis = all_millis && *value >= 1e11;
    all_seconds = all_seconds && *value >= 1e8 && *value < 1e11;
    all_serials = all_serials && plausibleSerial(*value);
  }
  if (!any) return NumericDate::kAuto;
  if (all_yyyymmdd) return NumericDate::kYyyymmdd;
  if (all_millis) return NumericDate::kEpochMillis;
  if (all_seconds) return NumericDate::kEpochSeconds;
  if (all_serials) return NumericDate::kExcelSerial;
  return NumericDate::kAuto;
}

}  // namespace

DateColumnFormat detectDateFormat(const std::vector<std::string_view>& cells, DayOrder fallback) {
  bool day_month_seen = false;
  bool day_first_seen = false;
  bool month_first_seen = false;
  for (const std::string_view cell : cells) {
    if (const auto pair = dayMonthPair(cell)) {
      day_month_seen = true;
      day_first_seen = day_first_seen || pair->first > 12;
      month_first_seen = month_first_seen || pair->second > 12;
    }
  }
  DateColumnFormat format;
  format.numeric = numericKindOf(cells);
  if (day_first_seen != month_first_seen) {
    format.day_order = day_first_seen ? DayOrder::kDayFirst : DayOrder::kMonthFirst;
  } else {
    format.day_order = fallback;
    format.ambiguous = day_month_seen;  // no NN/NN cell: the order does not matter
  }
  return format;
}

std::optional<DateTimeValue> parseDateTimeCell(std::string_view cell,
                                               const DateColumnFormat& format,
                                               int utc_offset_minutes) {
  const auto parts = parseParts(cell, format);
  if (!parts) return std::nullopt;
  if (parts->absolute) return DateTimeValue{*parts->absolute, true, true};
  const int offset = parts->zone_minutes.value_or(utc_offset_minutes);
  const Timestamp local =
      model::timestampFromCivil(parts->date, parts->hour, parts->minute, parts->second);
  return DateTimeValue{local - static_cast<Timestamp>(offset) * 60, parts->has_time,
                       parts->zone_minutes.has_value()};
}

std::optional<Timestamp> parseDateTime(std::string_view cell, const DateColumnFormat& format,
                                       int utc_offset_minutes) {
  const auto value = parseDateTimeCell(cell, format, utc_offset_minutes);
  if (!value) return std::nullopt;
  return value->utc;
}

std::optional<CivilDate> parseCivilDate(std::string_view cell, const DateColumnFormat& format) {
  const auto parts = parseParts(cell, format);
  if (!parts) return std::nullopt;
  if (parts->absolute) return model::civilFromDays(model::localDay(*parts->absolute, 0));
  return parts->date;
}

std::optional<std::pair<model::DayNumber, model::DayNumber>> parseDateRange(std::string_view text) {
  text = trimCell(text);
  std::size_t split = text.find(" - ");
  std::size_t separator_length = 3;
  if (split == std::string_view::npos) {
    split = text.find(" \xE2\x80\x93 ");  // en dash
    separator_length = 5;
  }
  if (split == std::string_view::npos && text.size() == 17 && text[8] == '-') {
    split = 8;  // UA: 20150416-20150416
    separator_length = 1;
  }
  if (split == std::string_view::npos) return std::nullopt;
  const DateColumnFormat format;
  const auto first = parseCivilDate(text.substr(0, split), format);
  const auto last = parseCivilDate(text.substr(split + separator_length), format);
  if (!first || !last) return std::nullopt;
  return std::pair{model::daysFromCivil(*first), model::daysFromCivil(*last)};
}

}  // namespace roilens::io
