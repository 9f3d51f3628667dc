#include <algorithm>
#include <cctype>
#include <vector>

#include "roilens/metrics/measure.hpp"

namespace roilens::metrics {
namespace detail {

std::string lowerCase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool isProspectLabel(std::string_view text) {
  return lowerCase(text).find("prospect") != std::string::npos;
}

bool isSocialChannel(std::string_view channel) {
  return channel == "Organic Social" || channel == "Paid Social";
}

const ContactIndex& contactIndexOf(const model::Dataset& data, const MeasureContext& ctx,
                                   std::optional<ContactIndex>& own) {
  return ctx.contacts ? *ctx.contacts : own.emplace(data.contacts);
}

void fillContactDimensions(const model::Contact& c, DimensionValues& dims) {
  at(dims, Dimension::kChannel) = c.original_channel;
  at(dims, Dimension::kSource) = c.original_source_raw;
  at(dims, Dimension::kCampaign) = c.campaign;
  at(dims, Dimension::kDevice) = lowerCase(c.device);
  at(dims, Dimension::kSegment) = c.segment;
  // HubSpot's drill-down 1 of a social original source names the network (LinkedIn, Facebook).
  if (const auto it = c.extra.find("social_network"); it != c.extra.end()) {
    at(dims, Dimension::kSocialNetwork) = it->second;
  } else if (isSocialChannel(c.original_channel)) {
    at(dims, Dimension::kSocialNetwork) = c.original_detail_1;
  }
}

Fact dayFact(model::DayNumber day, double amount) {
  Fact f;
  f.first = f.last = day;
  f.amount = amount;
  return f;
}

}  // namespace detail

std::span<const MeasureDefinition> measureDefinitions() {
  static const std::vector<MeasureDefinition> all = [] {
    std::vector<MeasureDefinition> out;
    for (const auto part :
         {detail::contactMeasures(), detail::touchpointMeasures(), detail::trafficMeasures(),
          detail::moneyMeasures(), detail::emailMeasures()}) {
      out.insert(out.end(), part.begin(), part.end());
    }
    return out;
  }();
  return all;
}

const MeasureDefinition* findMeasure(std::string_view id) {
  for (const MeasureDefinition& m : measureDefinitions()) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

}  // namespace roilens::metrics
