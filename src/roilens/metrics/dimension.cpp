#include "roilens/metrics/dimension.hpp"

namespace roilens::metrics {
namespace {

constexpr std::array<std::string_view, kDimensionCount> kNames = {
    "channel", "source",         "campaign", "landing_page", "cta",
    "device",  "social_network", "email",    "segment",      "category"};

}  // namespace

std::string_view dimensionName(Dimension d) { return kNames[static_cast<std::size_t>(d)]; }

std::optional<Dimension> parseDimension(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Dimension>(i);
  }
  return std::nullopt;
}

}  // namespace roilens::metrics
