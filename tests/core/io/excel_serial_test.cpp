#include "roilens/io/excel_serial.hpp"

#include <gtest/gtest.h>

namespace roilens::io {
namespace {

model::DayNumber day(int y, int m, int d) { return model::daysFromCivil({y, m, d}); }

// Microsoft, "Differences between the 1900 and the 1904 date system in Excel": serial 1 is
// 1900-01-01 in the 1900 system, 0 is 1904-01-01 in the 1904 system, and the two differ by 1462
// days. Excel keeps Lotus 1-2-3's 1900-02-29 as serial 60.
TEST(ExcelSerial, Excel1900SystemWithItsLeapYearBug) {
  EXPECT_EQ(excelSerialDay(1), day(1900, 1, 1));
  EXPECT_EQ(excelSerialDay(59), day(1900, 2, 28));
  EXPECT_FALSE(excelSerialDay(60).has_value());  // the fictitious 1900-02-29
  EXPECT_EQ(excelSerialDay(61), day(1900, 3, 1));
  EXPECT_FALSE(excelSerialDay(0).has_value());  // "1900-01-00"
  EXPECT_FALSE(excelSerialDay(-1).has_value());
  // 2025-01-01: 125 years of 365 days + 31 leap days (1904..2024) = 45656 days after
  // 1900-01-01, plus 1 (serial 1 is that day) plus 1 (the fictitious leap day) = 45658.
  EXPECT_EQ(excelSerialDay(45658), day(2025, 1, 1));
}

TEST(ExcelSerial, Excel1904System) {
  EXPECT_EQ(excelSerialDay(0, true), day(1904, 1, 1));
  EXPECT_EQ(excelSerialDay(45658 - 1462, true), day(2025, 1, 1));
  EXPECT_EQ(excelSerialDay(60, true), day(1904, 3, 1));  // 1904 is a real leap year: 31 + 29
}

}  // namespace
}  // namespace roilens::io
