#include "roilens/clv/historical.hpp"

#include <gtest/gtest.h>

namespace roilens::clv {
namespace {

using model::Transaction;

const model::DayNumber kJan1 = model::daysFromCivil({2024, 1, 1});

Transaction purchase(const std::string& customer, int day, double amount,
                     const std::string& channel = "") {
  Transaction t;
  t.customer_ref = customer;
  t.created_at = static_cast<model::Timestamp>(kJan1 + day) * 86400;
  t.amount_gross = amount;
  t.channel = channel;
  return t;
}

// a: Jan 1 (100), Feb 10 (50). b: Jan 11 (30). c: Feb 15 (20), Mar 1 (40) (2024 is a leap year:
// day 60 after Jan 1 is Mar 1). Last purchase day = Mar 1.
RfmTable handTable() {
  const std::vector<Transaction> log = {purchase("a", 0, 100), purchase("a", 40, 50),
                                        purchase("b", 10, 30, "email"), purchase("c", 45, 20),
                                        purchase("c", 60, 40)};
  return buildRfm(log, {TimeUnit::kDay, std::nullopt}).value();
}

TEST(Historical, ClvIsAovTimesFrequencyTimesLifespan) {
  const RfmTable table = handTable();
  std::vector<const CustomerRfm*> all;
  for (const auto& c : table.customers) all.push_back(&c);
  const HistoricalClv h = historicalClv(all, table.last_purchase_day, 0.4);
  EXPECT_EQ(h.customers, 3u);
  EXPECT_EQ(h.orders, 5u);
  EXPECT_DOUBLE_EQ(h.revenue, 240.0);
  EXPECT_DOUBLE_EQ(*h.average_order_value, 48.0);  // 240 / 5
  // Tenures, both ends inclusive: a 61 days, b 51, c 16 -> 128 days = 128 / 30.4375 months.
  const double tenure = 128.0 / 30.4375;
  EXPECT_DOUBLE_EQ(*h.purchase_frequency_per_month, 5.0 / tenure);
  EXPECT_DOUBLE_EQ(*h.lifespan_months, tenure / 3.0);
  EXPECT_DOUBLE_EQ(*h.clv, 80.0);         // 48 x 5/tenure x tenure/3 = 240 / 3
  EXPECT_DOUBLE_EQ(*h.clv_margin, 32.0);  // 80 x 0.4
  const HistoricalClv none = historicalClv({}, table.last_purchase_day, std::nullopt);
  EXPECT_FALSE(none.clv.has_value());  // 0 / 0 is null, not 0
  EXPECT_FALSE(none.average_order_value.has_value());
}

TEST(Historical, MarginFromTheTransactions) {
  // Same-day records' margins are summed: a day 0 has 4 + 6; b day 3 has 5. (10 + 5) / 2 = 7.5.
  std::vector<Transaction> log = {purchase("a", 0, 40), purchase("a", 0, 60), purchase("b", 3, 50)};
  log[0].margin = 4;
  log[1].margin = 6;
  log[2].margin = 5;
  const RfmTable with = buildRfm(log, {TimeUnit::kDay, std::nullopt}).value();
  std::vector<const CustomerRfm*> all;
  for (const auto& c : with.customers) all.push_back(&c);
  EXPECT_DOUBLE_EQ(*historicalClv(all, with.last_purchase_day, std::nullopt).clv_margin, 7.5);
  // One margin unknown: no margin-based CLV rather than a partial sum.
  log[1].margin.reset();
  const RfmTable without = buildRfm(log, {TimeUnit::kDay, std::nullopt}).value();
  all.clear();
  for (const auto& c : without.customers) all.push_back(&c);
  EXPECT_FALSE(historicalClv(all, without.last_purchase_day, std::nullopt).clv_margin.has_value());
}

TEST(Historical, CohortRetentionByHand) {
  const CohortTable table = cohortRetention(handTable());
  EXPECT_EQ(table.cells, 5u);  // January cohort: Jan..Mar (3 months); February: Feb..Mar (2)
  EXPECT_FALSE(table.months_kept.has_value());
  const std::vector<CohortRow>& rows = table.rows;
  ASSERT_EQ(rows.size(), 2u);
  // January cohort {a, b}: January both buy, February only a, March nobody.
  EXPECT_EQ(rows[0].cohort, "2024-01");
  EXPECT_EQ(rows[0].customers, 2u);
  EXPECT_EQ(rows[0].retention, (std::vector<double>{1.0, 0.5, 0.0}));
  EXPECT_EQ(rows[0].revenue_by_month, (std::vector<double>{130.0, 50.0, 0.0}));
  EXPECT_DOUBLE_EQ(*rows[0].clv, 90.0);  // 180 / 2
  // February cohort {c}: February and March.
  EXPECT_EQ(rows[1].cohort, "2024-02");
  EXPECT_EQ(rows[1].retention, (std::vector<double>{1.0, 1.0}));
  EXPECT_EQ(rows[1].revenue_by_month, (std::vector<double>{20.0, 40.0}));
}

TEST(Historical, CohortRetentionIsCutToTheCellCap) {
  // 5 cells in all; a cap of 4 keeps the most months K with min(3, K) + min(2, K) <= 4: K = 2.
  EXPECT_FALSE(cohortRetention(handTable(), 5).months_kept.has_value());
  const CohortTable four = cohortRetention(handTable(), 4);
  EXPECT_EQ(four.cells, 5u);
  ASSERT_EQ(four.months_kept, std::optional<std::size_t>(2));
  ASSERT_EQ(four.rows.size(), 2u);
  EXPECT_EQ(four.rows[0].retention, (std::vector<double>{1.0, 0.5}));
  EXPECT_EQ(four.rows[0].revenue_by_month, (std::vector<double>{130.0, 50.0}));
  EXPECT_DOUBLE_EQ(four.rows[0].revenue, 180.0);  // the cohort's totals stay whole
  EXPECT_DOUBLE_EQ(*four.rows[0].clv, 90.0);
  EXPECT_EQ(four.rows[1].retention, (std::vector<double>{1.0, 1.0}));
  // A cap of 3: K = 1 (1 + 1 = 2 <= 3, while K = 2 gives 4).
  const CohortTable three = cohortRetention(handTable(), 3);
  ASSERT_EQ(three.months_kept, std::optional<std::size_t>(1));
  EXPECT_EQ(three.rows[0].retention, (std::vector<double>{1.0}));
  EXPECT_EQ(three.rows[1].revenue_by_month, (std::vector<double>{20.0}));
}

TEST(Historical, CohortsOverThreeCenturiesStayWithinTheCap) {
  // One customer per month from 1900-01 to 2200-12: 3,612 cohorts whose spans are 3,612, 3,611,
  // ..., 1 months, 6,525,078 cells in all. The cap keeps K months per cohort, the largest K with
  // K(K+1)/2 + K(3612 − K) <= 100,000: K = 27 gives 378 + 96,795 = 97,173; K = 28 gives 100,758.
  std::vector<Transaction> log;
  for (int month = 0; month < 3612; ++month) {
    Transaction t;
    t.customer_ref = std::to_string(month);
    t.created_at = model::timestampFromCivil({1900 + month / 12, month % 12 + 1, 15}, 12);
    t.amount_gross = 1.0;
    log.push_back(t);
  }
  const CohortTable table = cohortRetention(buildRfm(log, {}).value());
  EXPECT_EQ(table.cells, 6525078u);  // 3612 × 3613 / 2
  ASSERT_EQ(table.months_kept, std::optional<std::size_t>(27));
  ASSERT_EQ(table.rows.size(), 3612u);
  std::size_t kept = 0;
  for (const CohortRow& row : table.rows) kept += row.retention.size();
  EXPECT_EQ(kept, 97173u);
  EXPECT_EQ(table.rows.front().cohort, "1900-01");
  EXPECT_EQ(table.rows.back().cohort, "2200-12");
  EXPECT_EQ(table.rows.back().retention, (std::vector<double>{1.0}));
}

model::Contact contact(const std::string& id, const std::string& email, const std::string& channel,
                       std::optional<int> customer_day) {
  model::Contact c;
  c.contact_id = id;
  c.email = email;
  c.original_channel = channel;
  if (customer_day) {
    c.at(model::Stage::kCustomer) = static_cast<model::Timestamp>(kJan1 + *customer_day) * 86400;
  }
  return c;
}

model::Cost cost(const std::string& channel, double amount, int first_day, int last_day) {
  model::Cost c;
  c.channel = channel;
  c.cost = amount;
  c.range_start = kJan1 + first_day;
  c.range_end = kJan1 + last_day;
  return c;
}

TEST(Historical, ChannelsJoinContactsLikeTheKpiEngine) {
  const RfmTable table = handTable();
  // Purchases name "a"; the contact's e-mail is "A": the same person, as in the KPI engine.
  const std::vector<std::string> channels =
      customerChannels(table, {contact("", "A", "paid_search", std::nullopt)});
  // a from its contact, b from its order's channel, c has neither.
  EXPECT_EQ(channels, (std::vector<std::string>{"paid_search", "email", "unknown"}));
}

// CAC and LTV:CAC are the KPI engine's (cac_by_channel, ltv_to_cac) over the whole data.
TEST(Historical, ChannelCacIsTheKpiEngines) {
  model::Dataset data;
  data.transactions = {purchase("a", 0, 100), purchase("a", 40, 50), purchase("b", 10, 30, "email"),
                       purchase("c", 45, 20), purchase("c", 60, 40)};
  // d became a customer in the CRM without an order in the file: a new customer all the same.
  data.contacts = {contact("", "A", "paid_search", 0), contact("b", "", "email", 10),
                   contact("d", "", "paid_search", 20)};
  data.costs = {cost("paid_search", 120, 0, 30), cost("email", 10, 31, 59)};
  const RfmTable table = buildRfm(data.transactions, {TimeUnit::kDay, std::nullopt}).value();
  const std::vector<ChannelClv> rows =
      clvByChannel(table, customerChannels(table, data.contacts), data, std::nullopt, 0);
  ASSERT_EQ(rows.size(), 3u);
  // email: cost 10, new customers {b}: CAC 10 / 1 = 10; CLV = b's revenue 30 / 1 buyer = 30;
  // LTV:CAC = 30 / 10 = 3.
  EXPECT_EQ(rows[0].channel, "email");
  EXPECT_DOUBLE_EQ(rows[0].cost, 10.0);
  EXPECT_EQ(rows[0].new_customers, 1u);
  EXPECT_DOUBLE_EQ(*rows[0].cac, 10.0);
  EXPECT_DOUBLE_EQ(*rows[0].ltv_to_cac, 3.0);
  // paid_search: cost 120, new customers {a, d}: CAC 120 / 2 = 60; CLV = a's 150 / 1 buyer;
  // LTV:CAC = 150 / 60 = 2.5.
  EXPECT_EQ(rows[1].channel, "paid_search");
  EXPECT_DOUBLE_EQ(*rows[1].historical.clv, 150.0);
  EXPECT_EQ(rows[1].new_customers, 2u);
  EXPECT_DOUBLE_EQ(*rows[1].cac, 60.0);
  EXPECT_DOUBLE_EQ(*rows[1].ltv_to_cac, 2.5);
  // unknown (c): no cost and no contact -> CAC and LTV:CAC are null, not 0.
  EXPECT_EQ(rows[2].channel, "unknown");
  EXPECT_FALSE(rows[2].cac.has_value());
  EXPECT_FALSE(rows[2].ltv_to_cac.has_value());
}

TEST(Historical, CostWithoutNewCustomersGivesNullCac) {
  model::Dataset data;
  data.transactions = {purchase("b", 10, 30, "email")};
  data.contacts = {contact("b", "", "email", std::nullopt)};  // never became a customer
  data.costs = {cost("email", 50, 300, 330)};
  const RfmTable table = buildRfm(data.transactions, {TimeUnit::kDay, std::nullopt}).value();
  const auto rows =
      clvByChannel(table, customerChannels(table, data.contacts), data, std::nullopt, 0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].channel, "email");
  EXPECT_DOUBLE_EQ(rows[0].cost, 50.0);
  EXPECT_EQ(rows[0].new_customers, 0u);
  EXPECT_FALSE(rows[0].cac.has_value());  // 50 / 0 is null
}

}  // namespace
}  // namespace roilens::clv
