// Joining across files (dataset_merge.hpp): the same contacts in two files, the same file twice,
// the same transaction in two exports.
#include <gtest/gtest.h>

#include "ingest_support.hpp"
#include "roilens/model/time.hpp"

namespace roilens::sources {
namespace {

using model::Stage;
using model::timestampFromCivil;
using test_support::ingestBytes;

// A HubSpot view with stage dates, and another tool's export of two of the same people.
const char* const kHubSpot =
    "\"Record ID\",\"Email\",\"Create Date\",\"Lifecycle Stage\",\"Original Source\","
    "\"Became a Lead Date\",\"Became a Marketing Qualified Lead Date\"\n"
    "\"1\",\"Ann@Example.com\",\"2025-01-10 09:00\",\"Marketing Qualified Lead\",\"Paid search\","
    "\"2025-01-10 09:00\",\"2025-02-01 10:00\"\n"
    "\"2\",\"bob@example.com\",\"2025-01-12 09:00\",\"Lead\",\"\",\"2025-01-12 09:00\",\"\"\n";

// Mautic-style contacts: Ann again (e-mail in another case, with spaces) and a new person.
const char* const kMautic =
    "\"id\",\"firstname\",\"lastname\",\"email\",\"points\",\"stage\"\n"
    "\"77\",\"Ann\",\"Lee\",\"  ANN@example.COM \",\"12\",\"Customer\"\n"
    "\"78\",\"Cid\",\"Roe\",\"cid@example.com\",\"3\",\"Lead\"\n";

TEST(Joining, SameContactsInTwoFilesAreMergedByEmail) {
  Ingest ingest;
  const FileReport first = ingestBytes(ingest, "hubspot.csv", kHubSpot);
  const FileReport second = ingestBytes(ingest, "mautic.csv", kMautic);
  EXPECT_EQ(first.tool, "hubspot");
  EXPECT_EQ(second.tool, "mautic");
  EXPECT_EQ(second.rows_kept, 2u);  // both rows were read and used
  const auto& contacts = ingest.dataset().contacts;
  ASSERT_EQ(contacts.size(), 3u);  // Ann, Bob, Cid: Ann is one person
  const model::Contact& ann = contacts[0];
  EXPECT_EQ(ann.email, "ann@example.com");
  EXPECT_EQ(ann.contact_id, "1");              // first non-empty value wins
  EXPECT_EQ(ann.lifecycle_stage, "customer");  // the furthest stage wins
  EXPECT_EQ(ann.score, 12);                    // an empty field filled from the second file
  EXPECT_EQ(ann.original_channel, "Paid Search");
  EXPECT_EQ(ann.at(Stage::kMql), timestampFromCivil({2025, 2, 1}, 10));
  EXPECT_EQ(ann.extra.at("firstname"), "Ann");  // unmapped cells travel in extra
  EXPECT_EQ(contacts[2].email, "cid@example.com");
  ASSERT_FALSE(second.warnings.empty());
  EXPECT_NE(second.warnings.back().find("merged"), std::string::npos);
}

TEST(Joining, EarliestStageDateWins) {
  // The same HubSpot record (same Record ID) exported twice with different MQL dates.
  const std::string later =
      "\"Record ID\",\"Email\",\"Became a Marketing Qualified Lead Date\"\n"
      "\"1\",\"\",\"2025-03-01 10:00\"\n";
  const std::string earlier =
      "\"Record ID\",\"Email\",\"Became a Marketing Qualified Lead Date\"\n"
      "\"1\",\"ann@example.com\",\"2025-01-20 10:00\"\n";
  Ingest ingest;
  ingestBytes(ingest, "a.csv", later);
  ingestBytes(ingest, "b.csv", earlier);
  ASSERT_EQ(ingest.dataset().contacts.size(), 1u);
  const auto& ann = ingest.dataset().contacts[0];
  EXPECT_EQ(ann.at(Stage::kMql), timestampFromCivil({2025, 1, 20}, 10));
  EXPECT_EQ(ann.email, "ann@example.com");  // filled by the second file
}

TEST(Joining, SameFileTwiceIsNotCountedTwice) {
  Ingest ingest;
  const FileReport first = ingestBytes(ingest, "hubspot.csv", kHubSpot);
  const FileReport again = ingestBytes(ingest, "hubspot (1).csv", kHubSpot, 5);
  EXPECT_EQ(first.rows_kept, 2u);
  // Same bytes under another name and fed in other chunks: detected by content.
  EXPECT_EQ(again.rows_read, 2u);
  EXPECT_EQ(again.rows_kept, 0u);
  EXPECT_EQ(again.rows_skipped, 2u);
  EXPECT_EQ(again.skipped_by_reason.at("duplicate_file"), 2u);
  EXPECT_TRUE(again.tables.empty());
  ASSERT_FALSE(again.warnings.empty());
  EXPECT_NE(again.warnings.back().find("hubspot.csv"), std::string::npos);
  EXPECT_EQ(ingest.dataset().contacts.size(), 2u);
  EXPECT_EQ(ingest.files().size(), 2u);
}

TEST(Joining, SameTransactionInTwoExportsIsAddedOnce) {
  const std::string january =
      "id,Created date (UTC),Amount,Currency\nch_1,2024-01-05 10:00:00,10.00,eur\n"
      "ch_2,2024-01-06 10:00:00,20.00,eur\n";
  const std::string overlap =
      "id,Created date (UTC),Amount,Currency\nch_2,2024-01-06 10:00:00,20.00,eur\n"
      "ch_3,2024-02-01 10:00:00,30.00,eur\n";
  Ingest ingest;
  ingestBytes(ingest, "jan.csv", january);
  const FileReport second = ingestBytes(ingest, "overlap.csv", overlap);
  EXPECT_EQ(ingest.dataset().transactions.size(), 3u);  // ch_1, ch_2, ch_3
  EXPECT_EQ(second.rows_read, 2u);
  EXPECT_EQ(second.rows_kept, 1u);
  EXPECT_EQ(second.skipped_by_reason.at("duplicate"), 1u);
  EXPECT_EQ(second.rows_read, second.rows_kept + second.rows_rejected + second.rows_skipped);
}

TEST(Joining, StripeTestModeChargesAreNotRevenue) {
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "stripe.csv",
                                   "id,Created date (UTC),Amount,Currency,Mode\n"
                                   "ch_1,2024-01-05 10:00:00,10.00,eur,Live\n"
                                   "ch_2,2024-01-05 11:00:00,99.00,eur,Test\n");
  EXPECT_EQ(r.rows_kept, 1u);
  EXPECT_EQ(r.skipped_by_reason.at("test_mode"), 1u);
  EXPECT_EQ(ingest.dataset().transactions.size(), 1u);
}

TEST(Joining, TransactionsJoinContactsByEmailKey) {
  Ingest ingest;
  ingestBytes(ingest, "hubspot.csv", kHubSpot);
  ingestBytes(ingest, "stripe.csv",
              "id,Created date (UTC),Amount,Currency,Customer Email\n"
              "ch_9,2024-01-05 10:00:00,10.00,eur, Ann@EXAMPLE.com\n");
  ASSERT_EQ(ingest.dataset().transactions.size(), 1u);
  EXPECT_EQ(ingest.dataset().transactions[0].customer_ref, ingest.dataset().contacts[0].email);
}

}  // namespace
}  // namespace roilens::sources

namespace roilens::sources {
namespace {

TEST(Joining, HubSpotDealsPointAtTheirContactsEmailInEitherOrder) {
  const std::string contacts =
      "\"Record ID\",\"Email\",\"Became a Lead Date\"\n\"51013\",\"Zoe@Ex.com\",\"2025-01-02 "
      "10:00\"\n";
  const std::string deals =
      "\"Record ID\",\"Deal Name\",\"Deal Stage\",\"Amount\",\"Associated Contact IDs\"\n"
      "\"80001\",\"A\",\"Closed Won\",\"100\",\"51013;51099\"\n"
      "\"80002\",\"B\",\"Closed Won\",\"50\",\"77777\"\n";
  for (const bool deals_first : {true, false}) {
    Ingest ingest;
    if (deals_first) test_support::ingestBytes(ingest, "deals.csv", deals);
    test_support::ingestBytes(ingest, "contacts.csv", contacts);
    if (!deals_first) test_support::ingestBytes(ingest, "deals.csv", deals);
    const auto& txns = ingest.dataset().transactions;
    ASSERT_EQ(txns.size(), 2u);
    EXPECT_EQ(txns[0].customer_ref, "zoe@ex.com");
    EXPECT_EQ(txns[1].customer_ref, "77777");  // unknown contact: the id stays
  }
}

}  // namespace
}  // namespace roilens::sources
