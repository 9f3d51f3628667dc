#pragma once
// One channel taxonomy for every source: GA4's default channel grouping (FORMATS.md §16), plus
// the extension "Offline" for CRM-created records. Channel ids are GA4's English labels, which is
// what GA4 exports write in their channel columns ("Paid Social", "Organic Search", ...).
// Every mapping from a tool's own vocabulary (HubSpot Original Source, Matomo referrer types, UA
// Default Channel Grouping, Google Ads campaign types, UTM source/medium) lands here; callers keep
// the raw value beside the channel (Contact::original_source_raw, TrafficAgg::source/medium...).
#include <string>
#include <string_view>

namespace roilens::sources {

namespace channel {
inline constexpr std::string_view kDirect = "Direct";
inline constexpr std::string_view kCrossNetwork = "Cross-network";
inline constexpr std::string_view kPaidShopping = "Paid Shopping";
inline constexpr std::string_view kPaidSearch = "Paid Search";
inline constexpr std::string_view kPaidSocial = "Paid Social";
inline constexpr std::string_view kPaidVideo = "Paid Video";
inline constexpr std::string_view kDisplay = "Display";
inline constexpr std::string_view kPaidOther = "Paid Other";
inline constexpr std::string_view kOrganicShopping = "Organic Shopping";
inline constexpr std::string_view kOrganicSocial = "Organic Social";
inline constexpr std::string_view kOrganicVideo = "Organic Video";
inline constexpr std::string_view kOrganicSearch = "Organic Search";
inline constexpr std::string_view kReferral = "Referral";
inline constexpr std::string_view kEmail = "Email";
inline constexpr std::string_view kAffiliates = "Affiliates";
inline constexpr std::string_view kAudio = "Audio";
inline constexpr std::string_view kSms = "SMS";
inline constexpr std::string_view kMobilePush = "Mobile Push Notifications";
inline constexpr std::string_view kUnassigned = "Unassigned";
inline constexpr std::string_view kOffline = "Offline";  // extension outside GA4
}  // namespace channel

// Manually tagged traffic (utm_source / utm_medium / utm_campaign): GA4 rules 1-19, top-down,
// case-insensitive, first match wins. Never returns an empty string.
std::string channelFromUtm(std::string_view source, std::string_view medium,
                           std::string_view campaign = {});

// "google / organic" (GA4 "Session source / medium") → the same rules.
std::string channelFromSourceMedium(std::string_view source_medium, std::string_view campaign = {});

// A channel label as GA4 writes it in English or French ("Recherche naturelle"), any case, to the
// channel id; "" when the label is not a channel name.
std::string channelFromGa4Label(std::string_view label);

// HubSpot "Original Source" in any form: EN label (current and older), FR label, internal value
// (ORGANIC_SEARCH). drill_down_1/2 refine Paid search (PMax → Cross-network) and Other campaigns
// (drill-down 2 "source / medium" re-run through the UTM rules). "" when not a HubSpot value.
std::string channelFromHubSpotSource(std::string_view original_source,
                                     std::string_view drill_down_1 = {},
                                     std::string_view drill_down_2 = {});

// The campaign a HubSpot Original Source drill-down names (FORMATS §1 table): drill-down 1 for
// Paid search, Email marketing and Other campaigns; drill-down 2 for social sources; else "".
std::string campaignFromHubSpotDrillDown(std::string_view original_source,
                                         std::string_view drill_down_1,
                                         std::string_view drill_down_2);

// Matomo referrer type (raw id "search" or EN/FR/DE label "Search Engines"); a campaign is
// classified from its source/medium when given. "" when not a Matomo referrer type.
std::string channelFromMatomoReferrerType(std::string_view referrer_type,
                                          std::string_view campaign_source = {},
                                          std::string_view campaign_medium = {});

// UA "Default Channel Grouping" value. "" when unknown.
std::string channelFromUaGrouping(std::string_view grouping);

// Google Ads "Campaign type" (Search, Shopping, Display, Video, Performance Max, Demand Gen,
// Smart, ...). Unknown types are Paid Other: it is paid traffic in any case.
std::string channelFromGoogleAdsCampaignType(std::string_view campaign_type);

// Shopify order `Source`: pos → Offline; web, numeric app ids, empty → Unassigned (FORMATS §16).
std::string channelFromShopifySource(std::string_view source);

// WooCommerce order-attribution origin label ("Direct", "Organic: Google", "Referral: Facebook",
// "Source: newsletter", "Unknown", "Web admin") → channel.
std::string channelFromWooCommerceOrigin(std::string_view origin);

// French label of a channel id, for the page (the id itself is the English label).
std::string_view channelLabelFr(std::string_view channel_id);

}  // namespace roilens::sources
