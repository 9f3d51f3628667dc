#pragma once
// Small journeys written as ChannelAttribution paths ("a > b > c"), for hand-computed tests.
#include <sstream>
#include <string>
#include <vector>

#include "roilens/attribution/journey.hpp"

namespace roilens::attribution::testing {

inline std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> channels;
  std::size_t start = 0;
  while (true) {
    const std::size_t gt = path.find(" > ", start);
    channels.push_back(
        path.substr(start, gt == std::string::npos ? std::string::npos : gt - start));
    if (gt == std::string::npos) break;
    start = gt + 3;
  }
  return channels;
}

inline Journey pathJourney(const std::string& path, double conversions = 1.0, double value = 0.0,
                           double nulls = 0.0) {
  Journey journey;
  for (const std::string& channel : splitPath(path)) journey.touches.push_back({channel, "", 0});
  journey.conversions = conversions;
  journey.value = value;
  journey.nulls = nulls;
  return journey;
}

}  // namespace roilens::attribution::testing
