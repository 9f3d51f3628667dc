#pragma once
// Locale-formatted number cells → doubles (FORMATS.md §0 "Numbers", "Empty / null markers").
//
// The decimal mark is decided per column from all of its cells (detectNumberStyle), never per
// cell: "1,234" alone is ambiguous (1234 in en, 1.234 in fr), "1,234.5" or "1.234,5" decides.
// Accepted in a cell (surrounding spaces, NBSP U+00A0 and NNBSP U+202F are trimmed):
//  - grouping: ',' or '.' (whichever is not the decimal mark), space, NBSP, NNBSP, apostrophe;
//    groups must be 3 digits (or 2, Indian lakh style) so "12,5,0" is invalid, not 1250;
//  - a leading apostrophe (Excel text marker, Shopify zips), a '+' or '-' or U+2212 sign, or
//    parentheses for a negative: "(1,234.00)" = -1234;
//  - a currency sign or code before or after the number: $ € £ ₹ ¥, "US$", any 3-letter
//    upper-case code (EUR, USD, VND...), kept in ParsedNumber::currency as written;
//  - a trailing '%' (also after a space/NBSP/NNBSP): percent = true and the value stays in
//    percent units ("12.5%" → 12.5, not 0.125);
//  - a bound prefix '<' or '>' ("< 10%", "> 90%"): bound = kBelow / kAbove, value = the limit;
//  - scientific notation without grouping ("1.5E+06").
// Empty markers → CellKind::kEmpty: "", "-", "--", " --", "n/a", "N/A", "NA" (FORMATS §0). Anything
// else that is not a number → kInvalid (the caller reports "'12,5,0' is not a number").
#include <string>
#include <string_view>
#include <vector>

namespace roilens::io {

struct NumberStyle {
  char decimal = '.';      // '.' or ','
  bool ambiguous = false;  // only ambiguous cells were seen ("1,234"): decided by the fallback
  friend bool operator==(const NumberStyle&, const NumberStyle&) = default;
};

// fallback_decimal is used when no cell decides (the user's locale: ',' for French).
NumberStyle detectNumberStyle(const std::vector<std::string_view>& column_cells,
                              char fallback_decimal = '.');

struct ParsedNumber {
  enum Bound { kExact, kBelow, kAbove };
  double value = 0.0;
  bool percent = false;  // value is in percent units
  Bound bound = kExact;
  std::string currency;  // "$", "€", "EUR", "US$"... as written; empty if none
};

enum class CellKind { kEmpty, kNumber, kInvalid };

struct NumberCell {
  CellKind kind = CellKind::kEmpty;
  ParsedNumber number;  // meaningful only when kind == kNumber
};

NumberCell parseNumber(std::string_view cell, NumberStyle style);

// True for the empty markers listed above (after trimming).
bool isEmptyMarker(std::string_view cell);

}  // namespace roilens::io
