#include "roilens/io/number_parser.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <optional>

#include "roilens/core/decimal.hpp"

namespace roilens::io {
namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";           // U+00A0
constexpr std::string_view kNnbsp = "\xE2\x80\xAF";      // U+202F
constexpr std::string_view kThinSpace = "\xE2\x80\x89";  // U+2009
constexpr std::string_view kMinusSign = "\xE2\x88\x92";  // U+2212

// Multi-byte spaces used as grouping or around '%' and currency signs.
constexpr std::array<std::string_view, 3> kWideSpaces = {kNbsp, kNnbsp, kThinSpace};

constexpr std::array<std::string_view, 5> kEmptyMarkers = {"-", "--", "n/a", "N/A", "NA"};

// Longest first so that "US$" wins over "$".
constexpr std::array<std::string_view, 11> kCurrencySigns = {"US$",
                                                             "CA$",
                                                             "AU$",
                                                             "NZ$",
                                                             "R$",
                                                             "$",
                                                             "\xE2\x82\xAC" /* € */,
                                                             "\xC2\xA3" /* £ */,
                                                             "\xE2\x82\xB9" /* ₹ */,
                                                             "\xC2\xA5" /* ¥ */,
                                                             "\xE2\x82\xAB" /* ₫ */};

// Length of a space (ASCII or wide) at the start of s, 0 if none.
std::size_t spaceLength(std::string_view s) {
  if (s.empty()) return 0;
  if (s.front() == ' ' || s.front() == '\t') return 1;
  for (const std::string_view space : kWideSpaces) {
    if (s.starts_with(space)) return space.size();
  }
  return 0;
}

std::size_t trailingSpaceLength(std::string_view s) {
  if (s.empty()) return 0;
  if (s.back() == ' ' || s.back() == '\t') return 1;
  for (const std::string_view space : kWideSpaces) {
    if (s.ends_with(space)) return space.size();
  }
  return 0;
}

std::string_view trim(std::string_view s) {
  while (const std::size_t n = spaceLength(s)) s.remove_prefix(n);
  while (const std::size_t n = trailingSpaceLength(s)) s.remove_suffix(n);
  return s;
}

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Removes a currency sign or 3-letter code at the front; returns it ("" if none).
std::string takeCurrencyPrefix(std::string_view& s) {
  for (const std::string_view sign : kCurrencySigns) {
    if (s.starts_with(sign)) {
      s = trim(s.substr(sign.size()));
      return std::string(sign);
    }
  }
  if (s.size() > 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2]) && !isUpper(s[3])) {
    std::string code(s.substr(0, 3));
    s = trim(s.substr(3));
    return code;
  }
  return {};
}

std::string takeCurrencySuffix(std::string_view& s) {
  for (const std::string_view sign : kCurrencySigns) {
    if (s.ends_with(sign)) {
      s = trim(s.substr(0, s.size() - sign.size()));
      return std::string(sign);
    }
  }
  const std::size_t n = s.size();
  if (n > 3 && isUpper(s[n - 1]) && isUpper(s[n - 2]) && isUpper(s[n - 3]) && !isUpper(s[n - 4])) {
    std::string code(s.substr(n - 3));
    s = trim(s.substr(0, n - 3));
    return code;
  }
  return {};
}

// Removes a leading sign; true if it was a minus.
bool takeSign(std::string_view& s) {
  if (s.starts_with('-') || s.starts_with('+')) {
    const bool minus = s.front() == '-';
    s = trim(s.substr(1));
    return minus;
  }
  if (s.starts_with(kMinusSign)) {
    s = trim(s.substr(kMinusSign.size()));
    return true;
  }
  return false;
}

bool isGroupingAt(std::string_view s, std::size_t i, char decimal, std::size_t& length) {
  const char c = s[i];
  if (c == ' ' || c == '\'' || c == (decimal == '.' ? ',' : '.')) {
    length = 1;
    return true;
  }
  length = spaceLength(s.substr(i));
  return length > 1;
}

// Group sizes must be thousands (or Indian lakh: 2-digit middle groups): first 1..3, last 3.
bool validGroups(const std::vector<std::size_t>& groups) {
  if (groups.size() < 2) return true;
  if (groups.front() < 1 || groups.front() > 3 || groups.back() != 3) return false;
  for (std::size_t k = 1; k + 1 < groups.size(); ++k) {
    if (groups[k] != 2 && groups[k] != 3) return false;
  }
  return true;
}

// "1 234,5" with decimal ',' → "1234.5"; nullopt if the text is not a plain number.
std::optional<std::string> canonicalDigits(std::string_view s, char decimal) {
  std::string out;
  std::vector<std::size_t> groups;  // digit counts of the integer part, split at separators
  std::size_t run = 0;
  bool seen_decimal = false;
  bool grouped = false;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    std::size_t length = 1;
    if (isDigit(c)) {
      out.push_back(c);
      ++run;
    } else if (c == decimal && !seen_decimal) {
      groups.push_back(run);
      out.push_back('.');
      run = 0;
      seen_decimal = true;
    } else if (!seen_decimal && run > 0 && isGroupingAt(s, i, decimal, length)) {
      groups.push_back(run);
      run = 0;
      grouped = true;
    } else if ((c == 'e' || c == 'E') && !grouped && out.find_first_of("0123456789") == 0) {
      return out + std::string(s.substr(i));  // exponent: checked by from_chars
    } else {
      return std::nullopt;
    }
    i += length;
  }
  if (!seen_decimal) groups.push_back(run);
  if (out.find_first_of("0123456789") == std::string::npos) return std::nullopt;
  if (!validGroups(groups)) return std::nullopt;
  return out;
}

std::optional<double> toDouble(const std::string& digits) { return parseDecimal(digits); }

// Strips the decorations around the digits, recording what they said.
std::string_view stripDecorations(std::string_view s, ParsedNumber& number, bool& negative) {
  if (s.starts_with('\'')) s = trim(s.substr(1));
  if (s.starts_with('<') || s.starts_with('>')) {
    number.bound = s.front() == '<' ? ParsedNumber::kBelow : ParsedNumber::kAbove;
    s = trim(s.substr(1));
  }
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = trim(s.substr(1, s.size() - 2));
  }
  negative = takeSign(s) != negative;
  number.currency = takeCurrencyPrefix(s);
  if (takeSign(s)) negative = !negative;
  if (s.ends_with('%')) {
    number.percent = true;
    s = trim(s.substr(0, s.size() - 1));
  }
  if (number.currency.empty()) number.currency = takeCurrencySuffix(s);
  return s;
}

enum class DecimalEvidence { kNone, kDot, kComma, kAmbiguous };

// What one cell says about the decimal mark. A lone separator followed by exactly 3 digits
// ("1,234", "1.234") could be grouping or decimal, unless the integer part is 0 ("0,123").
DecimalEvidence evidenceOf(std::string_view cell) {
  const std::size_t dots = std::count(cell.begin(), cell.end(), '.');
  const std::size_t commas = std::count(cell.begin(), cell.end(), ',');
  if (dots > 0 && commas > 0) {
    return cell.rfind('.') > cell.rfind(',') ? DecimalEvidence::kDot : DecimalEvidence::kComma;
  }
  if (dots + commas == 0) return DecimalEvidence::kNone;
  const char mark = dots > 0 ? '.' : ',';
  const DecimalEvidence as_decimal = mark == '.' ? DecimalEvidence::kDot : DecimalEvidence::kComma;
  const DecimalEvidence as_grouping = mark == '.' ? DecimalEvidence::kComma : DecimalEvidence::kDot;
  if (dots + commas > 1) return as_grouping;
  const std::size_t at = cell.find(mark);
  std::size_t digits_after = 0;
  while (at + 1 + digits_after < cell.size() && isDigit(cell[at + 1 + digits_after])) {
    ++digits_after;
  }
  if (digits_after != 3) return as_decimal;
  std::size_t integer_start = at;
  while (integer_start > 0 && isDigit(cell[integer_start - 1])) --integer_start;
  if (at - integer_start == 1 && cell[integer_start] == '0') return as_decimal;
  // "1 234,567": another grouping (space, NBSP, apostrophe) already in use → this is decimal.
  const std::string_view before = cell.substr(0, at);
  const bool other_grouping = before.find_first_of(" '") != std::string_view::npos ||
                              before.find(kNbsp) != std::string_view::npos ||
                              before.find(kNnbsp) != std::string_view::npos;
  return other_grouping ? as_decimal : DecimalEvidence::kAmbiguous;
}

}  // namespace

NumberStyle detectNumberStyle(const std::vector<std::string_view>& column_cells,
                              char fallback_decimal) {
  std::size_t dot_votes = 0;
  std::size_t comma_votes = 0;
  bool saw_ambiguous = false;
  for (const std::string_view cell : column_cells) {
    const DecimalEvidence evidence = evidenceOf(cell);
    const char decimal = evidence == DecimalEvidence::kComma ? ',' : '.';
    if (evidence == DecimalEvidence::kNone) continue;
    if (evidence == DecimalEvidence::kAmbiguous) {
      saw_ambiguous = true;
      continue;
    }
    // Only cells that really are numbers under that reading vote (not "Oct. 5" or "a, b").
    if (parseNumber(cell, NumberStyle{decimal, false}).kind != CellKind::kNumber) continue;
    ++(decimal == '.' ? dot_votes : comma_votes);
  }
  if (dot_votes > comma_votes) return NumberStyle{'.', false};
  if (comma_votes > dot_votes) return NumberStyle{',', false};
  return NumberStyle{fallback_decimal, saw_ambiguous || dot_votes > 0};
}

bool isEmptyMarker(std::string_view cell) {
  if (cell.empty()) return true;
  if (cell.front() >= '0' && cell.front() <= '9') return false;  // no marker starts with a digit
  const std::string_view s = trim(cell);
  if (s.empty()) return true;
  for (const std::string_view marker : kEmptyMarkers) {
    if (s == marker) return true;
  }
  return false;
}

// "1234", "-12.5" (or "-12,5" with a comma decimal mark): most cells of most exports. Read
// exactly when the digits fit a double's 53-bit mantissa and the power of ten is exact (the
// correctly rounded quotient is then what strtod gives); anything else takes the general path.
std::optional<double> plainDecimal(std::string_view cell, char decimal_mark) {
  std::size_t i = 0;
  const bool negative = !cell.empty() && cell[0] == '-';
  if (negative) ++i;
  if (i >= cell.size() || cell.size() - i > 16) return std::nullopt;
  std::uint64_t mantissa = 0;
  int fraction_digits = -1;  // -1: no decimal mark yet
  for (; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c >= '0' && c <= '9') {
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
      if (fraction_digits >= 0) ++fraction_digits;
    } else if (c == decimal_mark && fraction_digits < 0 && i > (negative ? 1u : 0u)) {
      fraction_digits = 0;
    } else {
      return std::nullopt;
    }
  }
  if (fraction_digits == 0) return std::nullopt;  // "12." : the general parser decides
  constexpr double kPowers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  if (mantissa > (std::uint64_t{1} << 53)) return std::nullopt;
  double value = static_cast<double>(mantissa);
  if (fraction_digits > 0) value /= kPowers[fraction_digits];
  return negative ? -value : value;
}

NumberCell parseNumber(std::string_view cell, NumberStyle style) {
  if (const auto plain = plainDecimal(cell, style.decimal)) {
    NumberCell fast;
    fast.kind = CellKind::kNumber;
    fast.number.value = *plain;
    return fast;
  }
  NumberCell result;
  if (isEmptyMarker(cell)) return result;
  result.kind = CellKind::kInvalid;
  bool negative = false;
  const std::string_view core = stripDecorations(trim(cell), result.number, negative);
  const std::optional<std::string> digits = canonicalDigits(core, style.decimal);
  if (!digits) return result;
  const std::optional<double> value = toDouble(*digits);
  if (!value) return result;
  result.kind = CellKind::kNumber;
  result.number.value = negative ? -*value : *value;
  return result;
}

}  // namespace roilens::io
