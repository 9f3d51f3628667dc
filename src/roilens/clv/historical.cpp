#include "roilens/clv/historical.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>

#include "roilens/clv/acquisition.hpp"
#include "roilens/model/contact_index.hpp"

namespace roilens::clv {
namespace {

constexpr double kDaysPerMonth = 365.25 / 12.0;

int monthIndex(model::DayNumber day) {
  const model::CivilDate d = model::civilFromDays(day);
  return d.year * 12 + (d.month - 1);
}

std::string monthLabel(int index) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", index / 12, index % 12 + 1);
  return buffer;
}

std::optional<double> ratio(double numerator, double denominator) {
  if (denominator == 0.0) return std::nullopt;
  return numerator / denominator;
}

}  // namespace

HistoricalClv historicalClv(const std::vector<const CustomerRfm*>& customers,
                            model::DayNumber last_day, std::optional<double> margin_rate) {
  HistoricalClv out;
  double tenure_months = 0.0;
  std::optional<double> margin = 0.0;  // sum of known margins; nullopt once one is unknown
  for (const CustomerRfm* c : customers) {
    ++out.customers;
    out.orders += c->purchases.size();
    for (const PurchaseDay& p : c->purchases) {
      out.revenue += p.value;
      margin = margin && p.margin ? std::optional<double>(*margin + *p.margin) : std::nullopt;
    }
    // Both ends inclusive: a customer who bought on the last day has one day of tenure.
    tenure_months += (last_day - c->purchases.front().day + 1) / kDaysPerMonth;
  }
  out.average_order_value = ratio(out.revenue, static_cast<double>(out.orders));
  out.purchase_frequency_per_month = ratio(static_cast<double>(out.orders), tenure_months);
  out.lifespan_months = ratio(tenure_months, static_cast<double>(out.customers));
  if (out.average_order_value && out.purchase_frequency_per_month && out.lifespan_months) {
    out.clv = *out.average_order_value * *out.purchase_frequency_per_month * *out.lifespan_months;
    if (margin_rate) {
      out.clv_margin = *out.clv * *margin_rate;
    } else if (margin) {  // every purchase carries its margin: margin per customer
      out.clv_margin = *margin / static_cast<double>(out.customers);
    }
  }
  return out;
}

namespace {

// The most months per cohort such that Σ min(span, months) stays within max_cells, given each
// cohort's span (months from its first month to the last month of the data).
std::size_t monthsThatFit(const std::map<int, std::size_t>& spans, std::size_t max_cells) {
  std::size_t low = 0, high = 0;  // fits(low) holds; find the largest
  for (const auto& [month, span] : spans) high = std::max(high, span);
  const auto cells = [&](std::size_t months) {
    std::size_t total = 0;
    for (const auto& [month, span] : spans) total += std::min(span, months);
    return total;
  };
  while (low < high) {
    const std::size_t middle = low + (high - low + 1) / 2;
    if (cells(middle) <= max_cells) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}

}  // namespace

CohortTable cohortRetention(const RfmTable& rfm, std::size_t max_cells) {
  const int last_month = monthIndex(rfm.last_purchase_day);
  // Sizes first, so that nothing beyond the cap is ever allocated.
  std::map<int, std::size_t> spans;  // cohort month -> months from it to the end of the data
  for (const CustomerRfm& c : rfm.customers) {
    const int first = monthIndex(c.purchases.front().day);
    spans[first] = static_cast<std::size_t>(last_month - first + 1);
  }
  CohortTable table;
  for (const auto& [month, span] : spans) table.cells += span;
  std::size_t months_kept = std::numeric_limits<std::size_t>::max();
  if (table.cells > max_cells) {
    months_kept = monthsThatFit(spans, max_cells);
    table.months_kept = months_kept;
  }
  struct Accumulator {
    std::size_t customers = 0;
    double revenue = 0.0;
    std::vector<double> active, revenue_by_month;
  };
  std::map<int, Accumulator> cohorts;
  for (const auto& [month, span] : spans) {
    Accumulator& acc = cohorts[month];
    acc.active.assign(std::min(span, months_kept), 0.0);
    acc.revenue_by_month.assign(std::min(span, months_kept), 0.0);
  }
  for (const CustomerRfm& c : rfm.customers) {
    const int first = monthIndex(c.purchases.front().day);
    Accumulator& acc = cohorts[first];
    ++acc.customers;
    int previous_offset = -1;
    for (const PurchaseDay& p : c.purchases) {  // purchases are in day order
      acc.revenue += p.value;
      const int offset = monthIndex(p.day) - first;
      if (static_cast<std::size_t>(offset) >= acc.active.size()) continue;  // cut off
      if (offset != previous_offset) acc.active[offset] += 1.0;  // once per customer and month
      previous_offset = offset;
      acc.revenue_by_month[offset] += p.value;
    }
  }
  for (const auto& [month, acc] : cohorts) {
    CohortRow row{monthLabel(month),
                  acc.customers,
                  acc.revenue,
                  ratio(acc.revenue, static_cast<double>(acc.customers)),
                  {},
                  acc.revenue_by_month};
    for (const double active : acc.active) row.retention.push_back(active / acc.customers);
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::vector<std::string> customerChannels(const RfmTable& rfm,
                                          const std::vector<model::Contact>& contacts) {
  const model::ContactIndex index(contacts);  // the KPI engine's join of people
  std::vector<std::string> channels;
  channels.reserve(rfm.customers.size());
  for (const CustomerRfm& c : rfm.customers) {
    const model::Contact* contact = index.find(c.customer);
    if (contact && !contact->original_channel.empty()) {
      channels.push_back(contact->original_channel);
    } else {
      channels.push_back(c.first_channel.empty() ? "unknown" : c.first_channel);
    }
  }
  return channels;
}

std::vector<ChannelClv> clvByChannel(const RfmTable& rfm, const std::vector<std::string>& channels,
                                     const model::Dataset& dataset,
                                     std::optional<double> margin_rate, int utc_offset_minutes) {
  std::map<std::string, std::vector<const CustomerRfm*>> members;
  for (std::size_t i = 0; i < rfm.customers.size(); ++i) {
    members[channels[i]].push_back(&rfm.customers[i]);
  }
  const std::map<std::string, ChannelAcquisition> acquisition =
      acquisitionByChannel(dataset, utc_offset_minutes);
  std::vector<ChannelClv> rows;
  for (const auto& [channel, customers] : members) {
    ChannelClv row;
    row.channel = channel;
    row.historical = historicalClv(customers, rfm.last_purchase_day, margin_rate);
    if (const auto found = acquisition.find(channel); found != acquisition.end()) {
      const ChannelAcquisition& a = found->second;
      row.cost = a.cost;
      row.new_customers = a.new_customers;
      row.cac = a.cac;
      row.ltv_to_cac = a.ltv_to_cac;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace roilens::clv
