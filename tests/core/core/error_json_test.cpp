#include "roilens/core/error_json.hpp"

#include <gtest/gtest.h>

namespace roilens {
namespace {

// docs/errors.md: every error in JSON has exactly these six fields.
TEST(ErrorJson, HasTheSixFieldsOfTheOneShape) {
  const Error e{ErrorCode::kBadValue,
                "'12,5,0' is not a number",
                "'12,5,0' n'est pas un nombre",
                {"deals.csv", 1204, "Amount"}};
  const nlohmann::json j = toJson(e);
  EXPECT_EQ(j.size(), 6U);
  EXPECT_EQ(j["code"], "bad_value");
  EXPECT_EQ(j["message_en"], "deals.csv, line 1204, column 'Amount': '12,5,0' is not a number");
  EXPECT_EQ(j["message_fr"],
            "deals.csv, ligne 1204, colonne 'Amount' : '12,5,0' n'est pas un nombre");
  EXPECT_EQ(j["file"], "deals.csv");
  EXPECT_EQ(j["line"], 1204);
  EXPECT_EQ(j["column"], "Amount");
}

TEST(ErrorJson, AnErrorWithoutPositionKeepsEmptyPositionFields) {
  const nlohmann::json j = toJson(Error{ErrorCode::kInvalidArgument, "no", "non", {}});
  EXPECT_EQ(j["message_en"], "no");
  EXPECT_EQ(j["file"], "");
  EXPECT_EQ(j["line"], 0);
  EXPECT_EQ(j["column"], "");
}

}  // namespace
}  // namespace roilens
