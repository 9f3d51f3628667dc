#pragma once
// Rule-based (heuristic) attribution: each converting journey's conversions and value are split
// over its touches by fixed weights.
#include <span>
#include <vector>

#include "roilens/attribution/catalogue.hpp"
#include "roilens/attribution/journey.hpp"

namespace roilens::attribution {

// How the W-shaped and full-path models found their middle milestones.
enum class MilestoneBasis { kNone, kMarker, kPosition };

// The share of the journey's credit each touch receives (same length as touches, sums to 1;
// empty when the journey has no touch). `id` must be rule-based.
//
// Short-journey rule (documented in docs/attribution.md): a model is a set of milestone shares
// (first, lead, opportunity, last) plus a remainder spread equally over the touches holding no
// milestone. Milestones are placed in the order first, last, lead, opportunity; a milestone whose
// touch already holds one, and a remainder with no touch left to receive it, disappear; the
// shares that remain are renormalised to 100%. So position-based gives 100% to a single touch
// and 50/50 to two touches, J-shaped 25/75 to two touches, W-shaped 1/3 each to three touches.
std::vector<double> touchWeights(ModelId id, const Journey& journey, double half_life_days);

// Which basis placed the lead milestone of this journey (kNone for models without it).
MilestoneBasis milestoneBasis(ModelId id, const Journey& journey);

struct RuleCredits {
  ChannelCredits channels;
  CampaignCredits campaigns;
};

RuleCredits attributeRuleBased(ModelId id, std::span<const Journey> journeys,
                               double half_life_days);

}  // namespace roilens::attribution
