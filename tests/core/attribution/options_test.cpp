// Attribution options from JSON: defaults, every key, and clear bilingual errors.
#include "roilens/attribution/options.hpp"

#include <gtest/gtest.h>

namespace roilens::attribution {
namespace {

using nlohmann::json;

TEST(AttributionOptions, DefaultsWhenEmptyOrNull) {
  for (const json& input : {json(nullptr), json::object()}) {
    Result<AttributionOptions> options = parseAttributionOptions(input);
    ASSERT_TRUE(options.ok());
    EXPECT_EQ(options.value().model, "all");
    EXPECT_EQ(options.value().half_life_days, 7.0);
    EXPECT_EQ(options.value().lookback_days, 90.0);
    EXPECT_EQ(options.value().conversion, ConversionEvent::kPurchase);
    EXPECT_EQ(options.value().markov_orders, (std::vector<int>{1, 2, 3}));
  }
}

TEST(AttributionOptions, ReadsEveryKey) {
  Result<AttributionOptions> options = parseAttributionOptions(json{{"model", "markov_2"},
                                                                    {"half_life_days", 3.5},
                                                                    {"lookback_days", 30},
                                                                    {"conversion", "lead"},
                                                                    {"markov_orders", {3, 1, 3}}});
  ASSERT_TRUE(options.ok());
  const AttributionOptions& o = options.value();
  EXPECT_EQ(o.model, "markov_2");
  EXPECT_EQ(o.half_life_days, 3.5);
  EXPECT_EQ(o.lookback_days, 30.0);
  EXPECT_EQ(o.conversion, ConversionEvent::kLead);
  EXPECT_EQ(o.markov_orders, (std::vector<int>{1, 3}));  // sorted, duplicates removed
}

TEST(AttributionOptions, RejectsBadValuesNamingTheKey) {
  const std::pair<json, const char*> cases[] = {
      {json{{"model", "u_shaped"}}, "model"},
      {json{{"half_life_days", 0}}, "half_life_days"},
      {json{{"half_life_days", "7"}}, "half_life_days"},
      {json{{"lookback_days", -1}}, "lookback_days"},
      {json{{"conversion", "sale"}}, "conversion"},
      {json{{"markov_orders", {1, 4}}}, "markov_orders"},
      {json{{"markov_orders", 2}}, "markov_orders"},
      // The Shapley value has a closed form: the sampler's settings are gone, not ignored.
      {json{{"shapley_permutations", 500}}, "shapley_permutations"},
      {json{{"seed", 3}}, "seed"},
      {json{{"half_life", 7}}, "half_life"},  // typo: unknown key
      {json::array(), "options"},
  };
  for (const auto& [input, key] : cases) {
    Result<AttributionOptions> options = parseAttributionOptions(input);
    ASSERT_FALSE(options.ok()) << input.dump();
    EXPECT_EQ(options.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(options.error().position.column, key);
    EXPECT_NE(options.error().message_en.find(key), std::string::npos);
    EXPECT_NE(options.error().message_fr.find(key), std::string::npos);
  }
}

}  // namespace
}  // namespace roilens::attribution
