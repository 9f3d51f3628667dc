#pragma once
// From a transaction log to the per-customer RFM summary the BG/NBD and Gamma-Gamma models use.
//
// Rules (docs/clv.md):
// * A purchase is a transaction that model::isPurchase accepts (paid or won) with a date
//   (model::purchaseInstant), a customer and an amount (model::netAmount); all three in
//   model/transaction_facts.hpp, shared with the KPI engine and attribution. Refunded, cancelled,
//   lost and open transactions are not purchases (they are counted).
// * A record refunded down to 0 or below, or with a negative amount (credit note), is not a
//   purchase (counted). A zero amount without refunds (a free order) is a purchase.
// * Purchases are grouped by the user's calendar day (utc_offset_minutes): several records on
//   one day are one purchase whose
//   value is their sum. x = purchase days after the first; t_x = last purchase day - first day;
//   T = observation end - first day; monetary value = mean value of the x repeat days (the first
//   purchase is excluded; 0 when x = 0).
// * Observation end = the calibration end when given (purchases after it form the holdout), else
//   the last purchase day in the data.
// * Time unit: day, week = 7 days, month = 365.25/12 days (the mean Gregorian month).
// * Purchase days must lie in [kFirstPurchaseDay, kLastPurchaseDay] (1900-01-01 .. 2200-12-31, in
//   the user's calendar): a date outside is a typo or a placeholder (0001-01-01), and a span of
//   centuries would make the per-month views (cohort retention) absurdly large.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "roilens/core/error.hpp"
#include "roilens/model/dataset.hpp"
#include "roilens/model/time.hpp"

namespace roilens::clv {

enum class TimeUnit { kDay, kWeek, kMonth };

// The purchase dates a CLV analysis accepts, both ends included (docs/clv.md), in days since
// 1970-01-01.
constexpr model::DayNumber kFirstPurchaseDay = -25567;  // 1900-01-01
constexpr model::DayNumber kLastPurchaseDay = 84370;    // 2200-12-31

double daysPerUnit(TimeUnit unit);  // 1, 7, 365.25/12
// Data units in one month of 365.25/12 days: day 30.4375, week 4.348..., month 1.
double unitsPerMonth(TimeUnit unit);
const char* timeUnitName(TimeUnit unit);  // "day", "week", "month"
std::optional<TimeUnit> parseTimeUnit(const std::string& text);

struct RfmOptions {
  TimeUnit unit = TimeUnit::kWeek;
  std::optional<model::DayNumber> calibration_end;  // inclusive, a day of the user's calendar
  int utc_offset_minutes = 0;                       // the user's time zone, for calendar days
};

// One purchase day of one customer (records of the day summed).
struct PurchaseDay {
  model::DayNumber day = 0;
  double value = 0.0;
  std::optional<double> margin;  // sum of the records' margins; nullopt if any is unknown
};

struct CustomerRfm {
  std::string customer;
  double frequency = 0.0;  // x
  double recency = 0.0;    // t_x
  double age = 0.0;        // T
  double monetary_value = 0.0;
  double holdout_frequency = 0.0;  // purchase days after the calibration end
  double holdout_value = 0.0;
  std::vector<PurchaseDay> purchases;  // every purchase day, calibration and holdout, in order
  std::string first_channel;           // channel of the earliest record, "" when unknown
};

struct RfmTable {
  TimeUnit unit = TimeUnit::kWeek;
  model::DayNumber observation_end = 0;    // calibration end (or last purchase day)
  model::DayNumber last_purchase_day = 0;  // end of the holdout when there is one
  bool has_holdout = false;
  std::vector<CustomerRfm> customers;  // sorted by customer
  std::size_t purchase_records = 0;
  std::size_t excluded_status = 0;              // refunded, cancelled, lost, open
  std::size_t excluded_full_refund = 0;         // refunded to <= 0, or a negative amount
  std::size_t customers_after_calibration = 0;  // first purchase after the calibration end
  std::string currency;
};

// kMissingInput when no purchase is left; kBadValue (with the record's file and line) for a
// purchase without date, customer or amount, or dated outside kFirstPurchaseDay ..
// kLastPurchaseDay; kInvalidArgument for mixed currencies.
Result<RfmTable> buildRfm(const std::vector<model::Transaction>& transactions,
                          const RfmOptions& options);

}  // namespace roilens::clv
