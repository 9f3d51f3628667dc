#include "roilens/metrics/catalogue.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "roilens/metrics/catalogue_entries.hpp"
#include "roilens/metrics/measure.hpp"

namespace roilens::metrics {
namespace {

constexpr std::array<std::string_view, 5> kKinds = {"count", "sum", "ratio", "derived",
                                                    "conversion"};
constexpr std::array<std::string_view, 5> kUnits = {"count", "percent", "currency", "days",
                                                    "ratio"};
constexpr std::array<std::string_view, 3> kPolarities = {"up_is_good", "up_is_bad", "neutral"};
constexpr std::array<std::string_view, 8> kOutputs = {
    "values", "ranking", "stage_velocity", "goals", "cadence", "ab_tests", "trends", "external"};
constexpr std::array<std::string_view, 7> kTables = {
    "contacts", "touchpoints", "traffic", "transactions", "costs", "emails", "paths"};

bool isIdentifier(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool usesKpiOperands(const KpiDefinition& k) { return k.combine == Combine::kKpiRatio; }

// Dimensions an operand (a measure, or a KPI for KPI ratios) can be sliced by.
std::optional<DimensionSet> operandDimensions(const std::string& id, bool is_kpi,
                                              const KpiCatalogue& cat) {
  if (is_kpi) {
    const KpiDefinition* k = findKpi(cat, id);
    if (!k || k->output != Output::kValues || usesKpiOperands(*k)) return std::nullopt;
    return k->dimensions;
  }
  const MeasureDefinition* m = findMeasure(id);
  if (!m) return std::nullopt;
  return m->dimensions;
}

class Validator {
 public:
  explicit Validator(const KpiCatalogue& cat) : cat_(cat) {}

  std::vector<CatalogueIssue> run() {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < cat_.size(); ++i) {
      const KpiDefinition& k = cat_[i];
      name_ = k.id.empty() ? "#" + std::to_string(i) : k.id;
      if (!isIdentifier(k.id)) fail("id must be lower-case letters, digits and underscores");
      if (!seen.insert(k.id).second) fail("duplicate id");
      if (!k.family.empty() && !isIdentifier(k.family)) fail("family must be an identifier");
      checkTexts(k);
      checkScale(k);
      if (k.output == Output::kValues) {
        checkOperands(k);
      } else {
        checkSpecial(k);
      }
    }
    return std::move(issues_);
  }

 private:
  void fail(std::string message) { issues_.push_back({name_, std::move(message)}); }

  void checkTexts(const KpiDefinition& k) {
    if (k.section < 1 || k.section > 6) fail("section must be 1..6 (KPIS.md)");
    for (const Text* t : {&k.label, &k.description, &k.formula}) {
      if (t->en.empty() || t->fr.empty())
        fail("label, description and formula need English and French");
    }
    if (k.seed.empty()) fail("seed is missing");
  }

  void checkScale(const KpiDefinition& k) {
    if (k.scale != 1.0 && k.scale != 100.0) fail("scale must be 1 or 100");
    if ((k.unit == Unit::kPercent) != (k.scale == 100.0) && k.output == Output::kValues) {
      fail("a percent has scale 100 and only a percent has");
    }
  }

  void checkOperands(const KpiDefinition& k) {
    const bool single = k.combine == Combine::kNumerator;
    if (single != (k.kind == KpiKind::kCount || k.kind == KpiKind::kSum)) {
      fail("count and sum KPIs use a numerator only; ratio, derived and conversion KPIs divide");
    }
    if (k.kind == KpiKind::kCount && k.unit != Unit::kCount) fail("a count has unit count");
    const auto num = operandDimensions(k.numerator, usesKpiOperands(k), cat_);
    if (!num)
      fail("numerator '" + k.numerator + "' is not a known " +
           (usesKpiOperands(k) ? "KPI" : "measure"));
    DimensionSet allowed = num.value_or(DimensionSet{});
    bool operands_known = num.has_value();  // dimensions are only checked against known operands
    if (single) {
      if (!k.denominator.empty()) fail("a count or sum has no denominator");
    } else {
      const auto den = operandDimensions(k.denominator, usesKpiOperands(k), cat_);
      if (!den)
        fail("denominator '" + k.denominator + "' is not a known " +
             (usesKpiOperands(k) ? "KPI" : "measure"));
      allowed = allowed.intersect(den.value_or(DimensionSet{}));
      operands_known = operands_known && den.has_value();
    }
    DimensionSet used = k.dimensions;
    for (const Dimension d : k.breakdown) used = used.unite({d});
    for (const auto& [d, value] : k.where) used = used.unite({d});
    if (operands_known && !allowed.containsAll(used))
      fail("offers a dimension its numerator or denominator does not know");
  }

  void checkSpecial(const KpiDefinition& k) {
    for (const std::string& table : k.needs) {
      if (std::find(kTables.begin(), kTables.end(), table) == kTables.end()) {
        fail("needs an unknown table '" + table + "'");
      }
    }
    if (k.output == Output::kExternal && k.provider.empty())
      fail("an external KPI names its provider module");
    if (!k.numerator.empty() || !k.denominator.empty()) fail("only value KPIs have operands");
  }

  const KpiCatalogue& cat_;
  std::string name_;
  std::vector<CatalogueIssue> issues_;
};

void addMeasureTables(const std::string& measure, std::vector<std::string>& out) {
  if (const MeasureDefinition* m = findMeasure(measure)) {
    for (const std::string_view t : {m->table, m->also_table}) {
      if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.emplace_back(t);
    }
  }
}

nlohmann::json textJson(const Text& t) { return {{"en", t.en}, {"fr", t.fr}}; }

}  // namespace

const KpiCatalogue& catalogue() {
  static const KpiCatalogue entries = [] {
    KpiCatalogue c;
    detail::addFunnelEntries(c);
    detail::addRevenueEntries(c);
    detail::addCostEntries(c);
    detail::addEmailEntries(c);
    detail::addTrafficEntries(c);
    detail::addSteeringEntries(c);
    return c;
  }();
  return entries;
}

const KpiDefinition* findKpi(const KpiCatalogue& cat, std::string_view id) {
  for (const KpiDefinition& k : cat) {
    if (k.id == id) return &k;
  }
  return nullptr;
}

std::vector<CatalogueIssue> validate(const KpiCatalogue& cat) { return Validator(cat).run(); }

std::vector<std::string> needsOf(const KpiDefinition& kpi, const KpiCatalogue& cat) {
  std::vector<std::string> out = kpi.needs;
  if (kpi.combine == Combine::kKpiRatio) {
    for (const std::string* id : {&kpi.numerator, &kpi.denominator}) {
      if (const KpiDefinition* k = findKpi(cat, *id)) {
        for (const std::string& t : needsOf(*k, cat)) {
          if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
        }
      }
    }
    return out;
  }
  addMeasureTables(kpi.numerator, out);
  addMeasureTables(kpi.denominator, out);
  return out;
}

std::string_view kindName(KpiKind k) { return kKinds[static_cast<std::size_t>(k)]; }
std::string_view unitName(Unit u) { return kUnits[static_cast<std::size_t>(u)]; }
std::string_view polarityName(Polarity p) { return kPolarities[static_cast<std::size_t>(p)]; }
std::string_view outputName(Output o) { return kOutputs[static_cast<std::size_t>(o)]; }

Text sectionTitle(int section) {
  static const std::array<Text, 6> kTitles = {
      Text{"Funnel and conversion", "Entonnoir et conversion"},
      Text{"Revenue", "Chiffre d'affaires"},
      Text{"Cost, CAC, CLV, ROI", "Coûts, CAC, CLV, ROI"},
      Text{"Email and nurturing", "E-mail et nurturing"},
      Text{"Traffic", "Trafic"},
      Text{"Steering", "Pilotage"}};
  if (section < 1 || section > 6) return {};
  return kTitles[static_cast<std::size_t>(section - 1)];
}

nlohmann::json toJson(const KpiDefinition& k, const KpiCatalogue& cat) {
  nlohmann::json dims = nlohmann::json::array();
  for (std::size_t i = 0; i < kDimensionCount; ++i) {
    if (k.dimensions.contains(static_cast<Dimension>(i)))
      dims.push_back(dimensionName(static_cast<Dimension>(i)));
  }
  nlohmann::json breakdown = nlohmann::json::array();
  for (const Dimension d : k.breakdown) breakdown.push_back(dimensionName(d));
  nlohmann::json where = nlohmann::json::object();
  for (const auto& [d, value] : k.where) where[std::string(dimensionName(d))] = value;
  const Text title = sectionTitle(k.section);
  return {
      {"id", k.id},
      {"section", k.section},
      {"section_title", textJson(title)},
      {"family", k.family.empty() ? nlohmann::json(nullptr) : nlohmann::json(k.family)},
      {"label", textJson(k.label)},
      {"description", textJson(k.description)},
      {"formula", textJson(k.formula)},
      {"kind", kindName(k.kind)},
      {"numerator", k.numerator.empty() ? nlohmann::json(nullptr) : nlohmann::json(k.numerator)},
      {"denominator",
       k.denominator.empty() ? nlohmann::json(nullptr) : nlohmann::json(k.denominator)},
      {"operands", k.combine == Combine::kKpiRatio ? "kpis" : "measures"},
      {"scale", static_cast<int>(k.scale)},
      {"unit", unitName(k.unit)},
      {"polarity", polarityName(k.polarity)},
      {"dimensions", dims},
      {"breakdown", breakdown},
      {"filter", where},
      {"seed", k.seed},
      {"output", outputName(k.output)},
      {"provider", k.provider.empty() ? nlohmann::json(nullptr) : nlohmann::json(k.provider)},
      {"needs", needsOf(k, cat)}};
}

nlohmann::json catalogueJson() {
  nlohmann::json out = nlohmann::json::array();
  for (const KpiDefinition& k : catalogue()) out.push_back(toJson(k, catalogue()));
  return out;
}

}  // namespace roilens::metrics
