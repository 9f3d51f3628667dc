#pragma once
// The plain journey every attribution model works on, so models are pure functions of journeys.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "roilens/model/time.hpp"

namespace roilens::attribution {

struct Touch {
  std::string channel;
  std::string campaign;              // empty when unknown
  model::Timestamp occurred_at = 0;  // meaningful only when the journey has_timestamps
};

// One path (path data) or one contact's touches before one conversion event (touchpoint data).
// `conversions`, `value` and `nulls` are weights: path data aggregates many identical journeys.
struct Journey {
  std::vector<Touch> touches;  // in time order
  double conversions = 0.0;
  double value = 0.0;
  double nulls = 0.0;
  bool has_timestamps = false;
  model::Timestamp converted_at = 0;  // the conversion instant, when has_timestamps
  // Milestone touches (index into touches) when the source tells them, e.g. the touch that
  // created the lead. Without them, W-shaped and full-path models fall back to middle touches.
  std::optional<std::size_t> lead_touch;
  std::optional<std::size_t> opportunity_touch;
};

struct Credit {
  double conversions = 0.0;
  double value = 0.0;
};

using ChannelCredits = std::map<std::string, Credit>;
// (channel, campaign) → credit; campaign is "" when the touch had none.
using CampaignCredits = std::map<std::pair<std::string, std::string>, Credit>;

// GA4's "Direct" channel (shared/FORMATS.md §16), compared case-insensitively.
bool isDirectChannel(const std::string& channel);

}  // namespace roilens::attribution
