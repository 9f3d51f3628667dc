// GA4 default channel grouping rules 1-19 (FORMATS.md §16, Google's help page [C1]) and the
// mappings of other tools onto it. Each case names the rule it exercises.
#include "roilens/sources/channel_taxonomy.hpp"

#include <gtest/gtest.h>

namespace roilens::sources {
namespace {

struct UtmCase {
  const char* rule;
  const char* source;
  const char* medium;
  const char* campaign;
  const char* expected;
};

class Ga4Rules : public ::testing::TestWithParam<UtmCase> {};

TEST_P(Ga4Rules, FirstMatchingRuleWins) {
  const UtmCase& c = GetParam();
  EXPECT_EQ(channelFromUtm(c.source, c.medium, c.campaign), c.expected) << c.rule;
}

INSTANTIATE_TEST_SUITE_P(
    EveryRule, Ga4Rules,
    ::testing::Values(
        UtmCase{"1 direct (none)", "(direct)", "(none)", "", "Direct"},
        UtmCase{"1 direct (not set)", "(direct)", "(not set)", "", "Direct"},
        UtmCase{"2 cross-network campaign", "google", "cpc", "PMax Cross-network", "Cross-network"},
        UtmCase{"3 paid shopping by source", "amazon", "cpc", "", "Paid Shopping"},
        UtmCase{"3 paid shopping by campaign", "newsletter-partner", "paid", "summer_shop",
                "Paid Shopping"},
        UtmCase{"4 paid search", "google", "cpc", "", "Paid Search"},
        UtmCase{"4 paid search, host form", "www.bing.com", "ppc", "", "Paid Search"},
        UtmCase{"5 paid social", "facebook", "paid_social", "", "Paid Social"},
        UtmCase{"5 paid social retargeting", "linkedin.com", "retargeting", "", "Paid Social"},
        UtmCase{"6 paid video", "youtube", "cpv", "", "Paid Video"},
        UtmCase{"7 display", "criteo", "display", "", "Display"},
        UtmCase{"7 display cpm (before 8)", "criteo", "cpm", "", "Display"},
        UtmCase{"8 paid other", "criteo", "cpc", "", "Paid Other"},
        UtmCase{"9 organic shopping", "etsy", "referral", "", "Organic Shopping"},
        UtmCase{"10 organic social by source", "l.facebook.com", "referral", "", "Organic Social"},
        UtmCase{"10 organic social by medium", "mastodon.example", "social", "", "Organic Social"},
        UtmCase{"11 organic video by source", "vimeo.com", "referral", "", "Organic Video"},
        UtmCase{"11 organic video by medium", "acme", "video_embed", "", "Organic Video"},
        UtmCase{"12 organic search by source", "duckduckgo", "referral", "", "Organic Search"},
        UtmCase{"12 organic search by medium", "acme-engine", "organic", "", "Organic Search"},
        UtmCase{"13 referral", "substack.com", "referral", "", "Referral"},
        UtmCase{"13 referral app", "acme", "app", "", "Referral"},
        UtmCase{"14 email by medium", "newsletter", "email", "", "Email"},
        UtmCase{"14 email by source", "e-mail", "blast", "", "Email"},
        UtmCase{"15 affiliates", "partner", "affiliate", "", "Affiliates"},
        UtmCase{"16 audio", "spotify-ads", "audio", "", "Audio"},
        UtmCase{"17 sms", "sms", "text", "", "SMS"},
        UtmCase{"18 push by suffix", "app", "web-push", "", "Mobile Push Notifications"},
        UtmCase{"18 push by source", "firebase", "inapp", "", "Mobile Push Notifications"},
        UtmCase{"19 unassigned", "acme", "weird", "", "Unassigned"},
        UtmCase{"19 unassigned empty", "", "", "", "Unassigned"},
        UtmCase{"case-insensitive", "GOOGLE", "CPC", "", "Paid Search"},
        UtmCase{"workshop is not shop", "acme", "paid", "workshop", "Paid Other"},
        UtmCase{"eshop is shop", "acme", "paid", "eshop-fr", "Paid Shopping"}));

TEST(ChannelFromSourceMedium, SplitsGa4Dimension) {
  EXPECT_EQ(channelFromSourceMedium("(direct) / (none)"), "Direct");
  EXPECT_EQ(channelFromSourceMedium("google / organic"), "Organic Search");
  EXPECT_EQ(channelFromSourceMedium("ig / social"), "Organic Social");
  EXPECT_EQ(channelFromSourceMedium("mail.google.com / referral"), "Referral");
  EXPECT_EQ(channelFromSourceMedium("(not set)"), "Unassigned");
}

TEST(ChannelFromGa4Label, EnglishAndFrenchLabels) {
  EXPECT_EQ(channelFromGa4Label("Paid Social"), "Paid Social");
  EXPECT_EQ(channelFromGa4Label("organic search"), "Organic Search");
  EXPECT_EQ(channelFromGa4Label("Recherche naturelle"), "Organic Search");
  EXPECT_EQ(channelFromGa4Label("Réseaux sociaux payants"), "Paid Social");
  EXPECT_EQ(channelFromGa4Label("Unassigned"), "Unassigned");
  EXPECT_EQ(channelFromGa4Label("My custom group"), "");
  EXPECT_EQ(channelLabelFr("Organic Search"), "Recherche naturelle");
  EXPECT_EQ(channelLabelFr("Display"), "Display");
}

TEST(ChannelFromHubSpot, LabelsInternalValuesAndFrench) {
  // FORMATS.md §16 table, row by row.
  EXPECT_EQ(channelFromHubSpotSource("Organic search"), "Organic Search");
  EXPECT_EQ(channelFromHubSpotSource("ORGANIC_SEARCH"), "Organic Search");
  EXPECT_EQ(channelFromHubSpotSource("Recherche naturelle"), "Organic Search");
  EXPECT_EQ(channelFromHubSpotSource("Paid search"), "Paid Search");
  EXPECT_EQ(channelFromHubSpotSource("PAID_SEARCH", "pmax-spring"), "Cross-network");
  EXPECT_EQ(channelFromHubSpotSource("Email marketing"), "Email");
  EXPECT_EQ(channelFromHubSpotSource("EMAIL_MARKETING"), "Email");
  EXPECT_EQ(channelFromHubSpotSource("Organic social"), "Organic Social");
  EXPECT_EQ(channelFromHubSpotSource("Social media"), "Organic Social");
  EXPECT_EQ(channelFromHubSpotSource("SOCIAL_MEDIA"), "Organic Social");
  EXPECT_EQ(channelFromHubSpotSource("Réseaux sociaux"), "Organic Social");
  EXPECT_EQ(channelFromHubSpotSource("Paid social"), "Paid Social");
  EXPECT_EQ(channelFromHubSpotSource("PAID_SOCIAL"), "Paid Social");
  EXPECT_EQ(channelFromHubSpotSource("Referrals"), "Referral");
  EXPECT_EQ(channelFromHubSpotSource("Renvois"), "Referral");
  EXPECT_EQ(channelFromHubSpotSource("Direct traffic"), "Direct");
  EXPECT_EQ(channelFromHubSpotSource("Trafic direct"), "Direct");
  EXPECT_EQ(channelFromHubSpotSource("OFFLINE"), "Offline");
  EXPECT_EQ(channelFromHubSpotSource("Offline sources", "IMPORT"), "Offline");
  EXPECT_EQ(channelFromHubSpotSource("Sources hors ligne"), "Offline");
  EXPECT_EQ(channelFromHubSpotSource("AI_REFERRALS"), "Referral");
  // Other campaigns: drill-down 2 "source / medium" through the UTM rules.
  EXPECT_EQ(channelFromHubSpotSource("Other campaigns", "spring", "newsletter / email"), "Email");
  EXPECT_EQ(channelFromHubSpotSource("OTHER_CAMPAIGNS", "spring", "criteo / display"), "Display");
  EXPECT_EQ(channelFromHubSpotSource("Autres campagnes", "x", ""), "Unassigned");
  EXPECT_EQ(channelFromHubSpotSource("Something else"), "");
}

TEST(ChannelFromHubSpot, CampaignFromDrillDowns) {
  EXPECT_EQ(campaignFromHubSpotDrillDown("Email marketing", "newsletter-fevrier", ""),
            "newsletter-fevrier");
  EXPECT_EQ(campaignFromHubSpotDrillDown("PAID_SEARCH", "brand-fr", "roi software"), "brand-fr");
  EXPECT_EQ(campaignFromHubSpotDrillDown("Paid social", "Facebook", "spring-promo"),
            "spring-promo");
  EXPECT_EQ(campaignFromHubSpotDrillDown("Organic search", "marketing kpi dashboard", "google"),
            "");  // drill-down 1 is a search term there, not a campaign
}

TEST(ChannelFromMatomo, ReferrerTypesAndLabels) {
  EXPECT_EQ(channelFromMatomoReferrerType("direct"), "Direct");
  EXPECT_EQ(channelFromMatomoReferrerType("Direct Entry"), "Direct");
  EXPECT_EQ(channelFromMatomoReferrerType("Entrées directes"), "Direct");
  EXPECT_EQ(channelFromMatomoReferrerType("search"), "Organic Search");
  EXPECT_EQ(channelFromMatomoReferrerType("Moteurs de recherche"), "Organic Search");
  EXPECT_EQ(channelFromMatomoReferrerType("website"), "Referral");
  EXPECT_EQ(channelFromMatomoReferrerType("Sites web"), "Referral");
  EXPECT_EQ(channelFromMatomoReferrerType("social"), "Organic Social");
  EXPECT_EQ(channelFromMatomoReferrerType("Social Networks"), "Organic Social");
  EXPECT_EQ(channelFromMatomoReferrerType("campaign", "google", "cpc"), "Paid Search");
  EXPECT_EQ(channelFromMatomoReferrerType("Campagnes", "newsletter", "email"), "Email");
  EXPECT_EQ(channelFromMatomoReferrerType("campaign"), "Unassigned");
}

TEST(ChannelFromUa, DefaultChannelGrouping) {
  for (const char* same :
       {"Organic Search", "Direct", "Referral", "Email", "Paid Search", "Display", "Affiliates"}) {
    EXPECT_EQ(channelFromUaGrouping(same), same);
  }
  EXPECT_EQ(channelFromUaGrouping("Social"), "Organic Social");
  EXPECT_EQ(channelFromUaGrouping("Other Advertising"), "Paid Other");
  EXPECT_EQ(channelFromUaGrouping("(Other)"), "Unassigned");
}

TEST(ChannelFromGoogleAds, CampaignTypes) {
  EXPECT_EQ(channelFromGoogleAdsCampaignType("Search"), "Paid Search");
  EXPECT_EQ(channelFromGoogleAdsCampaignType("Shopping"), "Paid Shopping");
  EXPECT_EQ(channelFromGoogleAdsCampaignType("Display"), "Display");
  EXPECT_EQ(channelFromGoogleAdsCampaignType("Video"), "Paid Video");
  EXPECT_EQ(channelFromGoogleAdsCampaignType("Performance Max"), "Cross-network");
  EXPECT_EQ(channelFromGoogleAdsCampaignType("Demand Gen"), "Cross-network");
  EXPECT_EQ(channelFromGoogleAdsCampaignType("Smart"), "Cross-network");
  EXPECT_EQ(channelFromGoogleAdsCampaignType("App"), "Paid Other");
}

TEST(ChannelFromCommerce, ShopifySourceAndWooCommerceOrigin) {
  EXPECT_EQ(channelFromShopifySource("pos"), "Offline");
  EXPECT_EQ(channelFromShopifySource("web"), "Unassigned");
  EXPECT_EQ(channelFromShopifySource("580111"), "Unassigned");
  EXPECT_EQ(channelFromWooCommerceOrigin("Direct"), "Direct");
  EXPECT_EQ(channelFromWooCommerceOrigin("Organic: Google"), "Organic Search");
  EXPECT_EQ(channelFromWooCommerceOrigin("Referral: Facebook"), "Organic Social");
  EXPECT_EQ(channelFromWooCommerceOrigin("Referral: example.org"), "Referral");
  EXPECT_EQ(channelFromWooCommerceOrigin("Unknown"), "Unassigned");
}

}  // namespace
}  // namespace roilens::sources
