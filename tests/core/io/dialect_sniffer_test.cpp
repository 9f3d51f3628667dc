#include "roilens/io/dialect_sniffer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io_test_support.hpp"

namespace roilens::io {
namespace {

TEST(DialectSnifferTest, SkipsHashPreambleAndBlankLines) {
  const std::string ga4 =
      "# ----------------------------------------\n"
      "# Traffic acquisition: Session source / medium\n"
      "# Start date: 20260322; end date: 20260619\n"  // a ';' in a comment must not vote
      "\n"
      "Session source / medium,Sessions,Engaged sessions\n"
      "(direct) / (none),212,162\n"
      "google / organic,100,80\n";
  EXPECT_EQ(sniffDialect(ga4).delimiter, ',');
}

TEST(DialectSnifferTest, GoogleAdsTitleLinesDoNotVote) {
  const std::string ads =
      "Campaign report\n"
      "\"March 27, 2026 - April 23, 2026\"\n"
      "Campaign status,Campaign,Impr.,Cost\n"
      "Enabled,Brand,\"795,836\",12.00\n"
      "Paused,Generic,\"9,265\",1.00\n";
  EXPECT_EQ(sniffDialect(ads).delimiter, ',');
  const std::string tabs =
      "Campaign report\n27 January 2026 - 23 February 2026\n"
      "Campaign status\tCampaign\tImpr.\n"
      "Enabled\tOffice Fruit, UK\t\"9,380\"\n";
  EXPECT_EQ(sniffDialect(tabs).delimiter, '\t');
}

TEST(DialectSnifferTest, FrenchSemicolonWithDecimalCommas) {
  const std::string fr =
      "Date;Montant;Remise\n28/01/2026;1 234,56;0,5\n03/02/2026;12,5;1\n04/02/2026;3;0,25\n";
  EXPECT_EQ(sniffDialect(fr).delimiter, ';');
}

TEST(DialectSnifferTest, PipeAndQuotedContent) {
  EXPECT_EQ(sniffDialect("a|b|c\n\"x,y,z\"|2|3\n4|\"5;6\"|6\n").delimiter, '|');
}

TEST(DialectSnifferTest, WhitespaceSeparatedLog) {
  const std::string cdnow = " 00001 19970101  1  11.77\r\n 00002 19970112  1  12.00\r\n";
  EXPECT_EQ(sniffDialect(cdnow).delimiter, ' ');
}

TEST(DialectSnifferTest, SingleColumnAndEmptyDefaultToComma) {
  EXPECT_EQ(sniffDialect("email\na@b.c\n").delimiter, ',');
  EXPECT_EQ(sniffDialect("Name\nJohn Smith\nJane Doe\nAl Li\n").delimiter, ',');
  EXPECT_EQ(sniffDialect("").delimiter, ',');
}

std::string fileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The first record after the preamble that has more than one cell: the header.
std::vector<std::string> headerOf(const std::vector<CsvRecord>& records) {
  for (const CsvRecord& record : records) {
    if (record.fields.size() > 1 && !record.fields[0].starts_with("#")) return record.fields;
  }
  return {};
}

struct RealFile {
  const char* path;
  char delimiter;
  const char* first_header_cell;
  Encoding encoding;
};

TEST(DialectSnifferTest, RealExports) {
  const std::filesystem::path root = std::filesystem::path(ROILENS_SHARED_DIR) / "datasets/exports";
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "no " << root;
  // Header cells read by hand from each file (after its BOM and preamble).
  const std::vector<RealFile> files = {
      {"ga4/Events_Event_name.csv", ',', "Event name", Encoding::kUtf8},
      {"ga4/Traffic_acquisition_Session_source_medium_90_days.csv", ',', "Session source / medium",
       Encoding::kUtf8},
      {"ga4/exploration_free_form_truncated.csv", ',', "Page path + query string", Encoding::kUtf8},
      {"ga4/exploration_data-export_truncated.csv", ',', "Nth day", Encoding::kUtf8},
      {"ga4/Landing_page_Landing_page.csv", ',', "Landing page", Encoding::kUtf8},
      {"ga4/Pages_and_screens_Page_path_and_screen_class.csv", ',', "Page path and screen class",
       Encoding::kUtf8},
      {"ga4/User_acquisition_First_user_primary_channel_group_(Default_Channel_Group).csv", ',',
       "First user primary channel group (Default Channel Group)", Encoding::kUtf8},
      {"google_ads/campaign_report_alltime_usd.csv", ',', "Campaign status", Encoding::kUtf8},
      {"google_ads/campaign_report_daterange_eur.csv", ',', "Campaign status", Encoding::kUtf8},
      {"google_ads/campaign_report_daterange_gbp_en-GB.csv", ',', "Campaign status",
       Encoding::kUtf8},
      {"google_ads/campaign_report_utf16le_tab_gbp.csv", '\t', "Campaign status",
       Encoding::kUtf16Le},
      {"hubspot/contacts_default_view_redacted.csv", ',', "Record ID", Encoding::kUtf8},
      {"hubspot/deals_custom_view_redacted.csv", ',', "Record ID", Encoding::kUtf8},
      {"mailchimp/campaigns_account_export.csv", ',', "Title", Encoding::kUtf8},
      {"matomo/Live.getLastVisitsDetails_day_raw_utf16le.csv", ',', "idSite", Encoding::kUtf16Le},
      {"matomo/Referrers.getKeywords_pivot_week_utf16le.csv", ',', "label", Encoding::kUtf16Le},
      {"matomo/VisitsSummary.get_day_translated-de_utf16le.csv", ',', "Eindeutige Besucher",
       Encoding::kUtf16Le},
      {"matomo/VisitsSummary.get_day_translated-en_utf16le.csv", ',', "Unique visitors",
       Encoding::kUtf16Le},
      {"matomo/VisitsSummary.get_week_multiperiod_raw_utf16le.csv", ',', "date",
       Encoding::kUtf16Le},
      {"meta_ads/ads_manager_campaigns_no_data_usd.csv", ',', "Reporting starts", Encoding::kUtf8},
      {"meta_ads/ads_reporting_campaign_by_device_inr.csv", ',', "Campaign name",
       Encoding::kUtf8Bom},
      {"shopify/orders_export_2021_75cols_redacted.csv", ',', "Name", Encoding::kUtf8},
      {"stripe/unified_payments_redacted.csv", ',', "id", Encoding::kUtf8},
      {"ua/ua_browser_os_sessions_preamble_stripped.csv", ',', "Browser", Encoding::kUtf8},
  };
  std::size_t checked = 0;
  for (const RealFile& file : files) {
    const std::filesystem::path path = root / file.path;
    if (!std::filesystem::exists(path)) continue;
    ++checked;
    const std::string bytes = fileBytes(path);
    const std::string text = testing::decodeAll(std::string_view(bytes).substr(0, 65536));
    const CsvDialect dialect = sniffDialect(text);
    EXPECT_EQ(dialect.delimiter, file.delimiter) << file.path;
    const testing::PipelineResult result = testing::readWhole(bytes, dialect);
    EXPECT_EQ(result.encoding, file.encoding) << file.path;
    EXPECT_FALSE(result.error.has_value()) << file.path;
    for (const std::size_t chunk : {1u, 7u}) {  // real bytes split everywhere read the same
      std::vector<std::string_view> chunks;
      for (std::size_t i = 0; i < bytes.size(); i += chunk) {
        chunks.push_back(std::string_view(bytes).substr(i, chunk));
      }
      EXPECT_EQ(testing::readChunks(chunks, dialect).records, result.records) << file.path;
    }
    const std::vector<std::string> header = headerOf(result.records);
    ASSERT_FALSE(header.empty()) << file.path;
    EXPECT_EQ(header[0], file.first_header_cell) << file.path;
  }
  EXPECT_EQ(checked, files.size());  // the list names every CSV file of the folder
}

TEST(DialectSnifferTest, CdnowLog) {
  const std::filesystem::path path =
      std::filesystem::path(ROILENS_SHARED_DIR) / "datasets/cdnow/CDNOW_sample.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  const std::string bytes = fileBytes(path);
  const CsvDialect dialect = sniffDialect(testing::decodeAll(bytes.substr(0, 4096)));
  ASSERT_EQ(dialect.delimiter, ' ');
  const testing::PipelineResult result = testing::readWhole(bytes, dialect);
  ASSERT_FALSE(result.records.empty());
  // First line of the file, read by hand: " 00004 0001 19970101  2   29.33".
  EXPECT_EQ(result.records[0].fields,
            (std::vector<std::string>{"00004", "0001", "19970101", "2", "29.33"}));
}

}  // namespace
}  // namespace roilens::io
