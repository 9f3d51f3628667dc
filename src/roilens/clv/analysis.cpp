#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "roilens/clv/bgnbd.hpp"
#include "roilens/clv/clv.hpp"
#include "roilens/clv/customer_rows.hpp"
#include "roilens/clv/gamma_gamma.hpp"
#include "roilens/clv/historical.hpp"
#include "roilens/clv/predictive.hpp"

namespace roilens::clv {
namespace {

using nlohmann::json;

constexpr double kCorrelationWarning = 0.3;

json nullable(std::optional<double> v) { return v ? json(*v) : json(nullptr); }

json message(const std::string& code, const std::string& en, const std::string& fr) {
  return {{"code", code}, {"message_en", en}, {"message_fr", fr}};
}

json errorJson(const Error& e) {
  return message(errorCodeName(e.code), e.describe(), e.describeFr());
}

json historicalJson(const HistoricalClv& h) {
  return {{"customers", h.customers},
          {"orders", h.orders},
          {"revenue", h.revenue},
          {"average_order_value", nullable(h.average_order_value)},
          {"purchase_frequency_per_month", nullable(h.purchase_frequency_per_month)},
          {"lifespan_months", nullable(h.lifespan_months)},
          {"clv", nullable(h.clv)},
          {"clv_margin", nullable(h.clv_margin)}};
}

// The fitted models, or why they are missing (a fit failure is not an input error).
struct Models {
  std::optional<BgnbdParams> bgnbd;
  std::optional<GammaGammaParams> spend;
  json document = json::object();
  json warnings = json::array();
  json model_error = nullptr;
};

void fitPurchaseModel(const std::vector<CustomerRow>& rows, const FitOptions& fit_options,
                      Models& m) {
  std::vector<RepeatHistory> histories;
  histories.reserve(rows.size());
  for (const CustomerRow& r : rows) histories.push_back(r.history);
  const Result<BgnbdFit> bg = fitBgnbd(histories, fit_options);
  if (!bg) {
    m.document["bgnbd"] = nullptr;
    m.model_error = errorJson(bg.error());
    return;
  }
  const BgnbdParams& p = bg.value().params;
  m.bgnbd = p;
  m.document["bgnbd"] = {{"r", p.r},
                         {"alpha", p.alpha},
                         {"a", p.a},
                         {"b", p.b},
                         {"log_likelihood", bg.value().log_likelihood},
                         {"customers", bg.value().customers}};
}

json correlationWarning(double r) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", r);
  return message(
      "frequency_spend_correlated",
      std::string("purchase frequency and spend are correlated (r = ") + text +
          "): the Gamma-Gamma model assumes they are independent, treat predicted spend with care",
      std::string("la fréquence d'achat et la dépense sont corrélées (r = ") + text +
          ") : le modèle Gamma-Gamma les suppose indépendantes, prudence sur la dépense prédite");
}

void fitSpendModel(const std::vector<CustomerRow>& rows, const FitOptions& fit_options, Models& m) {
  std::vector<SpendHistory> spends;
  std::vector<double> xs, ms;
  std::size_t repeat_without_spend = 0;
  for (const CustomerRow& r : rows) {
    if (r.history.frequency <= 0.0) continue;
    if (r.monetary_value > 0.0) {
      spends.push_back({r.history.frequency, r.monetary_value});
      xs.push_back(r.history.frequency);
      ms.push_back(r.monetary_value);
    } else {
      ++repeat_without_spend;
    }
  }
  m.document["gamma_gamma"] = nullptr;
  if (spends.empty()) {  // e.g. an RFM file without monetary_value: purchases only, no money
    m.warnings.push_back(message(
        "no_spend",
        "no repeat customer has a spend: expected purchases and P(alive) are given, not CLV",
        "aucun client récurrent n'a de dépense : achats attendus et P(vivant) sont donnés, pas "
        "la CLV"));
    return;
  }
  if (repeat_without_spend > 0) {
    const std::string n = std::to_string(repeat_without_spend);
    m.warnings.push_back(message(
        "repeat_without_spend",
        n + " repeat customers have no positive mean spend and are left out of the spend model",
        n + " clients récurrents sans dépense moyenne positive sont exclus du modèle de dépense"));
  }
  const std::optional<double> r = pearsonCorrelation(xs, ms);
  if (r && std::fabs(*r) > kCorrelationWarning) m.warnings.push_back(correlationWarning(*r));
  const Result<GammaGammaFit> gg = fitGammaGamma(spends, fit_options);
  if (!gg) {
    if (m.model_error.is_null()) m.model_error = errorJson(gg.error());
    return;
  }
  const GammaGammaParams& g = gg.value().params;
  m.spend = g;
  m.document["gamma_gamma"] = {{"p", g.p},
                               {"q", g.q},
                               {"gamma", g.gamma},
                               {"log_likelihood", gg.value().log_likelihood},
                               {"customers", gg.value().customers},
                               {"frequency_spend_correlation", nullable(r)}};
  if (!(g.q > 1.0)) {
    m.warnings.push_back(message("spend_mean_infinite",
                                 "the spend model has q <= 1: its mean spend is infinite",
                                 "le modèle de dépense a q <= 1 : sa dépense moyenne est infinie"));
  }
}

Models fitModels(const std::vector<CustomerRow>& rows, const ClvOptions& options) {
  Models m;
  FitOptions fit_options;
  fit_options.penalizer = options.penalizer;
  fitPurchaseModel(rows, fit_options, m);
  fitSpendModel(rows, fit_options, m);
  return m;
}

// Per-customer predictions; fills totals. Errors of the series end in model_error.
json customersJson(const std::vector<CustomerRow>& rows, const Models& m, const ClvHorizon& horizon,
                   std::optional<double> margin_rate, json& model_error) {
  json customers = json::array();
  const double t = horizon.months * horizon.units_per_month;
  for (const CustomerRow& row : rows) {
    json c = {{"customer", row.customer},
              {"frequency", row.history.frequency},
              {"recency", row.history.recency},
              {"T", row.history.age},
              {"monetary_value", row.monetary_value},
              {"p_alive", nullptr},
              {"expected_purchases", nullptr},
              {"expected_spend", nullptr},
              {"clv", nullptr}};
    if (row.holdout_frequency) c["holdout_frequency"] = *row.holdout_frequency;
    std::optional<double> spend;
    if (m.spend)
      spend = conditionalExpectedSpend(*m.spend, {row.history.frequency, row.monetary_value});
    c["expected_spend"] = nullable(spend);
    if (m.bgnbd) {
      c["p_alive"] = pAlive(*m.bgnbd, row.history);
      const Result<double> purchases = conditionalExpectedPurchases(*m.bgnbd, row.history, t);
      if (purchases) c["expected_purchases"] = purchases.value();
      if (!purchases && model_error.is_null()) model_error = errorJson(purchases.error());
      if (spend) {
        const Result<double> clv = predictiveClv(*m.bgnbd, row.history, *spend, horizon);
        if (clv) {
          c["clv"] = clv.value();
          if (margin_rate) c["clv_margin"] = clv.value() * *margin_rate;
        } else if (model_error.is_null()) {
          model_error = errorJson(clv.error());
        }
      }
    }
    customers.push_back(std::move(c));
  }
  return customers;
}

// Totals and the distribution of predicted CLV (nearest-rank quantiles), plus what a new
// customer is expected to do over the horizon: E[X(t)] and P(X(t) = n), n = 0..10.
json summaryJson(const json& customers, const Models& m, const ClvHorizon& horizon) {
  std::vector<double> clvs;
  for (const json& c : customers) {
    if (c["clv"].is_number()) clvs.push_back(c["clv"].get<double>());
  }
  std::sort(clvs.begin(), clvs.end());
  double total = 0.0;
  for (const double v : clvs) total += v;
  const auto quantile = [&](double q) {
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(clvs.size())));
    return clvs[std::max<std::size_t>(rank, 1) - 1];
  };
  json summary = {{"customers", customers.size()},
                  {"clv_total", clvs.empty() ? json(nullptr) : json(total)},
                  {"clv_mean", clvs.empty() ? json(nullptr) : json(total / clvs.size())},
                  {"clv_quantiles", nullptr},
                  {"expected_purchases_new_customer", nullptr},
                  {"new_customer_purchase_probabilities", json::array()}};
  if (!clvs.empty()) {
    summary["clv_quantiles"] = {{"p10", quantile(0.1)},
                                {"p50", quantile(0.5)},
                                {"p90", quantile(0.9)},
                                {"max", clvs.back()}};
  }
  if (m.bgnbd) {
    const double t = horizon.months * horizon.units_per_month;
    const Result<double> fresh = expectedPurchasesNewCustomer(*m.bgnbd, t);
    if (fresh) summary["expected_purchases_new_customer"] = fresh.value();
    for (int n = 0; n <= 10; ++n) {
      summary["new_customer_purchase_probabilities"].push_back(
          probabilityOfPurchases(*m.bgnbd, t, n));
    }
  }
  return summary;
}

// Holdout check: actual repeat purchase days after the calibration end vs the model's forecast.
json holdoutJson(const RfmTable& table, const std::vector<CustomerRow>& rows, const Models& m) {
  const double length = (table.last_purchase_day - table.observation_end) / daysPerUnit(table.unit);
  double actual = 0.0, predicted = 0.0;
  bool predicted_ok = m.bgnbd.has_value();
  for (const CustomerRow& r : rows) {
    actual += r.holdout_frequency.value_or(0.0);
    if (!predicted_ok) continue;
    const Result<double> e = conditionalExpectedPurchases(*m.bgnbd, r.history, length);
    predicted_ok = e.ok();
    if (e) predicted += e.value();
  }
  return {{"start", model::isoDate(table.observation_end + 1)},
          {"end", model::isoDate(table.last_purchase_day)},
          {"length", length},
          {"actual_purchases", actual},
          {"predicted_purchases", predicted_ok ? json(predicted) : json(nullptr)}};
}

// Historical, cohort and channel views over every customer of the data (`full` is built without
// the calibration split, so customers acquired after the calibration end count too).
json cohortsCutWarning(const CohortTable& table) {
  const std::string months = std::to_string(*table.months_kept),
                    cells = std::to_string(table.cells), cap = std::to_string(kMaxCohortCells);
  return message("cohort_retention_truncated",
                 "cohort retention is cut to the first " + months +
                     " months after each cohort's first month: the whole table would have " +
                     cells + " cohort × month cells, more than the " + cap + " kept",
                 "la rétention par cohorte est coupée aux " + months +
                     " premiers mois de chaque cohorte : le tableau complet aurait " + cells +
                     " cellules cohorte × mois, plus que les " + cap + " conservées");
}

void addTransactionViews(json& doc, const model::Dataset& dataset, const RfmTable& full,
                         const ClvOptions& options, json& warnings) {
  std::vector<const CustomerRfm*> all;
  for (const CustomerRfm& c : full.customers) all.push_back(&c);
  doc["historical"] = historicalJson(historicalClv(all, full.last_purchase_day, options.margin));
  json cohorts = json::array();
  const CohortTable cohort_table = cohortRetention(full);
  if (cohort_table.months_kept) warnings.push_back(cohortsCutWarning(cohort_table));
  for (const CohortRow& row : cohort_table.rows) {
    cohorts.push_back({{"cohort", row.cohort},
                       {"customers", row.customers},
                       {"revenue", row.revenue},
                       {"clv", nullable(row.clv)},
                       {"retention", row.retention},
                       {"revenue_by_month", row.revenue_by_month}});
  }
  doc["cohorts"] = std::move(cohorts);
  const std::vector<std::string> channels = customerChannels(full, dataset.contacts);
  std::map<std::string, std::string> channel_of;
  for (std::size_t i = 0; i < channels.size(); ++i) {
    channel_of[full.customers[i].customer] = channels[i];
  }
  std::map<std::string, std::pair<double, std::size_t>> predicted;  // channel -> (sum, count)
  for (json& c : doc["customers"]) {
    const std::string& channel = channel_of[c["customer"].get<std::string>()];
    c["channel"] = channel;
    if (c["clv"].is_number()) {
      predicted[channel].first += c["clv"].get<double>();
      ++predicted[channel].second;
    }
  }
  json by_channel = json::array();
  for (const ChannelClv& row :
       clvByChannel(full, channels, dataset, options.margin, options.utc_offset_minutes)) {
    const auto& [sum, count] = predicted[row.channel];
    by_channel.push_back({{"channel", row.channel},
                          {"historical", historicalJson(row.historical)},
                          {"predicted_clv_mean", count > 0 ? json(sum / count) : json(nullptr)},
                          {"cost", row.cost},
                          {"new_customers", row.new_customers},
                          {"cac", nullable(row.cac)},
                          {"ltv_to_cac", nullable(row.ltv_to_cac)}});
  }
  doc["by_channel"] = std::move(by_channel);
}

}  // namespace

Result<json> analyse(const model::Dataset& dataset, const ClvOptions& options) {
  std::optional<RfmTable> table;
  std::vector<CustomerRow> rows;
  if (!dataset.transactions.empty()) {
    Result<RfmTable> built = buildRfm(
        dataset.transactions, {options.unit, options.calibration_end, options.utc_offset_minutes});
    if (!built) return built.error();
    table = std::move(built).value();
    rows = rowsFromTable(*table);
  } else if (!dataset.rfm.empty()) {
    Result<std::vector<CustomerRow>> read = rowsFromSummary(dataset.rfm);
    if (!read) return read.error();
    rows = std::move(read).value();
  } else {
    return Error{ErrorCode::kMissingInput,
                 "CLV needs transactions (orders, charges, won deals) or an RFM summary file",
                 "la CLV a besoin de transactions (commandes, paiements, affaires gagnées) ou d'un "
                 "fichier de synthèse RFM",
                 {}};
  }
  const ClvHorizon horizon{options.horizon_months, options.discount,
                           options.units_per_month.value_or(unitsPerMonth(options.unit))};
  Models models = fitModels(rows, options);
  json doc = std::move(models.document);
  doc["unit"] = timeUnitName(options.unit);
  doc["units_per_month"] = horizon.units_per_month;
  doc["horizon_months"] = horizon.months;
  doc["discount"] = horizon.monthly_discount;
  doc["source"] = table ? "transactions" : "rfm";
  json model_error = models.model_error;
  doc["customers"] = customersJson(rows, models, horizon, options.margin, model_error);
  doc["summary"] = summaryJson(doc["customers"], models, horizon);
  doc["historical"] = nullptr;
  doc["cohorts"] = json::array();
  doc["by_channel"] = json::array();
  if (table) {
    doc["observation_end"] = model::isoDate(table->observation_end);
    doc["rfm_rules"] = {{"purchase_records", table->purchase_records},
                        {"excluded_status", table->excluded_status},
                        {"excluded_full_refund", table->excluded_full_refund},
                        {"customers_after_calibration", table->customers_after_calibration},
                        {"currency", table->currency}};
    doc["holdout"] = table->has_holdout ? holdoutJson(*table, rows, models) : json(nullptr);
    if (!options.calibration_end) {
      addTransactionViews(doc, dataset, *table, options, models.warnings);
    } else {  // cannot fail: the same purchases were just summarised
      const Result<RfmTable> full =
          buildRfm(dataset.transactions, {options.unit, std::nullopt, options.utc_offset_minutes});
      if (!full) return full.error();
      addTransactionViews(doc, dataset, full.value(), options, models.warnings);
    }
  }
  doc["warnings"] = std::move(models.warnings);
  doc["model_error"] = std::move(model_error);
  return doc;
}

}  // namespace roilens::clv
