#pragma once
// Reading the cells of one record through the column binding: text, numbers and dates with the
// per-column style decided from the first block of rows, and the first failure as a rejection
// message a marketer understands, in English and French.
#include <array>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "roilens/io/csv_reader.hpp"
#include "roilens/io/date_parser.hpp"
#include "roilens/io/number_parser.hpp"
#include "roilens/sources/field_catalogue.hpp"
#include "roilens/sources/warning.hpp"

namespace roilens::sources {

struct Rejection;  // ingest.hpp

// Which column feeds which field (first column wins when two name the same field).
class ColumnBinding {
 public:
  ColumnBinding() { column_of_.fill(-1); }
  explicit ColumnBinding(std::vector<std::string> header_cells);

  std::vector<std::string> header;
  std::vector<std::optional<Field>> fields;  // per column; change through bind()
  std::string header_currency;               // "INR" from "Amount spent (INR)"

  // Column `col` feeds `field` (replacing what it fed before).
  void bind(std::size_t col, Field field);
  int columnOf(Field field) const { return column_of_[static_cast<std::size_t>(field)]; }
  bool has(Field field) const { return columnOf(field) >= 0; }
  std::vector<Field> boundFields() const;

 private:
  std::array<int, static_cast<std::size_t>(Field::kCount)> column_of_{};  // field → column
};

// Number and date styles per column, decided from the first block of rows (ingestion streams, so
// the whole column is not available: see ColumnFormats::decide).
struct ColumnFormats {
  std::vector<io::NumberStyle> numbers;
  std::vector<io::DateColumnFormat> dates;

  // Decides every bound column's style from `block` (the first rows, at most kBlockRows).
  // Appends a warning per column whose style the block left ambiguous.
  void decide(const ColumnBinding& binding, const std::vector<io::CsvRecord>& block,
              char fallback_decimal, io::DayOrder fallback_order, std::vector<Warning>& warnings);

  // For a row after the first block: the column whose cell would have decided an ambiguous style
  // the other way (e.g. "25/03/2026" in a column read as month/day), or -1. Rows already mapped
  // keep the first reading; the contradicting cell itself fails to parse and its row is rejected.
  int contradictedColumn(const io::RecordView& record) const;

  static constexpr std::size_t kBlockRows = 1000;
};

// "line 1 204, column 'Amount': '12,5,0' is not a number" (and the French twin).
std::string groupedLine(std::size_t line);

class CellReader {
 public:
  CellReader(const io::RecordView& record, std::size_t first_line, const ColumnBinding& binding,
             const ColumnFormats& formats, int utc_offset_minutes);

  std::string_view text(Field field) const;  // trimmed; "" when unbound or missing
  bool isEmpty(Field field) const;           // empty or an empty marker (" --", "n/a")
  std::optional<double> number(Field field);
  std::optional<io::DateTimeValue> dateTime(Field field);
  std::optional<model::DayNumber> day(Field field);  // calendar day as written (no zone shift)

  // A reason to reject the row, recorded by the reader or by the caller (fail()).
  void fail(std::string_view column, const std::string& reason_en, const std::string& reason_fr);
  bool failed() const { return failed_; }
  const std::string& failureEn() const { return failure_en_; }
  const std::string& failureFr() const { return failure_fr_; }
  const std::string& failureColumn() const { return failure_column_; }
  std::size_t line() const { return line_; }
  const std::set<std::string>& currencySigns() const { return currency_signs_; }

 private:
  std::string_view raw(Field field) const;
  std::string columnName(Field field) const;

  const io::RecordView& record_;
  std::size_t line_;
  const ColumnBinding& binding_;
  const ColumnFormats& formats_;
  int utc_offset_minutes_;
  bool failed_ = false;
  std::string failure_en_, failure_fr_, failure_column_;
  std::set<std::string> currency_signs_;
};

}  // namespace roilens::sources
