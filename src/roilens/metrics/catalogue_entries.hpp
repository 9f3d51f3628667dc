#pragma once
// Builders shared by the catalogue_*.cpp files that list the KPIs of each KPIS.md section.
#include <string>
#include <vector>

#include "roilens/metrics/catalogue.hpp"

namespace roilens::metrics::detail {

using D = Dimension;

// Dimension sets of the measure families (a KPI may only offer what both operands know).
inline constexpr DimensionSet kFunnelDims = {D::kChannel, D::kCampaign, D::kDevice, D::kSegment,
                                             D::kSocialNetwork};
inline constexpr DimensionSet kTrafficDims = {D::kChannel,     D::kSource, D::kCampaign,
                                              D::kLandingPage, D::kDevice, D::kSocialNetwork};
inline constexpr DimensionSet kVisitorLeadDims = {D::kChannel, D::kCampaign, D::kDevice,
                                                  D::kSocialNetwork};
inline constexpr DimensionSet kSaleDims = {D::kChannel, D::kSource,  D::kCampaign,
                                           D::kDevice,  D::kSegment, D::kSocialNetwork};
inline constexpr DimensionSet kCostDims = {D::kChannel, D::kCampaign, D::kDevice};
inline constexpr DimensionSet kEventDims = {D::kChannel, D::kSource, D::kCampaign, D::kLandingPage,
                                            D::kCta,     D::kDevice, D::kEmail,    D::kSegment};
inline constexpr DimensionSet kEmailDims = {D::kEmail, D::kCampaign};

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
