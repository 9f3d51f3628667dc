// E-mail campaign measures. Seed 001: open rate is per send, and a resend ("A-bis") is merged
// into its original: (opens A + opens A-bis) / sends A.
#include <array>
#include <map>

#include "roilens/metrics/measure.hpp"
#include "roilens/metrics/measure_dimensions.hpp"

namespace roilens::metrics::detail {
namespace {

using model::Dataset;
using model::EmailCampaignStats;

struct MergedEmail {
  const EmailCampaignStats* original = nullptr;
  std::optional<double> sends, opens, clicks;
};

void addTo(std::optional<double>& total, const std::optional<double>& part) {
  if (part) total = total.value_or(0.0) + *part;
}

// Sends are the recipients the tool sent to (delivered when it only gives that).
std::optional<double> sendsOf(const EmailCampaignStats& e) {
  return e.recipients ? e.recipients : e.delivered;
}
std::optional<double> opensOf(const EmailCampaignStats& e) {
  return e.unique_opens ? e.unique_opens : e.total_opens;
}
std::optional<double> clicksOf(const EmailCampaignStats& e) {
  return e.unique_clicks ? e.unique_clicks : e.total_clicks;
}

// One entry per original e-mail; a resend whose original is absent stands on its own.
std::vector<MergedEmail> mergedEmails(const Dataset& data) {
  std::map<std::string, MergedEmail> by_id;
  for (const EmailCampaignStats& e : data.emails) {
    if (!e.resend_of.empty()) continue;
    MergedEmail& m = by_id[e.campaign_id];
    m.original = &e;
    m.sends = sendsOf(e);
    m.opens = opensOf(e);
    m.clicks = clicksOf(e);
  }
  for (const EmailCampaignStats& e : data.emails) {
    if (e.resend_of.empty()) continue;
    const auto it = by_id.find(e.resend_of);
    if (it == by_id.end()) {
      by_id[e.campaign_id] = MergedEmail{&e, sendsOf(e), opensOf(e), clicksOf(e)};
      continue;
    }
    addTo(it->second.opens, opensOf(e));  // a resend's sends are not new sends (seed 001)
    addTo(it->second.clicks, clicksOf(e));
  }
  std::vector<MergedEmail> out;
  for (auto& [id, m] : by_id) out.push_back(m);
  return out;
}

enum Field : unsigned { kSends = 1, kOpens = 2, kClicks = 4 };

const std::optional<double>& field(const MergedEmail& m, Field f) {
  return f == kSends ? m.sends : f == kOpens ? m.opens : m.clicks;
}

// The amount of `kField` for the e-mails that know every field of `kKnown`, so a rate's
// numerator and denominator always cover the same e-mails.
template <Field kField, unsigned kKnown>
std::vector<Fact> emailFacts(const Dataset& data, const MeasureContext& ctx) {
  std::vector<Fact> out;
  for (const MergedEmail& m : mergedEmails(data)) {
    if (!m.original->sent_at) continue;
    bool known = true;
    for (const Field f : {kSends, kOpens, kClicks}) {
      if ((kKnown & f) && !field(m, f)) known = false;
    }
    if (!known) continue;
    Fact f =
        dayFact(model::localDay(*m.original->sent_at, ctx.utc_offset_minutes), *field(m, kField));
    f.origin = &m.original->origin;
    at(f.dims, Dimension::kEmail) = m.original->campaign_id;
    at(f.dims, Dimension::kCampaign) = m.original->name;
    out.push_back(std::move(f));
  }
  return out;
}

template <Field kField, unsigned kKnown>
bool hasEmails(const Dataset& data) {
  return !emailFacts<kField, kKnown>(data, MeasureContext{}).empty();
}

template <Field kField, unsigned kKnown>
constexpr MeasureDefinition emailMeasure(std::string_view id, std::string_view what,
                                         std::string_view what_fr) {
  return {id,
          "emails",
          "",
          what,
          what_fr,
          kEmailDims,
          false,
          false,
          hasEmails<kField, kKnown>,
          emailFacts<kField, kKnown>};
}

constexpr std::string_view kOpensNeed = "e-mail campaigns with sends and opens";
constexpr std::string_view kOpensNeedFr = "campagnes e-mail avec envois et ouvertures";
constexpr std::string_view kClicksNeed = "e-mail campaigns with sends and clicks";
constexpr std::string_view kClicksNeedFr = "campagnes e-mail avec envois et clics";

const std::array kMeasures = {
    emailMeasure<kSends, kSends | kOpens>("email_sends_with_opens", kOpensNeed, kOpensNeedFr),
    emailMeasure<kOpens, kSends | kOpens>("email_opens", kOpensNeed, kOpensNeedFr),
    emailMeasure<kSends, kSends | kClicks>("email_sends_with_clicks", kClicksNeed, kClicksNeedFr),
    emailMeasure<kClicks, kSends | kClicks>("email_clicks", kClicksNeed, kClicksNeedFr),
    emailMeasure<kOpens, kOpens | kClicks>("email_opens_with_clicks",
                                           "e-mail campaigns with opens and clicks",
                                           "campagnes e-mail avec ouvertures et clics"),
    emailMeasure<kClicks, kOpens | kClicks>("email_clicks_with_opens",
                                            "e-mail campaigns with opens and clicks",
                                            "campagnes e-mail avec ouvertures et clics"),
};

}  // namespace

std::span<const MeasureDefinition> emailMeasures() { return kMeasures; }

}  // namespace roilens::metrics::detail
