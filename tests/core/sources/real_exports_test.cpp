// Every real export under ../shared/datasets/exports/<tool>/ (FORMATS.md samples): recognised as
// that tool, rows read/kept/skipped, no preamble or totals row counted, and values read by hand.
//
// Independent sums were made outside roilens with Python's csv module (quoted cells with commas
// defeat a plain `awk -F,`), e.g. for Google Ads:
//   python3 -c "import csv;r=list(csv.reader(open('campaign_report_alltime_usd.csv')))[3:];
//     print(sum(float(x[13]) for x in r if not x[0].startswith('Total')))"
// and, where a file carries its own totals row, that row is the check (it is skipped, never
// counted, so our sum of the kept rows must equal it).
#include <gtest/gtest.h>

#include <numeric>

#include "ingest_support.hpp"
#include "roilens/model/time.hpp"

namespace roilens::sources {
namespace {

using model::CivilDate;
using model::daysFromCivil;
using test_support::exportsDir;

struct Loaded {
  FileReport report;
  model::Dataset data;
};

// Loads one real file, or returns nullopt (and the test skips) when the datasets are absent.
std::optional<Loaded> load(const std::string& relative, FileOptions options = {},
                           IngestOptions ingest_options = {}) {
  const auto path = exportsDir() / relative;
  if (!std::filesystem::exists(path)) return std::nullopt;
  Ingest ingest(ingest_options);
  FileReport report = test_support::ingestBytes(ingest, path.filename().string(),
                                                test_support::readBytes(path), 0, options);
  return Loaded{report, ingest.dataset()};
}

#define LOAD_OR_SKIP(var, ...)                                      \
  const auto var##_loaded = load(__VA_ARGS__);                      \
  if (!var##_loaded) GTEST_SKIP() << "shared datasets not present"; \
  const Loaded& var = *var##_loaded

void expectRows(const FileReport& r, std::size_t read, std::size_t kept, std::size_t rejected,
                std::size_t skipped) {
  EXPECT_EQ(r.rows_read, read);
  EXPECT_EQ(r.rows_kept, kept);
  EXPECT_EQ(r.rows_rejected, rejected);
  EXPECT_EQ(r.rows_skipped, skipped);
  EXPECT_EQ(r.rows_read, r.rows_kept + r.rows_rejected + r.rows_skipped);
}

std::size_t skippedFor(const FileReport& r, const std::string& reason) {
  const auto it = r.skipped_by_reason.find(reason);
  return it == r.skipped_by_reason.end() ? 0 : it->second;
}

double sumOf(const std::vector<std::optional<double>>& values) {
  double total = 0;
  for (const auto& v : values) total += v.value_or(0.0);
  return total;
}

template <typename Row, typename Get>
std::vector<std::optional<double>> column(const std::vector<Row>& rows, Get get) {
  std::vector<std::optional<double>> out;
  for (const Row& row : rows) out.push_back(get(row));
  return out;
}

model::DayNumber day(int y, int m, int d) { return daysFromCivil(CivilDate{y, m, d}); }

// ---------------------------------------------------------------- GA4

TEST(RealGa4, TrafficAcquisitionSourceMedium) {
  LOAD_OR_SKIP(f, "ga4/Traffic_acquisition_Session_source_medium_90_days.csv");
  EXPECT_EQ(f.report.tool, "ga4");
  // 9 '#' preamble lines, header, 13 data rows (wc -l = 22 lines + 1 without final newline).
  expectRows(f.report, 22, 13, 0, 9);
  EXPECT_EQ(skippedFor(f.report, "preamble"), 9u);
  ASSERT_EQ(f.data.traffic.size(), 13u);
  // awk -F, '!/^#/ && NR>10 {s+=$2} END{print s}' → 335
  EXPECT_DOUBLE_EQ(sumOf(column(f.data.traffic, [](auto& t) { return t.sessions; })), 335);
  // Period from "# Start date: 20260322" / "# End date: 20260619": one total row per source.
  EXPECT_EQ(f.data.traffic[0].range_start, day(2026, 3, 22));
  EXPECT_EQ(f.data.traffic[0].range_end, day(2026, 6, 19));
  EXPECT_EQ(f.data.traffic[0].granularity, model::Granularity::kTotal);
  EXPECT_EQ(f.data.traffic[0].source, "(direct)");
  EXPECT_EQ(f.data.traffic[0].medium, "(none)");
  EXPECT_EQ(f.data.traffic[0].channel, "Direct");
  EXPECT_EQ(f.data.traffic[1].channel, "Organic Search");  // google / organic
  EXPECT_EQ(f.data.traffic[2].channel, "Organic Social");  // linkedin.com / referral (rule 10)
  EXPECT_EQ(f.data.traffic[5].channel, "Referral");        // mail.google.com / referral
  EXPECT_EQ(f.data.traffic[6].channel, "Unassigned");      // (not set)
  EXPECT_EQ(f.data.traffic[1].key_events, 13);
  ASSERT_TRUE(f.report.first_day && f.report.last_day);
  EXPECT_EQ(*f.report.first_day, day(2026, 3, 22));
  EXPECT_EQ(*f.report.last_day, day(2026, 6, 19));
}

TEST(RealGa4, LandingPageKeepsEmptyAndNotSetRows) {
  LOAD_OR_SKIP(f, "ga4/Landing_page_Landing_page.csv");
  EXPECT_EQ(f.report.tool, "ga4");
  expectRows(f.report, 220, 211, 0, 9);  // CRLF file, 9 preamble lines
  // awk -F, '!/^#/ && !/^Landing/ {s+=$2; n++} END{print s, n}' → 2671 211
  EXPECT_DOUBLE_EQ(sumOf(column(f.data.traffic, [](auto& t) { return t.sessions; })), 2671);
  // The row ",13,12,0,..." is a real (empty) landing page in GA4, not a totals row.
  const auto empty = std::find_if(f.data.traffic.begin(), f.data.traffic.end(),
                                  [](auto& t) { return t.landing_page.empty(); });
  ASSERT_NE(empty, f.data.traffic.end());
  EXPECT_EQ(empty->sessions, 13);
  EXPECT_EQ(f.data.traffic[3].landing_page, "(not set)");
}

TEST(RealGa4, UserAcquisitionChannelGroup) {
  LOAD_OR_SKIP(f,
               "ga4/User_acquisition_First_user_primary_channel_group_(Default_Channel_Group).csv");
  EXPECT_EQ(f.report.tool, "ga4");
  expectRows(f.report, 17, 8, 0, 9);
  // awk -F, '!/^#/ && !/^First/ {s+=$2} END{print s}' → 2140 (Total users)
  EXPECT_DOUBLE_EQ(sumOf(column(f.data.traffic, [](auto& t) { return t.users; })), 2140);
  EXPECT_EQ(f.data.traffic[0].channel, "Direct");
  EXPECT_EQ(f.data.traffic[0].users, 1209);
  EXPECT_EQ(f.data.traffic[6].channel, "Cross-network");
}

TEST(RealGa4, PagesAndScreens) {
  LOAD_OR_SKIP(f, "ga4/Pages_and_screens_Page_path_and_screen_class.csv");
  EXPECT_EQ(f.report.tool, "ga4");
  expectRows(f.report, 65, 56, 0, 9);
  // awk -F, '!/^#/ && !/^Page/ {s+=$2} END{print s}' → 779 views
  EXPECT_DOUBLE_EQ(sumOf(column(f.data.traffic, [](auto& t) { return t.views; })), 779);
  EXPECT_EQ(f.data.traffic[0].page, "/");
  EXPECT_EQ(f.data.traffic[0].event_count, 683);
}

TEST(RealGa4, EventsReportGivesEventNameAndCount) {
  LOAD_OR_SKIP(f, "ga4/Events_Event_name.csv");
  EXPECT_EQ(f.report.tool, "ga4");
  EXPECT_EQ(f.report.variant, "events");
  expectRows(f.report, 30, 21, 0, 9);
  // awk -F, '!/^#/ && !/^Event/ {s+=$2} END{print s}' → 137560
  EXPECT_DOUBLE_EQ(sumOf(column(f.data.traffic, [](auto& t) { return t.event_count; })), 137560);
  EXPECT_EQ(f.data.traffic[0].event_name, "page_view");
  EXPECT_EQ(f.data.traffic[0].event_count, 40242);
  EXPECT_EQ(f.data.traffic.back().event_name, "hs_accordion");
}

TEST(RealGa4, ExplorationGrandTotalIsNotData) {
  LOAD_OR_SKIP(f, "ga4/exploration_free_form_truncated.csv");
  EXPECT_EQ(f.report.tool, "ga4");
  EXPECT_EQ(f.report.variant, "exploration");
  // 5 '#' lines + 1 blank line before the header; ",4311,Grand total" skipped as totals.
  expectRows(f.report, 39, 32, 0, 7);
  EXPECT_EQ(skippedFor(f.report, "preamble"), 6u);
  EXPECT_EQ(skippedFor(f.report, "totals"), 1u);
  // awk -F, '!/^#/ && NF==2 && !/^Page/ {s+=$2} END{print s}' → 3413 (truncated file: < 4311)
  EXPECT_DOUBLE_EQ(sumOf(column(f.data.traffic, [](auto& t) { return t.event_count; })), 3413);
  EXPECT_EQ(f.data.traffic[0].page, "/office-space-holborn/");
  EXPECT_EQ(f.data.traffic[0].range_start, day(2025, 12, 13));  // "# 20251213-20260312"
  EXPECT_EQ(f.data.traffic[0].range_end, day(2026, 3, 12));
}

TEST(RealGa4, ExplorationNthDayIsOffsetFromStartDate) {
  LOAD_OR_SKIP(f, "ga4/exploration_data-export_truncated.csv");
  EXPECT_EQ(f.report.tool, "ga4");
  expectRows(f.report, 24, 16, 0, 8);
  ASSERT_EQ(f.data.traffic.size(), 16u);
  // "# Start date: 20220601"; "0000" = that day, "0015" = 15 days later.
  EXPECT_EQ(f.data.traffic.front().range_start, day(2022, 6, 1));
  EXPECT_EQ(f.data.traffic.back().range_start, day(2022, 6, 16));
  EXPECT_EQ(f.data.traffic.back().granularity, model::Granularity::kDay);
}

// ---------------------------------------------------------------- UA

TEST(RealUa, PreambleStrippedNeedsAPeriodAndTotalsRowIsSkipped) {
  LOAD_OR_SKIP(f, "ua/ua_browser_os_sessions_preamble_stripped.csv");
  EXPECT_EQ(f.report.tool, "ua");
  // 281 data rows, the totals row ',,,"7,374"' and a trailing blank line. No period anywhere:
  // every data row is rejected with a reason rather than placed at a made-up date.
  expectRows(f.report, 283, 0, 281, 2);
  EXPECT_EQ(skippedFor(f.report, "totals"), 1u);
  EXPECT_EQ(skippedFor(f.report, "blank"), 1u);
  ASSERT_FALSE(f.report.rejections.empty());
  EXPECT_EQ(f.report.rejections[0].line, 2u);
  EXPECT_NE(f.report.rejections[0].reason_en.find("no date"), std::string::npos);
  EXPECT_NE(f.report.rejections[0].reason_fr.find("pas de date"), std::string::npos);
  // One file-level cause: three positions listed, the rest summed up in a warning.
  EXPECT_EQ(f.report.rejections.size(), 3u);
  bool summed = false;
  for (const auto& w : f.report.warnings) {
    summed = summed || w.starts_with("281 rows rejected for the same reason (no date");
  }
  EXPECT_TRUE(summed);
}

TEST(RealUa, WithAPeriodTheSessionsAddUpToTheFilesOwnTotal) {
  FileOptions options;
  options.period = std::make_pair(day(2015, 4, 16), day(2015, 4, 16));
  LOAD_OR_SKIP(f, "ua/ua_browser_os_sessions_preamble_stripped.csv", options);
  expectRows(f.report, 283, 281, 0, 2);
  // The skipped totals row says "7,374"; the kept rows, grouped counts like "2,533", add up to it.
  EXPECT_DOUBLE_EQ(sumOf(column(f.data.traffic, [](auto& t) { return t.sessions; })), 7374);
  // Browser, version and OS are not model dimensions: the 281 kept rows are one aggregate.
  ASSERT_EQ(f.data.traffic.size(), 1u);
  EXPECT_EQ(f.data.traffic[0].granularity, model::Granularity::kDay);
}

// ---------------------------------------------------------------- Google Ads

TEST(RealGoogleAds, AllTimeReportNeedsAPeriod) {
  LOAD_OR_SKIP(f, "google_ads/campaign_report_alltime_usd.csv");
  EXPECT_EQ(f.report.tool, "google_ads");
  // 2 title lines, 12 campaigns, 5 "Total: …" rows (Campaigns, Account, PMax, Search, Display).
  expectRows(f.report, 19, 0, 12, 7);
  EXPECT_EQ(skippedFor(f.report, "totals"), 5u);
}

TEST(RealGoogleAds, AllTimeCostsAddUpToTotalCampaigns) {
  FileOptions options;
  options.period = std::make_pair(day(2024, 1, 1), day(2025, 12, 31));
  LOAD_OR_SKIP(f, "google_ads/campaign_report_alltime_usd.csv", options);
  expectRows(f.report, 19, 12, 0, 7);
  double cost = 0;
  double impressions = 0;
  for (const auto& c : f.data.costs) {
    cost += c.cost;
    impressions += c.impressions.value_or(0);
  }
  // "Total: Campaigns" row: Cost 199421.15, Impr. "14,117,313" (the python sum agrees).
  EXPECT_NEAR(cost, 199421.15, 1e-6);
  EXPECT_DOUBLE_EQ(impressions, 14117313);
  EXPECT_EQ(f.data.costs[0].campaign_name, "Leads-Smart-4");
  EXPECT_EQ(f.data.costs[0].channel, "Display");
  EXPECT_EQ(f.data.costs[2].channel, "Paid Search");
  EXPECT_EQ(f.data.costs[6].channel, "Cross-network");  // Performance Max
  EXPECT_EQ(f.data.costs[0].currency, "USD");
  EXPECT_EQ(f.data.costs[0].platform, "google_ads");
}

TEST(RealGoogleAds, DateRangeEurWithGreekName) {
  LOAD_OR_SKIP(f, "google_ads/campaign_report_daterange_eur.csv");
  EXPECT_EQ(f.report.tool, "google_ads");
  expectRows(f.report, 8, 3, 0, 5);
  ASSERT_EQ(f.report.currencies, std::vector<std::string>{"EUR"});
  EXPECT_EQ(f.data.costs[2].campaign_name, "Οδοντικά Εμφυτεύματα Αθήνα");
  EXPECT_EQ(f.data.costs[0].channel, "Cross-network");       // Smart
  EXPECT_EQ(f.data.costs[0].range_start, day(2026, 3, 27));  // "March 27, 2026 - April 23, 2026"
  EXPECT_EQ(f.data.costs[0].range_end, day(2026, 4, 23));
}

TEST(RealGoogleAds, EnGbDateLineAndGroupedImpressions) {
  LOAD_OR_SKIP(f, "google_ads/campaign_report_daterange_gbp_en-GB.csv");
  EXPECT_EQ(f.report.tool, "google_ads");
  expectRows(f.report, 9, 2, 0, 7);
  ASSERT_EQ(f.data.costs.size(), 2u);
  // 798.88 + 365.22 = 1164.10, while the file's "Total: Campaigns" says 1164.09 (Google rounds
  // each figure on its own), so costs are checked row by row; impressions 31,193 + 9,392 = 40,585
  // match the total row exactly.
  EXPECT_DOUBLE_EQ(f.data.costs[0].cost, 798.88);
  EXPECT_DOUBLE_EQ(f.data.costs[1].cost, 365.22);
  EXPECT_DOUBLE_EQ(*f.data.costs[0].impressions + *f.data.costs[1].impressions, 40585);
  EXPECT_EQ(f.data.costs[0].range_start, day(2026, 1, 27));  // "27 January 2026 - 23 February 2026"
  EXPECT_EQ(f.report.currencies, std::vector<std::string>{"GBP"});
  // "31,193" in a count column is grouping: no ambiguity warning.
  for (const auto& w : f.report.warnings) EXPECT_EQ(w.find("decimal mark"), std::string::npos) << w;
}

TEST(RealGoogleAds, Utf16TabFlavour) {
  LOAD_OR_SKIP(f, "google_ads/campaign_report_utf16le_tab_gbp.csv");
  EXPECT_EQ(f.report.tool, "google_ads");
  EXPECT_EQ(f.report.encoding, "UTF-16LE");
  expectRows(f.report, 5, 1, 0,
             4);  // 2 title lines, 1 campaign, "Total: Campaigns", "Total: Campaign"
  ASSERT_EQ(f.data.costs.size(), 1u);
  EXPECT_DOUBLE_EQ(f.data.costs[0].cost, 365.22);
  EXPECT_EQ(f.data.costs[0].impressions, 9380);
  EXPECT_EQ(f.data.costs[0].clicks, 264);
  EXPECT_EQ(f.data.costs[0].channel, "Cross-network");
}

// ---------------------------------------------------------------- Meta Ads

TEST(RealMetaAds, AccountTotalRowIsSkippedAndSpendAddsUpToIt) {
  LOAD_OR_SKIP(f, "meta_ads/ads_reporting_campaign_by_device_inr.csv");
  EXPECT_EQ(f.report.tool, "meta_ads");
  expectRows(f.report, 44, 43, 0, 1);
  EXPECT_EQ(skippedFor(f.report, "totals"), 1u);
  double spend = 0;
  double impressions = 0;
  for (const auto& c : f.data.costs) {
    spend += c.cost;
    impressions += c.impressions.value_or(0);
  }
  // The skipped account-total row says spend 33246 and impressions 878310.
  EXPECT_NEAR(spend, 33246, 1e-6);
  EXPECT_DOUBLE_EQ(impressions, 878310);
  EXPECT_EQ(f.report.currencies, std::vector<std::string>{"INR"});
  EXPECT_EQ(f.data.costs[0].campaign_name, "Traffic Campaign_Flash Sale2_05/05/2025");
  EXPECT_EQ(f.data.costs[0].device, "mobile_app");
  EXPECT_EQ(f.data.costs[0].channel, "Paid Social");
  EXPECT_EQ(f.data.costs[0].range_start, day(2025, 2, 1));
  EXPECT_EQ(f.data.costs[0].range_end, day(2025, 8, 4));
}

TEST(RealMetaAds, NoDataAvailableFile) {
  LOAD_OR_SKIP(f, "meta_ads/ads_manager_campaigns_no_data_usd.csv");
  EXPECT_EQ(f.report.tool, "meta_ads");
  expectRows(f.report, 1, 0, 0, 1);
  EXPECT_EQ(skippedFor(f.report, "no_data"), 1u);
  EXPECT_FALSE(f.report.error.has_value());
  EXPECT_FALSE(f.report.warnings.empty());
}

// ---------------------------------------------------------------- Matomo

TEST(RealMatomo, MultiPeriodWeekRow) {
  LOAD_OR_SKIP(f, "matomo/VisitsSummary.get_week_multiperiod_raw_utf16le.csv");
  EXPECT_EQ(f.report.tool, "matomo");
  EXPECT_EQ(f.report.encoding, "UTF-16LE");
  expectRows(f.report, 1, 1, 0, 0);
  const auto& t = f.data.traffic.at(0);
  EXPECT_EQ(t.range_start, day(2009, 12, 28));  // "2009-12-28,2010-01-03"
  EXPECT_EQ(t.range_end, day(2010, 1, 3));
  EXPECT_EQ(t.granularity, model::Granularity::kWeek);
  EXPECT_EQ(t.sessions, 2);  // nb_visits
  EXPECT_EQ(t.users, 2);     // nb_uniq_visitors
  EXPECT_EQ(t.bounces, 2);   // bounce_count
}

TEST(RealMatomo, TranslatedHeadersEnAndDe) {
  FileOptions options;
  options.period = std::make_pair(day(2010, 1, 3), day(2010, 1, 3));
  LOAD_OR_SKIP(en, "matomo/VisitsSummary.get_day_translated-en_utf16le.csv", options);
  LOAD_OR_SKIP(de, "matomo/VisitsSummary.get_day_translated-de_utf16le.csv", options);
  for (const Loaded* f : {&en, &de}) {
    EXPECT_EQ(f->report.tool, "matomo");
    expectRows(f->report, 1, 1, 0, 0);
    EXPECT_EQ(f->data.traffic.at(0).sessions, 2);  // Visits / Besuche
    EXPECT_EQ(f->data.traffic.at(0).users, 2);     // Unique visitors / Eindeutige Besucher
    EXPECT_EQ(f->data.traffic.at(0).bounces, 2);   // Bounces / Absprünge
    EXPECT_EQ(f->data.traffic.at(0).granularity, model::Granularity::kDay);
  }
}

TEST(RealMatomo, SingleDayExportWithoutPeriodIsRejectedWithReason) {
  LOAD_OR_SKIP(f, "matomo/VisitsSummary.get_day_translated-en_utf16le.csv");
  expectRows(f.report, 1, 0, 1, 0);
}

TEST(RealMatomo, VisitLogBecomesTouchpoints) {
  LOAD_OR_SKIP(f, "matomo/Live.getLastVisitsDetails_day_raw_utf16le.csv");
  EXPECT_EQ(f.report.tool, "matomo");
  EXPECT_EQ(f.report.variant, "visits");
  expectRows(f.report, 2, 2, 0, 0);
  ASSERT_EQ(f.data.touchpoints.size(), 2u);
  // lastActionDateTime "2010-01-03 11:57:03" (UTC), referrerType "direct", deviceType "Desktop"
  EXPECT_EQ(f.data.touchpoints[0].occurred_at, model::timestampFromCivil({2010, 1, 3}, 11, 57, 3));
  EXPECT_EQ(f.data.touchpoints[0].channel, "Direct");
  EXPECT_EQ(f.data.touchpoints[0].device, "Desktop");
}

TEST(RealMatomo, PivotIsRecognisedButNotMappedAndSaysWhy) {
  LOAD_OR_SKIP(f, "matomo/Referrers.getKeywords_pivot_week_utf16le.csv");
  EXPECT_EQ(f.report.tool, "matomo");
  EXPECT_EQ(f.report.variant, "pivot");
  expectRows(f.report, 6, 0, 6, 0);
  EXPECT_NE(f.report.rejections.at(0).reason_en.find("pivot"), std::string::npos);
}

// ---------------------------------------------------------------- HubSpot

TEST(RealHubSpot, ContactsDefaultView) {
  LOAD_OR_SKIP(f, "hubspot/contacts_default_view_redacted.csv");
  EXPECT_EQ(f.report.tool, "hubspot");
  EXPECT_GE(f.report.confidence, 0.9);  // all cells quoted, "Record ID" first
  expectRows(f.report, 10, 10, 0, 0);
  ASSERT_EQ(f.data.contacts.size(), 10u);
  EXPECT_EQ(f.data.contacts[0].contact_id, "100000000001");
  EXPECT_EQ(f.data.contacts[0].email, "contact1@example.invalid");
  EXPECT_EQ(f.data.contacts[0].company_id, "200000000001");
  // "2026-01-28 12:48" in the portal's zone = the user's zone (UTC here).
  EXPECT_EQ(f.data.contacts[0].created_at, model::timestampFromCivil({2026, 1, 28}, 12, 48));
  EXPECT_EQ(*f.report.first_day, day(2026, 1, 20));
  EXPECT_EQ(*f.report.last_day, day(2026, 1, 28));
  EXPECT_EQ(f.data.contacts[0].extra.at("First Name"), "First1");
}

TEST(RealHubSpot, ContactsTimeZoneShift) {
  IngestOptions paris{60};  // UTC+1: "12:48" local is 11:48 UTC
  LOAD_OR_SKIP(f, "hubspot/contacts_default_view_redacted.csv", FileOptions{}, paris);
  EXPECT_EQ(f.data.contacts[0].created_at, model::timestampFromCivil({2026, 1, 28}, 11, 48));
}

TEST(RealHubSpot, DealsBecomeTransactions) {
  LOAD_OR_SKIP(f, "hubspot/deals_custom_view_redacted.csv");
  EXPECT_EQ(f.report.tool, "hubspot");
  EXPECT_EQ(f.report.variant, "deals");
  expectRows(f.report, 12, 12, 0, 0);
  double total = 0;
  for (const auto& t : f.data.transactions) total += t.amount_gross.value_or(0);
  // awk -F'","' 'NR>1 {v=$4; gsub(/"/,"",v); s+=v} END{printf "%.2f", s}' → 214029.35
  EXPECT_NEAR(total, 214029.35, 1e-6);
  EXPECT_EQ(f.data.transactions[0].kind, model::TransactionKind::kDeal);
  EXPECT_EQ(f.data.transactions[0].txn_id, "300000000001");
  EXPECT_EQ(f.data.transactions[4].amount_gross, 11015.0);  // "11015.0"
  // The view has no stage or close date: the report asks for them.
  EXPECT_GE(f.report.warnings.size(), 2u);
}

// ---------------------------------------------------------------- Shopify, Stripe, Mailchimp

TEST(RealShopify, OneOrderPerFirstRowContinuationRowsSkipped) {
  LOAD_OR_SKIP(f, "shopify/orders_export_2021_75cols_redacted.csv");
  EXPECT_EQ(f.report.tool, "shopify");
  // 6 records (one spans 3 physical lines: multi-line Notes); #13522 has 2 continuation rows.
  expectRows(f.report, 6, 4, 0, 2);
  EXPECT_EQ(skippedFor(f.report, "line_item"), 2u);
  ASSERT_EQ(f.data.transactions.size(), 4u);
  double total = 0;
  for (const auto& t : f.data.transactions) total += *t.amount_gross;
  EXPECT_DOUBLE_EQ(total, 784.00 + 344.00 + 604.00 + 3227.00);  // Total of the 4 first rows
  EXPECT_EQ(f.data.transactions[0].txn_id, "#13519");
  EXPECT_EQ(f.data.transactions[0].customer_ref, "customer1@example.invalid");
  EXPECT_EQ(f.data.transactions[0].status, model::TransactionStatus::kPaid);
  EXPECT_EQ(f.data.transactions[3].status, model::TransactionStatus::kOpen);  // pending
  EXPECT_EQ(f.data.transactions[0].channel, "Unassigned");                    // Source "web"
  // "2021-05-13 11:01:12 +0200" carries its offset: 09:01:12 UTC.
  EXPECT_EQ(f.data.transactions[0].created_at, model::timestampFromCivil({2021, 5, 13}, 9, 1, 12));
  EXPECT_EQ(f.report.currencies, std::vector<std::string>{"ZAR"});
  EXPECT_EQ(f.data.transactions[2].origin.source_row, 4u);
}

TEST(RealStripe, ChargeInUtcWhateverTheUserZone) {
  IngestOptions tokyo{540};
  LOAD_OR_SKIP(f, "stripe/unified_payments_redacted.csv", FileOptions{}, tokyo);
  EXPECT_EQ(f.report.tool, "stripe");
  expectRows(f.report, 1, 1, 0, 0);
  const auto& t = f.data.transactions.at(0);
  EXPECT_EQ(t.kind, model::TransactionKind::kCharge);
  EXPECT_EQ(t.amount_gross, 15.00);
  EXPECT_EQ(t.refunds, 0.0);
  EXPECT_EQ(t.currency, "USD");  // "usd"
  EXPECT_EQ(t.customer_ref, "customer1@example.invalid");
  EXPECT_EQ(t.status, model::TransactionStatus::kPaid);
  // "Created date (UTC)" = 2024-06-07 02:38:54 stays UTC.
  EXPECT_EQ(t.created_at, model::timestampFromCivil({2024, 6, 7}, 2, 38, 54));
  EXPECT_EQ(f.report.currencies, std::vector<std::string>{"USD"});
}

TEST(RealMailchimp, CampaignList) {
  LOAD_OR_SKIP(f, "mailchimp/campaigns_account_export.csv");
  EXPECT_EQ(f.report.tool, "mailchimp");
  expectRows(f.report, 43, 43, 0, 0);
  // python3 csv: sum of column 6 "Total Recipients" → 30526
  EXPECT_DOUBLE_EQ(sumOf(column(f.data.emails, [](auto& e) { return e.recipients; })), 30526);
  EXPECT_EQ(f.data.emails[0].campaign_id, "031aae0fbe");
  EXPECT_EQ(f.data.emails[0].audience, "Philly Bike Action");
  // "Jun 01, 2023 09:46 pm" … "Feb 28, 2025 09:00 am"
  EXPECT_EQ(f.data.emails.front().sent_at, model::timestampFromCivil({2023, 6, 1}, 21, 46));
  EXPECT_EQ(f.data.emails.back().sent_at, model::timestampFromCivil({2025, 2, 28}, 9, 0));
  EXPECT_EQ(*f.report.first_day, day(2023, 6, 1));
  EXPECT_EQ(*f.report.last_day, day(2025, 2, 28));
}

// ---------------------------------------------------------------- every file, every chunk size

TEST(RealExports, SmallChunksGiveTheSameResultAsOneChunk) {
  if (!std::filesystem::exists(exportsDir())) GTEST_SKIP() << "shared datasets not present";
  std::size_t files = 0;
  for (const auto& dir : std::filesystem::directory_iterator(exportsDir())) {
    if (!dir.is_directory()) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".csv") continue;
      const std::string bytes = test_support::readBytes(entry.path());
      Ingest whole;
      const auto expected = toJson(test_support::ingestBytes(whole, "f.csv", bytes));
      for (const std::size_t chunk : {1u, 2u, 3u, 7u, 64u}) {
        Ingest chunked;
        const auto got = toJson(test_support::ingestBytes(chunked, "f.csv", bytes, chunk));
        EXPECT_EQ(got, expected) << entry.path() << " chunk " << chunk;
        EXPECT_EQ(chunked.dataset().traffic.size(), whole.dataset().traffic.size());
        EXPECT_EQ(chunked.dataset().costs.size(), whole.dataset().costs.size());
        EXPECT_EQ(chunked.dataset().contacts.size(), whole.dataset().contacts.size());
        EXPECT_EQ(chunked.dataset().transactions.size(), whole.dataset().transactions.size());
        EXPECT_EQ(chunked.dataset().emails.size(), whole.dataset().emails.size());
      }
      ++files;
    }
  }
  EXPECT_GE(files, 24u);
}

}  // namespace
}  // namespace roilens::sources
