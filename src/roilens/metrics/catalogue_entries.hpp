#pragma once
// Builders shared by the catalogue_*.cpp files that list the KPIs of each KPIS.md section.
#include <string>
#include <vector>

#include "roilens/metrics/catalogue.hpp"
#include "roilens/metrics/measure_dimensions.hpp"

namespace roilens::metrics::detail {

using D = Dimension;

// What a KPI may offer: the dimensions both its operands' measure families carry
// (measure_dimensions.hpp).
inline constexpr DimensionSet kFunnelDims = kContactDims;
inline constexpr DimensionSet kVisitorLeadDims = kTrafficDims.intersect(kContactDims);
// Cost KPIs set costs against customers or sales, which have no cost category.
inline constexpr DimensionSet kCostDims = kCostRowDims.intersect(kContactDims);

KpiDefinition count(std::string id, int section, Text label, Text description, Text formula,
                    std::string measure, DimensionSet dims, std::string seed);
KpiDefinition sum(std::string id, int section, Text label, Text description, Text formula,
                  std::string measure, DimensionSet dims, std::string seed);
// A percentage: numerator / denominator × 100.
KpiDefinition rate(std::string id, int section, Text label, Text description, Text formula,
                   std::string numerator, std::string denominator, DimensionSet dims,
                   std::string seed, Polarity polarity = Polarity::kUpIsGood);
// A plain quotient (money per head, multiples): numerator / denominator.
KpiDefinition quotient(std::string id, int section, Text label, Text description, Text formula,
                       std::string numerator, std::string denominator, Unit unit, DimensionSet dims,
                       std::string seed, Polarity polarity = Polarity::kUpIsGood);
// Entries whose answer is not a value per period (rankings, steering, other modules).
KpiDefinition special(std::string id, int section, Text label, Text description, Text formula,
                      Output output, std::vector<std::string> needs, std::string seed,
                      Unit unit = Unit::kCount);
KpiDefinition withFamily(KpiDefinition k, std::string family);
KpiDefinition per(KpiDefinition k, Dimension d);
KpiDefinition where(KpiDefinition k, Dimension d, std::string value);
KpiDefinition asKind(KpiDefinition k, KpiKind kind);

void addFunnelEntries(KpiCatalogue& c);
void addRevenueEntries(KpiCatalogue& c);
void addCostEntries(KpiCatalogue& c);
void addEmailEntries(KpiCatalogue& c);
void addTrafficEntries(KpiCatalogue& c);
void addSteeringEntries(KpiCatalogue& c);

}  // namespace roilens::metrics::detail
