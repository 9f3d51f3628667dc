#pragma once
// Turns the normalised data set into journeys: one per aggregated path, and one per conversion
// event of a contact (its touches inside the lookback window), plus one non-converting journey
// per contact who never converted.
#include <vector>

#include "roilens/attribution/journey.hpp"
#include "roilens/attribution/options.hpp"
#include "roilens/core/error.hpp"
#include "roilens/model/dataset.hpp"

namespace roilens::attribution {

struct JourneySet {
  std::vector<Journey> journeys;
  // Conversion events that could not be attributed (no touch in the lookback window, or no date):
  // reported beside the results, never silently dropped.
  Credit unattributed;
  double unattributed_events = 0.0;
};

// Path data (ChannelAttribution format). Errors on an empty path, an empty channel name, or
// negative / non-finite counts, with the row's file and line.
Result<std::vector<Journey>> journeysFromPaths(const std::vector<model::PathAggregate>& paths);

// Touchpoint data: see docs/attribution.md "Journeys from touchpoints" for the rules.
JourneySet journeysFromTouchpoints(const model::Dataset& dataset,
                                   const AttributionOptions& options);

// Both sources together.
Result<JourneySet> buildJourneys(const model::Dataset& dataset, const AttributionOptions& options);

}  // namespace roilens::attribution
