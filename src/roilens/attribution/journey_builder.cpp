#include "roilens/attribution/journey_builder.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>

#include "roilens/attribution/inputs.hpp"
#include "roilens/model/transaction_facts.hpp"

namespace roilens::attribution {
namespace {

using model::Contact;
using model::Stage;
using model::Timestamp;
using model::Transaction;

constexpr double kSecondsPerDay = 86400.0;

Error pathError(const model::PathAggregate& path, const std::string& column, const std::string& en,
                const std::string& fr) {
  return Error{ErrorCode::kBadValue, en, fr,
               Position{path.origin.source_file, path.origin.source_row, column}};
}

std::optional<Error> checkPath(const model::PathAggregate& path) {
  if (path.channels.empty()) {
    return pathError(path, "path", "This journey has no channel, so it cannot be attributed.",
                     "Ce parcours n'a aucun canal : il ne peut pas être attribué.");
  }
  for (const std::string& channel : path.channels) {
    if (channel.empty()) {
      return pathError(path, "path", "A step of this journey has no channel name (check ' > ').",
                       "Une étape de ce parcours n'a pas de nom de canal (vérifiez « > »).");
    }
  }
  const std::pair<double, const char*> counts[] = {{path.conversions, "total_conversions"},
                                                   {path.nulls, "total_null"}};
  for (const auto& [count, column] : counts) {
    if (!std::isfinite(count) || count < 0.0) {
      return pathError(path, column, "Expected a count of journeys, 0 or more.",
                       "Un nombre de parcours, positif ou nul, est attendu.");
    }
  }
  if (!std::isfinite(path.conversion_value)) {
    return pathError(path, "total_conversion_value", "Expected a number.",
                     "Un nombre est attendu.");
  }
  return std::nullopt;
}

std::string personKey(const std::string& ref) {
  std::string key;
  for (char c : ref) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return key;
}

struct ConversionRecord {
  Timestamp at = 0;
  double value = 0.0;
};

struct PersonHistory {
  std::vector<Touch> touches;
  std::vector<ConversionRecord> conversions;
  std::vector<double> undated_values;  // values of conversions with no date
  std::optional<Timestamp> lead_at;
  std::optional<Timestamp> opportunity_at;
  const Contact* contact = nullptr;
  double paid_value = 0.0;
  bool has_paid = false;
  std::optional<Timestamp> first_paid_at;
};

// People are joined across tools by contact id or lower-cased e-mail (FORMATS.md §15).
class PersonDirectory {
 public:
  PersonHistory& of(const std::string& ref) {
    const std::string key = personKey(ref);
    const auto it = index_.find(key);
    if (it != index_.end()) return people_[it->second];
    index_[key] = people_.size();
    people_.emplace_back();
    return people_.back();
  }
  void addContact(const Contact& contact) {
    const std::string id_key = personKey(contact.contact_id);
    const std::string mail_key = personKey(contact.email);
    std::optional<std::size_t> person;
    for (const std::string& key : {id_key, mail_key}) {
      const auto it = index_.find(key);
      if (!key.empty() && it != index_.end()) person = it->second;
    }
    if (!person) {
      person = people_.size();
      people_.emplace_back();
    }
    for (const std::string& key : {id_key, mail_key}) {
      if (!key.empty()) index_.try_emplace(key, *person);
    }
    PersonHistory& history = people_[*person];
    history.contact = &contact;
    history.lead_at = contact.at(Stage::kLead);
    history.opportunity_at = contact.at(Stage::kOpportunity);
  }
  std::vector<PersonHistory>& people() { return people_; }

 private:
  std::map<std::string, std::size_t> index_;
  std::vector<PersonHistory> people_;
};

// The revenue KPI's amount (net of refunds), so attributed revenue adds up to revenue.
double transactionValue(const Transaction& txn) { return model::netAmount(txn).value_or(0.0); }

void addConversion(PersonHistory& person, std::optional<Timestamp> at, double value) {
  if (at) {
    person.conversions.push_back({*at, value});
  } else {
    person.undated_values.push_back(value);
  }
}

// Paid transactions feed every event: purchases directly, customers through their revenue and
// first purchase date.
void addPaidTransactions(const model::Dataset& dataset, ConversionEvent event,
                         PersonDirectory& directory) {
  for (const Transaction& txn : dataset.transactions) {
    if (!model::isPurchase(txn)) continue;
    PersonHistory& person = directory.of(txn.customer_ref);
    const std::optional<Timestamp> at = model::purchaseInstant(txn);
    person.paid_value += transactionValue(txn);
    person.has_paid = true;
    if (at && (!person.first_paid_at || *at < *person.first_paid_at)) person.first_paid_at = at;
    if (event == ConversionEvent::kPurchase) addConversion(person, at, transactionValue(txn));
  }
}

bool isCustomer(const PersonHistory& person) {
  const Contact* c = person.contact;
  const bool by_stage = c && (c->at(Stage::kCustomer) || c->lifecycle_stage == "customer" ||
                              c->lifecycle_stage == "evangelist");
  return by_stage || person.has_paid;
}

// Customer: the stage date, else the first paid transaction; valued at the customer's revenue.
void addCustomerConversion(PersonHistory& person) {
  if (!isCustomer(person)) return;
  const Contact* c = person.contact;
  const std::optional<Timestamp> at =
      c && c->at(Stage::kCustomer) ? c->at(Stage::kCustomer) : person.first_paid_at;
  addConversion(person, at, c && c->total_revenue ? *c->total_revenue : person.paid_value);
}

bool isLeadOrBeyond(const PersonHistory& person) {
  constexpr std::array<std::string_view, 6> kStages{"lead",        "mql",      "sql",
                                                    "opportunity", "customer", "evangelist"};
  const Contact* c = person.contact;
  return c && std::find(kStages.begin(), kStages.end(), c->lifecycle_stage) != kStages.end();
}

void collectConversions(const model::Dataset& dataset, ConversionEvent event,
                        PersonDirectory& directory) {
  addPaidTransactions(dataset, event, directory);
  for (PersonHistory& person : directory.people()) {
    if (event == ConversionEvent::kCustomer) addCustomerConversion(person);
    if (event == ConversionEvent::kLead && (person.lead_at || isLeadOrBeyond(person))) {
      addConversion(person, person.lead_at, 0.0);  // an undated lead is reported, not dropped
    }
  }
}

// The last touch at or before `at`, if any.
std::optional<std::size_t> lastTouchBy(const std::vector<Touch>& touches,
                                       std::optional<Timestamp> at) {
  if (!at) return std::nullopt;
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < touches.size() && touches[i].occurred_at <= *at; ++i) found = i;
  return found;
}

std::vector<Touch> touchesInWindow(const std::vector<Touch>& touches, Timestamp end,
                                   double lookback_days) {
  const double start = static_cast<double>(end) - lookback_days * kSecondsPerDay;
  std::vector<Touch> window;
  for (const Touch& touch : touches) {
    if (static_cast<double>(touch.occurred_at) >= start && touch.occurred_at <= end) {
      window.push_back(touch);
    }
  }
  return window;
}

void addPersonJourneys(const PersonHistory& person, const AttributionOptions& options,
                       JourneySet& out) {
  for (double value : person.undated_values) {
    out.unattributed.conversions += 1.0;
    out.unattributed.value += value;
    out.unattributed_events += 1.0;
  }
  if (person.conversions.empty()) {
    if (person.touches.empty()) return;
    Journey journey{
        touchesInWindow(person.touches, person.touches.back().occurred_at, options.lookback_days),
        0.0,
        0.0,
        1.0,
        true,
        person.touches.back().occurred_at,
        {},
        {}};
    out.journeys.push_back(std::move(journey));
    return;
  }
  for (const ConversionRecord& conversion : person.conversions) {
    Journey journey;
    journey.touches = touchesInWindow(person.touches, conversion.at, options.lookback_days);
    if (journey.touches.empty()) {
      out.unattributed.conversions += 1.0;
      out.unattributed.value += conversion.value;
      out.unattributed_events += 1.0;
      continue;
    }
    journey.conversions = 1.0;
    journey.value = conversion.value;
    journey.has_timestamps = true;
    journey.converted_at = conversion.at;
    journey.lead_touch = lastTouchBy(journey.touches, person.lead_at);
    journey.opportunity_touch = lastTouchBy(journey.touches, person.opportunity_at);
    out.journeys.push_back(std::move(journey));
  }
}

}  // namespace

Result<std::vector<Journey>> journeysFromPaths(const std::vector<model::PathAggregate>& paths) {
  std::vector<Journey> journeys;
  journeys.reserve(paths.size());
  for (const model::PathAggregate& path : paths) {
    if (std::optional<Error> error = checkPath(path)) return *error;
    Journey journey;
    for (const std::string& channel : path.channels) journey.touches.push_back({channel, "", 0});
    journey.conversions = path.conversions;
    journey.value = path.conversion_value;
    journey.nulls = path.nulls;
    journeys.push_back(std::move(journey));
  }
  return journeys;
}

JourneySet journeysFromTouchpoints(const model::Dataset& dataset,
                                   const AttributionOptions& options) {
  PersonDirectory directory;
  for (const Contact& contact : dataset.contacts) directory.addContact(contact);
  for (const model::Touchpoint& tp : dataset.touchpoints) {
    if (!isMarketingTouch(tp.type)) continue;
    const std::string channel = tp.channel.empty() ? "Unassigned" : tp.channel;
    directory.of(tp.contact_ref).touches.push_back({channel, tp.campaign, tp.occurred_at});
  }
  // A contact without touchpoints still has its original source (e.g. a HubSpot export).
  for (PersonHistory& person : directory.people()) {
    const Contact* c = person.contact;
    if (person.touches.empty() && c && hasOriginTouch(*c)) {
      person.touches.push_back({c->original_channel, c->campaign, *c->created_at});
    }
    std::stable_sort(person.touches.begin(), person.touches.end(),
                     [](const Touch& a, const Touch& b) { return a.occurred_at < b.occurred_at; });
  }
  collectConversions(dataset, options.conversion, directory);
  JourneySet out;
  for (const PersonHistory& person : directory.people()) addPersonJourneys(person, options, out);
  return out;
}

Result<JourneySet> buildJourneys(const model::Dataset& dataset, const AttributionOptions& options) {
  Result<std::vector<Journey>> from_paths = journeysFromPaths(dataset.paths);
  if (!from_paths) return from_paths.error();
  JourneySet set = journeysFromTouchpoints(dataset, options);
  std::vector<Journey> all = std::move(from_paths).value();
  all.insert(all.end(), std::make_move_iterator(set.journeys.begin()),
             std::make_move_iterator(set.journeys.end()));
  set.journeys = std::move(all);
  return set;
}

}  // namespace roilens::attribution
