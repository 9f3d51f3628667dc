#pragma once
// Days contacts spend between two funnel stages (KPIS.md §1 stage_velocity).
#include <optional>
#include <string_view>
#include <vector>

#include "roilens/metrics/engine.hpp"

namespace roilens::metrics {

struct StageStep {
  model::Stage from;
  model::Stage to;
};
// lead → MQL, MQL → SQL, SQL → customer, and the whole lead → customer.
const std::vector<StageStep>& velocitySteps();
std::string_view stageName(model::Stage s);

struct StageVelocity {
  StageStep step;
  std::size_t period = 0;
  DimensionKey dimensions;
  std::size_t contacts = 0;  // contacts reaching `to` in the period with both dates
  std::optional<double> mean_days;
  std::optional<double> median_days;
};

// For each period, step and slice: contacts whose `to` date falls in the period (local days),
// days = local day of `to` − local day of `from`; contacts whose dates are out of order are left
// out (a data error, not a negative duration).
std::vector<StageVelocity> stageVelocity(const model::Dataset& data,
                                         const std::vector<Period>& periods,
                                         const std::vector<Dimension>& by,
                                         const DimensionFilter& filters, int utc_offset_minutes);

}  // namespace roilens::metrics
