#include "roilens/core/decimal.hpp"

#include <gtest/gtest.h>

namespace roilens {
namespace {

TEST(ParseDecimal, ReadsPlainDecimalText) {
  EXPECT_EQ(parseDecimal("12.5"), 12.5);
  EXPECT_EQ(parseDecimal("-0.25"), -0.25);
  EXPECT_EQ(parseDecimal(".5"), 0.5);
  EXPECT_EQ(parseDecimal("3e4"), 30000.0);
  EXPECT_EQ(parseDecimal("45362.12"), 45362.12);
}

TEST(ParseDecimal, RefusesAnythingElse) {
  for (const char* text : {"", " 1", "1 ", "1,5", "abc", "inf", "nan", "0x10", "1e", "1.2.3", "1e999"}) {
    EXPECT_FALSE(parseDecimal(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace roilens
