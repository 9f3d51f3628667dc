#include "roilens/attribution/rule_models.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>

namespace roilens::attribution {
namespace {

constexpr double kSecondsPerDay = 86400.0;

enum Milestone : std::size_t { kFirst, kLast, kLead, kOpportunity, kMilestoneCount };

// Milestone shares (in placement order first, last, lead, opportunity) and the remainder share.
struct ShareRule {
  std::array<double, kMilestoneCount> milestone{};  // 0 = not a milestone of this model
  double remainder = 0.0;
};

ShareRule shareRule(ModelId id) {
  switch (id) {
    case ModelId::kPositionBased:
      return {{0.40, 0.40, 0.0, 0.0}, 0.20};
    case ModelId::kWShaped:
      return {{0.30, 0.30, 0.30, 0.0}, 0.10};
    case ModelId::kFullPath:
      return {{0.225, 0.225, 0.225, 0.225}, 0.10};
    case ModelId::kJShaped:
      return {{0.20, 0.60, 0.0, 0.0}, 0.20};
    case ModelId::kInverseJ:
      return {{0.60, 0.20, 0.0, 0.0}, 0.20};
    case ModelId::kFirstTouch:
      return {{1.0, 0.0, 0.0, 0.0}, 0.0};
    case ModelId::kLastTouch:
      return {{0.0, 1.0, 0.0, 0.0}, 0.0};
    default:
      return {};
  }
}

// Without markers, the lead milestone is the middle touch (W-shaped) or the touch a third of the
// way (full path, whose opportunity milestone then sits two thirds of the way).
std::size_t fallbackPosition(ModelId id, Milestone milestone, std::size_t n) {
  if (id == ModelId::kFullPath) return milestone == kLead ? n / 3 : (2 * n) / 3;
  return n / 2;
}

std::optional<std::size_t> milestoneTouch(ModelId id, Milestone milestone, const Journey& j) {
  const std::size_t n = j.touches.size();
  const std::optional<std::size_t> marker = milestone == kLead          ? j.lead_touch
                                            : milestone == kOpportunity ? j.opportunity_touch
                                                                        : std::nullopt;
  switch (milestone) {
    case kFirst:
      return 0;
    case kLast:
      return n - 1;
    default:
      if (marker && *marker < n) return *marker;
      return fallbackPosition(id, milestone, n);
  }
}

std::vector<double> milestoneWeights(ModelId id, const Journey& journey) {
  const std::size_t n = journey.touches.size();
  const ShareRule rule = shareRule(id);
  std::vector<double> weights(n, 0.0);
  std::vector<bool> holds_milestone(n, false);
  for (std::size_t m = 0; m < kMilestoneCount; ++m) {
    if (rule.milestone[m] <= 0.0) continue;
    const std::optional<std::size_t> at = milestoneTouch(id, static_cast<Milestone>(m), journey);
    if (!at || holds_milestone[*at]) continue;  // coinciding milestone disappears
    holds_milestone[*at] = true;
    weights[*at] = rule.milestone[m];
  }
  const auto free_touches =
      static_cast<double>(std::count(holds_milestone.begin(), holds_milestone.end(), false));
  for (std::size_t i = 0; i < n; ++i) {
    if (!holds_milestone[i]) weights[i] = rule.remainder / free_touches;
  }
  double total = 0.0;
  for (double w : weights) total += w;
  for (double& w : weights) w /= total;
  return weights;
}

std::vector<double> lastNonDirectWeights(const Journey& journey) {
  const std::size_t n = journey.touches.size();
  std::vector<double> weights(n, 0.0);
  std::size_t chosen = n - 1;  // all Direct → the last (Direct) touch
  for (std::size_t i = n; i-- > 0;) {
    if (!isDirectChannel(journey.touches[i].channel)) {
      chosen = i;
      break;
    }
  }
  weights[chosen] = 1.0;
  return weights;
}

// Age in days of each touch at conversion; without timestamps one step back is one day.
double touchAgeDays(const Journey& journey, std::size_t i) {
  if (!journey.has_timestamps) return static_cast<double>(journey.touches.size() - 1 - i);
  const double seconds = static_cast<double>(journey.converted_at - journey.touches[i].occurred_at);
  return std::max(0.0, seconds / kSecondsPerDay);
}

std::vector<double> timeDecayWeights(const Journey& journey, double half_life_days) {
  const std::size_t n = journey.touches.size();
  std::vector<double> ages(n);
  for (std::size_t i = 0; i < n; ++i) ages[i] = touchAgeDays(journey, i);
  // Measuring ages from the youngest touch multiplies every weight by the same factor, which the
  // normalisation cancels, and keeps the weights from underflowing to 0 on very old journeys.
  const double youngest = *std::min_element(ages.begin(), ages.end());
  std::vector<double> weights(n);
  double total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    weights[i] = std::exp2(-(ages[i] - youngest) / half_life_days);
    total += weights[i];
  }
  for (double& w : weights) w /= total;
  return weights;
}

}  // namespace

bool isDirectChannel(const std::string& channel) {
  std::string lower;
  for (char c : channel) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "direct" || lower == "(direct)";
}

std::vector<double> touchWeights(ModelId id, const Journey& journey, double half_life_days) {
  const std::size_t n = journey.touches.size();
  if (n == 0) return {};
  switch (id) {
    case ModelId::kLastNonDirect:
      return lastNonDirectWeights(journey);
    case ModelId::kLinear:
      return std::vector<double>(n, 1.0 / static_cast<double>(n));
    case ModelId::kTimeDecay:
      return timeDecayWeights(journey, half_life_days);
    default:
      return milestoneWeights(id, journey);
  }
}

MilestoneBasis milestoneBasis(ModelId id, const Journey& journey) {
  if (id != ModelId::kWShaped && id != ModelId::kFullPath) return MilestoneBasis::kNone;
  if (journey.touches.size() < 3) return MilestoneBasis::kNone;  // no room for a middle milestone
  const bool marked = journey.lead_touch && *journey.lead_touch < journey.touches.size();
  return marked ? MilestoneBasis::kMarker : MilestoneBasis::kPosition;
}

RuleCredits attributeRuleBased(ModelId id, std::span<const Journey> journeys,
                               double half_life_days) {
  RuleCredits credits;
  for (const Journey& journey : journeys) {
    for (const Touch& touch : journey.touches) {
      credits.channels.try_emplace(touch.channel);  // every channel listed, even with 0 credit
    }
    if (journey.conversions == 0.0 && journey.value == 0.0) continue;
    const std::vector<double> weights = touchWeights(id, journey, half_life_days);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (weights[i] == 0.0) continue;
      const Touch& touch = journey.touches[i];
      const Credit share{journey.conversions * weights[i], journey.value * weights[i]};
      Credit& channel = credits.channels[touch.channel];
      channel.conversions += share.conversions;
      channel.value += share.value;
      Credit& campaign = credits.campaigns[{touch.channel, touch.campaign}];
      campaign.conversions += share.conversions;
      campaign.value += share.value;
    }
  }
  return credits;
}

}  // namespace roilens::attribution
