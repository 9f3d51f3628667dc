// A file re-saved by Excel in a French locale (FORMATS.md §0b, last row): ';' delimiter,
// Windows-1252 bytes, NBSP grouping, decimal comma, "10 %" percents, DD/MM/YYYY dates.
// The whole io chain is exercised as a caller would: bytes in small chunks → decoder → sniffer
// → reader → per-column number and date detection.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io_test_support.hpp"
#include "roilens/io/date_parser.hpp"
#include "roilens/io/dialect_sniffer.hpp"
#include "roilens/io/number_parser.hpp"

namespace roilens::io {
namespace {

std::string fixtureBytes() {
  std::ifstream in(std::filesystem::path(ROILENS_FIXTURES_DIR) / "io/fr_excel_resave.csv",
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string_view> column(const std::vector<CsvRecord>& records, std::size_t index) {
  std::vector<std::string_view> cells;
  for (std::size_t r = 1; r < records.size(); ++r) cells.push_back(records[r].fields.at(index));
  return cells;
}

class FrenchExcelResaveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bytes_ = fixtureBytes();
    ASSERT_FALSE(bytes_.empty());
    const CsvDialect dialect = sniffDialect(testing::decodeAll(bytes_));
    ASSERT_EQ(dialect.delimiter, ';');
    std::vector<std::string_view> chunks;  // 7-byte chunks: splits land inside fields
    for (std::size_t i = 0; i < bytes_.size(); i += 7) {
      chunks.push_back(std::string_view(bytes_).substr(i, 7));
    }
    result_ = testing::readChunks(chunks, dialect);
  }

  std::string bytes_;
  testing::PipelineResult result_;
};

TEST_F(FrenchExcelResaveTest, DecodesWindows1252) {
  EXPECT_EQ(result_.encoding, Encoding::kWindows1252);
  EXPECT_FALSE(result_.error.has_value());
  ASSERT_EQ(result_.records.size(), 5u);
  EXPECT_EQ(result_.records[0].fields,
            (std::vector<std::string>{"Date", "Client", "Montant TTC", "Remise"}));
  // 0xE9 = é, 0x80 = €, 0xE8 = è, 0x93/0x94 = “ ” (Windows-1252 chart).
  EXPECT_EQ(result_.records[1].fields[1], "Caf\xC3\xA9 de la Gare");
  EXPECT_EQ(result_.records[2].fields[1], "R\xC3\xA9my \xE2\x82\xAC Fils");
  EXPECT_EQ(result_.records[3].fields[1], "Dupont; P\xC3\xA8re");
  EXPECT_EQ(result_.records[4].fields[1],
            "\xE2\x80\x9C"
            "Chez L\xC3\xA9"
            "a\xE2\x80\x9D");
  EXPECT_EQ(result_.records[4].line, 5u);
}

TEST_F(FrenchExcelResaveTest, DecimalCommaAmounts) {
  const std::vector<std::string_view> amounts = column(result_.records, 2);
  const NumberStyle style = detectNumberStyle(amounts);
  EXPECT_EQ(style, (NumberStyle{',', false}));
  double sum = 0;
  for (const std::string_view cell : amounts) {
    const NumberCell number = parseNumber(cell, style);
    ASSERT_EQ(number.kind, CellKind::kNumber) << cell;
    sum += number.number.value;
  }
  // 1 234,56 + 12,5 − 3,00 + 2 000 = 3 244,06
  EXPECT_NEAR(sum, 3244.06, 1e-9);
}

TEST_F(FrenchExcelResaveTest, PercentCells) {
  const std::vector<std::string_view> discounts = column(result_.records, 3);
  const NumberStyle style = detectNumberStyle(discounts);
  EXPECT_EQ(style.decimal, ',');
  const NumberCell first = parseNumber(discounts[0], style);  // "10 %"
  const NumberCell third = parseNumber(discounts[2], style);  // "5,5 %"
  EXPECT_EQ(first.number.value, 10.0);
  EXPECT_TRUE(first.number.percent);
  EXPECT_EQ(third.number.value, 5.5);
  EXPECT_TRUE(third.number.percent);
  EXPECT_EQ(parseNumber(discounts[3], style).kind, CellKind::kEmpty);
}

TEST_F(FrenchExcelResaveTest, DayFirstDates) {
  const std::vector<std::string_view> dates = column(result_.records, 0);
  const DateColumnFormat format = detectDateFormat(dates);  // 28 > 12 decides, not the locale
  EXPECT_EQ(format.day_order, DayOrder::kDayFirst);
  EXPECT_FALSE(format.ambiguous);
  // 2026-01-01 = day 20454: 28/01 → 20481, 03/02 → 20454+31+2 = 20487, 15/02 → 20499,
  // 01/03 → 20454+31+28 = 20513.
  const std::vector<model::DayNumber> expected = {20481, 20487, 20499, 20513};
  for (std::size_t i = 0; i < dates.size(); ++i) {
    const auto date = parseCivilDate(dates[i], format);
    ASSERT_TRUE(date.has_value()) << dates[i];
    EXPECT_EQ(model::daysFromCivil(*date), expected[i]) << dates[i];
  }
}

}  // namespace
}  // namespace roilens::io
