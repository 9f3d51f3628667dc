// attribute() end to end: journeys from touchpoints, lookback, conversion events, ROI from costs,
// model selection, errors, JSON lines and the side-by-side table.
#include "roilens/attribution/attribute.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "roilens/model/time.hpp"

namespace roilens::attribution {
namespace {

using model::Timestamp;
using nlohmann::json;

constexpr Timestamp kDay = 86400;
const Timestamp kStart = model::timestampFromCivil({2025, 1, 1});

model::Touchpoint touch(const std::string& who, Timestamp at, const std::string& channel,
                        const std::string& campaign = "") {
  model::Touchpoint tp;
  tp.contact_ref = who;
  tp.occurred_at = at;
  tp.channel = channel;
  tp.campaign = campaign;
  return tp;
}

model::Transaction purchase(const std::string& who, Timestamp at, double amount) {
  model::Transaction txn;
  txn.customer_ref = who;
  txn.closed_at = at;
  txn.status = model::TransactionStatus::kPaid;
  txn.amount_net = amount;
  txn.currency = "EUR";
  return txn;
}

// c1 (joined by e-mail, any case): Email day 0, Paid Search day 10, Direct day 20; buys 100 on
// day 20 at noon. c2: Organic Search day 0, buys 50 on day 200 (outside the 90-day lookback).
// c3: Display day 5, never buys.
model::Dataset shop() {
  model::Dataset d;
  model::Contact c1;
  c1.contact_id = "101";
  c1.email = "ann@example.com";
  c1.at(model::Stage::kLead) = kStart + 10 * kDay + 3600;
  d.contacts.push_back(c1);
  d.touchpoints = {touch("101", kStart, "Email", "newsletter"),
                   touch("ANN@example.com", kStart + 10 * kDay, "Paid Search", "brand"),
                   touch("101", kStart + 20 * kDay, "Direct"),
                   touch("bob@example.com", kStart, "Organic Search"),
                   touch("cat@example.com", kStart + 5 * kDay, "Display")};
  d.transactions = {purchase("Ann@Example.com", kStart + 20 * kDay + kDay / 2, 100.0),
                    purchase("bob@example.com", kStart + 200 * kDay, 50.0)};
  return d;
}

std::map<std::string, json> channelsOf(const json& result, const std::string& model) {
  std::map<std::string, json> out;
  for (const json& m : result["models"]) {
    if (m["id"] != model) continue;
    for (const json& row : m["channels"]) out[row["channel"]] = row;
  }
  return out;
}

Result<json> run(const model::Dataset& d, json options) {
  Result<AttributionOptions> parsed = parseAttributionOptions(options);
  if (!parsed) return parsed.error();
  return attribute(d, parsed.value());
}

TEST(Attribute, JourneysFromTouchpointsAndPurchases) {
  Result<json> result = run(shop(), json{{"half_life_days", 10}});
  ASSERT_TRUE(result.ok()) << result.error().describe();
  const json& r = result.value();
  EXPECT_EQ(r["totals"]["conversions"], 1.0);
  EXPECT_EQ(r["totals"]["value"], 100.0);
  EXPECT_EQ(r["journeys"], 2.0);  // c1's purchase + c3's non-converting journey
  EXPECT_EQ(r["time_basis"], "timestamps");
  EXPECT_EQ(r["unattributed"]["conversions"], 1.0);  // bob's purchase: no touch in 90 days
  EXPECT_EQ(r["unattributed"]["value"], 50.0);
  EXPECT_EQ(channelsOf(r, "last_touch")["Direct"]["value"], 100.0);
  EXPECT_EQ(channelsOf(r, "last_non_direct")["Paid Search"]["value"], 100.0);
  EXPECT_EQ(channelsOf(r, "first_touch")["Email"]["value"], 100.0);
  // Half-life 10 days; ages 20.5, 10.5 and 0.5 days → weights 2^-2.05, 2^-1.05, 2^-0.05, in the
  // ratio 1/4 : 1/2 : 1 → 1/7, 2/7, 4/7 of 100.
  EXPECT_NEAR(channelsOf(r, "time_decay")["Email"]["value"].get<double>(), 100.0 / 7, 1e-9);
  EXPECT_NEAR(channelsOf(r, "time_decay")["Direct"]["value"].get<double>(), 400.0 / 7, 1e-9);
  // The lead date (day 10, 01:00) marks Paid Search as the lead touch.
  for (const json& m : r["models"]) {
    if (m["id"] == "w_shaped") {
      EXPECT_EQ(m["milestones"]["journeys_with_lead_date"], 1.0);
    }
  }
  // Display appears (non-converting journey) with no rule-based credit.
  EXPECT_EQ(channelsOf(r, "linear")["Display"]["conversions"], 0.0);
  // Campaigns: linear gives a third each to newsletter, brand and (not set).
  bool found = false;
  for (const json& row : r["campaigns"]["linear"]) {
    if (row["campaign"] == "brand") {
      EXPECT_NEAR(row["value"].get<double>(), 100.0 / 3, 1e-9);
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(Attribute, LookbackWindowAndLeadConversion) {
  // 15-day lookback from day 20.5: only Paid Search (day 10) and Direct remain.
  Result<json> short_window = run(shop(), json{{"lookback_days", 15}, {"model", "first_touch"}});
  ASSERT_TRUE(short_window.ok());
  EXPECT_EQ(channelsOf(short_window.value(), "first_touch")["Paid Search"]["conversions"], 1.0);
  // Lead conversion: ann became a lead on day 10 at 01:00; her touches then are Email and Paid
  // Search, so last touch credits Paid Search, with no value.
  Result<json> leads = run(shop(), json{{"conversion", "lead"}, {"model", "last_touch"}});
  ASSERT_TRUE(leads.ok());
  EXPECT_EQ(leads.value()["totals"]["conversions"], 1.0);
  EXPECT_EQ(leads.value()["totals"]["value"], 0.0);
  EXPECT_EQ(channelsOf(leads.value(), "last_touch")["Paid Search"]["conversions"], 1.0);
}

TEST(Attribute, CustomerConversionAndOriginalSource) {
  // dan: HubSpot-style contact with no touchpoint but an original source (Organic Social,
  // created day 3); customer on day 40 with a total revenue of 300.
  // ann (from shop()): no customer stage, so her first paid purchase (day 20.5, 100) makes her a
  // customer, valued at all her paid transactions: 100.
  model::Dataset d = shop();
  model::Contact dan;
  dan.contact_id = "202";
  dan.original_channel = "Organic Social";
  dan.created_at = kStart + 3 * kDay;
  dan.at(model::Stage::kCustomer) = kStart + 40 * kDay;
  dan.total_revenue = 300.0;
  d.contacts.push_back(dan);
  Result<json> result = run(d, json{{"conversion", "customer"}, {"model", "first_touch"}});
  ASSERT_TRUE(result.ok()) << result.error().describe();
  const json& r = result.value();
  // Customers: ann (100), dan (300), bob (50, but no touch within 90 days → unattributed).
  EXPECT_EQ(r["totals"]["conversions"], 2.0);
  EXPECT_EQ(r["totals"]["value"], 400.0);
  EXPECT_EQ(r["unattributed"]["value"], 50.0);
  EXPECT_EQ(channelsOf(r, "first_touch")["Organic Social"]["value"], 300.0);
  EXPECT_EQ(channelsOf(r, "first_touch")["Email"]["value"], 100.0);
}

TEST(Attribute, UndatedConversionsAreReportedNotDropped) {
  model::Dataset d = shop();
  model::Contact eve;
  eve.email = "cat@example.com";  // the Display touch of shop()
  eve.lifecycle_stage = "mql";    // a lead, but the export has no lead date
  d.contacts.push_back(eve);
  Result<json> result = run(d, json{{"conversion", "lead"}});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value()["totals"]["conversions"], 1.0);  // ann's dated lead
  EXPECT_EQ(result.value()["unattributed"]["conversions"], 1.0);
}

TEST(Attribute, RoiWhenCostsAreKnown) {
  model::Dataset d = shop();
  model::Cost paid;
  paid.channel = "Paid Search";
  paid.cost = 20.0;
  paid.currency = "EUR";
  model::Cost free = paid;
  free.channel = "Email";
  free.cost = 0.0;
  d.costs = {paid, free};
  Result<json> result = run(d, json{{"model", "last_non_direct"}});
  ASSERT_TRUE(result.ok());
  auto rows = channelsOf(result.value(), "last_non_direct");
  // Paid Search: value 100, cost 20 → roi (100 − 20)/20 × 100 = 400 %, roas 100/20 = 5,
  // cost per conversion 20/1 = 20.
  EXPECT_DOUBLE_EQ(rows["Paid Search"]["roi"].get<double>(), 400.0);
  EXPECT_DOUBLE_EQ(rows["Paid Search"]["roas"].get<double>(), 5.0);
  EXPECT_DOUBLE_EQ(rows["Paid Search"]["cost_per_conversion"].get<double>(), 20.0);
  // Email: cost 0 → ROI and ROAS not available; 0 conversions → no cost per conversion.
  EXPECT_TRUE(rows["Email"]["roi"].is_null());
  EXPECT_TRUE(rows["Email"]["roas"].is_null());
  EXPECT_TRUE(rows["Email"]["cost_per_conversion"].is_null());
  EXPECT_FALSE(rows["Direct"].contains("roi"));  // no cost known
}

TEST(Attribute, ModelSelection) {
  model::Dataset d;
  d.paths.push_back({{"a", "b"}, 1, 2, 1, {}});
  d.paths.push_back({{"b"}, 1, 1, 1, {}});
  Result<json> one = run(d, json{{"model", "markov_2"}});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one.value()["models"].size(), 1u);
  EXPECT_TRUE(one.value()["markov"].contains("2"));
  EXPECT_FALSE(one.value().contains("shapley"));
  Result<json> fewer = run(d, json{{"markov_orders", {1}}});
  ASSERT_TRUE(fewer.ok());
  EXPECT_EQ(fewer.value()["models"].size(), 12u);  // 10 rule-based + markov_1 + shapley
  EXPECT_EQ(fewer.value()["time_basis"], "steps");
}

TEST(Attribute, ErrorsAreClearValues) {
  Result<json> empty = run(model::Dataset{}, json::object());
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kMissingInput);
  EXPECT_FALSE(empty.error().message_fr.empty());

  model::Dataset no_conversion;
  no_conversion.paths.push_back({{"a"}, 0, 0, 5, {}});
  EXPECT_EQ(run(no_conversion, json::object()).error().code, ErrorCode::kMissingInput);

  model::Dataset bad;
  bad.paths.push_back({{"a", ""}, 1, 1, 0, {"channelattribution", "paths.csv", 7}});
  Result<json> bad_path = run(bad, json::object());
  ASSERT_FALSE(bad_path.ok());
  EXPECT_EQ(bad_path.error().code, ErrorCode::kBadValue);
  EXPECT_EQ(bad_path.error().position.file, "paths.csv");
  EXPECT_EQ(bad_path.error().position.line, 7u);
  EXPECT_EQ(bad_path.error().position.column, "path");

  bad.paths[0] = {{"a"}, -1, 1, 0, {"channelattribution", "paths.csv", 9}};
  EXPECT_EQ(run(bad, json::object()).error().position.column, "total_conversions");

  AttributionOptions unknown;
  unknown.model = "nope";
  EXPECT_EQ(attribute(shop(), unknown).error().code, ErrorCode::kInvalidArgument);
}

TEST(Attribute, JsonLinesAndTable) {
  model::Dataset d;
  d.paths.push_back({{"a", "b"}, 1, 2.5, 1, {}});
  Result<json> result = run(d, json{{"markov_orders", {1}}});
  ASSERT_TRUE(result.ok());
  std::ostringstream lines;
  writeJsonl(result.value(), lines);
  std::istringstream in(lines.str());
  std::string line;
  std::size_t count = 0;
  while (std::getline(in, line)) {
    const json row = json::parse(line);
    EXPECT_EQ(row.size(), 4u);
    EXPECT_TRUE(row.contains("model") && row.contains("channel") && row.contains("conversions") &&
                row.contains("value"));
    ++count;
  }
  EXPECT_EQ(count, 12u * 2u);  // 12 models × 2 channels

  std::ostringstream table, tableau;
  writeTable(result.value(), table);
  writeTable(result.value(), tableau, true);
  EXPECT_NE(table.str().find("Channel"), std::string::npos);
  EXPECT_NE(table.str().find("first_touch"), std::string::npos);
  EXPECT_NE(table.str().find("1.25"), std::string::npos);  // linear value of a: 2.5 / 2
  EXPECT_NE(tableau.str().find("Canal"), std::string::npos);
  EXPECT_NE(tableau.str().find("1,25"), std::string::npos);
}

}  // namespace
}  // namespace roilens::attribution
