#include "roilens/io/number_parser.hpp"

#include <gtest/gtest.h>

namespace roilens::io {
namespace {

constexpr NumberStyle kDot{'.', false};
constexpr NumberStyle kComma{',', false};

struct NumberCase {
  const char* cell;
  NumberStyle style;
  double value;
  bool percent = false;
  ParsedNumber::Bound bound = ParsedNumber::kExact;
  const char* currency = "";
};

class NumberFormsTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(NumberFormsTest, ParsesToTheHandValue) {
  const NumberCase& c = GetParam();
  const NumberCell cell = parseNumber(c.cell, c.style);
  ASSERT_EQ(cell.kind, CellKind::kNumber) << c.cell;
  EXPECT_DOUBLE_EQ(cell.number.value, c.value) << c.cell;
  EXPECT_EQ(cell.number.percent, c.percent) << c.cell;
  EXPECT_EQ(cell.number.bound, c.bound) << c.cell;
  EXPECT_EQ(cell.number.currency, c.currency) << c.cell;
}

// Every form of FORMATS.md §0 (and §6, §12), the value read by hand.
INSTANTIATE_TEST_SUITE_P(
    Formats, NumberFormsTest,
    ::testing::Values(NumberCase{"1234", kDot, 1234}, NumberCase{"0.62", kDot, 0.62},
                      NumberCase{"199421.15", kDot, 199421.15},  // Google Ads Cost, ungrouped
                      NumberCase{"795,836", kDot, 795836},       // Google Ads "795,836" (unquoted)
                      NumberCase{"4,838.80", kDot, 4838.80},     // grouped with decimals
                      NumberCase{"1,234,567.5", kDot, 1234567.5},
                      NumberCase{"1.234,56", kComma, 1234.56},  // nl/de grouping
                      NumberCase{"1\xC2\xA0"
                                 "234,56",
                                 kComma, 1234.56},  // fr NBSP U+00A0
                      NumberCase{"1\xE2\x80\xAF"
                                 "234,56",
                                 kComma, 1234.56},              // fr NNBSP U+202F (Matomo)
                      NumberCase{"1 234,56", kComma, 1234.56},  // plain space
                      NumberCase{"1'234.56", kDot, 1234.56},    // Swiss apostrophe
                      NumberCase{"12,5", kComma, 12.5},
                      NumberCase{"1,234", kComma, 1.234},  // comma decimal column: not grouping
                      NumberCase{"1,23,456.78", kDot, 123456.78},  // Indian lakh grouping
                      NumberCase{"'4001", kDot, 4001},  // Shopify zip with leading apostrophe
                      NumberCase{"  42 ", kDot, 42}, NumberCase{"+7", kDot, 7},
                      NumberCase{"-12.5", kDot, -12.5},
                      NumberCase{"\xE2\x88\x92"
                                 "3",
                                 kDot, -3},                   // U+2212 minus sign
                      NumberCase{"(1,234.00)", kDot, -1234},  // accounting negative
                      NumberCase{"$1,234.50", kDot, 1234.5, false, ParsedNumber::kExact, "$"},
                      NumberCase{"-$12", kDot, -12, false, ParsedNumber::kExact, "$"},
                      NumberCase{"$-12", kDot, -12, false, ParsedNumber::kExact, "$"},
                      NumberCase{"($5.00)", kDot, -5, false, ParsedNumber::kExact, "$"},
                      NumberCase{"US$ 12.00", kDot, 12, false, ParsedNumber::kExact, "US$"},
                      NumberCase{"\xE2\x82\xAC"
                                 "12,50",
                                 kComma, 12.5, false, ParsedNumber::kExact, "\xE2\x82\xAC"},
                      NumberCase{"12,50\xC2\xA0\xE2\x82\xAC", kComma, 12.5, false,
                                 ParsedNumber::kExact, "\xE2\x82\xAC"},  // "12,50 €" with NBSP
                      NumberCase{"\xC2\xA3"
                                 "3.20",
                                 kDot, 3.2, false, ParsedNumber::kExact, "\xC2\xA3"},
                      NumberCase{"\xE2\x82\xB9"
                                 "1,23,456",
                                 kDot, 123456, false, ParsedNumber::kExact, "\xE2\x82\xB9"},
                      NumberCase{"EUR 1.234,00", kComma, 1234, false, ParsedNumber::kExact, "EUR"},
                      NumberCase{"1234.00 USD", kDot, 1234, false, ParsedNumber::kExact, "USD"},
                      NumberCase{"12.5%", kDot, 12.5, true},  // percent units kept
                      NumberCase{"1.16%", kDot, 1.16, true},
                      NumberCase{"12,5\xC2\xA0%", kComma, 12.5, true},  // "12,5 %" with NBSP
                      NumberCase{"100\xC2\xA0%", kDot, 100, true},      // Matomo de
                      NumberCase{"-3.5 %", kDot, -3.5, true},
                      NumberCase{"< 10%", kDot, 10, true, ParsedNumber::kBelow},
                      NumberCase{"> 90%", kDot, 90, true, ParsedNumber::kAbove},
                      NumberCase{"1.5E+06", kDot, 1500000}, NumberCase{".5", kDot, 0.5}));

TEST(NumberParserTest, EmptyMarkers) {
  for (const char* cell : {"", "   ", " --", "--", "-", "n/a", "N/A", "\xC2\xA0"}) {
    EXPECT_EQ(parseNumber(cell, kDot).kind, CellKind::kEmpty) << "'" << cell << "'";
    EXPECT_TRUE(isEmptyMarker(cell)) << "'" << cell << "'";
  }
}

TEST(NumberParserTest, InvalidCells) {
  // "12,5,0": with '.' decimal the commas are grouping, but groups of 1 digit are not grouping.
  for (const char* cell : {"12,5,0", "abc", "1.2.3", "12abc", "1,2345", "1234,56", "$", "%", "(12",
                           "1..2", "1 2", "12-"}) {
    EXPECT_EQ(parseNumber(cell, kDot).kind, CellKind::kInvalid) << cell;
  }
  EXPECT_EQ(parseNumber("1.234.567,8.9", kComma).kind, CellKind::kInvalid);
  EXPECT_EQ(parseNumber("1,5,", kComma).kind, CellKind::kInvalid);
}

TEST(NumberStyleTest, DecidedByTheWholeColumn) {
  using Cells = std::vector<std::string_view>;
  EXPECT_EQ(detectNumberStyle(Cells{"1,234", "1,234.5", "12"}), (NumberStyle{'.', false}));
  EXPECT_EQ(detectNumberStyle(Cells{"1,234", "1.234,5"}), (NumberStyle{',', false}));
  EXPECT_EQ(detectNumberStyle(Cells{"12,5", "3,25", "7"}), (NumberStyle{',', false}));
  EXPECT_EQ(detectNumberStyle(Cells{"1,234", "12,5"}), (NumberStyle{',', false}));
  EXPECT_EQ(detectNumberStyle(Cells{"1,234,567", "8"}), (NumberStyle{'.', false}));
  EXPECT_EQ(detectNumberStyle(Cells{"1.234.567"}), (NumberStyle{',', false}));
  EXPECT_EQ(detectNumberStyle(Cells{"0,123"}), (NumberStyle{',', false}));  // no group starts 0
  EXPECT_EQ(detectNumberStyle(Cells{"1\xC2\xA0"
                                    "234,567"}),
            (NumberStyle{',', false}));
  EXPECT_EQ(detectNumberStyle(Cells{"12.5%", "< 10%"}), (NumberStyle{'.', false}));
}

TEST(NumberStyleTest, AmbiguousColumnsUseTheFallbackAndSaySo) {
  using Cells = std::vector<std::string_view>;
  EXPECT_EQ(detectNumberStyle(Cells{"1,234", "5,678"}), (NumberStyle{'.', true}));
  EXPECT_EQ(detectNumberStyle(Cells{"1,234", "5,678"}, ','), (NumberStyle{',', true}));
  // Integers and words give no evidence, and no ambiguity either.
  EXPECT_EQ(detectNumberStyle(Cells{"12", "Oct. 5", ""}, ','), (NumberStyle{',', false}));
  EXPECT_EQ(detectNumberStyle(Cells{}), (NumberStyle{'.', false}));
}

}  // namespace
}  // namespace roilens::io
