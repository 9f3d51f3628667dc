// Funnel measures: a contact counts in the period its transition into a stage is dated in.
// No "source" dimension: the CRM's original source is a channel label, not a GA4 source.
// (Seed 001: a KPI is a change of state.)
#include <array>

#include "roilens/metrics/measure.hpp"
#include "roilens/metrics/measure_dimensions.hpp"

namespace roilens::metrics::detail {
namespace {

using model::Dataset;
using model::Stage;

bool hasContacts(const Dataset& d) { return !d.contacts.empty(); }

bool hasContactsAndCampaignEntries(const Dataset& d) {
  if (d.contacts.empty()) return false;
  for (const auto& t : d.touchpoints) {
    if (t.type == model::TouchpointType::kCampaignEnter) return true;
  }
  return false;
}

Fact contactFact(const model::Contact& c, model::Timestamp at, const MeasureContext& ctx) {
  Fact f = dayFact(model::localDay(at, ctx.utc_offset_minutes));
  f.origin = &c.origin;
  fillContactDimensions(c, f.dims);
  return f;
}

template <Stage kStage>
std::vector<Fact> stageEntries(const Dataset& data, const MeasureContext& ctx) {
  std::vector<Fact> out;
  for (const model::Contact& c : data.contacts) {
    if (const auto& at = c.at(kStage)) out.push_back(contactFact(c, *at, ctx));
  }
  return out;
}

// Seed 001, first recipe: customers (and former customers) flagged "was a prospect".
std::vector<Fact> flaggedProspectCustomers(const Dataset& data, const MeasureContext& ctx) {
  std::vector<Fact> out;
  for (const model::Contact& c : data.contacts) {
    if (c.was_prospect && c.at(Stage::kCustomer)) {
      out.push_back(contactFact(c, *c.at(Stage::kCustomer), ctx));
    }
  }
  return out;
}

// Seed 001, second recipe: customers who entered a prospect campaign before becoming customers.
std::vector<Fact> campaignProspectCustomers(const Dataset& data, const MeasureContext& ctx) {
  std::optional<ContactIndex> own;
  const ContactIndex& index = contactIndexOf(data, ctx, own);
  std::unordered_map<const model::Contact*, bool> went_through;
  for (const auto& t : data.touchpoints) {
    if (t.type != model::TouchpointType::kCampaignEnter || !isProspectLabel(t.campaign)) continue;
    const model::Contact* c = index.find(t.contact_ref);
    if (c && c->at(Stage::kCustomer) && t.occurred_at <= *c->at(Stage::kCustomer)) {
      went_through[c] = true;
    }
  }
  std::vector<Fact> out;
  for (const model::Contact& c : data.contacts) {
    if (went_through.count(&c)) out.push_back(contactFact(c, *c.at(Stage::kCustomer), ctx));
  }
  return out;
}

const std::array kMeasures = {
    MeasureDefinition{"leads", "contacts", "", "contacts with a lead date",
                      "contacts avec une date de passage en lead", kContactDims, false, false,
                      hasContacts, stageEntries<Stage::kLead>},
    MeasureDefinition{"mqls", "contacts", "", "contacts with an MQL date",
                      "contacts avec une date de passage en MQL", kContactDims, false, false,
                      hasContacts, stageEntries<Stage::kMql>},
    MeasureDefinition{"sqls", "contacts", "", "contacts with an SQL date",
                      "contacts avec une date de passage en SQL", kContactDims, false, false,
                      hasContacts, stageEntries<Stage::kSql>},
    MeasureDefinition{"customers", "contacts", "", "contacts with a customer date",
                      "contacts avec une date de passage en client", kContactDims, false, false,
                      hasContacts, stageEntries<Stage::kCustomer>},
    MeasureDefinition{"flagged_prospect_customers", "contacts", "",
                      "contacts with the \"was a prospect\" flag",
                      "contacts avec le champ « a été prospect »", kContactDims, false, false,
                      hasContacts, flaggedProspectCustomers},
    MeasureDefinition{"campaign_prospect_customers", "contacts", "touchpoints",
                      "campaign entries (prospect campaigns) in the activity export",
                      "entrées en campagne (campagnes prospects) dans l'export d'activité",
                      kContactDims, false, false, hasContactsAndCampaignEntries,
                      campaignProspectCustomers},
};

}  // namespace

std::span<const MeasureDefinition> contactMeasures() { return kMeasures; }

}  // namespace roilens::metrics::detail
