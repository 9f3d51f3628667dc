#pragma once
// Date and date-time cells → UTC instants (FORMATS.md §0 "Dates").
//
// Forms accepted (case-insensitive month names, English and French, full or abbreviated):
//   2026-01-28 · 20260128 · 2026-01-28 12:48[:05] · 2026-01-28T12:48:05[.123][Z|±HH:MM|±HHMM]
//   2021-05-13 11:01:13 +0200 (Shopify) · Jun 01, 2023 09:46 pm (Mailchimp, optional weekday
//   "Mon, ") · October 24, 2024 5:54 pm UTC (Mautic) · March 27, 2026 · 27 January 2026
//   · DD/MM/YYYY or MM/DD/YYYY (also '.' or '-' separators, 2-digit years → 20YY if < 70 else
//   19YY, optional time "14:05[:00]" or "2:05 PM") · a time may follow ", ", " at " or " à "
//   · numbers: Excel serials (1900 system; without a column format only 3654..73050),
//   epoch seconds (10 digits) and milliseconds (13 digits); 8 digits = YYYYMMDD when valid.
// Time zones: a cell without an offset is local time of the user (utc_offset_minutes east of
// UTC, e.g. +60 for Paris in winter) and is converted to UTC; a cell with Z, UTC, GMT, ±HH:MM,
// ±HHMM or a common abbreviation (CET, CEST, EST, EDT, PST, PDT...) uses that offset. Epoch
// numbers are UTC by definition. Excel serials are local time (Excel has no time zone).
// Excel 1900 system: serial 1 = 1900-01-01; serial 60 is Excel's fictitious 1900-02-29
// (the Lotus leap-year bug) and is rejected; serials ≥ 61 are shifted back by that day.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "roilens/model/time.hpp"

namespace roilens::io {

enum class DayOrder { kDayFirst, kMonthFirst };  // for NN/NN/YYYY cells

// How a plain number in the column is read.
enum class NumericDate { kAuto, kYyyymmdd, kExcelSerial, kEpochSeconds, kEpochMillis };

struct DateColumnFormat {
  DayOrder day_order = DayOrder::kMonthFirst;
  // The column has NN/NN/YYYY cells but none with a field > 12 (or both kinds): day_order came
  // from the fallback; the caller turns this into a warning ("03/04/2026 read as 3 April").
  // False when the column has no NN/NN cell at all (ISO, month names...): nothing to decide.
  bool ambiguous = false;
  NumericDate numeric = NumericDate::kAuto;
};

// Decides the day order from the whole column: any first field > 12 → day first; any second
// field > 12 → month first; none → fallback (DMY when the user's locale is French, else MDY)
// and ambiguous = true. Both seen (inconsistent column) → fallback, ambiguous = true. No NN/NN
// cell → fallback, ambiguous = false.
// numeric: all numeric cells 8-digit valid YYYYMMDD → kYyyymmdd; all ≥ 1e11 → kEpochMillis;
// all ≥ 1e8 → kEpochSeconds; otherwise kExcelSerial when all are plausible serials
// (1910-01-01 = 3654 .. 2099-12-31 = 73050), the same range kAuto accepts for one cell.
DateColumnFormat detectDateFormat(const std::vector<std::string_view>& cells,
                                  DayOrder fallback = DayOrder::kMonthFirst);

struct DateTimeValue {
  model::Timestamp utc = 0;
  bool has_time = false;  // false for date-only cells (local midnight was used)
  bool has_zone = false;  // the cell carried its own offset (or was epoch)
  friend bool operator==(const DateTimeValue&, const DateTimeValue&) = default;
};

std::optional<DateTimeValue> parseDateTimeCell(std::string_view cell,
                                               const DateColumnFormat& format,
                                               int utc_offset_minutes);

// Shorthand: the UTC instant only.
std::optional<model::Timestamp> parseDateTime(std::string_view cell, const DateColumnFormat& format,
                                              int utc_offset_minutes);

// A calendar date without time zone arithmetic (for day-grained reports such as GA4 dates).
std::optional<model::CivilDate> parseCivilDate(std::string_view cell,
                                               const DateColumnFormat& format);

// "March 27, 2026 - April 23, 2026", "27 January 2026 - 23 February 2026", "20150416-20150416"
// → first and last day (inclusive). "All time" or anything else → nullopt.
std::optional<std::pair<model::DayNumber, model::DayNumber>> parseDateRange(std::string_view text);

}  // namespace roilens::io
