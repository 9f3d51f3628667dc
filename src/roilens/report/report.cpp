#include "roilens/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "roilens/attribution/inputs.hpp"
#include "roilens/metrics/catalogue.hpp"
#include "roilens/metrics/stage_velocity.hpp"
#include "roilens/report/report_parts.hpp"

namespace roilens::report {
namespace {

using metrics::KpiDefinition;
using metrics::Period;
using nlohmann::json;

struct TableHelp {
  const char* table;
  const char* en;
  const char* fr;
};
constexpr TableHelp kTableHelp[] = {
    {"contacts", "a CRM contacts export (HubSpot, Mautic, Salesforce...)",
     "un export de contacts CRM (HubSpot, Mautic, Salesforce…)"},
    {"touchpoints", "an activity export (visits, forms, CTA and campaign events)",
     "un export d'activité (visites, formulaires, CTA, événements de campagne)"},
    {"traffic", "a web-analytics export (GA4, Matomo, Universal Analytics)",
     "un export d'audience web (GA4, Matomo, Universal Analytics)"},
    {"transactions", "deals or orders (HubSpot deals, Shopify, WooCommerce, Stripe)",
     "des transactions ou commandes (transactions HubSpot, Shopify, WooCommerce, Stripe)"},
    {"costs", "ad spend or a cost file (Google Ads, Meta Ads, LinkedIn, manual costs)",
     "des dépenses (Google Ads, Meta Ads, LinkedIn, fichier de coûts)"},
    {"emails", "e-mail campaign statistics (Mailchimp, Brevo, Mautic)",
     "des statistiques de campagnes e-mail (Mailchimp, Brevo, Mautic)"},
    {"paths", "path-aggregated journeys (ChannelAttribution format)",
     "des parcours agrégés (format ChannelAttribution)"},
};

// "Required data: CTA clicks, CTA views — add an activity export (...)", one clause per table.
json missingEntry(const KpiDefinition& k, const std::vector<metrics::MissingInput>& missing) {
  std::vector<std::string> tables;
  for (const metrics::MissingInput& m : missing) {
    if (std::find(tables.begin(), tables.end(), m.table) == tables.end()) tables.push_back(m.table);
  }
  std::string en = "Required data: ";
  std::string fr = "Données requises : ";
  for (std::size_t t = 0; t < tables.size(); ++t) {
    std::string what_en;
    std::string what_fr;
    for (const metrics::MissingInput& m : missing) {
      if (m.table != tables[t]) continue;
      what_en += (what_en.empty() ? "" : ", ") + m.what_en;
      what_fr += (what_fr.empty() ? "" : ", ") + m.what_fr;
    }
    std::string help_en = tables[t];
    std::string help_fr = tables[t];
    for (const TableHelp& h : kTableHelp) {
      if (tables[t] == h.table) {
        help_en = h.en;
        help_fr = h.fr;
      }
    }
    en += (t ? "; " : "") + what_en + " — add " + help_en;
    fr += (t ? " ; " : "") + what_fr + " — ajoutez " + help_fr;
  }
  return {{"kpi", k.id}, {"needs", tables}, {"message", detail::textJson(en + ".", fr + ".")}};
}

std::set<std::string> currencies(const model::Dataset& data) {
  std::set<std::string> out;
  for (const auto& t : data.transactions) {
    if (!t.currency.empty()) out.insert(t.currency);
  }
  for (const auto& c : data.costs) {
    if (!c.currency.empty()) out.insert(c.currency);
  }
  return out;
}

// The periods of the report and the range they span.
std::vector<Period> reportPeriods(
    const ReportOptions& o,
    const std::optional<std::pair<model::DayNumber, model::DayNumber>>& extent) {
  if (o.grain == metrics::Grain::kCadence) return detail::cadencePeriods(o, extent);
  if (!o.from && !o.to && !extent) return {};
  const model::DayNumber first = o.from ? *o.from : extent ? extent->first : *o.to;
  const model::DayNumber last = o.to ? *o.to : extent ? extent->second : *o.from;
  if (last < first) return {};
  const bool custom = o.from || o.to;
  const metrics::Grain grain =
      o.grain.value_or(custom ? metrics::Grain::kRange : metrics::Grain::kMonth);
  return metrics::periodsCovering(grain, first, last, /*clip=*/custom);
}

bool sortedDisjoint(const std::vector<Period>& p) {
  for (std::size_t i = 1; i < p.size(); ++i) {
    if (p[i].first <= p[i - 1].last) return false;
  }
  return true;
}

constexpr std::size_t kMaxPeriods = 5000;  // e.g. 13 years of days, 96 years of weeks

using ValueMap = std::map<std::pair<std::size_t, metrics::DimensionKey>, std::optional<double>>;

// Values of the same KPI and slices over shifted periods (previous, year before), keyed by the
// index of the report period they compare with.
ValueMap shiftedValues(metrics::Engine& engine, const KpiDefinition& k,
                       const std::vector<Period>& periods,
                       std::optional<Period> (*shift)(const Period&),
                       const std::vector<metrics::Dimension>& by,
                       const metrics::DimensionFilter& filters,
                       std::optional<model::DayNumber> data_start) {
  std::vector<Period> shifted;
  std::vector<std::size_t> index;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    // A period wholly before the first dated record has no value (null), not a count of 0.
    const auto s = shift(periods[i]);
    if (s && (!data_start || s->last >= *data_start)) {
      shifted.push_back(*s);
      index.push_back(i);
    }
  }
  ValueMap out;
  const auto collect = [&](const std::vector<Period>& list, const std::vector<std::size_t>& idx) {
    for (const auto& v : engine.evaluate(k, list, by, filters))
      out[{idx[v.period], v.dimensions}] = v.value;
  };
  if (sortedDisjoint(shifted)) {
    collect(shifted, index);
  } else {
    for (std::size_t i = 0; i < shifted.size(); ++i) collect({shifted[i]}, {index[i]});
  }
  return out;
}

json change(const std::optional<double>& value, const std::optional<double>& before) {
  if (!value || !before || *before == 0.0) return nullptr;
  return (*value - *before) / std::fabs(*before) * 100.0;
}

struct Sections {
  json values = json::array();
  json missing = json::array();
  json not_applicable = json::array();
  json trends = json::array();
  json external = json::array();
};

class ReportBuilder {
 public:
  ReportBuilder(const model::Dataset& data, const ReportOptions& o)
      : data_(data), o_(o), engine_(data, o.utc_offset_minutes) {}

  json build() {
    extent_ = engine_.dataExtent();
    periods_ = reportPeriods(o_, extent_);
    if (periods_.size() > kMaxPeriods) return tooManyPeriods();
    if (!periods_.empty())
      range_ = metrics::customRange(periods_.front().first, periods_.back().last);
    mixed_currencies_ = currencies(data_).size() > 1;
    for (const KpiDefinition& k : metrics::catalogue()) {
      if (o_.kpis.empty() || std::find(o_.kpis.begin(), o_.kpis.end(), k.id) != o_.kpis.end())
        addKpi(k);
    }
    if (!o_.by.empty()) fillZeroCounts();
    json periods = json::array();
    for (const Period& p : periods_) {
      periods.push_back({{"label", p.label},
                         {"start", model::isoDate(p.first)},
                         {"end", model::isoDate(p.last)},
                         {"grain", metrics::grainName(p.grain)}});
    }
    const bool want_rankings = wanted("top_entry_pages") || wanted("pages_to_fix");
    return {{"schema_version", kSchemaVersion},
            {"options", toJson(o_)},
            {"periods", periods},
            {"values", s_.values},
            {"missing_inputs", s_.missing},
            {"not_applicable", s_.not_applicable},
            {"external", s_.external},
            {"rankings", want_rankings && range_ && detail::hasLandingPageTraffic(data_)
                             ? detail::rankings(engine_, *range_, o_.filters)
                             : json{{"top_entry_pages", json::array()},
                                    {"top_blog_posts", json::array()},
                                    {"pages_to_fix", json::array()}}},
            {"stage_velocity", velocity_},
            {"goals", detail::goals(engine_, o_, range_)},
            {"cadence", detail::cadence(o_, extent_)},
            {"trends", s_.trends},
            {"ab_tests", detail::abTests(engine_, o_, range_)},
            {"visitors_basis", visitorsBasis()},
            {"currencies", currencies(data_)},
            {"explain", explain()}};
  }

 private:
  static constexpr std::size_t kExplainLimit = 1000;

  // The records behind the value the user asked to trace (options.explain).
  json explain() {
    if (!o_.explain) return nullptr;
    const ExplainSpec& e = *o_.explain;
    const auto period = e.period == "all" ? range_ : metrics::parsePeriodLabel(e.period);
    json records = json::array();
    if (period) {
      const auto& kpi = *metrics::findKpi(metrics::catalogue(), e.kpi);
      for (const auto& r : engine_.feedingRecords(kpi, *period, e.dimensions, kExplainLimit + 1)) {
        records.push_back({{"measure", r.measure},
                           {"file", r.origin ? json(r.origin->source_file) : json(nullptr)},
                           {"line", r.origin ? json(r.origin->source_row) : json(nullptr)},
                           {"amount", detail::numberJson(r.amount)}});
      }
    }
    const bool truncated = records.size() > kExplainLimit;
    if (truncated) records.erase(records.size() - 1);
    json dims = json::object();
    for (const auto& [d, v] : e.dimensions) dims[std::string(metrics::dimensionName(d))] = v;
    return {{"kpi", e.kpi},
            {"period", e.period},
            {"dimensions", dims},
            {"records", records},
            {"truncated", truncated}};
  }

  // A daily report over decades (or a stray year-1900 date) would take minutes and gigabytes:
  // refuse it with a message rather than hang the page.
  json tooManyPeriods() const {
    const std::string n = std::to_string(periods_.size());
    const std::string max = std::to_string(kMaxPeriods);
    return {{"schema_version", kSchemaVersion},
            {"options", toJson(o_)},
            {"error",
             {{"code", "invalid_argument"},
              {"message",
               detail::textJson("The range holds " + n + " periods (more than " + max +
                                    "): choose a coarser grain or a shorter range (from/to).",
                                "La plage contient " + n + " périodes (plus de " + max +
                                    ") : choisissez un grain plus large ou une plage plus courte "
                                    "(from/to).")}}},
            {"periods", json::array()},
            {"values", json::array()},
            {"missing_inputs", json::array()}};
  }

  // Null without traffic: visitors are then a missing input, not counted either way.
  json visitorsBasis() const {
    if (data_.traffic.empty()) return nullptr;
    return engine_.visitorsBasis() == metrics::VisitorsBasis::kUsers ? "users" : "sessions";
  }

  bool wanted(const std::string& id) const {
    return o_.kpis.empty() || std::find(o_.kpis.begin(), o_.kpis.end(), id) != o_.kpis.end();
  }

  void addKpi(const KpiDefinition& k) {
    switch (k.output) {
      case metrics::Output::kValues:
        return addValues(k);
      case metrics::Output::kRanking:
        if (!detail::hasLandingPageTraffic(data_)) {
          s_.missing.push_back(missingEntry(
              k, {{"traffic", "traffic rows per landing page", "du trafic par landing page"}}));
        }
        return;
      case metrics::Output::kStageVelocity:
        return addVelocity(k);
      case metrics::Output::kExternal:
        return addExternal(k);
      default:
        return;  // goals, cadence, A/B tests and trends have their own sections
    }
  }

  void addExternal(const KpiDefinition& k) {
    const std::vector<metrics::MissingInput> missing = externalGaps(k);
    if (!missing.empty()) {
      s_.missing.push_back(missingEntry(k, missing));
      return;
    }
    s_.external.push_back({{"kpi", k.id}, {"provider", k.provider}});
  }

  // Attributed revenue: what the attribution module itself says it lacks (journeys and
  // purchases, or paths). Other external KPIs: any table of their `needs`.
  std::vector<metrics::MissingInput> externalGaps(const KpiDefinition& k) const {
    std::vector<metrics::MissingInput> missing;
    if (k.id == "attributed_revenue") {
      for (attribution::InputGap& g : attribution::attributedRevenueGaps(data_)) {
        missing.push_back({std::move(g.table), std::move(g.what_en), std::move(g.what_fr)});
      }
      return missing;
    }
    const bool any = std::any_of(k.needs.begin(), k.needs.end(), [&](const std::string& t) {
      return (t == "touchpoints" && !data_.touchpoints.empty()) ||
             (t == "paths" && !data_.paths.empty()) ||
             (t == "transactions" && !data_.transactions.empty());
    });
    if (!any) {
      for (const std::string& t : k.needs) missing.push_back({t, "records", "des enregistrements"});
    }
    return missing;
  }

  void addVelocity(const KpiDefinition& k) {
    if (data_.contacts.empty()) {
      s_.missing.push_back(missingEntry(
          k, {{"contacts", "contacts with stage dates", "des contacts avec dates d'étapes"}}));
      return;
    }
    const bool by_ok = metrics::Engine::supports(k, o_.by);
    for (const auto& by : by_ok && !o_.by.empty()
                              ? std::vector<std::vector<metrics::Dimension>>{{}, o_.by}
                              : std::vector<std::vector<metrics::Dimension>>{{}}) {
      for (const auto& v :
           metrics::stageVelocity(data_, periods_, by, o_.filters, o_.utc_offset_minutes)) {
        velocity_.push_back({{"from", metrics::stageName(v.step.from)},
                             {"to", metrics::stageName(v.step.to)},
                             {"period", periods_[v.period].label},
                             {"dimensions", detail::dimensionsJson(v.dimensions)},
                             {"contacts", v.contacts},
                             {"mean_days", detail::numberJson(v.mean_days)},
                             {"median_days", detail::numberJson(v.median_days)}});
      }
    }
  }

  void addValues(const KpiDefinition& k) {
    const auto missing = engine_.missingInputs(k);
    if (!missing.empty()) {
      s_.missing.push_back(missingEntry(k, missing));
      return;
    }
    if (mixed_currencies_ && engine_.usesMoney(k)) {
      s_.missing.push_back(missingEntry(
          k, {{"transactions",
               "amounts in a single currency (the files mix several; give an exchange rate)",
               "des montants dans une seule devise (les fichiers en mélangent plusieurs ; donnez "
               "un taux de change)"}}));
      return;
    }
    std::vector<metrics::Dimension> filter_dims;
    for (const auto& [d, v] : o_.filters) filter_dims.push_back(d);
    if (!metrics::Engine::supports(k, filter_dims)) {
      s_.not_applicable.push_back({{"kpi", k.id}, {"reason", "filters"}});
      return;
    }
    addSlices(k, {});
    // A KPI already broken down by every requested dimension (cac_by_channel --by channel) has
    // its slices once.
    if (o_.by.empty() || metrics::groupDimensions(k, o_.by) == metrics::groupDimensions(k, {}))
      return;
    if (metrics::Engine::supports(k, o_.by)) {
      addSlices(k, o_.by);
    } else {
      s_.not_applicable.push_back({{"kpi", k.id}, {"reason", "by"}});
    }
  }

  // A slice that any KPI of the report shows (channel = Direct) is shown by every count broken
  // down the same way: "0 SQLs from Direct in January" rather than a hole in the table.
  void fillZeroCounts() {
    std::set<std::string> by_names;
    for (const metrics::Dimension d : o_.by) by_names.insert(std::string(metrics::dimensionName(d)));
    const auto broken_down_by_all = [&](const json& dims) {
      if (dims.size() != by_names.size()) return false;
      for (const auto& [name, value] : dims.items()) {
        if (!by_names.count(name)) return false;
      }
      return true;
    };
    std::set<std::string> slices;
    std::map<std::string, std::set<std::pair<std::string, std::string>>> shown;  // kpi → period, slice
    for (const json& v : s_.values) {
      if (!broken_down_by_all(v["dimensions"])) continue;
      const std::string slice = v["dimensions"].dump();
      slices.insert(slice);
      shown[v["kpi"].get<std::string>()].insert({v["period"].get<std::string>(), slice});
    }
    for (const KpiDefinition& k : metrics::catalogue()) {
      const auto it = shown.find(k.id);
      if (k.kind != metrics::KpiKind::kCount || it == shown.end()) continue;
      for (const Period& p : periods_) {
        for (const std::string& slice : slices) {
          if (it->second.count({p.label, slice})) continue;
          s_.values.push_back({{"kpi", k.id}, {"period", p.label},
                               {"dimensions", json::parse(slice)}, {"value", 0},
                               {"numerator", 0}, {"denominator", nullptr},
                               {"inputs", json::array()}, {"estimated", false}});
        }
      }
    }
  }

  std::optional<model::DayNumber> dataStart() const {
    return extent_ ? std::optional(extent_->first) : std::nullopt;
  }

  void addSlices(const KpiDefinition& k, const std::vector<metrics::Dimension>& by) {
    const auto values = engine_.evaluate(k, periods_, by, o_.filters);
    for (const auto& v : values) {
      s_.values.push_back({{"kpi", k.id},
                           {"period", periods_[v.period].label},
                           {"dimensions", detail::dimensionsJson(v.dimensions)},
                           {"value", detail::numberJson(v.value)},
                           {"numerator", detail::numberJson(v.numerator)},
                           {"denominator", detail::numberJson(v.denominator)},
                           {"inputs", v.inputs},
                           {"estimated", v.estimated}});
    }
    if (!o_.compare) return;
    const ValueMap previous =
        shiftedValues(engine_, k, periods_, metrics::previousPeriod, by, o_.filters, dataStart());
    const ValueMap year_before =
        shiftedValues(engine_, k, periods_, metrics::yearBeforePeriod, by, o_.filters, dataStart());
    for (const auto& v : values) {
      const auto key = std::make_pair(v.period, v.dimensions);
      const auto p = previous.count(key) ? previous.at(key) : std::nullopt;
      const auto y = year_before.count(key) ? year_before.at(key) : std::nullopt;
      s_.trends.push_back({{"kpi", k.id},
                           {"period", periods_[v.period].label},
                           {"dimensions", detail::dimensionsJson(v.dimensions)},
                           {"value", detail::numberJson(v.value)},
                           {"previous", detail::numberJson(p)},
                           {"previous_change", change(v.value, p)},
                           {"year_before", detail::numberJson(y)},
                           {"year_before_change", change(v.value, y)}});
    }
  }

  const model::Dataset& data_;
  const ReportOptions& o_;
  metrics::Engine engine_;
  std::optional<std::pair<model::DayNumber, model::DayNumber>> extent_;
  std::vector<Period> periods_;
  std::optional<Period> range_;
  bool mixed_currencies_ = false;
  Sections s_;
  json velocity_ = json::array();
};

}  // namespace

namespace detail {

json numberJson(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  if (std::fabs(*v) < 1e15 && *v == std::floor(*v)) return static_cast<std::int64_t>(*v);
  return *v;
}

json dimensionsJson(const metrics::DimensionKey& key) {
  json out = json::object();
  for (const auto& [d, v] : key) out[std::string(metrics::dimensionName(d))] = v;
  return out;
}

json textJson(const std::string& en, const std::string& fr) { return {{"en", en}, {"fr", fr}}; }

}  // namespace detail

json buildReport(const model::Dataset& data, const ReportOptions& options) {
  return ReportBuilder(data, options).build();
}

}  // namespace roilens::report
