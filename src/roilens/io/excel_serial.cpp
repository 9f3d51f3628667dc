#include "roilens/io/excel_serial.hpp"

namespace roilens::io {

std::optional<model::DayNumber> excelSerialDay(std::int64_t serial_day, bool date1904) {
  if (serial_day < 0) return std::nullopt;
  if (date1904) {
    return model::daysFromCivil({1904, 1, 1}) + static_cast<model::DayNumber>(serial_day);
  }
  if (serial_day == 0 || serial_day == 60) return std::nullopt;
  // Before the fictitious 1900-02-29 the count starts at 1899-12-31; after it, one day earlier.
  const model::CivilDate origin =
      serial_day < 60 ? model::CivilDate{1899, 12, 31} : model::CivilDate{1899, 12, 30};
  return model::daysFromCivil(origin) + static_cast<model::DayNumber>(serial_day);
}

}  // namespace roilens::io
