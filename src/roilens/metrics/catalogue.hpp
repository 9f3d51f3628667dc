#pragma once
// The declarative KPI catalogue (KPIS.md): one entry per KPI, the only place a KPI is defined.
// The engine evaluates entries; the page renders labels, formulas and formats from catalogueJson().
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "roilens/metrics/dimension.hpp"

namespace roilens::metrics {

enum class KpiKind { kCount, kSum, kRatio, kDerived, kConversion };
enum class Unit { kCount, kPercent, kCurrency, kDays, kRatio };
enum class Polarity { kUpIsGood, kUpIsBad, kNeutral };

// How the value is made from the operands.
enum class Combine {
  kNumerator,     // count/sum: the numerator measure alone
  kRatio,         // numerator / denominator × scale (ratio of sums)
  kReturn,        // (numerator − denominator) / denominator × scale (ROI)
  kKpiRatio,      // KPI / KPI (numerator and denominator name KPIs, e.g. ltv_to_cac)
  kMonthlyRatio,  // numerator / denominator / months in the period
};

// Where the KPI's answer lives in the report.
enum class Output {
  kValues,         // "values": one value per period × slice
  kRanking,        // "rankings"
  kStageVelocity,  // "stage_velocity"
  kGoals,          // "goals"
  kCadence,        // "cadence"
  kAbTests,        // "ab_tests"
  kTrends,         // "trends"
  kExternal,       // supplied by another module (attribution)
};

struct Text {
  std::string en;
  std::string fr;
};

struct KpiDefinition {
  std::string id;
  int section = 1;     // KPIS.md section 1..6
  std::string family;  // groups sub-ids (social_kpis, mobile_kpis, clv, ...); empty if none
  Text label;
  Text description;
  Text formula;
  KpiKind kind = KpiKind::kCount;
  std::string numerator;    // measure id (KPI id for kKpiRatio)
  std::string denominator;  // measure id (KPI id for kKpiRatio), empty for counts and sums
  Combine combine = Combine::kNumerator;
  double scale = 1.0;
  Unit unit = Unit::kCount;
  Polarity polarity = Polarity::kUpIsGood;
  DimensionSet dimensions;                               // breakdowns a user may ask for
  std::vector<Dimension> breakdown;                      // always applied (per CTA, per LP...)
  std::vector<std::pair<Dimension, std::string>> where;  // built-in filter (device = mobile)
  std::string seed;
  Output output = Output::kValues;
  std::vector<std::string> needs;  // model tables, for entries that read no measure
  std::string provider;            // module that supplies an external KPI
};

using KpiCatalogue = std::vector<KpiDefinition>;

// The catalogue, validated at first use (an invalid built-in catalogue is a programming error).
const KpiCatalogue& catalogue();
const KpiDefinition* findKpi(const KpiCatalogue& cat, std::string_view id);

struct CatalogueIssue {
  std::string kpi;  // the faulty entry's id (or its index when the id is empty)
  std::string message;
};

// Checks ids, texts, operands, scales, units and dimensions; one issue per problem found.
std::vector<CatalogueIssue> validate(const KpiCatalogue& cat);

// Model tables a KPI reads (its measures' tables plus its declared needs).
std::vector<std::string> needsOf(const KpiDefinition& kpi, const KpiCatalogue& cat);

std::string_view kindName(KpiKind k);
std::string_view unitName(Unit u);
std::string_view polarityName(Polarity p);
std::string_view outputName(Output o);
Text sectionTitle(int section);

nlohmann::json catalogueJson();
nlohmann::json toJson(const KpiDefinition& kpi, const KpiCatalogue& cat);

}  // namespace roilens::metrics
