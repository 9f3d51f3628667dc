#pragma once
// Shapley-value attribution over channels: the simplified Shapley value of Zhao, Mahboobi &
// Bagheri (2018), "Shapley Value Methods for Attribution Modeling in Online Advertising"
// (arXiv:1804.05327), the one Google Ads Data Hub uses.
//
// Players are channels. R(T) = conversions of the journeys whose channel SET is exactly T
// (order and repeats ignored). The worth of a coalition S is the conversions of the journeys
// made only of S's channels:
//   v(S) = Σ_{T ⊆ S} R(T).
// v is a sum of unanimity games R(T)·u_T, so its Shapley value has the closed form
//   φ_i = Σ_{T ∋ i} R(T) / |T|:
// each journey's conversions are split equally among its distinct channels. The value game is the
// same with the journeys' value in place of their conversions. Σ_i φ_i = v(all channels) = the
// total conversions (value): every channel's credit is a count, nothing is rescaled, and a rare
// channel set weighs by its conversions, not by its rate. Non-converting journeys add nothing.
#include <span>

#include "roilens/attribution/journey.hpp"

namespace roilens::attribution {

// Credits φ_i of the conversion game and of the value game, for every channel seen in a journey
// (0 for a channel that only appears in non-converting journeys).
ChannelCredits attributeShapley(std::span<const Journey> journeys);

}  // namespace roilens::attribution
