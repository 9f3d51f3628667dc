#include "roilens/sources/channel_taxonomy.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <vector>

#include "roilens/sources/label_text.hpp"

namespace roilens::sources {
namespace {

// Site lists, ABRIDGED from Google's source-category list linked from the GA4 default channel
// group help page (FORMATS.md [C3]): the main sites only. A source matches when its host (scheme,
// path and a leading www./m./l./lm./mobile./search./news. removed) equals an entry, or its first
// remaining label does ("google.co.uk" → "google", "l.facebook.com" → "facebook").
constexpr std::array<std::string_view, 30> kSearchSites = {
    "google",    "bing",           "yahoo",  "baidu",  "yandex",   "duckduckgo",
    "ecosia",    "naver",          "seznam", "qwant",  "ask",      "aol",
    "startpage", "brave",          "sogou",  "so.com", "daum",     "msn",
    "avg",       "dogpile",        "lycos",  "onet",   "rambler",  "petalsearch",
    "yandex.ru", "search-results", "360.cn", "coccoc", "info.com", "mojeek"};
constexpr std::array<std::string_view, 34> kSocialSites = {
    "facebook", "fb",       "instagram", "ig",        "linkedin", "lnkd.in",  "twitter",
    "t.co",     "x",        "pinterest", "reddit",    "tiktok",   "snapchat", "tumblr",
    "vk",       "weibo",    "whatsapp",  "messenger", "quora",    "discord",  "telegram",
    "threads",  "mastodon", "line",      "wechat",    "qq",       "meetup",   "tagged",
    "xing",     "viadeo",   "flickr",    "medium",    "yelp",     "glassdoor"};
constexpr std::array<std::string_view, 12> kVideoSites = {
    "youtube", "youtu.be", "vimeo",   "dailymotion", "twitch",  "wistia",
    "youku",   "bilibili", "netflix", "hulu",        "vidyard", "ted"};
constexpr std::array<std::string_view, 16> kShoppingSites = {
    "shopping.google", "google shopping", "igshopping", "amazon",     "ebay",    "etsy",
    "walmart",         "shopify",         "alibaba",    "aliexpress", "rakuten", "zalando",
    "mercadolibre",    "target",          "bestbuy",    "shopzilla"};

constexpr std::array<std::string_view, 7> kHostPrefixes = {"www.",    "m.",      "l.",   "lm.",
                                                           "mobile.", "search.", "news."};

std::string hostOf(std::string_view source) {
  std::string host = foldCase(trimText(source));
  if (const auto scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
  if (const auto slash = host.find('/'); slash != std::string::npos) host.erase(slash);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const std::string_view prefix : kHostPrefixes) {
      if (host.size() > prefix.size() && host.starts_with(prefix)) {
        host.erase(0, prefix.size());
        stripped = true;
      }
    }
  }
  return host;
}

template <std::size_t N>
bool inSiteList(std::string_view source, const std::array<std::string_view, N>& sites) {
  if (trimText(source).empty()) return false;
  const std::string host = hostOf(source);
  const std::string first_label = host.substr(0, host.find('.'));
  return std::any_of(sites.begin(), sites.end(),
                     [&](std::string_view site) { return host == site || first_label == site; });
}

bool isPaidMedium(std::string_view medium) {  // ^(.*cp.*|ppc|retargeting|paid.*)$
  return medium.find("cp") != std::string_view::npos || medium == "ppc" ||
         medium == "retargeting" || medium.starts_with("paid");
}

bool isShoppingCampaign(std::string_view campaign) {  // ^(.*(([^a-df-z]|^)shop|shopping).*)$
  if (campaign.find("shopping") != std::string_view::npos) return true;
  for (std::size_t at = campaign.find("shop"); at != std::string_view::npos;
       at = campaign.find("shop", at + 1)) {
    if (at == 0) return true;
    const char before = campaign[at - 1];
    const bool in_excluded_range =
        (before >= 'a' && before <= 'd') || (before >= 'f' && before <= 'z');
    if (!in_excluded_range) return true;
  }
  return false;
}

bool isOneOf(std::string_view value, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), value) != options.end();
}

bool isEmailWord(std::string_view value) {
  return isOneOf(value, {"email", "e-mail", "e_mail", "e mail"});
}

}  // namespace

std::string channelFromUtm(std::string_view raw_source, std::string_view raw_medium,
                           std::string_view raw_campaign) {
  const std::string source = foldCase(trimText(raw_source));
  const std::string medium = foldCase(trimText(raw_medium));
  const std::string campaign = foldCase(trimText(raw_campaign));
  const bool paid = isPaidMedium(medium);
  const bool shopping = inSiteList(source, kShoppingSites) || isShoppingCampaign(campaign);
  const bool search = inSiteList(source, kSearchSites);
  const bool social = inSiteList(source, kSocialSites);
  const bool video = inSiteList(source, kVideoSites);
  using namespace channel;
  // Rules 1-19 of FORMATS.md §16, in order.
  if (source == "(direct)" && isOneOf(medium, {"(not set)", "(none)", ""}))
    return std::string(kDirect);
  if (campaign.find("cross-network") != std::string::npos) return std::string(kCrossNetwork);
  if (shopping && paid) return std::string(kPaidShopping);
  if (search && paid) return std::string(kPaidSearch);
  if (social && paid) return std::string(kPaidSocial);
  if (video && paid) return std::string(kPaidVideo);
  if (isOneOf(medium, {"display", "banner", "expandable", "interstitial", "cpm"})) {
    return std::string(kDisplay);
  }
  if (paid) return std::string(kPaidOther);
  if (shopping) return std::string(kOrganicShopping);
  if (social || isOneOf(medium, {"social", "social-network", "social-media", "sm", "social network",
                                 "social media"})) {
    return std::string(kOrganicSocial);
  }
  if (video || medium.find("video") != std::string::npos) return std::string(kOrganicVideo);
  if (search || medium == "organic") return std::string(kOrganicSearch);
  if (isOneOf(medium, {"referral", "app", "link"})) return std::string(kReferral);
  if (isEmailWord(source) || isEmailWord(medium)) return std::string(kEmail);
  if (medium == "affiliate") return std::string(kAffiliates);
  if (medium == "audio") return std::string(kAudio);
  if (source == "sms" || medium == "sms") return std::string(kSms);
  if (medium.ends_with("push") || medium.find("mobile") != std::string::npos ||
      medium.find("notification") != std::string::npos || source == "firebase") {
    return std::string(kMobilePush);
  }
  return std::string(kUnassigned);
}

std::string channelFromSourceMedium(std::string_view source_medium, std::string_view campaign) {
  const std::size_t slash = source_medium.find(" / ");
  if (slash == std::string_view::npos) return channelFromUtm(source_medium, "", campaign);
  return channelFromUtm(source_medium.substr(0, slash), source_medium.substr(slash + 3), campaign);
}

namespace {

struct LabelToChannel {
  std::string_view label;  // as displayed; compared through labelKey()
  std::string_view channel;
};

// GA4 channel labels as written in exports: EN ids and the FR UI labels (FR: I, from GA4's
// French interface; unverified against a real French export).
constexpr std::array<LabelToChannel, 38> kGa4Labels = {{
    {"direct", channel::kDirect},
    {"cross-network", channel::kCrossNetwork},
    {"paid shopping", channel::kPaidShopping},
    {"paid search", channel::kPaidSearch},
    {"paid social", channel::kPaidSocial},
    {"paid video", channel::kPaidVideo},
    {"display", channel::kDisplay},
    {"paid other", channel::kPaidOther},
    {"organic shopping", channel::kOrganicShopping},
    {"organic social", channel::kOrganicSocial},
    {"organic video", channel::kOrganicVideo},
    {"organic search", channel::kOrganicSearch},
    {"referral", channel::kReferral},
    {"email", channel::kEmail},
    {"affiliates", channel::kAffiliates},
    {"audio", channel::kAudio},
    {"sms", channel::kSms},
    {"mobile push notifications", channel::kMobilePush},
    {"unassigned", channel::kUnassigned},
    {"(other)", channel::kUnassigned},
    {"offline", channel::kOffline},
    {"Accès direct", channel::kDirect},
    {"Multiréseau", channel::kCrossNetwork},
    {"Shopping payant", channel::kPaidShopping},
    {"Recherche payante", channel::kPaidSearch},
    {"Réseaux sociaux payants", channel::kPaidSocial},
    {"Vidéo payante", channel::kPaidVideo},
    {"Autre canal payant", channel::kPaidOther},
    {"Shopping naturel", channel::kOrganicShopping},
    {"Réseaux sociaux naturels", channel::kOrganicSocial},
    {"Vidéo naturelle", channel::kOrganicVideo},
    {"Recherche naturelle", channel::kOrganicSearch},
    {"Site référent", channel::kReferral},
    {"E-mail", channel::kEmail},
    {"Affiliés", channel::kAffiliates},
    {"Notifications push mobiles", channel::kMobilePush},
    {"Non attribué", channel::kUnassigned},
    {"Hors ligne", channel::kOffline},
}};

// A label table with its labels' keys computed once (each user keeps one as a static const).
class LabelLookup {
 public:
  template <std::size_t N>
  explicit LabelLookup(const std::array<LabelToChannel, N>& table) : table_(table) {
    for (const LabelToChannel& entry : table_) keys_.push_back(labelKey(entry.label));
  }
  std::string find(std::string_view label) const {
    const auto found = std::find(keys_.begin(), keys_.end(), labelKey(label));
    return found == keys_.end()
               ? std::string()
               : std::string(table_[static_cast<std::size_t>(found - keys_.begin())].channel);
  }

 private:
  std::span<const LabelToChannel> table_;
  std::vector<std::string> keys_;
};

// HubSpot Original Source: current and older EN labels, internal values, FR labels (FORMATS §1).
// Paid search and Other campaigns are refined by the caller below.
constexpr std::array<LabelToChannel, 30> kHubSpotSources = {{
    {"organic search", channel::kOrganicSearch},
    {"organic_search", channel::kOrganicSearch},
    {"recherche naturelle", channel::kOrganicSearch},
    {"paid search", channel::kPaidSearch},
    {"paid_search", channel::kPaidSearch},
    {"recherche payante", channel::kPaidSearch},
    {"email marketing", channel::kEmail},
    {"email_marketing", channel::kEmail},
    {"e-mail marketing", channel::kEmail},
    {"organic social", channel::kOrganicSocial},
    {"social media", channel::kOrganicSocial},
    {"social_media", channel::kOrganicSocial},
    {"réseaux sociaux", channel::kOrganicSocial},
    {"paid social", channel::kPaidSocial},
    {"paid_social", channel::kPaidSocial},
    {"campagne payante", channel::kPaidSocial},
    {"(campagne payante)", channel::kPaidSocial},
    {"referrals", channel::kReferral},
    {"referrals_", channel::kReferral},
    {"renvois", channel::kReferral},
    {"ai referrals", channel::kReferral},
    {"ai_referrals", channel::kReferral},
    {"direct traffic", channel::kDirect},
    {"direct_traffic", channel::kDirect},
    {"trafic direct", channel::kDirect},
    {"offline sources", channel::kOffline},
    {"offline", channel::kOffline},
    {"sources hors ligne", channel::kOffline},
    {"other campaigns", channel::kUnassigned},  // refined from drill-down 2 below
    {"other_campaigns", channel::kUnassigned},
}};

bool isOtherCampaigns(const std::string& key) {
  return key == "other campaigns" || key == "other_campaigns" || key == "autres campagnes";
}

}  // namespace

std::string channelFromGa4Label(std::string_view label) {
  static const LabelLookup kGa4Lookup(kGa4Labels);
  return kGa4Lookup.find(label);
}

std::string channelFromHubSpotSource(std::string_view original_source,
                                     std::string_view drill_down_1, std::string_view drill_down_2) {
  const std::string key = labelKey(original_source);
  if (isOtherCampaigns(key)) {
    // Drill-down 2 holds "source / medium" for other campaigns: re-run rules 1-18.
    if (drill_down_2.find(" / ") == std::string_view::npos)
      return std::string(channel::kUnassigned);
    return channelFromSourceMedium(drill_down_2, drill_down_1);
  }
  static const LabelLookup kHubSpotLookup(kHubSpotSources);
  std::string found = kHubSpotLookup.find(original_source);
  if (found == channel::kPaidSearch) {
    const std::string detail = foldCase(drill_down_1);
    if (detail.find("pmax") != std::string::npos ||
        detail.find("cross-network") != std::string::npos ||
        detail.find("performance max") != std::string::npos) {
      return std::string(channel::kCrossNetwork);
    }
  }
  return found;
}

std::string campaignFromHubSpotDrillDown(std::string_view original_source,
                                         std::string_view drill_down_1,
                                         std::string_view drill_down_2) {
  const std::string key = labelKey(original_source);
  for (const std::string_view d1 :
       {"paid search", "paid_search", "recherche payante", "email marketing", "email_marketing",
        "e-mail marketing", "other campaigns", "other_campaigns", "autres campagnes"}) {
    if (key == d1) return std::string(trimText(drill_down_1));
  }
  for (const std::string_view d2 :
       {"organic social", "social media", "social_media", "réseaux sociaux", "paid social",
        "paid_social", "campagne payante", "(campagne payante)"}) {
    if (key == d2) return std::string(trimText(drill_down_2));
  }
  return "";
}

std::string channelFromMatomoReferrerType(std::string_view referrer_type,
                                          std::string_view campaign_source,
                                          std::string_view campaign_medium) {
  static constexpr std::array<LabelToChannel, 20> kMatomoTypes = {{
      {"direct", channel::kDirect},
      {"direct entry", channel::kDirect},
      {"entrées directes", channel::kDirect},
      {"direkte zugriffe", channel::kDirect},
      {"search", channel::kOrganicSearch},
      {"search engines", channel::kOrganicSearch},
      {"moteurs de recherche", channel::kOrganicSearch},
      {"suchmaschinen", channel::kOrganicSearch},
      {"website", channel::kReferral},
      {"websites", channel::kReferral},
      {"sites web", channel::kReferral},
      {"webseiten", channel::kReferral},
      {"social", channel::kOrganicSocial},
      {"social networks", channel::kOrganicSocial},
      {"réseaux sociaux", channel::kOrganicSocial},
      {"soziale netzwerke", channel::kOrganicSocial},
      {"campaign", channel::kUnassigned},  // refined from source/medium below
      {"campaigns", channel::kUnassigned},
      {"campagnes", channel::kUnassigned},
      {"kampagnen", channel::kUnassigned},
  }};
  static const LabelLookup kMatomoLookup(kMatomoTypes);
  std::string found = kMatomoLookup.find(referrer_type);
  if (found == channel::kUnassigned &&
      (!trimText(campaign_source).empty() || !trimText(campaign_medium).empty())) {
    return channelFromUtm(campaign_source, campaign_medium);
  }
  return found;
}

std::string channelFromUaGrouping(std::string_view grouping) {
  static constexpr std::array<LabelToChannel, 10> kUaGroups = {{
      {"organic search", channel::kOrganicSearch},
      {"direct", channel::kDirect},
      {"referral", channel::kReferral},
      {"email", channel::kEmail},
      {"paid search", channel::kPaidSearch},
      {"display", channel::kDisplay},
      {"affiliates", channel::kAffiliates},
      {"social", channel::kOrganicSocial},
      {"other advertising", channel::kPaidOther},
      {"(other)", channel::kUnassigned},
  }};
  static const LabelLookup kUaLookup(kUaGroups);
  return kUaLookup.find(grouping);
}

std::string channelFromGoogleAdsCampaignType(std::string_view campaign_type) {
  static constexpr std::array<LabelToChannel, 10> kTypes = {{
      {"search", channel::kPaidSearch},
      {"shopping", channel::kPaidShopping},
      {"display", channel::kDisplay},
      {"video", channel::kPaidVideo},
      {"performance max", channel::kCrossNetwork},
      {"demand gen", channel::kCrossNetwork},
      {"discovery", channel::kCrossNetwork},  // Demand Gen's former name
      {"smart", channel::kCrossNetwork},      // FORMATS §16: Smart → Cross-network (I)
      {"cross-network", channel::kCrossNetwork},
      {"social", channel::kPaidSocial},
  }};
  static const LabelLookup kTypesLookup(kTypes);
  std::string found = kTypesLookup.find(campaign_type);
  return found.empty() ? std::string(channel::kPaidOther) : found;
}

std::string channelFromShopifySource(std::string_view source) {
  return labelKey(source) == "pos" ? std::string(channel::kOffline)
                                   : std::string(channel::kUnassigned);
}

std::string channelFromWooCommerceOrigin(std::string_view origin) {
  const std::string key = labelKey(origin);
  const std::size_t colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  const std::string site =
      colon == std::string::npos ? "" : std::string(trimText(key.substr(colon + 1)));
  if (kind == "direct") return std::string(channel::kDirect);
  if (kind == "organic") return channelFromUtm(site, "organic");
  if (kind == "referral") return channelFromUtm(site, "referral");
  if (kind == "source" || kind == "utm") return channelFromUtm(site, "");
  if (kind == "web admin" || kind == "admin") return std::string(channel::kOffline);
  return std::string(channel::kUnassigned);
}

std::string_view channelLabelFr(std::string_view channel_id) {
  for (const LabelToChannel& entry : kGa4Labels) {
    // The FR entries follow the EN ones; the first FR entry with this channel is its label.
    if (entry.channel == channel_id && &entry >= &kGa4Labels[21]) return entry.label;
  }
  return channel_id;
}

}  // namespace roilens::sources
