// readXlsx on the fixtures in tests/core/fixtures/xlsx/: make_fixtures.py writes the XML by hand,
// make_openpyxl_fixtures.py lets openpyxl write it. Every expected value below is read from the
// cells written in those scripts, with the date arithmetic shown here.
#include "roilens/io/xlsx_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "roilens/io/number_parser.hpp"

namespace roilens::io {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(ROILENS_FIXTURES_DIR) + "/xlsx/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

using Fields = std::vector<std::string>;

TEST(XlsxReader, ReadsFirstSheetWithEveryCellKind) {
  const Result<std::vector<CsvRecord>> rows = readXlsx(fixture("basic.xlsx"));
  ASSERT_TRUE(rows.ok()) << rows.error().describe();
  // Rows 1, 2, 3 and 5: row 4 is absent and row 6 holds only an empty styled cell.
  ASSERT_EQ(rows.value().size(), 4u);
  const std::vector<CsvRecord>& r = rows.value();
  EXPECT_EQ(r[0].fields, (Fields{"Date", "Campaign", "Clicks", "Cost", "Note"}));
  EXPECT_EQ(r[0].line, 1u);
  // 45658 with format 14 (m/d/yyyy), 1900 system: serials from 61 on count days from
  // 1899-12-30. 1899-12-30 → 1900-01-01 is 2 days; 1900-01-01 → 2025-01-01 is 125 years
  // with 31 leap days (1904..2024; 1900 is not leap): 125 × 365 + 31 = 45656; 2 + 45656 = 45658.
  // B2 is rich text "Spring " + "<Sale> & more" (entities decoded, phonetic run left out);
  // E2 is an inline string with &#233; (é) and &#x2014; (em dash).
  EXPECT_EQ(r[1].fields, (Fields{"2025-01-01", "Spring <Sale> & more", "120", "35.5",
                                 "caf\xC3\xA9 \xE2\x80\x94 ok"}));
  EXPECT_EQ(r[1].line, 2u);
  // C3 is absent (gap → empty field); D3 = 1.5E-3 = 0.0015 under the format #,##0.00\ "€":
  // a currency format (no date letters outside the escape and the quotes), so the amount is
  // followed by its currency, as Excel shows it; E3 is a formula's cached string.
  EXPECT_EQ(r[2].fields,
            (Fields{"2025-01-02", "\xC3\x89t\xC3\xA9 2025", "", "0.0015 \xE2\x82\xAC", "ok"}));
  // A5 = 45688.75 with "yyyy-mm-dd hh:mm": 45688 = 45658 + 30 → 2025-01-31; 0.75 × 24 h = 18:00.
  // D5 = 0.000694444… with h:mm:ss: × 86400 s = 60 s → 00:01:00.
  // E5 = "line1_x000D_\nline2": _x000D_ is Excel's escape for a carriage return.
  EXPECT_EQ(r[3].fields,
            (Fields{"2025-01-31 18:00:00", "TRUE", "#N/A", "00:01:00", "line1\r\nline2"}));
  EXPECT_EQ(r[3].line, 5u);
  EXPECT_EQ(r[3].end_line, 5u);
}

TEST(XlsxReader, SheetReportNamesTheSheetAndTheOthers) {
  const Result<XlsxSheet> sheet = readXlsxSheet(fixture("basic.xlsx"));
  ASSERT_TRUE(sheet.ok()) << sheet.error().describe();
  EXPECT_EQ(sheet.value().name, "Campaigns");
  EXPECT_EQ(sheet.value().other_sheets, (std::vector<std::string>{"Notes"}));
  EXPECT_EQ(sheet.value().records.size(), 4u);
  ASSERT_EQ(sheet.value().warnings.size(), 1u);
  EXPECT_EQ(sheet.value().warnings[0].message_en,
            "only sheet 'Campaigns' was read; the workbook also has 'Notes'");
  EXPECT_EQ(sheet.value().warnings[0].message_fr,
            "seule la feuille 'Campaigns' a \xC3\xA9t\xC3\xA9 lue ; le classeur contient aussi "
            "'Notes'");
}

TEST(XlsxReader, ReadsChosenStoredSheetPaddedToItsWidth) {
  // Sheet 2 is a stored (uncompressed) ZIP entry; its widest row reaches column C.
  const Result<std::vector<CsvRecord>> rows = readXlsx(fixture("basic.xlsx"), "notes");
  ASSERT_TRUE(rows.ok()) << rows.error().describe();
  ASSERT_EQ(rows.value().size(), 2u);
  EXPECT_EQ(rows.value()[0].fields, (Fields{"second sheet", "", "7"}));
  EXPECT_EQ(rows.value()[0].line, 2u);
  EXPECT_EQ(rows.value()[1].fields, (Fields{"", "x", ""}));
  EXPECT_EQ(rows.value()[1].line, 3u);
}

TEST(XlsxReader, UnknownSheetListsTheAvailableOnes) {
  const Result<std::vector<CsvRecord>> rows = readXlsx(fixture("basic.xlsx"), "Budget");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(rows.error().message_en,
            "there is no sheet named 'Budget'; the workbook has 'Campaigns', 'Notes'");
  EXPECT_NE(rows.error().message_fr.find("'Campaigns', 'Notes'"), std::string::npos);
}

TEST(XlsxReader, ListsSheetsInWorkbookOrder) {
  const Result<std::vector<std::string>> names = listXlsxSheets(fixture("variants.xlsx"));
  ASSERT_TRUE(names.ok()) << names.error().describe();
  EXPECT_EQ(names.value(), (std::vector<std::string>{"Hidden", "R&D"}));
}

TEST(XlsxReader, WriterQuirksAnd1904Dates) {
  // Default sheet = first visible one ("R&D"; "Hidden" is hidden). Prefixed elements (x:),
  // rows and cells without r attributes, CDATA, an absolute and a dotted relationship target.
  const Result<std::vector<CsvRecord>> rows = readXlsx(fixture("variants.xlsx"));
  ASSERT_TRUE(rows.ok()) << rows.error().describe();
  ASSERT_EQ(rows.value().size(), 2u);
  // 1904 system: serial 0 = 1904-01-01. 1904-01-01 → 2024-01-01 is 120 years with 30 leap
  // days (1904..2020): 120 × 365 + 30 = 43830; + 366 (2024 is leap) = 44196 → 2025-01-01.
  // (Cross-check: 45658 − 44196 = 1462, the known offset between the two systems.)
  EXPECT_EQ(rows.value()[0].fields, (Fields{"a<b & c", "2025-01-01"}));
  EXPECT_EQ(rows.value()[0].line, 1u);
  EXPECT_EQ(rows.value()[1].fields, (Fields{"-250", "1904-01-01"}));
  EXPECT_EQ(rows.value()[1].line, 2u);
}

TEST(XlsxReader, HiddenSheetCanBeChosen) {
  const Result<std::vector<CsvRecord>> rows = readXlsx(fixture("variants.xlsx"), "HIDDEN");
  ASSERT_TRUE(rows.ok()) << rows.error().describe();
  ASSERT_EQ(rows.value().size(), 1u);
  EXPECT_EQ(rows.value()[0].fields, (Fields{"hidden"}));
}

TEST(XlsxReader, BadSharedStringIndexNamesRowAndColumn) {
  const Result<std::vector<CsvRecord>> rows = readXlsx(fixture("bad_shared_index.xlsx"));
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().code, ErrorCode::kMalformedRecord);
  EXPECT_EQ(rows.error().position.line, 4u);
  EXPECT_EQ(rows.error().position.column, "C");
  EXPECT_EQ(rows.error().describe(),
            "line 4, column 'C': the cell points to text #5 but the file holds 1 texts "
            "(damaged file?)");
}

TEST(XlsxReader, NamesLegacyXlsAndOtherFormats) {
  const std::string xls = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + std::string(600, '\0');
  const Result<std::vector<CsvRecord>> legacy = readXlsx(xls);
  ASSERT_FALSE(legacy.ok());
  EXPECT_NE(legacy.error().message_en.find("97-2003"), std::string::npos);
  EXPECT_NE(legacy.error().message_fr.find("97-2003"), std::string::npos);

  const Result<std::vector<CsvRecord>> csv = readXlsx("Date,Clicks\n2025-01-01,3\n");
  ASSERT_FALSE(csv.ok());
  EXPECT_EQ(csv.error().code, ErrorCode::kUnreadableFile);
  EXPECT_NE(csv.error().message_en.find("not a ZIP"), std::string::npos);

  const Result<std::vector<CsvRecord>> ods = readXlsx(fixture("spreadsheet.ods"));
  ASSERT_FALSE(ods.ok());
  EXPECT_NE(ods.error().message_en.find("OpenDocument"), std::string::npos);
}

TEST(XlsxReader, EveryTruncationIsAnError) {
  const std::string bytes = fixture("basic.xlsx");
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    const Result<std::vector<CsvRecord>> rows = readXlsx(bytes.substr(0, cut));
    EXPECT_FALSE(rows.ok()) << "cut at " << cut;
  }
}

TEST(XlsxReader, CorruptedBytesNeverCrash) {
  // Every byte altered in turn: an error or some rows, never a crash or a hang (the CRC catches
  // damaged content; damaged headers must be caught by bounds checks).
  const std::string bytes = fixture("basic.xlsx");
  std::size_t errors = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    if (!readXlsx(damaged).ok()) ++errors;
  }
  EXPECT_GT(errors, bytes.size() / 2);
}

// Files written by openpyxl (make_openpyxl_fixtures.py), once per date system: the same cells
// must come out, although the serials differ by 1462 days.
class XlsxFromOpenpyxl : public ::testing::TestWithParam<const char*> {};

TEST_P(XlsxFromOpenpyxl, ReadsWhatTheScriptWrote) {
  const Result<std::vector<CsvRecord>> rows = readXlsx(fixture(GetParam()));
  ASSERT_TRUE(rows.ok()) << rows.error().describe();
  ASSERT_EQ(rows.value().size(), 3u);
  const std::vector<CsvRecord>& r = rows.value();
  EXPECT_EQ(r[0].fields, (Fields{"Day", "Start", "Avg. duration", "Campaign", "Cost", "Clicks",
                                 "Active", "Total"}));
  // date(2025, 3, 9); datetime(2025, 3, 9, 14, 30); time(0, 5, 30) under h:mm:ss (id 21).
  // H2 is a formula openpyxl saved without a result: empty.
  EXPECT_EQ(r[1].fields, (Fields{"2025-03-09", "2025-03-09 14:30:00", "00:05:30",
                                 "Caf\xC3\xA9 & Co <b>", "1234.5", "3", "TRUE", ""}));
  // datetime(2024, 12, 31, 23, 59, 59) is stored as a serial ending in .99998842592:
  // 0.99998842592 × 86400 = 86398.9999 s → rounded to 86399 s = 23:59:59.
  EXPECT_EQ(r[2].fields,
            (Fields{"2024-02-29", "2024-12-31 23:59:59", "", "", "0.1", "-7", "FALSE", ""}));
  EXPECT_EQ(r[2].line, 3u);
  // openpyxl saves formulas without computing them: H2 is counted and the user is told.
  const Result<XlsxSheet> sheet = readXlsxSheet(fixture(GetParam()));
  ASSERT_TRUE(sheet.ok());
  ASSERT_EQ(sheet.value().warnings.size(), 2u);
  EXPECT_EQ(sheet.value().warnings[1].message_en.rfind("1 formula cell(s) were saved without", 0),
            0u);

  const Result<std::vector<CsvRecord>> totals = readXlsx(fixture(GetParam()), "Totals");
  ASSERT_TRUE(totals.ok());
  const std::vector<CsvRecord>& t = totals.value();
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].fields, (Fields{"", "sum", "1234.6"}));
  EXPECT_EQ(t[0].line, 2u);
  // 0.2778 under 0.00% (built-in id 10) shows 27.78%; 99.5 under #,##0.00\ [$€-40C] and -12
  // under "$"#,##0.00 carry their currency.
  EXPECT_EQ(t[1].fields, (Fields{"", "rate", "27.78%"}));
  EXPECT_EQ(t[2].fields, (Fields{"", "spend", "99.5 \xE2\x82\xAC"}));
  EXPECT_EQ(t[3].fields, (Fields{"", "", "-12 $"}));
  EXPECT_EQ(t[3].line, 5u);

  // The number parser used for CSV cells reads them back with their unit.
  const NumberCell rate = parseNumber(t[1].fields[2], NumberStyle{});
  ASSERT_EQ(rate.kind, CellKind::kNumber);
  EXPECT_DOUBLE_EQ(rate.number.value, 27.78);
  EXPECT_TRUE(rate.number.percent);
  const NumberCell spend = parseNumber(t[2].fields[2], NumberStyle{});
  ASSERT_EQ(spend.kind, CellKind::kNumber);
  EXPECT_DOUBLE_EQ(spend.number.value, 99.5);
  EXPECT_EQ(spend.number.currency, "\xE2\x82\xAC");
  const NumberCell refund = parseNumber(t[3].fields[2], NumberStyle{});
  ASSERT_EQ(refund.kind, CellKind::kNumber);
  EXPECT_DOUBLE_EQ(refund.number.value, -12.0);
  EXPECT_EQ(refund.number.currency, "$");
}

INSTANTIATE_TEST_SUITE_P(DateSystems, XlsxFromOpenpyxl,
                         ::testing::Values("openpyxl_1900.xlsx", "openpyxl_1904.xlsx"));

TEST(XlsxReader, LooksLikeZip) {
  EXPECT_TRUE(looksLikeZip(fixture("basic.xlsx")));
  EXPECT_FALSE(looksLikeZip("Date,Clicks\n"));
}

}  // namespace
}  // namespace roilens::io
