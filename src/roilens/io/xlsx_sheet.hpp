#pragma once
// The cell layer of an .xlsx file: the shared-string table and a worksheet's <sheetData>,
// turned into the same records the CSV reader produces.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roilens/core/error.hpp"
#include "roilens/io/csv_reader.hpp"
#include "roilens/io/xlsx_styles.hpp"

namespace roilens::io {

// sharedStrings.xml: one string per <si>, rich-text runs (<r><t>) concatenated, phonetic
// guides (<rPh>) left out, _xHHHH_ escapes decoded.
Result<std::vector<std::string>> parseSharedStrings(std::string_view xml);

struct WorksheetContext {
  const std::vector<std::string>& shared_strings;
  const CellStyles& styles;
  bool date1904 = false;
};

// A worksheet part → one record per row holding at least one non-empty cell, in sheet order;
// record.line = record.end_line = the row number Excel shows. Column gaps (A1, C1) become
// empty fields; every record is padded to the widest row (as Excel's own CSV export does).
// Cell values: shared/inline/formula strings as text, booleans TRUE/FALSE, errors as shown
// (#N/A), numbers as written (scientific notation expanded: 1.5E-3 → 0.0015), date-styled
// numbers as ISO text (see excelSerialToIso; a serial that is no real date stays a number),
// percent-styled numbers ×100 with '%' (0.2778 → "27.78%"), currency-styled numbers followed
// by the format's currency ("1234.5 €"), so that the cells read like a CSV saved by Excel.
// A formula without a cached result is empty (and counted). Errors carry line = row and
// column = letter.
struct WorksheetRows {
  std::vector<CsvRecord> records;
  std::size_t formulas_without_result = 0;  // formula cells saved with no value: read as empty
  std::size_t impossible_dates = 0;         // date-styled numbers naming no real day: kept as is
};

Result<WorksheetRows> parseWorksheet(std::string_view xml, const WorksheetContext& context);

struct CellRef {
  std::size_t column = 0;  // 1-based: A = 1, XFD = 16384
  std::size_t row = 0;     // 1-based; 0 when the reference has no row part
};

// "B3" → {2, 3}; "AA" → {27, 0}. nullopt when malformed or beyond XFD1048576.
std::optional<CellRef> parseCellRef(std::string_view ref);

// 1 → "A", 27 → "AA".
std::string columnName(std::size_t column);

// Plain decimal text for a number written in scientific notation ("1.5E-3" → "0.0015",
// "-2.5e2" → "-250"); other text is returned unchanged.
std::string expandExponent(std::string_view number);

// The number (plain or scientific) as plain decimal text with its decimal point moved `shift`
// places right, exactly (no floating point): ("0.1234", 2) → "12.34". nullopt if not a number.
std::optional<std::string> plainDecimal(std::string_view number, long shift);

}  // namespace roilens::io
