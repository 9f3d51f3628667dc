// Date detection from number formats, and Excel serials → ISO text.
#include "roilens/io/xlsx_styles.hpp"

#include <gtest/gtest.h>

namespace roilens::io {
namespace {

using K = NumberFormatKind;

TEST(BuiltinFormatKind, EcmaDateAndTimeIds) {
  // ECMA-376 §18.8.30: 14 m/d/yyyy, 15 d-mmm-yy, 16 d-mmm, 17 mmm-yy, 18 h:mm AM/PM,
  // 19 h:mm:ss AM/PM, 20 h:mm, 21 h:mm:ss, 22 m/d/yyyy h:mm, 45 mm:ss, 46 [h]:mm:ss, 47 mmss.0.
  for (const int id : {14, 15, 16, 17}) EXPECT_EQ(builtinFormatKind(id), K::kDate) << id;
  for (const int id : {18, 19, 20, 21, 45, 47}) EXPECT_EQ(builtinFormatKind(id), K::kTime) << id;
  EXPECT_EQ(builtinFormatKind(22), K::kDateTime);
  EXPECT_EQ(builtinFormatKind(46), K::kElapsedTime);
  EXPECT_EQ(builtinFormatKind(9), K::kPercent);   // 0%
  EXPECT_EQ(builtinFormatKind(10), K::kPercent);  // 0.00%
  // 5-8 and 37-44 are currency or accounting formats whose symbol depends on the locale.
  for (const int id : {0, 1, 2, 3, 4, 5, 8, 13, 23, 37, 44, 48, 49}) {
    EXPECT_EQ(builtinFormatKind(id), K::kNumber) << id;
  }
}

struct CodeCase {
  const char* code;
  NumberFormatKind kind;
  const char* currency = "";
};

class FormatCodeKind : public ::testing::TestWithParam<CodeCase> {};

TEST_P(FormatCodeKind, Classifies) {
  const NumberFormat format = describeFormatCode(GetParam().code);
  EXPECT_EQ(format.kind, GetParam().kind) << GetParam().code;
  EXPECT_EQ(format.currency, GetParam().currency) << GetParam().code;
}

INSTANTIATE_TEST_SUITE_P(
    Codes, FormatCodeKind,
    ::testing::Values(
        CodeCase{"dd/mm/yyyy", K::kDate}, CodeCase{"yyyy\\-mm\\-dd", K::kDate},
        CodeCase{"[$-409]mmmm d, yyyy;@", K::kDate}, CodeCase{"mmm-yy", K::kDate},
        CodeCase{"mmmm", K::kDate},  // a lone m is a month
        CodeCase{"dd/mm/yyyy hh:mm", K::kDateTime}, CodeCase{"m/d/yy h:mm AM/PM", K::kDateTime},
        CodeCase{"hh:mm:ss", K::kTime}, CodeCase{"mm:ss.0", K::kTime},
        CodeCase{"h:mm a/p", K::kTime}, CodeCase{"[h]:mm:ss", K::kElapsedTime},
        CodeCase{"[mm]:ss", K::kElapsedTime}, CodeCase{"General", K::kNumber},
        CodeCase{"0.00%", K::kPercent},
        CodeCase{"0.0\\%", K::kNumber},  // an escaped % is a literal sign only
        CodeCase{"#,##0.00\\ \"€\"", K::kCurrency, "€"},
        CodeCase{"0.0 \"days\"", K::kNumber},  // quoted letters are literal
        CodeCase{"[Red]-#,##0.00", K::kNumber}, CodeCase{"[$€-40C] #,##0.00", K::kCurrency, "€"},
        CodeCase{"[$USD-409] #,##0", K::kCurrency, "USD"}, CodeCase{"$#,##0.00", K::kCurrency, "$"},
        CodeCase{"#,##0.00\\£", K::kCurrency, "£"}, CodeCase{"#,##0 \"EUR\"", K::kCurrency, "EUR"},
        CodeCase{"[$-409]#,##0", K::kNumber},  // a locale, no currency
        CodeCase{"_-* #,##0.00_-;-* #,##0.00_-;_-* \"-\"??_-;_-@_-", K::kNumber},
        CodeCase{"_($* #,##0_)", K::kCurrency, "$"},  // accounting: "_(" pads, '$' shows
        CodeCase{"#,##0.00_â¬", K::kNumber},      // "_€" only reserves a width
        CodeCase{"0.00E+00", K::kNumber}, CodeCase{"0;\"yes\";\"no\"", K::kNumber}));

TEST(CellStyles, IndexesCellXfsOnly) {
  const std::string xml =
      "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"d/m/yyyy\"/>"
      "<numFmt numFmtId=\"14\" formatCode=\"0.00\"/></numFmts>"  // a redefined built-in id
      "<cellStyleXfs><xf numFmtId=\"22\"/></cellStyleXfs>"
      "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"><alignment/></xf>"
      "<xf numFmtId=\"14\"/><xf/><xf numFmtId=\"21\"/></cellXfs></styleSheet>";
  const Result<CellStyles> styles = CellStyles::parse(xml);
  ASSERT_TRUE(styles.ok());
  EXPECT_EQ(styles.value().kind(0), K::kNumber);
  EXPECT_EQ(styles.value().kind(1), K::kDate);
  EXPECT_EQ(styles.value().kind(2), K::kNumber);  // numFmt 14 redefined as 0.00
  EXPECT_EQ(styles.value().kind(3), K::kNumber);  // no numFmtId = 0 = General
  EXPECT_EQ(styles.value().kind(4), K::kTime);
  EXPECT_EQ(styles.value().kind(99), K::kNumber);  // unknown index → General
}

TEST(ExcelSerialToIso, System1900WithLotusLeapYearBug) {
  // Serials 1..59 count from 1899-12-31 (1 = 1900-01-01, 59 = 1900-02-28); 60 is the
  // fictitious 1900-02-29; 61 = 1900-03-01 (61 days after 1899-12-30: Dec 31 + 31 Jan + 28 Feb
  // + 1 = 61).
  EXPECT_EQ(excelSerialToIso(1, K::kDate, false), "1900-01-01");
  EXPECT_EQ(excelSerialToIso(59, K::kDate, false), "1900-02-28");
  EXPECT_EQ(excelSerialToIso(60, K::kDate, false), std::nullopt);
  EXPECT_EQ(excelSerialToIso(61, K::kDate, false), "1900-03-01");
  // 45658 = 2025-01-01 (see xlsx_reader_test for the day count); 2958465 = 9999-12-31, the last
  // day Excel accepts.
  EXPECT_EQ(excelSerialToIso(45658, K::kDate, false), "2025-01-01");
  EXPECT_EQ(excelSerialToIso(2958465, K::kDate, false), "9999-12-31");
  EXPECT_EQ(excelSerialToIso(2958466, K::kDate, false), std::nullopt);
  EXPECT_EQ(excelSerialToIso(0, K::kDate, false), std::nullopt);
  EXPECT_EQ(excelSerialToIso(-1, K::kDate, false), std::nullopt);
}

TEST(ExcelSerialToIso, System1904) {
  // 0 = 1904-01-01; 44196 = 2025-01-01 (= 45658 − 1462, the gap between the two systems).
  EXPECT_EQ(excelSerialToIso(0, K::kDate, true), "1904-01-01");
  EXPECT_EQ(excelSerialToIso(44196, K::kDate, true), "2025-01-01");
  // 1904-02-29 exists: 1904 is a leap year, and 31 + 28 = serial 59.
  EXPECT_EQ(excelSerialToIso(59, K::kDate, true), "1904-02-29");
}

TEST(ExcelSerialToIso, TimesOfDay) {
  // 0.5 day = 12:00:00; 45658.25 = 2025-01-01 06:00; 1/86400 rounds to one second.
  EXPECT_EQ(excelSerialToIso(45658.25, K::kDateTime, false), "2025-01-01 06:00:00");
  EXPECT_EQ(excelSerialToIso(45658.25, K::kDate, false), "2025-01-01 06:00:00");  // time kept
  EXPECT_EQ(excelSerialToIso(45658, K::kDateTime, false), "2025-01-01 00:00:00");
  EXPECT_EQ(excelSerialToIso(0.5, K::kTime, false), "12:00:00");
  EXPECT_EQ(excelSerialToIso(1.0 / 86400, K::kTime, false), "00:00:01");
  // 0.99999999 day = 86399.9991 s → rounds to 86400 s, the next day at midnight.
  EXPECT_EQ(excelSerialToIso(45658.99999999, K::kDateTime, false), "2025-01-02 00:00:00");
  // A time format on a serial with a date part keeps the date.
  EXPECT_EQ(excelSerialToIso(45658.5, K::kTime, false), "2025-01-01 12:00:00");
}

TEST(ExcelSerialToIso, ElapsedHoursGoPast24) {
  // 1.5 days = 36 hours; 330 s / 86400 = 0.00381944…: 5 min 30 s.
  EXPECT_EQ(excelSerialToIso(1.5, K::kElapsedTime, false), "36:00:00");
  EXPECT_EQ(excelSerialToIso(330.0 / 86400, K::kElapsedTime, false), "0:05:30");
}

}  // namespace
}  // namespace roilens::io
