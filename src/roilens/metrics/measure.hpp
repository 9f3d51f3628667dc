#pragma once
// Measures: the additive facts KPIs are built from (MetricFlow's measures). A measure turns the
// data set into dated facts carrying dimension values; the engine sums (or counts distinct) them
// over a period and a slice. Each measure is defined once, in measures_*.cpp.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "roilens/metrics/dimension.hpp"
#include "roilens/model/contact_index.hpp"
#include "roilens/model/dataset.hpp"

namespace roilens::metrics {

// How visitors were counted: users when every traffic row knows them, else sessions (KPIS.md).
enum class VisitorsBasis { kUsers, kSessions };

struct MeasureContext {
  int utc_offset_minutes = 0;
  // Traffic comes as several reports of the same visits (acquisition, landing pages, pages).
  // Summing two of them would count visits twice, so a measure reads one family: landing-page
  // rows when the slice needs the landing page, acquisition rows otherwise.
  bool landing_page_rows = false;
  VisitorsBasis visitors_basis = VisitorsBasis::kUsers;
  // Contacts by id and e-mail, built once by the engine for every measure that joins people.
  const model::ContactIndex* contacts = nullptr;
};

// One dated fact. Aggregated traffic and costs span a range of days: the engine spreads the
// amount evenly over the days of the range that fall in a period.
struct Fact {
  model::DayNumber first = 0;
  model::DayNumber last = 0;
  DimensionValues dims;
  double amount = 1.0;
  std::string entity;  // for distinct counts: the engine counts each entity once per slice
  const model::Origin* origin = nullptr;  // the record it came from (file, line), for tracing
};

using FactSource = std::vector<Fact> (*)(const model::Dataset&, const MeasureContext&);
using Availability = bool (*)(const model::Dataset&);

struct MeasureDefinition {
  std::string_view id;
  std::string_view table;        // model table it reads: contacts, touchpoints, traffic, ...
  std::string_view also_table;   // a second table it joins, or empty
  std::string_view requirement;  // what must be in the table, in English, for missing_inputs
  std::string_view requirement_fr;
  DimensionSet dimensions;  // dimensions its facts know
  bool distinct = false;    // counts distinct entities rather than summing amounts
  bool money = false;       // an amount in a currency
  Availability available;   // the table holds what the measure needs
  FactSource facts;
};

std::span<const MeasureDefinition> measureDefinitions();
const MeasureDefinition* findMeasure(std::string_view id);

VisitorsBasis visitorsBasisOf(const model::Dataset& data);

// Pieces shared by measures_*.cpp (declared here so each rule lives in one place).
namespace detail {
std::span<const MeasureDefinition> contactMeasures();
std::span<const MeasureDefinition> touchpointMeasures();
std::span<const MeasureDefinition> trafficMeasures();
std::span<const MeasureDefinition> moneyMeasures();
std::span<const MeasureDefinition> emailMeasures();

std::string lowerCase(std::string_view text);
bool isProspectLabel(std::string_view text);  // seed 001: a "Prospects" segment/campaign/email
bool isSocialChannel(std::string_view channel);
// Contacts indexed by id and by e-mail, for joining transactions and touchpoints to people.
using ContactIndex = model::ContactIndex;
// The engine's shared index when the context carries one, else one built into `own`.
const ContactIndex& contactIndexOf(const model::Dataset& data, const MeasureContext& ctx,
                                   std::optional<ContactIndex>& own);
void fillContactDimensions(const model::Contact& c, DimensionValues& dims);
Fact dayFact(model::DayNumber day, double amount = 1.0);
std::vector<const model::TrafficAgg*> visitRows(const model::Dataset& data, bool landing_page_rows);
}  // namespace detail

}  // namespace roilens::metrics
