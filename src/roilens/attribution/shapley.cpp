#include "roilens/attribution/shapley.hpp"

#include <set>
#include <string>

namespace roilens::attribution {

ChannelCredits attributeShapley(std::span<const Journey> journeys) {
  ChannelCredits credits;
  for (const Journey& journey : journeys) {
    std::set<std::string> members;  // the journey's channel set T
    for (const Touch& touch : journey.touches) members.insert(touch.channel);
    for (const std::string& channel : members) {
      // R(T) / |T| for this journey's share of R(T); summed over the journeys of each set.
      Credit& credit = credits[channel];
      credit.conversions += journey.conversions / static_cast<double>(members.size());
      credit.value += journey.value / static_cast<double>(members.size());
    }
  }
  return credits;
}

}  // namespace roilens::attribution
