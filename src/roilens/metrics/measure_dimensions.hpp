#pragma once
// The dimensions each family of measures carries on its facts, defined once: measures_*.cpp
// declare their measures with them, and the catalogue offers a KPI only the dimensions its
// operands share (catalogue_entries.hpp derives those sets from these).
#include "roilens/metrics/dimension.hpp"

namespace roilens::metrics::detail {

inline constexpr DimensionSet kContactDims = {Dimension::kChannel, Dimension::kCampaign,
                                              Dimension::kDevice, Dimension::kSegment,
                                              Dimension::kSocialNetwork};
inline constexpr DimensionSet kTrafficDims = {Dimension::kChannel,  Dimension::kSource,
                                              Dimension::kCampaign, Dimension::kLandingPage,
                                              Dimension::kDevice,   Dimension::kSocialNetwork};
inline constexpr DimensionSet kSaleDims = {Dimension::kChannel,  Dimension::kSource,
                                           Dimension::kCampaign, Dimension::kDevice,
                                           Dimension::kSegment,  Dimension::kSocialNetwork};
// No "source": a cost's platform (google_ads) is not a sale's UTM source (google).
inline constexpr DimensionSet kCostRowDims = {Dimension::kChannel, Dimension::kCampaign,
                                              Dimension::kDevice, Dimension::kCategory};
inline constexpr DimensionSet kEventDims = {
    Dimension::kChannel, Dimension::kSource, Dimension::kCampaign, Dimension::kLandingPage,
    Dimension::kCta,     Dimension::kDevice, Dimension::kEmail,    Dimension::kSegment};
inline constexpr DimensionSet kEmailDims = {Dimension::kEmail, Dimension::kCampaign};

}  // namespace roilens::metrics::detail
