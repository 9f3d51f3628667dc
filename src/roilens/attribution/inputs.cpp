#include "roilens/attribution/inputs.hpp"

#include <algorithm>

#include "roilens/model/transaction_facts.hpp"

namespace roilens::attribution {

bool isMarketingTouch(model::TouchpointType type) {
  using T = model::TouchpointType;
  return type != T::kPurchase && type != T::kSegmentAdd && type != T::kContactUpdate;
}

bool hasOriginTouch(const model::Contact& contact) {
  return contact.created_at && !contact.original_channel.empty();
}

bool hasJourneySource(const model::Dataset& dataset) {
  return !dataset.paths.empty() ||
         std::any_of(dataset.touchpoints.begin(), dataset.touchpoints.end(),
                     [](const model::Touchpoint& t) { return isMarketingTouch(t.type); }) ||
         std::any_of(dataset.contacts.begin(), dataset.contacts.end(), hasOriginTouch);
}

InputGap journeyGap() {
  return {"touchpoints",
          "touchpoints (visits, clicks, form submissions) or contacts with an original source and "
          "a creation date",
          "des points de contact (visites, clics, formulaires) ou des contacts avec une source "
          "d'origine et une date de création"};
}

std::vector<InputGap> attributedRevenueGaps(const model::Dataset& dataset) {
  if (!dataset.paths.empty()) return {};
  const bool has_purchases =
      std::any_of(dataset.transactions.begin(), dataset.transactions.end(),
                  [](const model::Transaction& t) { return model::isPurchase(t); });
  const bool has_journeys = hasJourneySource(dataset);
  if (has_purchases && has_journeys) return {};
  std::vector<InputGap> gaps;
  if (!has_journeys) gaps.push_back(journeyGap());
  if (!has_purchases) {
    gaps.push_back({"transactions", "paid orders or won deals (the revenue to attribute)",
                    "des commandes payées ou des affaires gagnées (le CA à attribuer)"});
  }
  // A path file carries its own journeys and conversions: enough on its own.
  gaps.push_back({"paths", "or, on its own, a file of channel paths with their conversions",
                  "ou, à lui seul, un fichier de parcours de canaux avec leurs conversions"});
  return gaps;
}

}  // namespace roilens::attribution
