// KPIS.md §6: goals, the seed-000 reporting cadence and A/B tests.
#include <cmath>

#include "roilens/metrics/ab_test.hpp"
#include "roilens/metrics/catalogue.hpp"
#include "roilens/report/report_parts.hpp"

namespace roilens::report::detail {
namespace {

using nlohmann::json;

json periodJson(const metrics::Period& p) {
  return {{"start", model::isoDate(p.first)}, {"end", model::isoDate(p.last)}, {"label", p.label}};
}

struct Totals {
  double numerator = 0.0;
  double denominator = 0.0;
  std::optional<double> value;
  std::size_t count = 0;
};

// The KPI over one period and slice; a KPI with a breakdown gives one value per slice, so the
// operands are added up (a ratio of sums) and the value recomputed when there are several.
Totals evaluateSlice(metrics::Engine& engine, const metrics::KpiDefinition& k,
                     const metrics::Period& p, const metrics::DimensionFilter& filters) {
  Totals t;
  for (const auto& v : engine.evaluate(k, {p}, {}, filters)) {
    t.numerator += v.numerator.value_or(0.0);
    t.denominator += v.denominator.value_or(0.0);
    t.value = v.value;
    ++t.count;
  }
  if (t.count > 1 && k.combine == metrics::Combine::kRatio) {
    t.value = t.denominator != 0.0 ? std::optional<double>(t.numerator / t.denominator * k.scale)
                                   : std::nullopt;
  } else if (t.count > 1 && k.combine == metrics::Combine::kNumerator) {
    t.value = t.numerator;
  } else if (t.count > 1) {
    t.value = std::nullopt;  // other combinations cannot be re-added
  }
  return t;
}

std::string goalStatus(const metrics::KpiDefinition& k, const std::optional<double>& actual,
                       double target) {
  if (!actual) return "no_data";
  const bool achieved =
      k.polarity == metrics::Polarity::kUpIsBad ? *actual <= target : *actual >= target;
  return achieved ? "achieved" : "not_achieved";
}

}  // namespace

json goals(metrics::Engine& engine, const ReportOptions& o,
           const std::optional<metrics::Period>& range) {
  json out = json::array();
  for (const GoalSpec& g : o.goals) {
    const metrics::KpiDefinition& k = *metrics::findKpi(metrics::catalogue(), g.kpi);
    json entry = {{"kpi", g.kpi},       {"dimensions", json::object()},
                  {"period", g.period}, {"target", g.target},
                  {"actual", nullptr},  {"progress", nullptr}};
    for (const auto& [d, v] : g.dimensions)
      entry["dimensions"][std::string(metrics::dimensionName(d))] = v;
    std::vector<metrics::Dimension> dims;
    for (const auto& [d, v] : g.dimensions) dims.push_back(d);
    const auto period = g.period == "all" ? range : metrics::parsePeriodLabel(g.period);
    if (!engine.missingInputs(k).empty()) {
      entry["status"] = "missing_input";
    } else if (!metrics::Engine::supports(k, dims)) {
      entry["status"] = "not_applicable";
    } else if (!period) {
      entry["status"] = "no_data";
    } else {
      const Totals t = evaluateSlice(engine, k, *period, g.dimensions);
      entry["actual"] = numberJson(t.value);
      if (t.value && g.target != 0.0) entry["progress"] = numberJson(*t.value / g.target * 100.0);
      entry["status"] = goalStatus(k, t.value, g.target);
    }
    out.push_back(std::move(entry));
  }
  return out;
}

json abTests(metrics::Engine& engine, const ReportOptions& o,
             const std::optional<metrics::Period>& range) {
  json out = json::array();
  for (const AbTestSpec& t : o.ab_tests) {
    const metrics::KpiDefinition& k = *metrics::findKpi(metrics::catalogue(), t.kpi);
    json entry = {{"kpi", t.kpi}, {"dimension", metrics::dimensionName(t.dimension)}};
    if (!range || !engine.missingInputs(k).empty()) {
      entry["status"] = range ? "missing_input" : "no_data";
      out.push_back(std::move(entry));
      continue;
    }
    metrics::DimensionFilter fa = o.filters;
    metrics::DimensionFilter fb = o.filters;
    fa.emplace_back(t.dimension, t.a);
    fb.emplace_back(t.dimension, t.b);
    const Totals a = evaluateSlice(engine, k, *range, fa);
    const Totals b = evaluateSlice(engine, k, *range, fb);
    const auto variant = [](const std::string& name, const Totals& s) {
      return json{
          {"variant", name},
          {"conversions", numberJson(s.numerator)},
          {"trials", numberJson(s.denominator)},
          {"rate", numberJson(s.denominator > 0 ? std::optional<double>(s.numerator / s.denominator)
                                                : std::nullopt)}};
    };
    entry["period"] = range->label;
    entry["a"] = variant(t.a, a);
    entry["b"] = variant(t.b, b);
    const auto z =
        metrics::twoProportionZTest(a.numerator, a.denominator, b.numerator, b.denominator);
    entry["difference"] = z ? json(z->difference) : json(nullptr);
    entry["z"] = z ? json(z->z) : json(nullptr);
    entry["p_value"] = z ? json(z->p_value) : json(nullptr);
    entry["ci_95"] = z ? json::array({z->ci_low, z->ci_high}) : json(nullptr);
    entry["significant"] = z ? json(z->p_value < 0.05) : json(nullptr);
    const bool whole =
        a.numerator == std::floor(a.numerator) && a.denominator == std::floor(a.denominator) &&
        b.numerator == std::floor(b.numerator) && b.denominator == std::floor(b.denominator);
    const auto bayes =
        whole ? metrics::probabilityBBeatsA(std::lround(a.numerator), std::lround(a.denominator),
                                            std::lround(b.numerator), std::lround(b.denominator))
              : std::nullopt;
    entry["probability_b_beats_a"] = bayes ? json(*bayes) : json(nullptr);
    entry["status"] = z ? "ok" : "not_testable";
    out.push_back(std::move(entry));
  }
  return out;
}

std::vector<metrics::Period> cadencePeriods(
    const ReportOptions& o,
    const std::optional<std::pair<model::DayNumber, model::DayNumber>>& extent) {
  if (!o.cadence_start) return {};
  const model::DayNumber start = *o.cadence_start;
  // Until the requested end, else the last dated record, else one year of reports.
  model::DayNumber until = o.to     ? *o.to
                           : extent ? extent->second
                                    : metrics::addMonths(start, 12) - 1;
  if (until < start) until = start;
  return metrics::reportingCadence(start, until);
}

json cadence(const ReportOptions& o,
             const std::optional<std::pair<model::DayNumber, model::DayNumber>>& extent) {
  json out = json::array();
  for (const metrics::Period& p : cadencePeriods(o, extent)) out.push_back(periodJson(p));
  return out;
}

}  // namespace roilens::report::detail
