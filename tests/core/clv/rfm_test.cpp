#include "roilens/clv/rfm.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "cdnow_reader.hpp"

namespace roilens::clv {
namespace {

using model::Transaction;
using model::TransactionStatus;

constexpr model::DayNumber kDay0 = 20000;  // 2024-10-04, an arbitrary first purchase day

Transaction purchase(const std::string& customer, model::DayNumber day, double gross,
                     TransactionStatus status = TransactionStatus::kPaid, double refunds = 0.0) {
  Transaction t;
  t.customer_ref = customer;
  t.created_at = static_cast<model::Timestamp>(day) * 86400 + 3600 * 15;  // 15:00 UTC
  t.amount_gross = gross;
  t.refunds = refunds;
  t.status = status;
  t.origin = {"test", "orders.csv", 2};
  return t;
}

// Customer "a": day 0 two orders (10 + 5), day 7 (20), day 14 refunded (ignored), day 21 (30),
// day 21 cancelled (ignored), day 28 gross 50 with 10 refunded (net 40), day 35 fully refunded
// while "paid" (net 0: ignored). Customer "b": a single order on day 14.
std::vector<Transaction> handLog() {
  return {purchase("a", kDay0, 10),
          purchase("a", kDay0, 5),
          purchase("a", kDay0 + 7, 20),
          purchase("a", kDay0 + 14, 99, TransactionStatus::kRefunded),
          purchase("a", kDay0 + 21, 30),
          purchase("a", kDay0 + 21, 70, TransactionStatus::kCancelled),
          purchase("a", kDay0 + 28, 50, TransactionStatus::kPaid, 10),
          purchase("a", kDay0 + 35, 25, TransactionStatus::kPaid, 25),
          purchase("b", kDay0 + 14, 12)};
}

TEST(Rfm, HandCaseInWeeks) {
  const Result<RfmTable> table = buildRfm(handLog(), {TimeUnit::kWeek, std::nullopt});
  ASSERT_TRUE(table.ok()) << table.error().message_en;
  const RfmTable& t = table.value();
  // Observation end = last purchase day kept = day 28 (day 35 was fully refunded).
  EXPECT_EQ(t.observation_end, kDay0 + 28);
  EXPECT_EQ(t.excluded_status, 2u);
  EXPECT_EQ(t.excluded_full_refund, 1u);
  EXPECT_EQ(t.purchase_records, 6u);
  ASSERT_EQ(t.customers.size(), 2u);
  const CustomerRfm& a = t.customers[0];
  EXPECT_EQ(a.customer, "a");
  // Repeat days 7, 21, 28 -> x = 3, t_x = 28/7 = 4 weeks, T = 28/7 = 4 weeks,
  // mean repeat value = (20 + 30 + 40) / 3 = 30 (the first day's 15 is excluded).
  EXPECT_EQ(a.frequency, 3.0);
  EXPECT_DOUBLE_EQ(a.recency, 4.0);
  EXPECT_DOUBLE_EQ(a.age, 4.0);
  EXPECT_DOUBLE_EQ(a.monetary_value, 30.0);
  ASSERT_EQ(a.purchases.size(), 4u);
  EXPECT_DOUBLE_EQ(a.purchases[0].value, 15.0);  // same-day records summed
  const CustomerRfm& b = t.customers[1];
  // One purchase on day 14: x = 0, t_x = 0, T = (28 - 14)/7 = 2, m = 0.
  EXPECT_EQ(b.frequency, 0.0);
  EXPECT_EQ(b.recency, 0.0);
  EXPECT_DOUBLE_EQ(b.age, 2.0);
  EXPECT_EQ(b.monetary_value, 0.0);
}

TEST(Rfm, UnitsAndCalibrationSplit) {
  // Calibration ends on day 10: a's repeat day 7 is calibration, days 21 and 28 holdout;
  // b's first purchase (day 14) comes after it, so b is not in the calibration summary.
  const Result<RfmTable> table = buildRfm(handLog(), {TimeUnit::kDay, kDay0 + 10});
  ASSERT_TRUE(table.ok());
  const RfmTable& t = table.value();
  EXPECT_TRUE(t.has_holdout);
  EXPECT_EQ(t.customers_after_calibration, 1u);
  ASSERT_EQ(t.customers.size(), 1u);
  const CustomerRfm& a = t.customers[0];
  EXPECT_EQ(a.frequency, 1.0);
  EXPECT_EQ(a.recency, 7.0);  // days
  EXPECT_EQ(a.age, 10.0);
  EXPECT_EQ(a.monetary_value, 20.0);
  EXPECT_EQ(a.holdout_frequency, 2.0);
  EXPECT_EQ(a.holdout_value, 70.0);  // 30 + 40
  // Months are 365.25/12 = 30.4375 days: T = 10 / 30.4375.
  const Result<RfmTable> months = buildRfm(handLog(), {TimeUnit::kMonth, kDay0 + 10});
  EXPECT_DOUBLE_EQ(months.value().customers[0].age, 10.0 / 30.4375);
  EXPECT_DOUBLE_EQ(unitsPerMonth(TimeUnit::kDay), 30.4375);
  EXPECT_DOUBLE_EQ(unitsPerMonth(TimeUnit::kWeek), 30.4375 / 7.0);
  EXPECT_DOUBLE_EQ(unitsPerMonth(TimeUnit::kMonth), 1.0);
}

TEST(Rfm, DaysAreTheUsersCalendarDays) {
  // 23:30 and 00:30 UTC the next day: two days in UTC, one day in Paris in winter (UTC+60),
  // where they are 00:30 and 01:30 of the same day.
  Transaction late = purchase("p", kDay0, 10), early = purchase("p", kDay0 + 1, 20);
  late.created_at = static_cast<model::Timestamp>(kDay0) * 86400 + 23 * 3600 + 1800;
  early.created_at = static_cast<model::Timestamp>(kDay0 + 1) * 86400 + 1800;
  const RfmTable utc = buildRfm({late, early}, {TimeUnit::kDay, std::nullopt, 0}).value();
  EXPECT_EQ(utc.customers[0].frequency, 1.0);
  const RfmTable paris = buildRfm({late, early}, {TimeUnit::kDay, std::nullopt, 60}).value();
  EXPECT_EQ(paris.customers[0].frequency, 0.0);
  EXPECT_DOUBLE_EQ(paris.customers[0].purchases[0].value, 30.0);
}

TEST(Rfm, WonDealsCountOnTheirCloseDate) {
  // A deal created on day 0 and won on day 9; another created and won on day 20.
  Transaction first = purchase("d", kDay0, 1000, TransactionStatus::kWon);
  first.closed_at = static_cast<model::Timestamp>(kDay0 + 9) * 86400;
  const Transaction second = purchase("d", kDay0 + 20, 500, TransactionStatus::kWon);
  const RfmTable t = buildRfm({first, second}, {TimeUnit::kDay, std::nullopt}).value();
  EXPECT_EQ(t.customers[0].purchases[0].day, kDay0 + 9);
  EXPECT_EQ(t.customers[0].recency, 11.0);  // 20 - 9
}

TEST(Rfm, NetAmountWinsOverGross) {
  Transaction t = purchase("c", kDay0, 100, TransactionStatus::kPaid, 30);
  t.amount_net = 60;  // the source's own net (e.g. after discount too) is used as is
  Transaction u = purchase("c", kDay0 + 1, 100);
  u.amount_net = 80;
  const Result<RfmTable> table = buildRfm({t, u}, {TimeUnit::kDay, std::nullopt});
  EXPECT_DOUBLE_EQ(table.value().customers[0].monetary_value, 80.0);
  EXPECT_DOUBLE_EQ(table.value().customers[0].purchases[0].value, 60.0);
}

TEST(Rfm, FreeOrdersCountCreditNotesDoNot) {
  // Day 0: 10; day 3: a free order (0, no refund) is a purchase; day 5: a credit note (-8) is not.
  const Result<RfmTable> table = buildRfm(
      {purchase("f", kDay0, 10), purchase("f", kDay0 + 3, 0), purchase("f", kDay0 + 5, -8)},
      {TimeUnit::kDay, kDay0 + 6});
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table.value().customers[0].frequency, 1.0);
  EXPECT_EQ(table.value().customers[0].recency, 3.0);
  EXPECT_EQ(table.value().customers[0].monetary_value, 0.0);
  EXPECT_EQ(table.value().excluded_full_refund, 1u);
}

TEST(Rfm, BadRecordsAreReportedWithTheirPosition) {
  Transaction no_amount = purchase("a", kDay0, 0);
  no_amount.amount_gross.reset();
  no_amount.origin.source_row = 7;
  const Result<RfmTable> r1 = buildRfm({no_amount}, {});
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.error().code, ErrorCode::kBadValue);
  EXPECT_EQ(r1.error().position.file, "orders.csv");
  EXPECT_EQ(r1.error().position.line, 7u);
  EXPECT_EQ(r1.error().position.column, "amount");
  EXPECT_FALSE(r1.error().message_fr.empty());

  Transaction no_date = purchase("a", kDay0, 5);
  no_date.created_at.reset();
  EXPECT_EQ(buildRfm({no_date}, {}).error().position.column, "date");
  EXPECT_EQ(buildRfm({purchase("", kDay0, 5)}, {}).error().position.column, "customer");

  Transaction eur = purchase("a", kDay0, 5), usd = purchase("b", kDay0, 5);
  eur.currency = "EUR";
  usd.currency = "USD";
  EXPECT_EQ(buildRfm({eur, usd}, {}).error().code, ErrorCode::kInvalidArgument);

  EXPECT_EQ(buildRfm({purchase("a", kDay0, 5, TransactionStatus::kRefunded)}, {}).error().code,
            ErrorCode::kMissingInput);
  EXPECT_EQ(buildRfm({}, {}).error().code, ErrorCode::kMissingInput);
}

TEST(Rfm, PurchaseDatesOutsideTheStatedRangeAreErrors) {
  // The range is 1900-01-01 .. 2200-12-31, both ends included, in the user's calendar.
  EXPECT_EQ(kFirstPurchaseDay, model::daysFromCivil({1900, 1, 1}));
  EXPECT_EQ(kLastPurchaseDay, model::daysFromCivil({2200, 12, 31}));
  const Result<RfmTable> ends =
      buildRfm({purchase("a", kFirstPurchaseDay, 5), purchase("a", kLastPurchaseDay, 7)}, {});
  ASSERT_TRUE(ends.ok()) << ends.error().message_en;
  EXPECT_EQ(ends.value().customers[0].frequency, 1.0);
  const std::pair<model::DayNumber, std::string> outside[] = {
      {kFirstPurchaseDay - 1, "1899-12-31"},
      {kLastPurchaseDay + 1, "2201-01-01"},
      {model::daysFromCivil({1, 1, 1}), "0001-01-01"}};
  for (const auto& [day, text] : outside) {
    Transaction late = purchase("a", day, 5);
    late.origin.source_row = 3;
    const Result<RfmTable> r = buildRfm({purchase("b", kDay0, 5), late}, {});
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, ErrorCode::kBadValue);
    EXPECT_EQ(r.error().position.file, "orders.csv");
    EXPECT_EQ(r.error().position.line, 3u);
    EXPECT_EQ(r.error().position.column, "date");
    EXPECT_NE(r.error().message_en.find(text), std::string::npos) << r.error().message_en;
    EXPECT_NE(r.error().message_en.find("1900-01-01 to 2200-12-31"), std::string::npos);
    EXPECT_NE(r.error().message_fr.find(text), std::string::npos) << r.error().message_fr;
  }
  // The day is the user's: 2200-12-31 23:30 UTC is 2201-01-01 in Paris (UTC+1).
  Transaction new_year = purchase("a", kLastPurchaseDay, 5);
  new_year.created_at = static_cast<model::Timestamp>(kLastPurchaseDay) * 86400 + 23 * 3600 + 1800;
  EXPECT_TRUE(buildRfm({new_year}, {}).ok());
  EXPECT_EQ(buildRfm({new_year}, {TimeUnit::kWeek, std::nullopt, 60}).error().position.column,
            "date");
}

// The README's reconstruction check: CDNOW_sample.txt -> (x, t_x, T, zbar) in weeks with the
// calibration ending 1997-09-30 reproduces cdnow_customers_summary_with_transactions.csv to its
// 2-decimal rounding (half a cent, half a hundredth of a week).
TEST(Rfm, RebuildsTheCdnowSummary) {
  if (!testing::haveCdnow()) GTEST_SKIP() << "../shared/datasets absent";
  std::vector<Transaction> log;
  for (const auto& row : testing::readLog()) {
    log.push_back(
        purchase(row.sample_id, model::daysFromCivil({row.year, row.month, row.day}), row.dollars));
  }
  ASSERT_EQ(log.size(), 6919u);
  const Result<RfmTable> table =
      buildRfm(log, {TimeUnit::kWeek, model::daysFromCivil({1997, 9, 30})});
  ASSERT_TRUE(table.ok());
  std::map<std::string, const CustomerRfm*> built;
  for (const CustomerRfm& c : table.value().customers) built[c.customer] = &c;
  const auto reference = testing::readSummary("cdnow_customers_summary_with_transactions.csv");
  ASSERT_EQ(reference.size(), 2357u);
  ASSERT_EQ(built.size(), 2357u);
  double holdout_total = 0.0, holdout_of_one_timers = 0.0;
  for (const auto& ref : reference) {
    const CustomerRfm* c = built.at(std::to_string(ref.id));
    EXPECT_EQ(c->frequency, ref.x) << ref.id;
    EXPECT_NEAR(c->recency, ref.t_x, 0.005 + 1e-9) << ref.id;
    EXPECT_NEAR(c->age, ref.T, 0.005 + 1e-9) << ref.id;
    EXPECT_NEAR(c->monetary_value, ref.zbar, 0.005 + 1e-9) << ref.id;
    holdout_total += c->holdout_frequency;
    if (ref.x == 0) holdout_of_one_timers += c->holdout_frequency;
  }
  // README: 1,882 repeat purchase days in weeks 40-78; the 1,411 customers with x = 0 made 334.
  EXPECT_EQ(holdout_total, 1882.0);
  EXPECT_EQ(holdout_of_one_timers, 334.0);
  EXPECT_EQ(table.value().last_purchase_day, model::daysFromCivil({1998, 6, 30}));
}

}  // namespace
}  // namespace roilens::clv
