// Header variants FORMATS.md lists without a sample file (HubSpot internal names and the 2023+
// "Date entered" labels, a UA export with its preamble and a second section), and a crash hunt:
// random bytes and damaged real-looking files must give a report, never a crash.
#include <gtest/gtest.h>

#include <random>

#include "ingest_support.hpp"
#include "roilens/model/time.hpp"

namespace roilens::sources {
namespace {

using model::Stage;
using model::timestampFromCivil;
using test_support::ingestBytes;

TEST(HubSpotVariants, InternalNamesAndValues) {
  // exportInternalValuesOptions = NAMES + VALUES (FORMATS §1, D [H1]).
  const std::string csv =
      "\"hs_object_id\",\"email\",\"createdate\",\"lifecyclestage\",\"hs_analytics_source\","
      "\"hs_analytics_source_data_1\",\"hs_lifecyclestage_lead_date\","
      "\"hs_lifecyclestage_marketingqualifiedlead_date\"\n"
      "\"9\",\"x@y.com\",\"2025-04-01 08:00\",\"marketingqualifiedlead\",\"PAID_SEARCH\","
      "\"pmax-brand\",\"2025-04-01 08:00\",\"2025-04-03 09:30\"\n";
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "internal.csv", csv);
  EXPECT_EQ(r.tool, "hubspot");
  ASSERT_EQ(ingest.dataset().contacts.size(), 1u);
  const auto& c = ingest.dataset().contacts[0];
  EXPECT_EQ(c.contact_id, "9");
  EXPECT_EQ(c.lifecycle_stage, "mql");
  EXPECT_EQ(c.original_channel, "Cross-network");  // PAID_SEARCH with a PMax drill-down
  EXPECT_EQ(c.original_source_raw, "PAID_SEARCH");
  EXPECT_EQ(c.at(Stage::kMql), timestampFromCivil({2025, 4, 3}, 9, 30));
}

TEST(HubSpotVariants, DateEnteredLifecycleStagePipelineLabels) {
  const std::string csv =
      "\"Record ID\",\"Email\",\"Original Traffic Source\","
      "\"Date entered \"\"Lead (Lifecycle Stage Pipeline)\"\"\","
      "\"Date entered \"\"Customer (Lifecycle Stage Pipeline)\"\"\","
      "\"Latest time in \"\"Lead (Lifecycle Stage Pipeline)\"\" (HH:mm:ss)\"\n"
      "\"5\",\"a@b.c\",\"Direct traffic\",\"2024-11-02 10:00\",\"2024-12-24 17:45\",\"12:00:00\"\n";
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "v2.csv", csv);
  EXPECT_EQ(r.tool, "hubspot");
  ASSERT_EQ(ingest.dataset().contacts.size(), 1u);
  const auto& c = ingest.dataset().contacts[0];
  EXPECT_EQ(c.original_channel, "Direct");
  EXPECT_EQ(c.at(Stage::kLead), timestampFromCivil({2024, 11, 2}, 10));
  EXPECT_EQ(c.at(Stage::kCustomer), timestampFromCivil({2024, 12, 24}, 17, 45));
  // The "Latest time in" duration is not a stage date: kept as an extra column.
  EXPECT_EQ(c.extra.count("Latest time in \"Lead (Lifecycle Stage Pipeline)\" (HH:mm:ss)"), 1u);
}

TEST(UaVariants, PreambleTotalsAndASecondSection) {
  // FORMATS §4: preamble, table, totals row with empty dimensions, then another section.
  const std::string csv =
      "# ----------------------------------------\n"
      "# All Web Site Data\n"
      "# Landing Pages\n"
      "# 20150416-20150417\n"
      "# ----------------------------------------\n"
      "\n"
      "Landing Page,Default Channel Grouping,Sessions,% New Sessions,New Users,Bounce Rate\n"
      "/a,Organic Search,\"1,553\",96.02%,531,92.41%\n"
      "/b,Social,20,50.00%,10,40.00%\n"
      ",,\"1,573\",94.00%,541,90.00%\n"
      "\n"
      "# ----------------------------------------\n"
      "# Day Index\n"
      "# ----------------------------------------\n"
      "\n"
      "Day Index,Sessions\n"
      "4/16/15,800\n"
      "4/17/15,773\n"
      ",\"1,573\"\n";
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "Analytics All Web Site Data Landing Pages.csv", csv);
  EXPECT_EQ(r.tool, "ua");
  EXPECT_EQ(r.rows_kept, 2u);
  EXPECT_EQ(r.skipped_by_reason.at("preamble"), 6u);
  EXPECT_EQ(r.skipped_by_reason.at("totals"), 1u);
  EXPECT_EQ(r.rows_read, r.rows_kept + r.rows_rejected + r.rows_skipped);
  EXPECT_EQ(r.rows_rejected, 0u);
  // After the table: a blank line, then the "Day Index" section (3 '#' lines, a blank line, its
  // header, 3 rows): 2 blank lines + 7 section lines, all read and skipped.
  EXPECT_EQ(r.skipped_by_reason.at("blank"), 2u);
  EXPECT_EQ(r.skipped_by_reason.at("section"), 7u);
  EXPECT_EQ(r.rows_read, 6u + 2u + 1u + 2u + 7u);  // preamble, data, totals, blank, section
  EXPECT_NE(r.warnings.back().find("further tables"), std::string::npos);
  const auto& t = ingest.dataset().traffic;
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].sessions, 1553);
  EXPECT_EQ(t[0].channel, "Organic Search");
  EXPECT_EQ(t[1].channel, "Organic Social");  // UA "Social"
  EXPECT_EQ(t[0].range_start, model::daysFromCivil({2015, 4, 16}));
  EXPECT_EQ(t[0].range_end, model::daysFromCivil({2015, 4, 17}));
}

void expectSane(const FileReport& r) {
  EXPECT_EQ(r.rows_read, r.rows_kept + r.rows_rejected + r.rows_skipped);
  const auto j = toJson(r);  // must serialise whatever the input
  EXPECT_TRUE(j.contains("rows"));
}

TEST(Fuzz, RandomBytesNeverCrash) {
  std::mt19937 random(20260123);  // fixed seed: reproducible
  for (int round = 0; round < 200; ++round) {
    std::string bytes(random() % 600, '\0');
    for (char& b : bytes) b = static_cast<char>(random() % 256);
    Ingest ingest;
    expectSane(ingestBytes(ingest, "noise.bin", bytes, 1 + random() % 64));
  }
}

TEST(Fuzz, DamagedExportsNeverCrash) {
  const std::string base =
      "\"Record ID\",\"Email\",\"Create Date\",\"Became a Lead Date\",\"Amount\"\n"
      "\"1\",\"a@b.c\",\"2025-01-02 10:00\",\"2025-01-02 10:00\",\"12.5\"\n"
      "\"2\",\"d@e.f\",\"2025-01-03 11:00\",\"\",\"7\"\n";
  const std::string alphabet = "\",;\t\r\n#ab1.-/ \xC3\xA9\xEF\xBB\xBF\xFF";
  std::mt19937 random(7);
  for (int round = 0; round < 300; ++round) {
    std::string bytes = base;
    for (int edit = 0; edit < 1 + static_cast<int>(random() % 6); ++edit) {
      const std::size_t at = random() % bytes.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0:
          bytes[at] = c;
          break;
        case 1:
          bytes.insert(bytes.begin() + static_cast<long>(at), c);
          break;
        default:
          bytes.erase(at, 1);
          break;
      }
    }
    Ingest ingest;
    expectSane(ingestBytes(ingest, "damaged.csv", bytes, 1 + random() % 16));
  }
}

}  // namespace
}  // namespace roilens::sources

namespace roilens::sources {
namespace {

TEST(MetaVariants, AdsManagerTotalRowWithReportingDatesFirst) {
  // Ads Manager "export table data": Reporting starts/ends first; the account total row repeats
  // them but leaves the campaign name empty (FORMATS §7).
  const std::string csv =
      "\"Reporting starts\",\"Reporting ends\",\"Campaign name\",Reach,Impressions,"
      "\"Amount spent (USD)\"\n"
      "2024-09-01,2024-09-30,,1500,2000,30.5\n"
      "2024-09-01,2024-09-30,\"Spring\",1000,1200,20\n"
      "2024-09-01,2024-09-30,\"Fall\",500,800,10.5\n";
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(ingest, "meta.csv", csv);
  EXPECT_EQ(r.tool, "meta_ads");
  EXPECT_EQ(r.rows_kept, 2u);
  EXPECT_EQ(r.skipped_by_reason.at("totals"), 1u);
  double spend = 0;
  for (const auto& c : ingest.dataset().costs) spend += c.cost;
  EXPECT_DOUBLE_EQ(spend, 30.5);  // 20 + 10.5 = the skipped total
  EXPECT_EQ(r.currencies, std::vector<std::string>{"USD"});
}

}  // namespace
}  // namespace roilens::sources

namespace roilens::sources {
namespace {

TEST(GoogleAdsVariants, FrenchInterfaceWithDecimalComma) {
  // FR UI (FORMATS §6, I): French labels, French date range line, decimal comma in quoted cells.
  const std::string csv =
      "Rapport sur les campagnes\n"
      "\"1 janvier 2026 - 31 janvier 2026\"\n"
      "État de la campagne,Campagne,Type de campagne,Impr.,Code de la devise,Coût,Clics\n"
      "Activée,Marque,Search,\"1 200\",EUR,\"384,73\",463\n"
      "Activée,PMax,Performance Max,900,EUR,\"15,27\",20\n"
      "Total : Campagnes,,,\"2 100\",EUR,\"400,00\",483\n";
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(ingest, "Rapport.csv", csv);
  EXPECT_EQ(r.tool, "google_ads");
  EXPECT_EQ(r.rows_kept, 2u);
  EXPECT_EQ(r.skipped_by_reason.at("totals"), 1u);
  EXPECT_EQ(r.skipped_by_reason.at("preamble"), 2u);
  const auto& costs = ingest.dataset().costs;
  ASSERT_EQ(costs.size(), 2u);
  EXPECT_DOUBLE_EQ(costs[0].cost, 384.73);
  EXPECT_DOUBLE_EQ(costs[0].cost + costs[1].cost, 400.00);  // the skipped total row
  EXPECT_EQ(costs[0].impressions, 1200);
  EXPECT_EQ(costs[1].channel, "Cross-network");
  EXPECT_EQ(costs[0].range_start, model::daysFromCivil({2026, 1, 1}));
  EXPECT_EQ(costs[0].range_end, model::daysFromCivil({2026, 1, 31}));
}

}  // namespace
}  // namespace roilens::sources

namespace roilens::sources {
namespace {

TEST(MatomoVariants, ChannelTypeReportByWeek) {
  // Referrers.getReferrerType, multi-period, translated (fr) headers: label = referrer type.
  // Written in Latin-1 ("Libell\xE9", "Entr\xE9es") so that each byte is one UTF-16LE unit.
  const std::string latin1 =
      "date,Libell\xE9,Visites,Visiteurs uniques\n"
      "\"2025-01-06,2025-01-12\",Moteurs de recherche,120,100\n"
      "\"2025-01-06,2025-01-12\",Entr\xE9"
      "es directes,80,70\n"
      "\"2025-01-06,2025-01-12\",Campagnes,5,5\n";
  std::string utf16 = "\xFF\xFE";  // Matomo's default: UTF-16LE with BOM
  for (const char c : latin1) {
    utf16 += c;
    utf16 += '\0';
  }
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(ingest, "Export _ Canaux.csv", utf16, 7);
  EXPECT_EQ(r.tool, "matomo");
  EXPECT_EQ(r.rows_kept, 3u);
  const auto& t = ingest.dataset().traffic;
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].channel, "Organic Search");
  EXPECT_EQ(t[1].channel, "Direct");
  EXPECT_EQ(t[2].channel, "Unassigned");  // a campaign without its source/medium
  EXPECT_EQ(t[0].sessions, 120);
  EXPECT_EQ(t[0].users, 100);
  EXPECT_EQ(t[0].granularity, model::Granularity::kWeek);
}

}  // namespace
}  // namespace roilens::sources

namespace roilens::sources {
namespace {

TEST(Ga4Variants, YearMonthAndDateHourDimensions) {
  const std::string preamble =
      "# ----------------------------------------\n# Traffic acquisition: x\n"
      "# ----------------------------------------\n# Start date: 20250101\n# End date: 20250331\n";
  Ingest ingest;
  const FileReport months = test_support::ingestBytes(
      ingest, "m.csv", preamble + "Year month,Sessions\n202501,10\n202502,20\n");
  EXPECT_EQ(months.rows_kept, 2u);
  const auto& t = ingest.dataset().traffic;
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].range_start, model::daysFromCivil({2025, 2, 1}));
  EXPECT_EQ(t[1].range_end, model::daysFromCivil({2025, 2, 28}));  // 2025 is not a leap year
  EXPECT_EQ(t[1].granularity, model::Granularity::kMonth);

  const FileReport hours = test_support::ingestBytes(
      ingest, "h.csv",
      preamble + "Date + hour (YYYYMMDDHH),Sessions\n2025010113,3\n2025010114,4\n");
  EXPECT_EQ(hours.rows_kept, 2u);
  ASSERT_EQ(ingest.dataset().traffic.size(), 3u);  // both hours of 1 January are one day
  EXPECT_EQ(ingest.dataset().traffic[2].sessions, 3 + 4);
  EXPECT_EQ(ingest.dataset().traffic[2].range_start, model::daysFromCivil({2025, 1, 1}));
}

}  // namespace
}  // namespace roilens::sources
