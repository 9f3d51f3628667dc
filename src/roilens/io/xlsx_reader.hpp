#pragma once
// Excel workbooks (.xlsx, Office Open XML, ECMA-376) → the records the CSV reader produces.
//
// Why the unzipping is done here, in C++: the same core serves the native CLI (`roilens
// inspect file.xlsx`) and the wasm build in the page. The browser's DecompressionStream
// would only help the page and is asynchronous, and no zlib exists in the wasm build, so a
// small DEFLATE decoder (inflate.hpp) and ZIP reader (zip_archive.hpp) keep one code path
// that tests exercise natively.
//
// What is read: the workbook's sheet list (names, order) and relationships to find a sheet's
// part; shared strings (rich text included), inline strings, formula results, booleans, errors,
// numbers; date-formatted numbers as ISO text (xlsx_styles.hpp), both date systems; percent and
// currency formats shown as Excel shows them ("27.78%", "99.5 €"), so that the same columns
// read alike whether the user exported CSV or XLSX (details in xlsx_sheet.hpp).
// Row numbers in records and errors are the row numbers Excel shows; errors carry the column
// letter; position.file is left empty for the caller to fill. Rows without any value are not
// returned (their numbers are simply absent).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roilens/core/error.hpp"
#include "roilens/io/csv_reader.hpp"

namespace roilens::io {

// Something the user should know about a sheet that was read (not an error).
struct XlsxWarning {
  std::string message_en;
  std::string message_fr;
  friend bool operator==(const XlsxWarning&, const XlsxWarning&) = default;
};

struct XlsxSheet {
  std::string name;                       // the sheet that was read
  std::vector<std::string> other_sheets;  // the workbook's other sheets, in order
  std::vector<CsvRecord> records;
  // Other sheets not read; formula cells saved without a result (read as empty); date-formatted
  // numbers that name no real day (kept as numbers).
  std::vector<XlsxWarning> warnings;
};

// One sheet with what the page should tell about it. Same choice of sheet and errors as
// readXlsx below.
Result<XlsxSheet> readXlsxSheet(std::string_view bytes,
                                std::optional<std::string> sheet_name = std::nullopt);

// The rows of one sheet: `sheet_name` (matched ignoring ASCII case), or by default the first
// visible sheet in workbook order. Errors: kUnreadableFile (not an .xlsx, legacy .xls,
// password-protected, damaged ZIP), kMalformedRecord (damaged XML or cell), kInvalidArgument
// (no sheet by that name: the message lists the sheets available).
Result<std::vector<CsvRecord>> readXlsx(std::string_view bytes,
                                        std::optional<std::string> sheet_name = std::nullopt);

// Sheet names in workbook order (for a sheet picker), hidden sheets included.
Result<std::vector<std::string>> listXlsxSheets(std::string_view bytes);

// True when the bytes start like a ZIP file (a cheap check before trying readXlsx).
bool looksLikeZip(std::string_view bytes);

}  // namespace roilens::io
