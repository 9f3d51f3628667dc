#pragma once
// Historical (observed) CLV, cohort retention and CLV by acquisition channel, from the RFM table.
//
// Historical CLV = average order value x purchase frequency x lifespan (KPIS.md §3), with
//   orders = purchase days (same-day records are one order, as in the models),
//   AOV = revenue / orders, frequency = orders / sum of tenures (per month),
//   lifespan = mean tenure in months, tenure = first purchase .. last purchase day of the data.
// The product is revenue / customers: the value customers brought so far, not a forecast.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "roilens/clv/rfm.hpp"
#include "roilens/model/dataset.hpp"

namespace roilens::clv {

struct HistoricalClv {
  std::size_t customers = 0;
  std::size_t orders = 0;
  double revenue = 0.0;
  std::optional<double> average_order_value;
  std::optional<double> purchase_frequency_per_month;
  std::optional<double> lifespan_months;
  std::optional<double> clv;
  // clv x margin rate when a rate is given, else (sum of margins) / customers when every
  // purchase carries its margin (Transaction::margin), else null.
  std::optional<double> clv_margin;
};

HistoricalClv historicalClv(const std::vector<const CustomerRfm*>& customers,
                            model::DayNumber last_day, std::optional<double> margin_rate);

// Customers acquired in one calendar month (month of the first purchase).
struct CohortRow {
  std::string cohort;  // "1997-01"
  std::size_t customers = 0;
  double revenue = 0.0;
  std::optional<double> clv;  // revenue / customers
  // Index k = k-th month after the acquisition month (0 = the acquisition month itself).
  std::vector<double> retention;  // share of the cohort with a purchase in that month
  std::vector<double> revenue_by_month;
};

// The cohort × month cells a cohort table holds at most (Σ over cohorts of the months from the
// cohort's first month to the end of the data). 37 years of monthly cohorts fit whole
// (444 × 445 / 2 = 98,790 cells), a few megabytes of JSON; purchases dated centuries apart
// (allowed: 1900..2200) would otherwise give millions.
constexpr std::size_t kMaxCohortCells = 100'000;

struct CohortTable {
  std::vector<CohortRow> rows;  // by cohort month
  std::size_t cells = 0;        // cohort × month cells of the whole table
  // When `cells` exceeds the cap: every cohort's retention and revenue_by_month are cut to this
  // many months after acquisition, the most that fits (cohort totals stay whole).
  std::optional<std::size_t> months_kept;
};

CohortTable cohortRetention(const RfmTable& rfm, std::size_t max_cells = kMaxCohortCells);

// Acquisition channel of each customer: the original channel of its contact (model::ContactIndex:
// contact id, else e-mail in any case, the KPI engine's join), else the channel of the first
// purchase, else "unknown". Same order as rfm.customers.
std::vector<std::string> customerChannels(const RfmTable& rfm,
                                          const std::vector<model::Contact>& contacts);

// One acquisition channel: CLV from its customers' purchases, and what acquiring them cost.
// cost, new_customers, cac and ltv_to_cac are the KPI engine's cac_by_channel and ltv_to_cac
// (metrics catalogue, one definition of CAC) over one period spanning the whole data: the same
// numbers as `roilens report --grain all --by channel` (docs/clv.md).
struct ChannelClv {
  std::string channel;
  HistoricalClv historical;
  double cost = 0.0;                 // sales and marketing cost of the channel
  std::size_t new_customers = 0;     // contacts of the channel who became customers
  std::optional<double> cac;         // cost / new customers
  std::optional<double> ltv_to_cac;  // engine CLV (revenue / buyers of the channel) / cac
};

// One row per channel of `channels` (customerChannels, same order as rfm.customers).
std::vector<ChannelClv> clvByChannel(const RfmTable& rfm, const std::vector<std::string>& channels,
                                     const model::Dataset& dataset,
                                     std::optional<double> margin_rate, int utc_offset_minutes);

}  // namespace roilens::clv
