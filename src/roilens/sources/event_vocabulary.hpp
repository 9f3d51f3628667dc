#pragma once
// Event labels of event logs and GA4 event names → touchpoint types: the one vocabulary table
// behind the generic event-log mapping and GA4 "Event name" aggregates.
#include <optional>
#include <string_view>

#include "roilens/model/dataset.hpp"

namespace roilens::sources {

// "page_view", "Page view", "vue de page", "form_submit", "Soumission de formulaire", "cta_click",
// "clic sur CTA", GA4's form_start / view_promotion / select_promotion / click... (any case,
// spaces, '-' or '_') → the touchpoint type; nullopt for an empty or unknown label.
std::optional<model::TouchpointType> touchpointTypeFromEvent(std::string_view label);

}  // namespace roilens::sources
