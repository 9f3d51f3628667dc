#include "roilens/sources/cell_reader.hpp"

#include <algorithm>
#include <cctype>

#include "roilens/sources/label_text.hpp"

namespace roilens::sources {

ColumnBinding::ColumnBinding(std::vector<std::string> header_cells)
    : header(std::move(header_cells)), fields(header.size()) {
  column_of_.fill(-1);
}

void ColumnBinding::bind(std::size_t col, Field field) {
  if (const auto& previous = fields[col]) column_of_[static_cast<std::size_t>(*previous)] = -1;
  fields[col] = field;
  column_of_[static_cast<std::size_t>(field)] = static_cast<int>(col);
}

std::vector<Field> ColumnBinding::boundFields() const {
  std::vector<Field> out;
  for (const auto& field : fields) {
    if (field) out.push_back(*field);
  }
  return out;
}

namespace {

// "03/04/2026", "3.4.26": a cell whose day and month could be swapped (NN/NN/YY[YY]).
bool looksDayMonth(std::string_view cell) {
  cell = trimText(cell);
  std::size_t i = 0;
  std::size_t lengths[3] = {0, 0, 0};
  for (int group = 0; group < 3; ++group) {
    const std::size_t start = i;
    while (i < cell.size() && std::isdigit(static_cast<unsigned char>(cell[i]))) ++i;
    lengths[group] = i - start;
    if (group < 2 && (i >= cell.size() || (cell[i] != '/' && cell[i] != '.' && cell[i] != '-'))) {
      return false;
    }
    if (group < 2) ++i;
  }
  return lengths[0] >= 1 && lengths[0] <= 2 && lengths[1] >= 1 && lengths[1] <= 2 &&
         (lengths[2] == 2 || lengths[2] == 4);
}

std::vector<std::string_view> columnCells(const std::vector<io::CsvRecord>& block,
                                          std::size_t col) {
  std::vector<std::string_view> cells;
  cells.reserve(block.size());
  for (const io::CsvRecord& record : block) {
    if (col < record.fields.size()) cells.push_back(record.fields[col]);
  }
  return cells;
}

}  // namespace

void ColumnFormats::decide(const ColumnBinding& binding, const std::vector<io::CsvRecord>& block,
                           char fallback_decimal, io::DayOrder fallback_order,
                           std::vector<Warning>& warnings) {
  const std::size_t columns = binding.fields.size();
  numbers.assign(columns, io::NumberStyle{fallback_decimal, false});
  dates.assign(columns, io::DateColumnFormat{fallback_order, false, io::NumericDate::kAuto});
  for (std::size_t col = 0; col < columns; ++col) {
    if (!binding.fields[col]) continue;
    const std::vector<std::string_view> cells = columnCells(block, col);
    const std::string& name = binding.header[col];
    if (fieldKind(*binding.fields[col]) == FieldKind::kNumber) {
      numbers[col] = io::detectNumberStyle(cells, fallback_decimal);
      if (numbers[col].ambiguous && isCountField(*binding.fields[col])) {
        // A count cannot be 9.380 sessions: the lone separator in "9,380" / "9.380" is grouping.
        const bool comma_seen = std::any_of(cells.begin(), cells.end(), [](std::string_view c) {
          return c.find(',') != std::string_view::npos;
        });
        numbers[col] = io::NumberStyle{comma_seen ? '.' : ',', false};
      }
      if (numbers[col].ambiguous) {
        const std::string mark(1, numbers[col].decimal);
        warnings.push_back({"column '" + name +
                                "': numbers such as 1,234 could use either decimal mark; read "
                                "with '" +
                                mark + "' as the decimal mark",
                            "colonne '" + name +
                                "' : des nombres comme 1,234 peuvent s'écrire avec l'un ou "
                                "l'autre séparateur décimal ; lus avec '" +
                                mark + "' comme séparateur décimal"});
      }
    } else if (fieldKind(*binding.fields[col]) == FieldKind::kDate) {
      dates[col] = io::detectDateFormat(cells, fallback_order);
      const bool has_day_month = std::any_of(cells.begin(), cells.end(), looksDayMonth);
      if (dates[col].ambiguous && has_day_month) {
        const bool day_first = dates[col].day_order == io::DayOrder::kDayFirst;
        warnings.push_back({"column '" + name +
                                "': dates such as 03/04 could be day/month or month/day; read as " +
                                (day_first ? "day/month" : "month/day"),
                            "colonne '" + name +
                                "' : des dates comme 03/04 peuvent être jour/mois ou mois/jour ; "
                                "lues comme " +
                                (day_first ? "jour/mois" : "mois/jour")});
      } else if (!has_day_month) {
        dates[col].ambiguous = false;  // no NN/NN cell: nothing to contradict later
      }
    }
  }
}

int ColumnFormats::contradictedColumn(const io::RecordView& record) const {
  for (std::size_t col = 0; col < record.fields.size() && col < numbers.size(); ++col) {
    if (numbers[col].ambiguous) {
      const io::NumberStyle alone =
          io::detectNumberStyle({record.fields[col]}, numbers[col].decimal);
      if (!alone.ambiguous && alone.decimal != numbers[col].decimal) return static_cast<int>(col);
    }
    if (dates[col].ambiguous) {
      const io::DateColumnFormat alone =
          io::detectDateFormat({record.fields[col]}, dates[col].day_order);
      if (!alone.ambiguous && alone.day_order != dates[col].day_order) return static_cast<int>(col);
    }
  }
  return -1;
}

std::string groupedLine(std::size_t line) {
  std::string digits = std::to_string(line);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), " ");
  }
  return digits;
}

CellReader::CellReader(const io::RecordView& record, std::size_t first_line,
                       const ColumnBinding& binding, const ColumnFormats& formats,
                       int utc_offset_minutes)
    : record_(record),
      line_(first_line),
      binding_(binding),
      formats_(formats),
      utc_offset_minutes_(utc_offset_minutes) {}

std::string_view CellReader::raw(Field field) const {
  const int col = binding_.columnOf(field);
  if (col < 0 || static_cast<std::size_t>(col) >= record_.fields.size()) return {};
  return record_.fields[static_cast<std::size_t>(col)];
}

std::string CellReader::columnName(Field field) const {
  const int col = binding_.columnOf(field);
  return col < 0 ? std::string(fieldName(field)) : binding_.header[static_cast<std::size_t>(col)];
}

std::string_view CellReader::text(Field field) const { return trimText(raw(field)); }

bool CellReader::isEmpty(Field field) const { return io::isEmptyMarker(raw(field)); }

void CellReader::fail(std::string_view column, const std::string& reason_en,
                      const std::string& reason_fr) {
  if (failed_) return;  // the first failure explains the row
  failed_ = true;
  failure_column_ = std::string(column);
  const std::string where_en =
      "line " + groupedLine(line_) + ", column '" + failure_column_ + "': ";
  const std::string where_fr =
      "ligne " + groupedLine(line_) + ", colonne '" + failure_column_ + "' : ";
  failure_en_ =
      column.empty() ? "line " + groupedLine(line_) + ": " + reason_en : where_en + reason_en;
  failure_fr_ =
      column.empty() ? "ligne " + groupedLine(line_) + " : " + reason_fr : where_fr + reason_fr;
}

std::optional<double> CellReader::number(Field field) {
  const int col = binding_.columnOf(field);
  if (col < 0) return std::nullopt;
  const std::string_view cell = raw(field);
  const io::NumberCell parsed =
      io::parseNumber(cell, formats_.numbers[static_cast<std::size_t>(col)]);
  if (parsed.kind == io::CellKind::kEmpty) return std::nullopt;
  if (parsed.kind == io::CellKind::kInvalid) {
    const std::string shown(trimText(cell));
    fail(columnName(field), "'" + shown + "' is not a number",
         "'" + shown + "' n'est pas un nombre");
    return std::nullopt;
  }
  if (!parsed.number.currency.empty()) currency_signs_.insert(parsed.number.currency);
  return parsed.number.value;
}

std::optional<io::DateTimeValue> CellReader::dateTime(Field field) {
  const int col = binding_.columnOf(field);
  if (col < 0 || isEmpty(field)) return std::nullopt;
  const std::string_view cell = raw(field);
  // Columns whose header says UTC ("Created date (UTC)", Stripe) are UTC whatever the user's zone.
  const bool utc_column =
      labelKey(binding_.header[static_cast<std::size_t>(col)]).find("utc") != std::string::npos;
  auto value = io::parseDateTimeCell(cell, formats_.dates[static_cast<std::size_t>(col)],
                                     utc_column ? 0 : utc_offset_minutes_);
  if (!value) {
    const std::string shown(trimText(cell));
    fail(columnName(field), "'" + shown + "' is not a date", "'" + shown + "' n'est pas une date");
  }
  return value;
}

std::optional<model::DayNumber> CellReader::day(Field field) {
  const int col = binding_.columnOf(field);
  if (col < 0 || isEmpty(field)) return std::nullopt;
  const std::string_view cell = raw(field);
  auto value = io::parseCivilDate(cell, formats_.dates[static_cast<std::size_t>(col)]);
  if (!value) {
    const std::string shown(trimText(cell));
    fail(columnName(field), "'" + shown + "' is not a date", "'" + shown + "' n'est pas une date");
    return std::nullopt;
  }
  return model::daysFromCivil(*value);
}

}  // namespace roilens::sources
