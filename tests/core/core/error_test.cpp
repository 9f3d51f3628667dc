#include "roilens/core/error.hpp"

#include <gtest/gtest.h>

namespace roilens {
namespace {

TEST(Error, DescribesPositionInBothLanguages) {
  const Error e{ErrorCode::kBadValue, "'12,5,0' is not a number", "'12,5,0' n'est pas un nombre",
                {"deals.csv", 1204, "Amount"}};
  EXPECT_EQ(e.describe(), "deals.csv, line 1204, column 'Amount': '12,5,0' is not a number");
  EXPECT_EQ(e.describeFr(), "deals.csv, ligne 1204, colonne 'Amount' : '12,5,0' n'est pas un nombre");
  EXPECT_STREQ(errorCodeName(e.code), "bad_value");
}

TEST(Result, HoldsAValueOrAnError) {
  const Result<int> good = 3;
  const Result<int> bad = Error{ErrorCode::kInvalidArgument, "no", "non", {}};
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message_en, "no");
}

}  // namespace
}  // namespace roilens
