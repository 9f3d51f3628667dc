// Tools without a real sample file in ../shared (Mautic, LinkedIn, Salesforce, Brevo,
// WooCommerce, generic CSV/JSON/NDJSON), French headers, the extra formats (paths, RFM,
// headerless logs): our own small fixtures in tests/core/fixtures/sources/, built from the
// layouts FORMATS.md describes. Expected values are read off the fixture text.
#include <gtest/gtest.h>

#include "ingest_support.hpp"
#include "roilens/model/time.hpp"

namespace roilens::sources {
namespace {

using model::timestampFromCivil;

struct Loaded {
  FileReport report;
  model::Dataset data;
};

Loaded loadFixture(const std::string& name, FileOptions options = {}) {
  Ingest ingest;
  FileReport report = test_support::ingestBytes(
      ingest, name, test_support::readBytes(test_support::fixture(name)), 0, std::move(options));
  return Loaded{report, ingest.dataset()};
}

void expectRows(const FileReport& r, std::size_t read, std::size_t kept, std::size_t rejected,
                std::size_t skipped) {
  EXPECT_EQ(r.rows_read, read) << r.file;
  EXPECT_EQ(r.rows_kept, kept) << r.file;
  EXPECT_EQ(r.rows_rejected, rejected) << r.file;
  EXPECT_EQ(r.rows_skipped, skipped) << r.file;
}

model::DayNumber day(int y, int m, int d) { return model::daysFromCivil({y, m, d}); }

TEST(FixtureMautic, ContactsWithBomAndAliases) {
  const Loaded f = loadFixture("mautic_contacts.csv");
  EXPECT_EQ(f.report.tool, "mautic");
  EXPECT_EQ(f.report.variant, "contacts");
  EXPECT_GE(f.report.confidence, 0.9);  // UTF-8 BOM + untranslated aliases
  expectRows(f.report, 3, 3, 0, 0);
  ASSERT_EQ(f.data.contacts.size(), 3u);
  EXPECT_EQ(f.data.contacts[0].contact_id, "1");
  EXPECT_EQ(f.data.contacts[0].email, "ann.lee@example.com");  // trimmed, case-folded
  EXPECT_EQ(f.data.contacts[0].lifecycle_stage, "lead");
  EXPECT_EQ(f.data.contacts[1].lifecycle_stage, "customer");
  EXPECT_EQ(f.data.contacts[0].score, 15);  // points
  EXPECT_EQ(f.data.contacts[2].lifecycle_stage, "");
}

TEST(FixtureMautic, EmailReportTotalsRowSkipped) {
  const Loaded f = loadFixture("mautic_email_report.csv");
  EXPECT_EQ(f.report.tool, "mautic");
  EXPECT_EQ(f.report.variant, "emails");
  expectRows(f.report, 3, 2, 0, 1);
  EXPECT_EQ(f.report.skipped_by_reason.at("totals"), 1u);
  ASSERT_EQ(f.data.emails.size(), 2u);
  EXPECT_EQ(f.data.emails[0].subject, "October news");
  EXPECT_EQ(f.data.emails[0].recipients, 200);
  EXPECT_EQ(f.data.emails[0].unique_opens, 50);
  EXPECT_EQ(f.data.emails[0].delivered, 200 - 4);  // sent − bounced
  EXPECT_EQ(f.data.emails[1].delivered, 300 - 6);
  EXPECT_EQ(f.data.emails[1].unique_clicks, 27);
}

TEST(FixtureLinkedIn, TitleBlockUsDatesAndTotalRow) {
  const Loaded f = loadFixture("linkedin_campaigns.csv");
  EXPECT_EQ(f.report.tool, "linkedin_ads");
  // 5 title lines + 1 blank line, 2 campaigns, 1 "Total" row.
  expectRows(f.report, 9, 2, 0, 7);
  EXPECT_EQ(f.report.skipped_by_reason.at("preamble"), 6u);
  EXPECT_EQ(f.report.skipped_by_reason.at("totals"), 1u);
  ASSERT_EQ(f.data.costs.size(), 2u);
  EXPECT_DOUBLE_EQ(f.data.costs[0].cost + f.data.costs[1].cost, 200.00);  // 120.50 + 79.50
  EXPECT_EQ(f.data.costs[0].impressions, 10000);
  EXPECT_EQ(f.data.costs[1].range_start, day(2026, 1, 13));  // "1/13/2026": month first
  EXPECT_EQ(f.data.costs[0].channel, "Paid Social");
  EXPECT_EQ(f.data.costs[0].campaign_id, "111");
  EXPECT_EQ(f.data.costs[0].account, "Acme");
  EXPECT_EQ(f.report.currencies, std::vector<std::string>{"EUR"});
}

TEST(FixtureSalesforce, LeadsWithFooter) {
  const Loaded f = loadFixture("salesforce_leads.csv");
  EXPECT_EQ(f.report.tool, "salesforce");
  EXPECT_EQ(f.report.variant, "leads");
  // 2 leads, then a blank line and a 5-line footer.
  expectRows(f.report, 8, 2, 0, 6);
  EXPECT_EQ(f.report.skipped_by_reason.at("footer"), 5u);
  ASSERT_EQ(f.data.contacts.size(), 2u);
  EXPECT_EQ(f.data.contacts[1].email, "lise@beta.test");
  // Create Date = entry as a lead; Converted Date = opportunity (stated rule, record_mapper).
  EXPECT_EQ(f.data.contacts[1].at(model::Stage::kLead), timestampFromCivil({2024, 2, 3}));
  EXPECT_EQ(f.data.contacts[1].at(model::Stage::kOpportunity), timestampFromCivil({2024, 2, 20}));
  EXPECT_EQ(f.data.contacts[0].lead_status, "Working - Contacted");
  EXPECT_EQ(f.data.contacts[0].original_source_raw, "Web");
}

TEST(FixtureSalesforce, OpportunitiesBecomeDeals) {
  const Loaded f = loadFixture("salesforce_opportunities.csv");
  EXPECT_EQ(f.report.tool, "salesforce");
  EXPECT_EQ(f.report.variant, "opportunities");
  expectRows(f.report, 9, 3, 0, 6);
  ASSERT_EQ(f.data.transactions.size(), 3u);
  EXPECT_EQ(f.data.transactions[0].kind, model::TransactionKind::kDeal);
  EXPECT_EQ(f.data.transactions[0].amount_gross, 12000.0);  // "12,000.00"
  EXPECT_EQ(f.data.transactions[0].status, model::TransactionStatus::kWon);
  EXPECT_EQ(f.data.transactions[1].status, model::TransactionStatus::kOpen);
  EXPECT_EQ(f.data.transactions[2].status, model::TransactionStatus::kLost);
  EXPECT_EQ(f.data.transactions[0].customer_ref, "Acme");
  EXPECT_TRUE(f.data.transactions[0].is_upsell);   // Type "Existing Business"
  EXPECT_FALSE(f.data.transactions[1].is_upsell);  // "New Business"
  EXPECT_EQ(f.data.transactions[0].closed_at, timestampFromCivil({2024, 3, 31}));
}

TEST(FixtureBrevo, ApiStatisticNames) {
  const Loaded f = loadFixture("brevo_campaigns.csv");
  EXPECT_EQ(f.report.tool, "brevo");
  expectRows(f.report, 2, 2, 0, 0);
  const auto& e = f.data.emails.at(0);
  EXPECT_EQ(e.campaign_id, "12");
  EXPECT_EQ(e.name, "Spring sale");
  EXPECT_EQ(e.recipients, 1000);
  EXPECT_EQ(e.delivered, 980);
  EXPECT_EQ(e.bounces_hard, 12);
  EXPECT_EQ(e.bounces_soft, 8);
  EXPECT_EQ(e.unique_opens, 410);
  EXPECT_EQ(e.total_opens, 520);
  EXPECT_EQ(e.unique_clicks, 75);
  EXPECT_EQ(e.unsubscribes, 4);
  EXPECT_EQ(e.complaints, 1);
  EXPECT_EQ(e.sent_at, timestampFromCivil({2024, 3, 5}, 9));
}

TEST(FixtureWooCommerce, AnalyticsOrders) {
  const Loaded f = loadFixture("woocommerce_orders.csv");
  EXPECT_EQ(f.report.tool, "woocommerce");
  expectRows(f.report, 2, 2, 0, 0);
  ASSERT_EQ(f.data.transactions.size(), 2u);
  EXPECT_EQ(f.data.transactions[0].txn_id, "1001");
  EXPECT_EQ(f.data.transactions[0].amount_gross, 1250.0);  // "$1,250.00"
  EXPECT_EQ(f.data.transactions[0].currency, "USD");       // from the "$" sign, and said so:
  bool said = false;
  for (const auto& w : f.report.warnings)
    said = said || w.find("read as US dollars") != std::string::npos;
  EXPECT_TRUE(said);
  EXPECT_EQ(f.data.transactions[0].channel, "Organic Search");
  EXPECT_EQ(f.data.transactions[1].status, model::TransactionStatus::kRefunded);
  EXPECT_EQ(f.data.transactions[1].channel, "Direct");
  EXPECT_EQ(f.data.transactions[0].customer_ref, "Ann Lee");
}

TEST(FixtureGeneric, CsvWhoseHeadersResembleTheModel) {
  const Loaded f = loadFixture("generic_orders.csv");
  EXPECT_EQ(f.report.tool, "generic");
  EXPECT_LE(f.report.confidence, 0.6);
  EXPECT_EQ(f.report.tables, std::vector<std::string>{"transactions"});
  expectRows(f.report, 3, 3, 0, 0);
  ASSERT_EQ(f.data.transactions.size(), 3u);
  EXPECT_EQ(f.data.transactions[0].customer_ref, "ann.lee@example.com");
  EXPECT_EQ(f.data.transactions[2].customer_ref, "ann.lee@example.com");
  EXPECT_EQ(f.data.transactions[0].channel, "Paid Search");  // google / cpc
  EXPECT_EQ(f.data.transactions[1].channel, "Email");
  EXPECT_DOUBLE_EQ(*f.data.transactions[0].amount_gross + *f.data.transactions[1].amount_gross +
                       *f.data.transactions[2].amount_gross,
                   120.00 + 80.50 + 40.00);
}

TEST(FixtureGeneric, JsonApiResponse) {
  const Loaded f = loadFixture("generic_orders.json");
  EXPECT_EQ(f.report.tool, "generic");
  expectRows(f.report, 2, 2, 0, 0);
  EXPECT_EQ(f.data.transactions.at(1).txn_id, "J-2");
  EXPECT_EQ(f.data.transactions.at(1).amount_gross, 80.5);
  EXPECT_EQ(f.data.transactions.at(0).customer_ref, "ann.lee@example.com");
}

TEST(FixtureGeneric, NdjsonWithABadLine) {
  const Loaded f = loadFixture("generic_orders.ndjson");
  EXPECT_EQ(f.report.tool, "generic");
  expectRows(f.report, 4, 3, 1, 0);
  ASSERT_EQ(f.report.rejections.size(), 1u);
  EXPECT_EQ(f.report.rejections[0].line, 3u);
  EXPECT_EQ(f.data.transactions.size(), 3u);
}

TEST(FixtureFrench, HubSpotFrenchLabels) {
  const Loaded f = loadFixture("hubspot_contacts_fr.csv");
  EXPECT_EQ(f.report.tool, "hubspot");
  expectRows(f.report, 2, 2, 0, 0);
  ASSERT_EQ(f.data.contacts.size(), 2u);
  const auto& zoe = f.data.contacts[0];
  EXPECT_EQ(zoe.contact_id, "501");
  EXPECT_EQ(zoe.email, "zoe@exemple.fr");
  EXPECT_EQ(zoe.lifecycle_stage, "customer");         // "Client"
  EXPECT_EQ(zoe.original_channel, "Organic Search");  // "Recherche naturelle"
  EXPECT_EQ(zoe.at(model::Stage::kCustomer), timestampFromCivil({2025, 3, 20}, 16, 30));
  EXPECT_EQ(f.data.contacts[1].lifecycle_stage, "mql");  // "Lead qualifié par le marketing"
  EXPECT_EQ(f.data.contacts[1].original_channel, "Organic Social");  // "Réseaux sociaux"
  EXPECT_EQ(f.data.contacts[1].email, "elie@exemple.fr");
}

TEST(FixtureFrench, ExcelResaveSemicolonWindows1252DecimalComma) {
  const Loaded f = loadFixture("excel_fr_resave.csv");
  EXPECT_EQ(f.report.tool, "generic");
  EXPECT_EQ(f.report.encoding, "Windows-1252");
  expectRows(f.report, 2, 2, 0, 0);
  ASSERT_EQ(f.data.transactions.size(), 2u);
  EXPECT_EQ(f.data.transactions[0].txn_id, "C-001");                // header "Référence"
  EXPECT_DOUBLE_EQ(*f.data.transactions[0].amount_gross, 1234.50);  // "1 234,50"
  EXPECT_DOUBLE_EQ(*f.data.transactions[1].amount_gross, 99.90);    // "99,90"
  // "25/02/2025" decides day first for the column, so "03/02/2025" is 3 February.
  EXPECT_EQ(f.data.transactions[0].created_at, timestampFromCivil({2025, 2, 3}));
  EXPECT_EQ(f.report.currencies, std::vector<std::string>{"EUR"});
}

TEST(FixtureExtraFormats, ChannelAttributionPaths) {
  const Loaded f = loadFixture("paths_small.csv");
  EXPECT_EQ(f.report.tool, "paths");
  expectRows(f.report, 3, 3, 0, 0);
  ASSERT_EQ(f.data.paths.size(), 3u);
  EXPECT_EQ(f.data.paths[0].channels, (std::vector<std::string>{"eta", "iota", "alpha", "eta"}));
  EXPECT_DOUBLE_EQ(f.data.paths[0].conversion_value, 0.244);
  EXPECT_DOUBLE_EQ(f.data.paths[1].nulls, 6);
  EXPECT_DOUBLE_EQ(f.data.paths[2].conversions, 0);
}

TEST(FixtureExtraFormats, RfmSummaryLifetimesNames) {
  const Loaded f = loadFixture("rfm_lifetimes.csv");
  EXPECT_EQ(f.report.tool, "rfm");
  expectRows(f.report, 2, 2, 0, 0);
  EXPECT_EQ(f.data.rfm[0].customer, "1");
  EXPECT_DOUBLE_EQ(f.data.rfm[0].frequency, 2);
  EXPECT_DOUBLE_EQ(f.data.rfm[0].recency, 30.43);
  EXPECT_DOUBLE_EQ(f.data.rfm[0].age, 38.86);
  EXPECT_DOUBLE_EQ(f.data.rfm[0].monetary_value, 22.35);
}

TEST(FixtureExtraFormats, HeaderlessLogByColumnIndexes) {
  FileOptions options;
  options.column_indexes = {{"customer", 2}, {"date", 3}, {"amount", 5}};
  const Loaded f = loadFixture("cdnow_like.txt", options);
  EXPECT_EQ(f.report.tool, "generic");
  EXPECT_EQ(f.report.tables, std::vector<std::string>{"transactions"});
  expectRows(f.report, 4, 4, 0, 0);
  ASSERT_EQ(f.data.transactions.size(), 4u);
  EXPECT_EQ(f.data.transactions[0].customer_ref, "0001");
  EXPECT_EQ(f.data.transactions[0].created_at, timestampFromCivil({1997, 1, 1}));  // 19970101
  EXPECT_DOUBLE_EQ(*f.data.transactions[1].amount_gross, 29.73);
  EXPECT_EQ(*f.report.first_day, day(1997, 1, 1));
  EXPECT_EQ(*f.report.last_day, day(1997, 1, 18));
}

TEST(ManualChoices, ForcedToolAndColumnMapping) {
  // Headers no alias knows: mapped by hand (FileOptions::columns).
  const std::string csv =
      "Ref,Who,When,Paid\nX1,ann@x.com,2024-05-01,10.5\nX2,bob@x.com,2024-05-02,4\n";
  FileOptions options;
  options.columns = {
      {"Ref", "txn_id"}, {"Who", "email"}, {"When", "created_at"}, {"Paid", "amount"}};
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(ingest, "manual.csv", csv, 0, options);
  EXPECT_EQ(r.tool, "generic");
  EXPECT_EQ(r.tables, std::vector<std::string>{"transactions"});
  EXPECT_EQ(r.rows_kept, 2u);
  EXPECT_EQ(ingest.dataset().transactions.at(0).amount_gross, 10.5);
  EXPECT_EQ(ingest.dataset().transactions.at(1).customer_ref, "bob@x.com");

  // Without the mapping the same file is not recognised: an error value, rows accounted.
  Ingest plain;
  const FileReport unknown = test_support::ingestBytes(plain, "manual.csv", csv);
  EXPECT_EQ(unknown.tool, "unknown");
  ASSERT_TRUE(unknown.error.has_value());
  EXPECT_EQ(unknown.error->code, ErrorCode::kUnrecognisedFile);
  EXPECT_EQ(unknown.rows_read, 2u);
  EXPECT_EQ(unknown.rows_skipped, 2u);
  EXPECT_FALSE(unknown.error->message_fr.empty());

  // Forcing a tool id uses that tool's rules (here Stripe on a renamed export).
  FileOptions forced;
  forced.tool = "stripe";
  Ingest stripe;
  const FileReport s = test_support::ingestBytes(stripe, "payments.csv",
                                                 "id,Amount,Currency\nch_1,15.00,usd\n", 0, forced);
  EXPECT_EQ(s.tool, "stripe");
  EXPECT_EQ(stripe.dataset().transactions.at(0).kind, model::TransactionKind::kCharge);
}

}  // namespace
}  // namespace roilens::sources

namespace roilens::sources {
namespace {

// hubspot_export.xlsx is written by make_xlsx_fixture.py (same folder): shared and inline
// strings, date-styled serials (45658.5 = 2025-01-01 12:00, 45689 = 2025-02-01), two sheets.
TEST(FixtureXlsx, HubSpotWorkbookFirstSheetInChunks) {
  const std::string bytes = test_support::readBytes(test_support::fixture("hubspot_export.xlsx"));
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(ingest, "hubspot_export.xlsx", bytes, 100);
  EXPECT_EQ(r.tool, "hubspot");
  EXPECT_EQ(r.encoding, "XLSX");
  EXPECT_EQ(r.rows_read, 2u);
  EXPECT_EQ(r.rows_kept, 2u);
  const auto& contacts = ingest.dataset().contacts;
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].contact_id, "101");
  EXPECT_EQ(contacts[0].created_at, model::timestampFromCivil({2025, 1, 1}, 12));
  EXPECT_EQ(contacts[0].at(model::Stage::kLead), model::timestampFromCivil({2025, 1, 1}, 12));
  EXPECT_EQ(contacts[0].original_channel, "Organic Search");
  EXPECT_EQ(contacts[1].email, "bob@example.com");
  EXPECT_EQ(contacts[1].lifecycle_stage, "customer");
  EXPECT_EQ(contacts[1].original_channel, "Paid Social");
  EXPECT_EQ(contacts[1].created_at, model::timestampFromCivil({2025, 2, 1}));
}

TEST(FixtureXlsx, ChosenSheet) {
  const std::string bytes = test_support::readBytes(test_support::fixture("hubspot_export.xlsx"));
  FileOptions options;
  options.sheet = "Deals";
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(ingest, "hubspot_export.xlsx", bytes, 0, options);
  EXPECT_EQ(r.tool, "hubspot");
  EXPECT_EQ(r.variant, "deals");
  ASSERT_EQ(ingest.dataset().transactions.size(), 1u);
  const auto& deal = ingest.dataset().transactions[0];
  EXPECT_EQ(deal.amount_gross, 1250.5);
  EXPECT_EQ(deal.status, model::TransactionStatus::kWon);
  EXPECT_EQ(deal.closed_at, model::timestampFromCivil({2025, 2, 1}));

  options.sheet = "Nope";
  Ingest missing;
  const FileReport bad = test_support::ingestBytes(missing, "x.xlsx", bytes, 0, options);
  ASSERT_TRUE(bad.error.has_value());
  EXPECT_EQ(bad.error->code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace roilens::sources

namespace roilens::sources {
namespace {

TEST(FixtureChunks, EveryFixtureGivesTheSameReportInSmallChunks) {
  std::size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(test_support::fixture("").parent_path())) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".csv" && ext != ".json" && ext != ".ndjson" && ext != ".xlsx") continue;
    const std::string bytes = test_support::readBytes(entry.path());
    Ingest whole;
    const auto expected = toJson(test_support::ingestBytes(whole, "f", bytes));
    for (const std::size_t chunk : {1u, 5u, 333u}) {
      Ingest chunked;
      EXPECT_EQ(toJson(test_support::ingestBytes(chunked, "f", bytes, chunk)), expected)
          << entry.path() << " chunk " << chunk;
    }
    ++files;
  }
  EXPECT_GE(files, 14u);
}

TEST(InspectJson, ShapeOfOneFileEntry) {
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(
      ingest, "pay.csv",
      "id,Created date (UTC),Amount,Currency\nch_1,2024-01-05 10:00:00,10.00,eur\n"
      "ch_2,2024-01-09 10:00:00,abc,eur\n");
  const nlohmann::json j = toJson(r);
  EXPECT_EQ(j["file"], "pay.csv");
  EXPECT_EQ(j["tool"], "stripe");
  EXPECT_DOUBLE_EQ(j["confidence"].get<double>(), 0.95);
  EXPECT_EQ(j["tables"], nlohmann::json::array({"transactions"}));
  EXPECT_EQ(j["rows"], (nlohmann::json{{"read", 2}, {"kept", 1}, {"rejected", 1}, {"skipped", 0}}));
  EXPECT_EQ(
      j["rejections"][0],
      (nlohmann::json{{"line", 3},
                      {"column", "Amount"},
                      {"reason", "line 3, column 'Amount': 'abc' is not a number"},
                      {"reason_fr", "ligne 3, colonne 'Amount' : 'abc' n'est pas un nombre"}}));
  EXPECT_EQ(j["date_range"], (nlohmann::json{{"from", "2024-01-05"}, {"to", "2024-01-05"}}));
  EXPECT_EQ(j["currency"], "EUR");
  EXPECT_TRUE(j["warnings"].is_array());
  EXPECT_FALSE(j.contains("error"));
  EXPECT_EQ(j["mapping"], (nlohmann::json{{"id", "txn_id"},
                                          {"Created date (UTC)", "created_at"},
                                          {"Amount", "amount"},
                                          {"Currency", "currency"}}));
}

TEST(FrenchGa4, TranslatedPreambleAndHeaders) {
  // French UI (FORMATS §3, I): translated preamble and headers with typographic apostrophes.
  const std::string csv =
      "# ----------------------------------------\n"
      "# Acquisition de trafic : Groupe de canaux principal de la session\n"
      "# Compte : Exemple\n"
      "# Propriété : www.exemple.fr\n"
      "# ----------------------------------------\n"
      "# \n"
      "# Tous les utilisateurs\n"
      "# Date de début : 20250101\n"
      "# Date de fin : 20250131\n"
      "Groupe de canaux par défaut de la session,Sessions,Nombre total d’utilisateurs,"
      "Nombre d’événements\n"
      "Recherche naturelle,120,100,900\n"
      "Accès direct,80,70,400\n";
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(ingest, "Acquisition_de_trafic.csv", csv);
  EXPECT_EQ(r.tool, "ga4");
  EXPECT_EQ(r.rows_kept, 2u);
  EXPECT_EQ(r.skipped_by_reason.at("preamble"), 9u);
  const auto& t = ingest.dataset().traffic;
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].channel, "Organic Search");
  EXPECT_EQ(t[1].channel, "Direct");
  EXPECT_EQ(t[0].users, 100);
  EXPECT_EQ(t[0].event_count, 900);
  EXPECT_EQ(t[0].range_start, model::daysFromCivil({2025, 1, 1}));
  EXPECT_EQ(t[0].range_end, model::daysFromCivil({2025, 1, 31}));
  EXPECT_EQ(t[0].granularity, model::Granularity::kMonth);
}

}  // namespace
}  // namespace roilens::sources

namespace roilens::sources {
namespace {

TEST(FixtureMailchimp, SingleCampaignKeyValueReport) {
  // Layout of FORMATS §10 (I [E1]); our own values.
  const Loaded f = loadFixture("mailchimp_campaign_report.csv");
  EXPECT_EQ(f.report.tool, "mailchimp");
  EXPECT_EQ(f.report.variant, "campaign_report");
  // 22 lines: the title (preamble), 2 blank lines, 1 heading ("Overall Stats"), 14 "Key:" lines
  // of which 11 feed the model and 3 have no model field (Bounces, Times Forwarded, Last Open
  // Date), and the "Clicks by URL" table (4 lines, skipped as a section).
  // kept 11; skipped 1 + 2 + 1 + 3 + 4 = 11; read 22.
  expectRows(f.report, 22, 11, 0, 11);
  EXPECT_EQ(f.report.skipped_by_reason.at("unmapped"), 3u);
  EXPECT_EQ(f.report.skipped_by_reason.at("section"), 4u);
  ASSERT_EQ(f.data.emails.size(), 1u);
  const auto& e = f.data.emails[0];
  EXPECT_EQ(e.name, "Printemps 2025");
  EXPECT_EQ(e.subject, "Nos nouveautés de printemps");
  EXPECT_EQ(e.sent_at, model::timestampFromCivil({2025, 4, 15}, 9, 30));
  EXPECT_EQ(e.recipients, 1200);  // "1,200"
  EXPECT_EQ(e.delivered, 1188);
  EXPECT_EQ(e.unique_opens, 402);  // "402 (33.84%)"
  EXPECT_EQ(e.total_opens, 655);
  EXPECT_EQ(e.unique_clicks, 61);
  EXPECT_EQ(e.total_clicks, 97);
  EXPECT_EQ(e.unsubscribes, 4);
  EXPECT_EQ(e.complaints, 1);
}

}  // namespace
}  // namespace roilens::sources
