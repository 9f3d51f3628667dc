// Event measures from the touchpoint stream: CTA and landing-page events, the four seed-001
// definitions of new prospects, and campaign-member conversions. CTA and landing-page events
// also come as counts per landing page (a GA4 exploration by event name and landing page).
#include <array>
#include <map>

#include "roilens/metrics/measure.hpp"
#include "roilens/metrics/measure_dimensions.hpp"

namespace roilens::metrics::detail {
namespace {

using model::Dataset;
using model::Touchpoint;
using model::TrafficAgg;
using Type = model::TouchpointType;

constexpr DimensionSet kCampaignDims = {Dimension::kCampaign};

template <Type kType>
bool hasEvents(const Dataset& d) {
  for (const Touchpoint& t : d.touchpoints) {
    if (t.type == kType) return true;
  }
  return false;
}

Fact eventFact(const Touchpoint& t, const MeasureContext& ctx) {
  Fact f = dayFact(model::localDay(t.occurred_at, ctx.utc_offset_minutes));
  f.origin = &t.origin;
  at(f.dims, Dimension::kChannel) = t.channel;
  at(f.dims, Dimension::kSource) = t.source;
  at(f.dims, Dimension::kCampaign) = t.campaign;
  at(f.dims, Dimension::kLandingPage) = t.landing_page;
  at(f.dims, Dimension::kCta) = t.cta_id;
  at(f.dims, Dimension::kDevice) = lowerCase(t.device);
  at(f.dims, Dimension::kEmail) = t.email_id;
  at(f.dims, Dimension::kSegment) = t.segment;
  return f;
}

template <Type kType>
std::vector<Fact> events(const Dataset& data, const MeasureContext& ctx) {
  std::vector<Fact> out;
  for (const Touchpoint& t : data.touchpoints) {
    if (t.type == kType) out.push_back(eventFact(t, ctx));
  }
  return out;
}

// Landing-page views: page views that carry the landing page they were on.
std::vector<Fact> landingPageViews(const Dataset& data, const MeasureContext& ctx) {
  std::vector<Fact> out;
  for (const Touchpoint& t : data.touchpoints) {
    if (t.type == Type::kPageView && !t.landing_page.empty()) out.push_back(eventFact(t, ctx));
  }
  return out;
}

// An analytics row counting events of one type on one page: its event name is in the sources'
// event vocabulary (event_type) and it names a landing page or a page.
bool countsEventsOf(const TrafficAgg& r, Type type) {
  return r.event_type == type && r.event_count && (!r.landing_page.empty() || !r.page.empty());
}

template <Type kType>
bool hasEventCounts(const Dataset& d) {
  for (const TrafficAgg& r : d.traffic) {
    if (countsEventsOf(r, kType)) return true;
  }
  return false;
}

Fact eventCountFact(const TrafficAgg& r) {
  Fact f;
  f.origin = &r.origin;
  f.first = r.range_start;
  f.last = r.range_end;
  f.amount = *r.event_count;
  at(f.dims, Dimension::kChannel) = r.channel;
  at(f.dims, Dimension::kSource) = r.source;
  at(f.dims, Dimension::kCampaign) = r.campaign;
  // "Page path and screen class": the page the events happened on is the landing page read.
  at(f.dims, Dimension::kLandingPage) = !r.landing_page.empty() ? r.landing_page : r.page;
  at(f.dims, Dimension::kDevice) = lowerCase(r.device);
  return f;
}

// The other event of a KPI read from either source: a CTA's views and clicks (cta_click_rate),
// a landing page's views and form submissions (form_fill_rate).
constexpr Type partnerOf(Type type) {
  switch (type) {
    case Type::kCtaView:
      return Type::kCtaClick;
    case Type::kCtaClick:
      return Type::kCtaView;
    case Type::kPageView:
      return Type::kFormSubmit;
    default:
      return Type::kPageView;
  }
}

// A KPI reads its numerator and denominator from one source, so that no event is counted twice
// and no ratio mixes an event log with analytics counts: the event log when it holds events of
// the pair (it knows CTAs and contacts), else the analytics event counts per landing page.
template <Type kType>
bool readsEventLog(const Dataset& d) {
  return hasEvents<kType>(d) || hasEvents<partnerOf(kType)>(d);
}

template <Type kType>
bool hasEventsInSource(const Dataset& d) {
  return readsEventLog<kType>(d) ? hasEvents<kType>(d) : hasEventCounts<kType>(d);
}

// kTouchpoints picks the touchpoints of the event log (all events, or page views with an LP).
template <Type kType, FactSource kTouchpoints>
std::vector<Fact> eventsFromSource(const Dataset& data, const MeasureContext& ctx) {
  if (readsEventLog<kType>(data)) return kTouchpoints(data, ctx);
  std::vector<Fact> out;
  for (const TrafficAgg& r : data.traffic) {
    if (countsEventsOf(r, kType)) out.push_back(eventCountFact(r));
  }
  return out;
}

// CTA and landing-page event measures (cta_click_rate, form_fill_rate): from an event log or
// from analytics event counts per landing page.
template <Type kType, FactSource kTouchpoints = events<kType>>
constexpr MeasureDefinition pageEventMeasure(std::string_view id, std::string_view what,
                                             std::string_view what_fr) {
  return {id,
          "touchpoints",
          "",
          what,
          what_fr,
          kEventDims,
          false,
          false,
          hasEventsInSource<kType>,
          eventsFromSource<kType, kTouchpoints>};
}

bool isProspectEvent(const Touchpoint& t) {
  switch (t.type) {
    case Type::kFormSubmit:
      return true;  // seed 001 def. 1: any form (the seed itself hesitates on "prospect forms")
    case Type::kSegmentAdd:
      return isProspectLabel(t.segment);
    case Type::kCampaignEnter:
    case Type::kEmailSend:
      return isProspectLabel(t.campaign) || isProspectLabel(t.email_id);
    default:
      return false;
  }
}

// Distinct contacts with a prospect event of kType in the period.
template <Type kType>
std::vector<Fact> prospectEvents(const Dataset& data, const MeasureContext& ctx) {
  std::vector<Fact> out;
  for (const Touchpoint& t : data.touchpoints) {
    if (t.type != kType || !isProspectEvent(t)) continue;
    Fact f = eventFact(t, ctx);
    f.entity = t.contact_ref;
    out.push_back(std::move(f));
  }
  return out;
}

// Definition 4: each contact's first prospect e-mail send, dated at that send.
std::vector<Fact> firstProspectEmails(const Dataset& data, const MeasureContext& ctx) {
  std::map<std::string, const Touchpoint*> first;
  for (const Touchpoint& t : data.touchpoints) {
    if (t.type != Type::kEmailSend || !isProspectEvent(t)) continue;
    auto [it, inserted] = first.emplace(t.contact_ref, &t);
    if (!inserted && t.occurred_at < it->second->occurred_at) it->second = &t;
  }
  std::vector<Fact> out;
  for (const auto& [contact, t] : first) out.push_back(eventFact(*t, ctx));
  return out;
}

// A campaign member: a contact's first entry into a campaign. Members are dated at entry; the
// converted variants keep the members who did `kType` (in the same campaign unless
// kAnyCampaign) at or after entering.
struct Membership {
  const Touchpoint* entry = nullptr;
};
using Members = std::map<std::pair<std::string, std::string>, Membership>;  // (contact, campaign)

Members campaignMembers(const Dataset& data) {
  Members members;
  for (const Touchpoint& t : data.touchpoints) {
    if (t.type != Type::kCampaignEnter) continue;
    Membership& m = members[{t.contact_ref, t.campaign}];
    if (!m.entry || t.occurred_at < m.entry->occurred_at) m.entry = &t;
  }
  return members;
}

Fact memberFact(const std::pair<std::string, std::string>& key, const Touchpoint& entry,
                const MeasureContext& ctx) {
  Fact f = dayFact(model::localDay(entry.occurred_at, ctx.utc_offset_minutes));
  f.origin = &entry.origin;
  at(f.dims, Dimension::kCampaign) = key.second;
  f.entity = key.first + '\x1f' + key.second;
  return f;
}

std::vector<Fact> members(const Dataset& data, const MeasureContext& ctx) {
  std::vector<Fact> out;
  for (const auto& [key, m] : campaignMembers(data)) out.push_back(memberFact(key, *m.entry, ctx));
  return out;
}

// A site visit is a visit or a page view; other conversions are their own event type.
bool isConversion(const Touchpoint& t, Type type) {
  if (type == Type::kVisit) return t.type == Type::kVisit || t.type == Type::kPageView;
  return t.type == type;
}

template <Type kType, bool kAnyCampaign>
std::vector<Fact> convertedMembers(const Dataset& data, const MeasureContext& ctx) {
  const Members all = campaignMembers(data);
  std::vector<Fact> out;
  std::map<std::pair<std::string, std::string>, bool> done;
  for (const Touchpoint& t : data.touchpoints) {
    if (!isConversion(t, kType)) continue;
    for (auto it = all.lower_bound({t.contact_ref, ""});
         it != all.end() && it->first.first == t.contact_ref; ++it) {
      const bool same_campaign = kAnyCampaign || it->first.second == t.campaign;
      if (same_campaign && t.occurred_at >= it->second.entry->occurred_at && !done[it->first]) {
        done[it->first] = true;
        out.push_back(memberFact(it->first, *it->second.entry, ctx));
      }
    }
  }
  return out;
}

template <Type kType>
constexpr MeasureDefinition prospectMeasure(std::string_view id, std::string_view what,
                                            std::string_view what_fr) {
  return {id,
          "touchpoints",
          "",
          what,
          what_fr,
          kEventDims,
          true,
          false,
          hasEvents<kType>,
          prospectEvents<kType>};
}

constexpr MeasureDefinition memberMeasure(std::string_view id, FactSource facts) {
  return {id,
          "touchpoints",
          "",
          "campaign entries in the activity export",
          "entrées en campagne dans l'export d'activité",
          kCampaignDims,
          true,
          false,
          hasEvents<Type::kCampaignEnter>,
          facts};
}

const std::array kMeasures = {
    pageEventMeasure<Type::kCtaView>("cta_views", "CTA views", "vues de CTA"),
    pageEventMeasure<Type::kCtaClick>("cta_clicks", "CTA clicks", "clics sur CTA"),
    pageEventMeasure<Type::kPageView, landingPageViews>("landing_page_views",
                                                        "page views with a landing page",
                                                        "pages vues avec leur landing page"),
    pageEventMeasure<Type::kFormSubmit>("form_submissions", "form submissions",
                                        "soumissions de formulaire"),
    prospectMeasure<Type::kFormSubmit>("prospects_by_form", "form submissions",
                                       "soumissions de formulaire"),
    prospectMeasure<Type::kSegmentAdd>("prospects_by_segment", "segment additions",
                                       "ajouts à un segment"),
    prospectMeasure<Type::kCampaignEnter>("prospects_by_campaign", "campaign entries",
                                          "entrées en campagne"),
    MeasureDefinition{"prospects_by_first_email", "touchpoints", "", "e-mail sends per contact",
                      "envois d'e-mails par contact", kEventDims, false, false,
                      hasEvents<Type::kEmailSend>, firstProspectEmails},
    memberMeasure("campaign_members", members),
    memberMeasure("campaign_members_downloading", convertedMembers<Type::kDownload, false>),
    memberMeasure("campaign_members_updated", convertedMembers<Type::kContactUpdate, false>),
    memberMeasure("campaign_members_visiting", convertedMembers<Type::kVisit, true>),
};

}  // namespace

std::span<const MeasureDefinition> touchpointMeasures() { return kMeasures; }

}  // namespace roilens::metrics::detail
