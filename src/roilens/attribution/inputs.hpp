#pragma once
// What attribution reads, stated once: the journey builder applies these rules, and attribute()
// and the report's missing_inputs (attributed_revenue) say what is lacking from them.
//
// Journeys come from a path file (ChannelAttribution format, conversions included), from
// marketing touchpoints, or, for a contact without touchpoints, from its original source
// (original channel + creation date, e.g. a HubSpot contacts export). Revenue conversions come
// from paths or from purchases (model::isPurchase: paid orders and charges, won deals).
#include <string>
#include <vector>

#include "roilens/model/dataset.hpp"

namespace roilens::attribution {

// A table attribution lacks on a data set, with what it should hold (English and French).
struct InputGap {
  std::string table;  // model table: "touchpoints", "transactions", "paths", "contacts"
  std::string what_en;
  std::string what_fr;
};

// Purchases are conversions, not touches; CRM bookkeeping is nothing the contact saw.
bool isMarketingTouch(model::TouchpointType type);

// A contact whose original source can stand for its first touch.
bool hasOriginTouch(const model::Contact& contact);

// Whether some journey can be built (path, marketing touchpoint or contact with an origin).
bool hasJourneySource(const model::Dataset& dataset);

// What attributing revenue (purchase conversions) lacks on this data set; empty when it has
// what it needs. Each gap is one alternative way to supply it.
std::vector<InputGap> attributedRevenueGaps(const model::Dataset& dataset);

// The journey gap alone (message of attribute() when no journey can be built).
InputGap journeyGap();

}  // namespace roilens::attribution
