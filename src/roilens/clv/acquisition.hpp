#pragma once
// Acquisition cost per channel as the KPI engine defines it (metrics catalogue: cac_by_channel =
// channel cost / contacts of the channel who became customers; ltv_to_cac = clv / cac), so CLV
// shows the one CAC the report shows rather than a second formula.
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "roilens/model/dataset.hpp"

namespace roilens::clv {

struct ChannelAcquisition {
  double cost = 0.0;
  std::size_t new_customers = 0;
  std::optional<double> cac;
  std::optional<double> ltv_to_cac;
};

// Per channel, over one period spanning every dated record of the data set (the report's grain
// "all"), days in the user's time zone. Empty when nothing is dated.
std::map<std::string, ChannelAcquisition> acquisitionByChannel(const model::Dataset& dataset,
                                                               int utc_offset_minutes);

}  // namespace roilens::clv
