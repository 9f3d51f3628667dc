#include "roilens/clv/rfm.hpp"

#include <algorithm>
#include <map>

#include "roilens/model/transaction_facts.hpp"

namespace roilens::clv {
namespace {

constexpr double kDaysPerMonth = 365.25 / 12.0;

Error recordError(const model::Transaction& t, const std::string& en, const std::string& fr,
                  const std::string& column) {
  return Error{ErrorCode::kBadValue, en, fr,
               Position{t.origin.source_file, t.origin.source_row, column}};
}

struct Record {
  model::DayNumber day;
  double value;
  std::optional<double> margin;
  std::string channel;
};

// Summarises one customer's records (sorted by day) into x, t_x, T, zbar and the holdout.
CustomerRfm summarise(const std::string& customer, std::vector<Record> records,
                      model::DayNumber observation_end, double days_per_unit) {
  std::stable_sort(records.begin(), records.end(),
                   [](const Record& l, const Record& r) { return l.day < r.day; });
  CustomerRfm out;
  out.customer = customer;
  out.first_channel = records.front().channel;
  for (const Record& r : records) {
    if (!out.purchases.empty() && out.purchases.back().day == r.day) {
      PurchaseDay& same_day = out.purchases.back();
      same_day.value += r.value;
      same_day.margin = same_day.margin && r.margin
                            ? std::optional<double>(*same_day.margin + *r.margin)
                            : std::nullopt;
    } else {
      out.purchases.push_back({r.day, r.value, r.margin});
    }
  }
  const model::DayNumber first = out.purchases.front().day;
  double repeat_value = 0.0;
  for (std::size_t i = 1; i < out.purchases.size(); ++i) {
    const PurchaseDay& p = out.purchases[i];
    if (p.day <= observation_end) {
      out.frequency += 1.0;
      out.recency = (p.day - first) / days_per_unit;
      repeat_value += p.value;
    } else {
      out.holdout_frequency += 1.0;
      out.holdout_value += p.value;
    }
  }
  out.age = (observation_end - first) / days_per_unit;
  out.monetary_value = out.frequency > 0.0 ? repeat_value / out.frequency : 0.0;
  return out;
}

}  // namespace

double daysPerUnit(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDay:
      return 1.0;
    case TimeUnit::kWeek:
      return 7.0;
    case TimeUnit::kMonth:
      return kDaysPerMonth;
  }
  return 1.0;
}

double unitsPerMonth(TimeUnit unit) { return kDaysPerMonth / daysPerUnit(unit); }

const char* timeUnitName(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDay:
      return "day";
    case TimeUnit::kWeek:
      return "week";
    case TimeUnit::kMonth:
      return "month";
  }
  return "day";
}

std::optional<TimeUnit> parseTimeUnit(const std::string& text) {
  if (text == "day" || text == "days" || text == "D") return TimeUnit::kDay;
  if (text == "week" || text == "weeks" || text == "W") return TimeUnit::kWeek;
  if (text == "month" || text == "months" || text == "M") return TimeUnit::kMonth;
  return std::nullopt;
}

Result<RfmTable> buildRfm(const std::vector<model::Transaction>& transactions,
                          const RfmOptions& options) {
  RfmTable summary;
  summary.unit = options.unit;
  std::map<std::string, std::vector<Record>> by_customer;
  for (const model::Transaction& t : transactions) {
    if (!model::isPurchase(t)) {
      ++summary.excluded_status;
      continue;
    }
    const std::optional<model::Timestamp> at = model::purchaseInstant(t);
    if (!at) {
      return recordError(t, "this purchase has no date, so it cannot be placed in time",
                         "cet achat n'a pas de date, il ne peut pas être placé dans le temps",
                         "date");
    }
    const model::DayNumber day = model::localDay(*at, options.utc_offset_minutes);
    if (day < kFirstPurchaseDay || day > kLastPurchaseDay) {
      const std::string date = model::isoDate(day), first = model::isoDate(kFirstPurchaseDay),
                        last = model::isoDate(kLastPurchaseDay);
      return recordError(
          t,
          "this purchase is dated " + date + ", outside the dates a CLV analysis accepts (" +
              first + " to " + last + ")",
          "cet achat est daté du " + date + ", hors des dates qu'accepte l'analyse CLV (du " +
              first + " au " + last + ")",
          "date");
    }
    if (t.customer_ref.empty()) {
      return recordError(t, "this purchase has no customer, so it cannot be counted for anyone",
                         "cet achat n'a pas de client, il ne peut être attribué à personne",
                         "customer");
    }
    const std::optional<double> amount = model::netAmount(t);
    if (!amount) {
      return recordError(t, "this purchase has no amount", "cet achat n'a pas de montant",
                         "amount");
    }
    // Fully refunded (refunds took the amount to zero) or a credit note: not a purchase. A zero
    // amount without refund (a free order) is a purchase: CDNOW has some.
    if (*amount < 0.0 || (*amount == 0.0 && t.refunds > 0.0)) {
      ++summary.excluded_full_refund;
      continue;
    }
    if (!t.currency.empty()) {
      if (summary.currency.empty()) summary.currency = t.currency;
      if (t.currency != summary.currency) {
        return Error{ErrorCode::kInvalidArgument,
                     std::string("purchases in ") + summary.currency + " and " + t.currency +
                         " cannot be added up; analyse one currency at a time",
                     std::string("des achats en ") + summary.currency + " et en " + t.currency +
                         " ne peuvent pas être additionnés ; analysez une devise à la fois",
                     Position{t.origin.source_file, t.origin.source_row, "currency"}};
      }
    }
    ++summary.purchase_records;
    by_customer[t.customer_ref].push_back({day, *amount, t.margin, t.channel});
  }
  if (by_customer.empty()) {
    return Error{ErrorCode::kMissingInput,
                 "no purchase (paid order, charge or won deal) to analyse",
                 "aucun achat (commande payée, paiement ou affaire gagnée) à analyser",
                 {}};
  }
  model::DayNumber last_day = by_customer.begin()->second.front().day;
  for (const auto& [customer, records] : by_customer) {
    for (const Record& r : records) last_day = std::max(last_day, r.day);
  }
  summary.last_purchase_day = last_day;
  summary.observation_end = options.calibration_end.value_or(last_day);
  summary.has_holdout = options.calibration_end && last_day > *options.calibration_end;
  const double days_per_unit = daysPerUnit(options.unit);
  for (auto& [customer, records] : by_customer) {
    CustomerRfm rfm =
        summarise(customer, std::move(records), summary.observation_end, days_per_unit);
    if (rfm.purchases.front().day > summary.observation_end) {
      ++summary.customers_after_calibration;
      continue;
    }
    summary.customers.push_back(std::move(rfm));
  }
  if (summary.customers.empty()) {
    return Error{ErrorCode::kMissingInput,
                 "no customer made a first purchase before the calibration end",
                 "aucun client n'a fait de premier achat avant la fin de la calibration",
                 {}};
  }
  return summary;
}

}  // namespace roilens::clv
