// Report options arrive as JSON from the page, Node or the command line: every bad value is an
// error naming the option, in English and French.
#include <cmath>

#include "roilens/metrics/catalogue.hpp"
#include "roilens/report/report.hpp"

namespace roilens::report {
namespace {

using nlohmann::json;

Error optionError(const std::string& option, const std::string& en, const std::string& fr) {
  return Error{ErrorCode::kInvalidArgument, "option '" + option + "': " + en,
               "option « " + option + " » : " + fr, Position{"report options", 0, option}};
}

Result<model::DayNumber> dateOption(const json& value, const std::string& name) {
  if (value.is_string()) {
    if (const auto day = metrics::parseIsoDate(value.get<std::string>())) return *day;
  }
  return optionError(name, "expected a date written YYYY-MM-DD (e.g. 2025-03-31)",
                     "date attendue au format AAAA-MM-JJ (par ex. 2025-03-31)");
}

Result<metrics::Dimension> dimensionOption(const json& value, const std::string& name) {
  if (value.is_string()) {
    if (const auto d = metrics::parseDimension(value.get<std::string>())) return *d;
  }
  return optionError(name,
                     "unknown dimension; use channel, source, campaign, landing_page, cta, device, "
                     "social_network, email, segment or category",
                     "dimension inconnue ; utilisez channel, source, campaign, landing_page, cta, "
                     "device, social_network, email, segment ou category");
}

Result<metrics::DimensionFilter> filterOption(const json& value, const std::string& name) {
  if (!value.is_object()) {
    return optionError(name, "expected an object {dimension: value}",
                       "objet {dimension: valeur} attendu");
  }
  metrics::DimensionFilter out;
  for (const auto& [key, v] : value.items()) {
    auto d = dimensionOption(json(key), name + "." + key);
    if (!d) return d.error();
    if (!v.is_string())
      return optionError(name + "." + key, "expected a text value", "valeur texte attendue");
    out.emplace_back(d.value(), v.get<std::string>());
  }
  return out;
}

bool isValueKpi(const std::string& id) {
  const metrics::KpiDefinition* k = metrics::findKpi(metrics::catalogue(), id);
  return k && k->output == metrics::Output::kValues;
}

Result<GoalSpec> goalOption(const json& g, const std::string& name) {
  if (!g.is_object())
    return optionError(name, "expected an object {kpi, dimensions, period, target}",
                       "objet {kpi, dimensions, period, target} attendu");
  GoalSpec out;
  if (!g.contains("kpi") || !g["kpi"].is_string() || !isValueKpi(g["kpi"].get<std::string>())) {
    return optionError(name + ".kpi", "expected the id of a KPI with values (see the catalogue)",
                       "identifiant d'un KPI à valeurs attendu (voir le catalogue)");
  }
  out.kpi = g["kpi"].get<std::string>();
  if (g.contains("dimensions")) {
    auto dims = filterOption(g["dimensions"], name + ".dimensions");
    if (!dims) return dims.error();
    out.dimensions = dims.value();
  }
  const std::string period = g.value("period", std::string());
  if (period != "all" && !metrics::parsePeriodLabel(period)) {
    return optionError(name + ".period",
                       "expected a period such as 2025-03, 2025-W09, 2025-Q1, 2025, all",
                       "période attendue, par ex. 2025-03, 2025-W09, 2025-Q1, 2025, all");
  }
  out.period = period;
  if (!g.contains("target") || !g["target"].is_number() ||
      !std::isfinite(g["target"].get<double>())) {
    return optionError(name + ".target", "expected a number", "nombre attendu");
  }
  out.target = g["target"].get<double>();
  return out;
}

Result<AbTestSpec> abTestOption(const json& t, const std::string& name) {
  if (!t.is_object())
    return optionError(name, "expected an object {kpi, dimension, a, b}",
                       "objet {kpi, dimension, a, b} attendu");
  AbTestSpec out;
  auto d = dimensionOption(t.value("dimension", json("landing_page")), name + ".dimension");
  if (!d) return d.error();
  out.dimension = d.value();
  out.kpi = t.value("kpi", std::string("conversion"));
  if (out.kpi == "conversion") {
    if (out.dimension == metrics::Dimension::kCta) {
      out.kpi = "cta_click_rate";
    } else if (out.dimension == metrics::Dimension::kLandingPage) {
      out.kpi = "form_fill_rate";
    } else {
      return optionError(name + ".kpi", "name the KPI to compare for this dimension",
                         "indiquez le KPI à comparer pour cette dimension");
    }
  }
  const metrics::KpiDefinition* k = metrics::findKpi(metrics::catalogue(), out.kpi);
  if (!k || k->combine != metrics::Combine::kRatio) {
    return optionError(name + ".kpi", "expected a rate KPI (conversions / trials)",
                       "KPI de taux attendu (conversions / essais)");
  }
  if (!t.contains("a") || !t["a"].is_string() || !t.contains("b") || !t["b"].is_string()) {
    return optionError(name, "variants a and b must be texts",
                       "les variantes a et b doivent être des textes");
  }
  out.a = t["a"].get<std::string>();
  out.b = t["b"].get<std::string>();
  return out;
}

Result<ExplainSpec> explainOption(const json& e) {
  if (!e.is_object() || !e.contains("kpi") || !e["kpi"].is_string() ||
      !isValueKpi(e["kpi"].get<std::string>())) {
    return optionError("explain", "expected {kpi, period, dimensions} naming a KPI with values",
                       "{kpi, period, dimensions} attendu, avec un KPI à valeurs");
  }
  ExplainSpec out;
  out.kpi = e["kpi"].get<std::string>();
  out.period = e.value("period", std::string("all"));
  if (out.period != "all" && !metrics::parsePeriodLabel(out.period)) {
    return optionError("explain.period", "expected a period such as 2025-03 or all",
                       "période attendue, par ex. 2025-03 ou all");
  }
  if (e.contains("dimensions")) {
    auto dims = filterOption(e["dimensions"], "explain.dimensions");
    if (!dims) return dims.error();
    out.dimensions = dims.value();
  }
  return out;
}

// Fills one option at a time; stops at the first error.
class OptionsParser {
 public:
  explicit OptionsParser(const json& in) : in_(in) {}

  Result<ReportOptions> run() {
    if (in_.is_null()) return out_;
    if (!in_.is_object())
      return optionError("options", "expected a JSON object", "objet JSON attendu");
    for (const auto step : {&OptionsParser::period, &OptionsParser::slice, &OptionsParser::kpis,
                            &OptionsParser::steering}) {
      if (auto e = (this->*step)()) return *e;
    }
    return out_;
  }

 private:
  std::optional<Error> period() {
    if (in_.contains("grain")) {
      const auto g = in_["grain"].is_string() ? metrics::parseGrain(in_["grain"].get<std::string>())
                                              : std::nullopt;
      if (!g || *g == metrics::Grain::kRange) {
        const std::string given = in_["grain"].dump(-1, ' ', false, json::error_handler_t::replace);
        return optionError("grain", given + " is not a grain; expected day, week, month, quarter, year, all or cadence",
                           given + " n'est pas un grain ; attendu : day, week, month, quarter, year, all ou cadence");
      }
      out_.grain = *g;
    }
    for (const char* name : {"from", "to", "cadence_start"}) {
      if (!in_.contains(name) || in_[name].is_null()) continue;
      auto day = dateOption(in_[name], name);
      if (!day) return day.error();
      (std::string(name) == "from" ? out_.from
       : std::string(name) == "to" ? out_.to
                                   : out_.cadence_start) = day.value();
    }
    if (out_.from && out_.to && *out_.to < *out_.from) {
      return optionError("to", "the end date is before the start date",
                         "la date de fin précède la date de début");
    }
    if (out_.grain == metrics::Grain::kCadence && !out_.cadence_start) {
      return optionError("cadence_start", "grain 'cadence' needs a start date",
                         "le grain « cadence » demande une date de début");
    }
    if (in_.contains("utc_offset_minutes")) {
      const json& v = in_["utc_offset_minutes"];
      if (!v.is_number_integer() || v.get<int>() < -840 || v.get<int>() > 840) {
        return optionError("utc_offset_minutes", "expected an integer between -840 and 840",
                           "entier entre -840 et 840 attendu");
      }
      out_.utc_offset_minutes = v.get<int>();
    }
    return std::nullopt;
  }

  std::optional<Error> slice() {
    if (in_.contains("by")) {
      if (!in_["by"].is_array())
        return optionError("by", "expected an array of dimensions",
                           "tableau de dimensions attendu");
      for (const json& d : in_["by"]) {
        auto dim = dimensionOption(d, "by");
        if (!dim) return dim.error();
        out_.by.push_back(dim.value());
      }
    }
    if (in_.contains("filters")) {
      auto f = filterOption(in_["filters"], "filters");
      if (!f) return f.error();
      out_.filters = f.value();
    }
    if (in_.contains("compare")) {
      if (!in_["compare"].is_boolean())
        return optionError("compare", "expected true or false", "true ou false attendu");
      out_.compare = in_["compare"].get<bool>();
    }
    return std::nullopt;
  }

  std::optional<Error> kpis() {
    if (!in_.contains("kpis")) return std::nullopt;
    if (!in_["kpis"].is_array())
      return optionError("kpis", "expected an array of KPI ids",
                         "tableau d'identifiants de KPI attendu");
    for (const json& k : in_["kpis"]) {
      if (!k.is_string() || !metrics::findKpi(metrics::catalogue(), k.get<std::string>())) {
        return optionError("kpis", "unknown KPI id " + k.dump(),
                           "identifiant de KPI inconnu " + k.dump());
      }
      out_.kpis.push_back(k.get<std::string>());
    }
    return std::nullopt;
  }

  std::optional<Error> steering() {
    for (const char* name : {"goals", "ab_tests"}) {
      if (!in_.contains(name)) continue;
      if (!in_[name].is_array()) return optionError(name, "expected an array", "tableau attendu");
      for (std::size_t i = 0; i < in_[name].size(); ++i) {
        const std::string item = std::string(name) + "[" + std::to_string(i) + "]";
        if (std::string(name) == "goals") {
          auto g = goalOption(in_[name][i], item);
          if (!g) return g.error();
          out_.goals.push_back(g.value());
        } else {
          auto t = abTestOption(in_[name][i], item);
          if (!t) return t.error();
          out_.ab_tests.push_back(t.value());
        }
      }
    }
    if (in_.contains("explain") && !in_["explain"].is_null()) {
      auto e = explainOption(in_["explain"]);
      if (!e) return e.error();
      out_.explain = e.value();
    }
    return std::nullopt;
  }

  const json& in_;
  ReportOptions out_;
};

json filterJson(const metrics::DimensionFilter& f) {
  json out = json::object();
  for (const auto& [d, v] : f) out[std::string(metrics::dimensionName(d))] = v;
  return out;
}

json dateJson(const std::optional<model::DayNumber>& d) {
  return d ? json(model::isoDate(*d)) : json(nullptr);
}

}  // namespace

Result<ReportOptions> parseReportOptions(const json& options) {
  return OptionsParser(options).run();
}

json toJson(const ReportOptions& o) {
  json by = json::array();
  for (const auto d : o.by) by.push_back(metrics::dimensionName(d));
  json goals = json::array();
  for (const auto& g : o.goals) {
    goals.push_back({{"kpi", g.kpi},
                     {"dimensions", filterJson(g.dimensions)},
                     {"period", g.period},
                     {"target", g.target}});
  }
  json tests = json::array();
  for (const auto& t : o.ab_tests) {
    tests.push_back({{"kpi", t.kpi},
                     {"dimension", metrics::dimensionName(t.dimension)},
                     {"a", t.a},
                     {"b", t.b}});
  }
  return {{"grain", o.grain ? json(metrics::grainName(*o.grain)) : json(nullptr)},
          {"from", dateJson(o.from)},
          {"to", dateJson(o.to)},
          {"by", by},
          {"filters", filterJson(o.filters)},
          {"utc_offset_minutes", o.utc_offset_minutes},
          {"kpis", o.kpis},
          {"goals", goals},
          {"cadence_start", dateJson(o.cadence_start)},
          {"ab_tests", tests},
          {"compare", o.compare},
          {"explain", o.explain ? json{{"kpi", o.explain->kpi},
                                       {"period", o.explain->period},
                                       {"dimensions", filterJson(o.explain->dimensions)}}
                                : json(nullptr)}};
}

}  // namespace roilens::report
