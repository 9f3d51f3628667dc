#pragma once
// Which .xlsx cells hold dates, and how an Excel date serial becomes ISO text.
//
// A number cell is a date only through its style: styles.xml lists cell formats (<cellXfs>),
// each pointing at a number format, either built in (ECMA-376 §18.8.30: ids 14-22 and 45-47
// are dates or times) or custom (<numFmt formatCode="dd/mm/yyyy hh:mm">).
//
// Serials (ECMA-376 §18.17.4.1): 1900 system: serial 1 = 1900-01-01, and serial 60 is
// 1900-02-29, a day that never existed (kept from Lotus 1-2-3), so from serial 61 on the date is
// 1899-12-30 + serial days. 1904 system (<workbookPr date1904="1"/>, old Mac workbooks): serial
// 0 = 1904-01-01. The fraction is the time of day.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "roilens/core/error.hpp"

namespace roilens::io {

enum class NumberFormatKind {
  kNumber,       // general, 0.00, #,##0...: the number is kept as written
  kPercent,      // 0%, 0.00%: shown ×100 with a '%', as in a CSV saved by Excel
  kCurrency,     // a format naming a currency: the number followed by its symbol or code
  kDate,         // calendar date (time shown only if the serial has one)
  kDateTime,     // date and time of day
  kTime,         // time of day only (h:mm:ss): durations in analytics exports
  kElapsedTime,  // [h]:mm:ss: hours may exceed 24
};

struct NumberFormat {
  NumberFormatKind kind = NumberFormatKind::kNumber;
  std::string currency;  // for kCurrency: "€", "$", "USD"... as written in the format
  friend bool operator==(const NumberFormat&, const NumberFormat&) = default;
};

// Built-in format ids (no <numFmt> needed for them). The locale-dependent currency ids (5-8,
// 37-44) name no symbol in the file, so they stay kNumber.
NumberFormatKind builtinFormatKind(int num_fmt_id);

// A custom format code, judged on its first section: date letters (y, d, or m without h/s)
// and time letters (h, s) outside quoted text, escapes, [colour]/[$-locale] brackets and
// AM/PM markers; "[h]", "[mm]", "[ss]" mean elapsed time; else a '%' means percent; else a
// currency in [$€-40C], in quotes ("€", "USD") or bare ($ € £ ¥ ₹) means currency.
NumberFormat describeFormatCode(std::string_view format_code);

// The number format of each cell style, indexed by the cell's s="..." attribute.
class CellStyles {
 public:
  CellStyles() = default;
  explicit CellStyles(std::vector<NumberFormat> formats) : formats_(std::move(formats)) {}

  // Parses styles.xml. Errors (kMalformedRecord): unreadable XML.
  static Result<CellStyles> parse(std::string_view styles_xml);

  // Unknown or absent style index → General (as Excel does).
  const NumberFormat& format(std::size_t style_index) const {
    static const NumberFormat kGeneral;
    return style_index < formats_.size() ? formats_[style_index] : kGeneral;
  }
  NumberFormatKind kind(std::size_t style_index) const { return format(style_index).kind; }

 private:
  std::vector<NumberFormat> formats_;
};

// ISO text for a date serial: "YYYY-MM-DD" (kDate with no time part), "YYYY-MM-DD HH:MM:SS"
// (kDateTime, or kDate with a time part), "HH:MM:SS" (kTime below one day; a later serial
// gets the full date-time), "H:MM:SS" with total hours (kElapsedTime). Seconds are rounded
// to the nearest second. nullopt when the serial is no real date: negative, the fictitious
// 1900-02-29, 0 in the 1900 system for a date kind, or after 9999-12-31.
std::optional<std::string> excelSerialToIso(double serial, NumberFormatKind kind, bool date1904);

}  // namespace roilens::io
