// Web-analytics measures from aggregated traffic rows (rates are recomputed from numerators).
#include <array>
#include <map>
#include <optional>

#include "roilens/metrics/measure.hpp"
#include "roilens/metrics/measure_dimensions.hpp"

namespace roilens::metrics::detail {
namespace {

using model::Dataset;
using model::TrafficAgg;

enum class Family { kAcquisition, kLandingPage, kPage, kEvent };

// A report is one file: a landing-page export whose "(not set)" row has no landing page is still
// a landing-page report, so rows are classified by what their file carries.
std::map<std::string, Family> familiesByFile(const Dataset& data) {
  std::map<std::string, Family> out;
  for (const TrafficAgg& r : data.traffic) {
    const Family row = !r.event_name.empty()     ? Family::kEvent
                       : !r.page.empty()         ? Family::kPage
                       : !r.landing_page.empty() ? Family::kLandingPage
                                                 : Family::kAcquisition;
    auto [it, inserted] = out.emplace(r.origin.source_file, row);
    if (!inserted && static_cast<int>(row) > static_cast<int>(it->second)) it->second = row;
  }
  return out;
}

}  // namespace

// The one family of rows visit measures read (see MeasureContext::landing_page_rows).
std::vector<const TrafficAgg*> visitRows(const Dataset& data, bool landing_page_rows) {
  const auto families = familiesByFile(data);
  const auto family_of = [&](const TrafficAgg& r) { return families.at(r.origin.source_file); };
  bool has_acquisition = false;
  for (const TrafficAgg& r : data.traffic) {
    has_acquisition = has_acquisition || family_of(r) == Family::kAcquisition;
  }
  const Family wanted =
      landing_page_rows || !has_acquisition ? Family::kLandingPage : Family::kAcquisition;
  std::vector<const TrafficAgg*> rows;
  for (const TrafficAgg& r : data.traffic) {
    if (family_of(r) == wanted) rows.push_back(&r);
  }
  return rows;
}

namespace {

Fact rowFact(const TrafficAgg& r, double amount) {
  Fact f;
  f.origin = &r.origin;
  f.first = r.range_start;
  f.last = r.range_end;
  f.amount = amount;
  at(f.dims, Dimension::kChannel) = r.channel;
  at(f.dims, Dimension::kSource) = r.source;
  at(f.dims, Dimension::kCampaign) = r.campaign;
  at(f.dims, Dimension::kLandingPage) = r.landing_page;
  at(f.dims, Dimension::kDevice) = lowerCase(r.device);
  at(f.dims, Dimension::kSocialNetwork) =
      !r.social_network.empty() ? r.social_network : (isSocialChannel(r.channel) ? r.source : "");
  return f;
}

using RowAmount = std::optional<double> (*)(const TrafficAgg&, const MeasureContext&);

template <RowAmount kAmount>
std::vector<Fact> rowFacts(const Dataset& data, const MeasureContext& ctx) {
  std::vector<Fact> out;
  for (const TrafficAgg* r : visitRows(data, ctx.landing_page_rows)) {
    if (const auto amount = kAmount(*r, ctx)) out.push_back(rowFact(*r, *amount));
  }
  return out;
}

std::optional<double> visitors(const TrafficAgg& r, const MeasureContext& ctx) {
  return ctx.visitors_basis == VisitorsBasis::kUsers ? r.users : r.sessions;
}
std::optional<double> sessions(const TrafficAgg& r, const MeasureContext&) { return r.sessions; }
// Bounced sessions: UA/Matomo bounces, or GA4's sessions that were not engaged.
std::optional<double> bounced(const TrafficAgg& r, const MeasureContext&) {
  if (r.bounces) return r.bounces;
  if (r.sessions && r.engaged_sessions) return *r.sessions - *r.engaged_sessions;
  return std::nullopt;
}
// Sessions of the rows that know their bounces: the denominator bounce rates are ratios of.
std::optional<double> bounceKnownSessions(const TrafficAgg& r, const MeasureContext& ctx) {
  return bounced(r, ctx) ? r.sessions : std::nullopt;
}
std::optional<double> organicSessions(const TrafficAgg& r, const MeasureContext&) {
  return r.channel == "Organic Search" ? r.sessions : std::optional<double>(0.0);
}
std::optional<double> socialSessions(const TrafficAgg& r, const MeasureContext&) {
  return isSocialChannel(r.channel) ? r.sessions : std::optional<double>(0.0);
}
std::optional<double> mobileSessions(const TrafficAgg& r, const MeasureContext&) {
  return lowerCase(r.device) == "mobile" ? r.sessions : std::optional<double>(0.0);
}
// Entrances on a page; a landing-page row's sessions are its entrances when not given.
std::optional<double> entrances(const TrafficAgg& r, const MeasureContext&) {
  return r.entrances ? r.entrances : r.sessions;
}
std::optional<double> keyEvents(const TrafficAgg& r, const MeasureContext&) { return r.key_events; }
std::optional<double> keyEventKnownSessions(const TrafficAgg& r, const MeasureContext&) {
  return r.key_events ? r.sessions : std::nullopt;
}

template <RowAmount kAmount>
bool hasRowsWith(const Dataset& data) {
  const MeasureContext ctx{0, false, visitorsBasisOf(data)};
  for (const bool landing : {false, true}) {  // either family of rows may carry the measure
    for (const TrafficAgg* r : visitRows(data, landing)) {
      if (kAmount(*r, ctx)) return true;
    }
  }
  return false;
}

template <RowAmount kAmount>
constexpr MeasureDefinition trafficMeasure(std::string_view id, std::string_view what,
                                           std::string_view what_fr) {
  return {id,
          "traffic",
          "",
          what,
          what_fr,
          kTrafficDims,
          false,
          false,
          hasRowsWith<kAmount>,
          rowFacts<kAmount>};
}

const std::array kMeasures = {
    trafficMeasure<visitors>("visitors", "users or sessions", "utilisateurs ou sessions"),
    trafficMeasure<sessions>("sessions", "sessions", "sessions"),
    trafficMeasure<bounced>("bounced_sessions", "bounces or engaged sessions",
                            "rebonds ou sessions avec engagement"),
    trafficMeasure<bounceKnownSessions>("bounce_known_sessions", "bounces or engaged sessions",
                                        "rebonds ou sessions avec engagement"),
    trafficMeasure<organicSessions>("organic_sessions", "sessions", "sessions"),
    trafficMeasure<socialSessions>("social_sessions", "sessions", "sessions"),
    trafficMeasure<mobileSessions>("mobile_sessions", "sessions by device",
                                   "sessions par appareil"),
    trafficMeasure<entrances>("entrances", "landing-page entrances or sessions",
                              "entrées ou sessions par landing page"),
    trafficMeasure<keyEvents>("key_events", "key events (conversions)",
                              "événements clés (conversions)"),
    trafficMeasure<keyEventKnownSessions>("key_event_known_sessions", "key events (conversions)",
                                          "événements clés (conversions)"),
};

}  // namespace

std::span<const MeasureDefinition> trafficMeasures() { return kMeasures; }

}  // namespace roilens::metrics::detail

namespace roilens::metrics {

VisitorsBasis visitorsBasisOf(const model::Dataset& data) {
  // Decided on the rows visitors are read from (acquisition rows, else landing-page rows).
  bool any = false;
  for (const model::TrafficAgg* r : detail::visitRows(data, false)) {
    if (!r->users && !r->sessions) continue;
    any = true;
    if (!r->users) return VisitorsBasis::kSessions;
  }
  return any ? VisitorsBasis::kUsers : VisitorsBasis::kSessions;
}

}  // namespace roilens::metrics
