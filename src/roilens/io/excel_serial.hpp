#pragma once
// Excel serial dates: the one place that knows Excel's day count (1900 and 1904 systems).
#include <cstdint>
#include <optional>

#include "roilens/model/time.hpp"

namespace roilens::io {

// Calendar day (days since 1970-01-01) of a whole Excel serial day number.
// 1900 system: serial 1 = 1900-01-01, and Excel counts a fictitious 1900-02-29 (serial 60, the
// Lotus 1-2-3 leap-year bug), so from serial 61 on the count is one day behind. 0 and 60 name no
// real day: nullopt, as do negative serials. 1904 system (Mac workbooks): serial 0 = 1904-01-01.
std::optional<model::DayNumber> excelSerialDay(std::int64_t serial_day, bool date1904 = false);

}  // namespace roilens::io
