#include "roilens/clv/acquisition.hpp"

#include <cmath>
#include <vector>

#include "roilens/metrics/catalogue.hpp"
#include "roilens/metrics/engine.hpp"
#include "roilens/metrics/period.hpp"

namespace roilens::clv {
namespace {

// Sales and costs without a channel: customerChannels calls their customers "unknown".
std::string channelOf(const metrics::KpiValue& v) {
  for (const auto& [dimension, value] : v.dimensions) {
    if (dimension == metrics::Dimension::kChannel && !value.empty()) return value;
  }
  return "unknown";
}

std::vector<metrics::KpiValue> byChannel(metrics::Engine& engine, std::string_view kpi_id,
                                         const std::vector<metrics::Period>& periods) {
  const metrics::KpiDefinition* kpi = metrics::findKpi(metrics::catalogue(), kpi_id);
  if (!kpi) return {};
  return engine.evaluate(*kpi, periods, {metrics::Dimension::kChannel}, {});
}

}  // namespace

std::map<std::string, ChannelAcquisition> acquisitionByChannel(const model::Dataset& dataset,
                                                               int utc_offset_minutes) {
  metrics::Engine engine(dataset, utc_offset_minutes);
  const auto extent = engine.dataExtent();
  if (!extent) return {};
  const std::vector<metrics::Period> all =
      metrics::periodsCovering(metrics::Grain::kAll, extent->first, extent->second, false);
  std::map<std::string, ChannelAcquisition> out;
  for (const metrics::KpiValue& v : byChannel(engine, "cac_by_channel", all)) {
    ChannelAcquisition& a = out[channelOf(v)];
    a.cost = v.numerator.value_or(0.0);
    a.new_customers = static_cast<std::size_t>(std::llround(v.denominator.value_or(0.0)));
    a.cac = v.value;
  }
  for (const metrics::KpiValue& v : byChannel(engine, "ltv_to_cac", all)) {
    out[channelOf(v)].ltv_to_cac = v.value;
  }
  return out;
}

}  // namespace roilens::clv
