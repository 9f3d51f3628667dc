// Worksheet XML → records, cell references, number text.
#include "roilens/io/xlsx_sheet.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace roilens::io {
namespace {

using Fields = std::vector<std::string>;

Result<WorksheetRows> parse(const std::string& sheet_data,
                            const std::vector<std::string>& strings = {}) {
  const CellStyles styles;
  const WorksheetContext context{strings, styles, false};
  return parseWorksheet("<worksheet><sheetData>" + sheet_data + "</sheetData></worksheet>",
                        context);
}

TEST(ParseCellRef, LettersAndDigits) {
  // Bijective base 26: AA = 26 + 1 = 27; XFD = 24 × 676 + 6 × 26 + 4 = 16384.
  EXPECT_EQ(parseCellRef("B3")->column, 2u);
  EXPECT_EQ(parseCellRef("B3")->row, 3u);
  EXPECT_EQ(parseCellRef("AA10")->column, 27u);
  EXPECT_EQ(parseCellRef("XFD1048576")->column, 16384u);
  EXPECT_EQ(parseCellRef("XFD1048576")->row, 1048576u);
  EXPECT_EQ(parseCellRef("XFE1"), std::nullopt);
  EXPECT_EQ(parseCellRef("A1048577"), std::nullopt);
  EXPECT_EQ(parseCellRef("b3"), std::nullopt);
  EXPECT_EQ(parseCellRef("B3:C4"), std::nullopt);
  EXPECT_EQ(parseCellRef(""), std::nullopt);
}

TEST(ColumnName, InvertsParseCellRef) {
  EXPECT_EQ(columnName(1), "A");
  EXPECT_EQ(columnName(26), "Z");
  EXPECT_EQ(columnName(27), "AA");
  EXPECT_EQ(columnName(702), "ZZ");  // 26 × 26 + 26
  EXPECT_EQ(columnName(703), "AAA");
  for (std::size_t c = 1; c <= 16384; c += 97) {
    EXPECT_EQ(parseCellRef(columnName(c))->column, c);
  }
}

TEST(ExpandExponent, PlainDecimalText) {
  EXPECT_EQ(expandExponent("1.5E-3"), "0.0015");
  EXPECT_EQ(expandExponent("-2.5e2"), "-250");
  EXPECT_EQ(expandExponent("1E+20"), "100000000000000000000");
  EXPECT_EQ(expandExponent("1.2345E2"), "123.45");
  EXPECT_EQ(expandExponent("9.9999999999999995E-7"), "0.00000099999999999999995");
  EXPECT_EQ(expandExponent("0E0"), "0");
  EXPECT_EQ(expandExponent("-0.0E5"), "0");
  EXPECT_EQ(expandExponent("35.5"), "35.5");
  EXPECT_EQ(expandExponent("#N/A"), "#N/A");
  EXPECT_EQ(expandExponent("1E"), "1E");
}

TEST(PlainDecimal, ShiftsTheDecimalPointExactly) {
  // Percent display multiplies by 100 by moving the point two places: no binary rounding.
  EXPECT_EQ(plainDecimal("0.2778", 2), "27.78");
  EXPECT_EQ(plainDecimal("0.30000000000000004", 2), "30.000000000000004");
  EXPECT_EQ(plainDecimal("1", 2), "100");
  EXPECT_EQ(plainDecimal("-0.005", 2), "-0.5");
  EXPECT_EQ(plainDecimal("1.5E-3", 2), "0.15");
  EXPECT_EQ(plainDecimal("12", 0), "12");
  EXPECT_EQ(plainDecimal("abc", 2), std::nullopt);
  EXPECT_EQ(plainDecimal("", 0), std::nullopt);
}

TEST(ParseWorksheet, PercentAndCurrencyReadAsExcelShowsThem) {
  const std::vector<std::string> strings;
  const CellStyles styles({{NumberFormatKind::kNumber, ""},
                           {NumberFormatKind::kPercent, ""},
                           {NumberFormatKind::kCurrency, "\xE2\x82\xAC"}});
  const WorksheetContext context{strings, styles, false};
  const auto rows = parseWorksheet(
      "<sheetData><row r=\"1\"><c s=\"1\"><v>0.2778</v></c><c s=\"2\"><v>-1234.5</v></c>"
      "<c s=\"1\" t=\"str\"><v>n/a</v></c></row></sheetData>",
      context);
  ASSERT_TRUE(rows.ok());
  // 0.2778 × 100 = 27.78 %; a text cell keeps its text whatever its style.
  EXPECT_EQ(rows.value().records[0].fields, (Fields{"27.78%", "-1234.5 \xE2\x82\xAC", "n/a"}));
}

TEST(ParseWorksheet, GapsAndWidth) {
  const auto rows = parse(
      "<row r=\"1\"><c r=\"B1\"><v>1</v></c></row>"
      "<row r=\"3\"><c r=\"D3\" t=\"inlineStr\"><is><t>far</t></is></c></row>");
  ASSERT_TRUE(rows.ok()) << rows.error().describe();
  ASSERT_EQ(rows.value().records.size(), 2u);
  EXPECT_EQ(rows.value().records[0].fields, (Fields{"", "1", "", ""}));
  EXPECT_EQ(rows.value().records[1].fields, (Fields{"", "", "", "far"}));
  EXPECT_EQ(rows.value().records[1].line, 3u);
}

TEST(ParseWorksheet, CellsOutOfOrderLandInTheirColumn) {
  const auto rows = parse("<row r=\"1\"><c r=\"C1\"><v>3</v></c><c r=\"A1\"><v>1</v></c></row>");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.value().records[0].fields, (Fields{"1", "", "3"}));
}

TEST(ParseWorksheet, FormulaWithoutCachedValueAndEmptyStringsAreEmpty) {
  const auto rows = parse(
      "<row r=\"1\"><c r=\"A1\"><f>SUM(B1:B2)</f></c><c r=\"B1\" t=\"s\"><v>0</v></c>"
      "<c r=\"C1\"><v>5</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>",
      {""});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().records.size(), 1u);  // row 2 only holds an empty string
  EXPECT_EQ(rows.value().records[0].fields, (Fields{"", "", "5"}));
  EXPECT_EQ(rows.value().formulas_without_result, 1u);  // A1; B1 is a text, not a formula
}

TEST(ParseWorksheet, ImpossibleDatesStayNumbersAndAreCounted) {
  // Serial 60 is the fictitious 1900-02-29 and -1 precedes serial 0: no day to show.
  const std::vector<std::string> strings;
  const CellStyles styles({{NumberFormatKind::kNumber, ""}, {NumberFormatKind::kDate, ""}});
  const WorksheetContext context{strings, styles, false};
  const auto rows = parseWorksheet(
      "<sheetData><row r=\"1\"><c s=\"1\"><v>60</v></c><c s=\"1\"><v>-1</v></c>"
      "<c s=\"1\"><v>61</v></c></row></sheetData>",
      context);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.value().records[0].fields, (Fields{"60", "-1", "1900-03-01"}));
  EXPECT_EQ(rows.value().impossible_dates, 2u);
}

TEST(ParseWorksheet, BooleansAndErrors) {
  const auto rows = parse(
      "<row r=\"1\"><c t=\"b\"><v>0</v></c><c t=\"b\"><v>1</v></c><c t=\"e\"><v>#DIV/0!</v></c>"
      "<c t=\"str\"><v>a &amp; b</v></c></row>");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.value().records[0].fields, (Fields{"FALSE", "TRUE", "#DIV/0!", "a & b"}));
}

TEST(ParseWorksheet, RowsOutOfOrderAreAnError) {
  const auto rows = parse("<row r=\"5\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().code, ErrorCode::kMalformedRecord);
  EXPECT_EQ(rows.error().position.line, 2u);
  EXPECT_NE(rows.error().message_en.find("row 2 after row 5"), std::string::npos);
}

TEST(ParseWorksheet, DuplicateCellIsAnError) {
  const auto rows = parse("<row r=\"7\"><c r=\"B7\"><v>1</v></c><c r=\"B7\"><v>2</v></c></row>");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().describe(), "line 7, column 'B': the cell appears twice");
  EXPECT_EQ(rows.error().describeFr(), "ligne 7, colonne 'B' : la cellule apparaît deux fois");
}

TEST(ParseWorksheet, BadReferenceIsAnError) {
  const auto rows = parse("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().message_en.find("'1A'"), std::string::npos);
}

TEST(ParseWorksheet, DamagedXmlNamesTheRow) {
  const auto rows = parse("<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c r=\"A2\"");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().position.line, 2u);  // the row being read
  EXPECT_NE(rows.error().message_en.find("damaged"), std::string::npos);
}

TEST(ParseWorksheet, TextOutsideSheetDataIsIgnored) {
  const CellStyles styles;
  const std::vector<std::string> strings;
  const WorksheetContext context{strings, styles, false};
  const auto rows = parseWorksheet(
      "<worksheet><headerFooter><oddHeader>&amp;CPage</oddHeader></headerFooter>"
      "<sheetData><row r=\"1\"><c><v>1</v></c></row></sheetData></worksheet>",
      context);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().records.size(), 1u);
}

TEST(ParseWorksheet, ManyRowsStayFast) {
  // 20,000 rows × 3 cells; the row numbers and a column sum are checked independently.
  std::string xml;
  for (int r = 1; r <= 20000; ++r) {
    const std::string n = std::to_string(r);
    xml += "<row r=\"" + n + "\"><c r=\"A" + n + "\"><v>" + n + "</v></c><c r=\"B" + n +
           "\" t=\"inlineStr\"><is><t>row " + n + "</t></is></c><c r=\"C" + n +
           "\"><v>0.5</v></c></row>";
  }
  const auto rows = parse(xml);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().records.size(), 20000u);
  long long sum = 0;
  for (const CsvRecord& rec : rows.value().records) sum += std::stoll(rec.fields[0]);
  EXPECT_EQ(sum, 20000LL * 20001 / 2);  // 1 + … + n = n(n + 1)/2
  EXPECT_EQ(rows.value().records.back().line, 20000u);
  EXPECT_EQ(rows.value().records.back().fields[1], "row 20000");
}

TEST(ParseWorksheet, RandomFragmentsKeepInvariants) {
  // Documents stitched from random XML-ish fragments: never a crash; when they parse, rows come
  // in strictly increasing order and all have the same width.
  const std::vector<std::string> fragments = {"<sheetData>",
                                              "</sheetData>",
                                              "<row r=\"",
                                              "<row>",
                                              "</row>",
                                              "<row/>",
                                              "<c r=\"",
                                              "<c>",
                                              "</c>",
                                              "<c/>",
                                              "\">",
                                              "\" t=\"s\">",
                                              "\" t=\"inlineStr\">",
                                              "\" s=\"1\">",
                                              "<v>",
                                              "</v>",
                                              "<is><t>",
                                              "</t></is>",
                                              "<rPh>",
                                              "</rPh>",
                                              "A",
                                              "B",
                                              "XFD",
                                              "1",
                                              "2",
                                              "1048577",
                                              "&amp;",
                                              "&#",
                                              ";",
                                              "<![CDATA[",
                                              "]]>",
                                              "<!--",
                                              "-->",
                                              "/>",
                                              "\"",
                                              "'",
                                              "<",
                                              ">",
                                              "_x000D_",
                                              "4.5E+3",
                                              "45658.5",
                                              "-1",
                                              "\xC3",
                                              "\xA9"};
  const std::vector<std::string> strings = {"a"};
  const CellStyles styles({{NumberFormatKind::kNumber, ""}, {NumberFormatKind::kDateTime, ""}});
  const WorksheetContext context{strings, styles, false};
  std::mt19937 rng(42);
  for (int doc = 0; doc < 3000; ++doc) {
    std::string xml = "<worksheet><sheetData>";
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) xml += fragments[rng() % fragments.size()];
    const Result<WorksheetRows> rows = parseWorksheet(xml, context);
    (void)parseSharedStrings(xml);
    (void)CellStyles::parse(xml);
    if (!rows.ok()) continue;
    for (std::size_t i = 0; i < rows.value().records.size(); ++i) {
      const CsvRecord& r = rows.value().records[i];
      EXPECT_EQ(r.fields.size(), rows.value().records[0].fields.size()) << xml;
      if (i > 0) {
        EXPECT_GT(r.line, rows.value().records[i - 1].line) << xml;
      }
    }
  }
}

TEST(ParseSharedStrings, RunsPhoneticsAndEmptyItems) {
  const Result<std::vector<std::string>> strings = parseSharedStrings(
      "<sst><si><t>a</t></si><si/><si><r><t>b</t></r><r><rPr/><t xml:space=\"preserve\"> c"
      "</t></r><rPh><t>skip</t></rPh></si><si><t/></si></sst>");
  ASSERT_TRUE(strings.ok());
  EXPECT_EQ(strings.value(), (std::vector<std::string>{"a", "", "b c", ""}));
}

}  // namespace
}  // namespace roilens::io
