#include "roilens/io/xlsx_styles.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "roilens/io/excel_serial.hpp"
#include "roilens/io/xlsx_xml.hpp"
#include "roilens/model/time.hpp"

namespace roilens::io {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != lower(prefix[i])) return false;
  }
  return true;
}

// "[h]", "[hh]", "[mm]", "[ss]": elapsed-time brackets (the others are colours, conditions or
// locales such as [Red], [>=100], [$€-40C], [$-409]).
bool isElapsedBracket(std::string_view inside) {
  if (inside.empty()) return false;
  const char first = lower(inside[0]);
  if (first != 'h' && first != 'm' && first != 's') return false;
  for (const char c : inside) {
    if (lower(c) != first) return false;
  }
  return true;
}

struct FormatLetters {
  bool date = false;  // y or d
  bool month_or_minute = false;
  bool time = false;  // h or s
  bool elapsed = false;
  bool percent = false;
  std::string currency;
};

// Currency symbols a format may show outside quotes (UTF-8).
constexpr std::string_view kCurrencySymbols[] = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5",
                                                 "\xE2\x82\xB9"};  // $ € £ ¥ ₹

std::string_view currencySymbolAt(std::string_view text) {
  for (const std::string_view symbol : kCurrencySymbols) {
    if (text.starts_with(symbol)) return symbol;
  }
  return {};
}

// Quoted text that is only a currency: a symbol or a three-letter code ("€", " EUR").
std::string quotedCurrency(std::string_view quoted) {
  const std::size_t first = quoted.find_first_not_of(' ');
  if (first == std::string_view::npos) return "";
  quoted = quoted.substr(first, quoted.find_last_not_of(' ') - first + 1);
  if (currencySymbolAt(quoted) == quoted) return std::string(quoted);
  const bool code = quoted.size() == 3 && std::all_of(quoted.begin(), quoted.end(),
                                                      [](char c) { return c >= 'A' && c <= 'Z'; });
  return code ? std::string(quoted) : "";
}

// [$€-40C] → "€", [$USD-409] → "USD", [$-409] (locale only) → "".
std::string bracketCurrency(std::string_view inside) {
  if (inside.empty() || inside[0] != '$') return "";
  return std::string(inside.substr(1, inside.find('-') == std::string_view::npos
                                          ? std::string_view::npos
                                          : inside.find('-') - 1));
}

void noteLetter(char c, FormatLetters& seen) {
  const char l = lower(c);
  if (l == 'y' || l == 'd') seen.date = true;
  if (l == 'h' || l == 's') seen.time = true;
  if (l == 'm') seen.month_or_minute = true;
  if (c == '%') seen.percent = true;
}

FormatLetters scanFirstSection(std::string_view code) {
  FormatLetters seen;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;  // later sections are for negatives, zero, text
    const std::string_view rest = code.substr(i);
    const std::string_view symbol = currencySymbolAt(c == '\\' ? rest.substr(1) : rest);
    if (!symbol.empty() && seen.currency.empty()) seen.currency = std::string(symbol);
    if (c == '"') {
      const std::size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      if (seen.currency.empty()) seen.currency = quotedCurrency(code.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // escaped literal, padding or fill character
    } else if (c == '[') {
      const std::size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, end - i - 1);
      if (isElapsedBracket(inside)) seen.elapsed = true;
      if (seen.currency.empty()) seen.currency = bracketCurrency(inside);
      i = end;
    } else if (startsWithNoCase(rest, "am/pm")) {
      i += 4;
    } else if (startsWithNoCase(rest, "a/p")) {
      i += 2;
    } else {
      noteLetter(c, seen);
    }
  }
  return seen;
}

std::string twoDigits(std::int64_t v) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", static_cast<int>(v));
  return buffer;
}

std::string clock(std::int64_t hours, std::int64_t seconds_in_hour) {
  return twoDigits(hours) + ":" + twoDigits(seconds_in_hour / 60) + ":" +
         twoDigits(seconds_in_hour % 60);
}

constexpr std::int64_t kSecondsPerDay = 86400;

}  // namespace

NumberFormatKind builtinFormatKind(int num_fmt_id) {
  if (num_fmt_id == 9 || num_fmt_id == 10) return NumberFormatKind::kPercent;  // 0%, 0.00%
  if (num_fmt_id >= 14 && num_fmt_id <= 17) return NumberFormatKind::kDate;    // m/d/yyyy, d-mmm...
  if (num_fmt_id >= 18 && num_fmt_id <= 21) return NumberFormatKind::kTime;    // h:mm AM/PM...
  if (num_fmt_id == 22) return NumberFormatKind::kDateTime;                    // m/d/yyyy h:mm
  if (num_fmt_id == 45 || num_fmt_id == 47) return NumberFormatKind::kTime;    // mm:ss, mmss.0
  if (num_fmt_id == 46) return NumberFormatKind::kElapsedTime;                 // [h]:mm:ss
  return NumberFormatKind::kNumber;
}

NumberFormat describeFormatCode(std::string_view format_code) {
  const FormatLetters seen = scanFirstSection(format_code);
  if (seen.elapsed) return {NumberFormatKind::kElapsedTime, ""};
  // A lone m is a month (d-mmm, mmm-yy); beside h or s it is minutes.
  const bool date = seen.date || (seen.month_or_minute && !seen.time);
  if (date && seen.time) return {NumberFormatKind::kDateTime, ""};
  if (date) return {NumberFormatKind::kDate, ""};
  if (seen.time) return {NumberFormatKind::kTime, ""};
  if (seen.percent) return {NumberFormatKind::kPercent, ""};
  if (!seen.currency.empty()) return {NumberFormatKind::kCurrency, seen.currency};
  return {NumberFormatKind::kNumber, ""};
}

Result<CellStyles> CellStyles::parse(std::string_view styles_xml) {
  std::map<int, NumberFormat> custom;
  std::vector<int> xf_formats;
  XmlTokenizer tokenizer(styles_xml);
  bool in_cell_xfs = false;
  while (true) {
    Result<XmlToken> token = tokenizer.next();
    if (!token) return token.error();
    const XmlToken& t = token.value();
    if (t.kind == XmlToken::Kind::kEnd) break;
    if (t.kind == XmlToken::Kind::kEndTag && t.name == "cellXfs") in_cell_xfs = false;
    if (t.kind != XmlToken::Kind::kStartTag) continue;
    if (t.name == "cellXfs") {
      in_cell_xfs = !t.self_closing;
    } else if (t.name == "numFmt") {
      const std::optional<std::string> id = xmlAttribute(t, "numFmtId");
      const std::optional<std::string> code = xmlAttribute(t, "formatCode");
      if (id && code) custom[std::atoi(id->c_str())] = describeFormatCode(*code);
    } else if (t.name == "xf" && in_cell_xfs) {
      const std::optional<std::string> id = xmlAttribute(t, "numFmtId");
      xf_formats.push_back(id ? std::atoi(id->c_str()) : 0);
    }
  }
  std::vector<NumberFormat> formats;
  formats.reserve(xf_formats.size());
  for (const int id : xf_formats) {
    const auto found = custom.find(id);
    formats.push_back(found != custom.end() ? found->second
                                            : NumberFormat{builtinFormatKind(id), ""});
  }
  return CellStyles(std::move(formats));
}

std::optional<std::string> excelSerialToIso(double serial, NumberFormatKind kind, bool date1904) {
  // 2958465 = serial of 9999-12-31 in the 1900 system, Excel's last day.
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466.0) return std::nullopt;
  const auto total = static_cast<std::int64_t>(std::llround(serial * kSecondsPerDay));
  const std::int64_t whole_days = total / kSecondsPerDay;
  const std::int64_t seconds = total % kSecondsPerDay;
  if (kind == NumberFormatKind::kElapsedTime) {
    return std::to_string(total / 3600) + ":" + twoDigits((total % 3600) / 60) + ":" +
           twoDigits(total % 60);
  }
  if (kind == NumberFormatKind::kTime && whole_days == 0)
    return clock(seconds / 3600, seconds % 3600);
  const std::optional<model::DayNumber> day = excelSerialDay(whole_days, date1904);
  if (!day || *day > model::daysFromCivil({9999, 12, 31})) return std::nullopt;
  std::string out = model::isoDate(*day);
  if (kind == NumberFormatKind::kDate && seconds == 0) return out;
  return out + " " + clock(seconds / 3600, seconds % 3600);
}

}  // namespace roilens::io
