// Bad input never crashes and never loses a row silently: empty file, header only, binary
// garbage, unbalanced quote, ragged rows, a bad number or date with its line and column.
#include <gtest/gtest.h>

#include "ingest_support.hpp"

namespace roilens::sources {
namespace {

using test_support::ingestBytes;

void expectBalanced(const FileReport& r) {
  EXPECT_EQ(r.rows_read, r.rows_kept + r.rows_rejected + r.rows_skipped) << r.file;
}

TEST(Malformed, EmptyFile) {
  for (const std::string& bytes :
       {std::string(), std::string("\n\n  \r\n"), std::string("\xEF\xBB\xBF")}) {
    Ingest ingest;
    const FileReport r = ingestBytes(ingest, "empty.csv", bytes);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->code, ErrorCode::kUnreadableFile);
    EXPECT_EQ(r.error->message_en, "the file is empty");
    EXPECT_EQ(r.error->message_fr, "le fichier est vide");
    EXPECT_EQ(r.rows_read, 0u);
  }
}

TEST(Malformed, HeaderOnly) {
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "stripe.csv", "id,Created date (UTC),Amount\n");
  EXPECT_EQ(r.tool, "stripe");
  EXPECT_FALSE(r.error.has_value());
  EXPECT_EQ(r.rows_read, 0u);
  EXPECT_TRUE(r.tables.empty());
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_EQ(r.warnings.back(), "the file has a header but no data rows");
}

TEST(Malformed, BinaryGarbage) {
  std::string bytes = "\x89PNG\r\n\x1a\n";
  bytes.push_back('\0');
  bytes += std::string("\x01\x02\xff\xfe", 4);
  for (std::size_t chunk : {0u, 1u, 3u}) {
    Ingest ingest;
    const FileReport r = ingestBytes(ingest, "image.csv", bytes, chunk);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->code, ErrorCode::kUnreadableFile);
    EXPECT_NE(r.error->message_en.find("not a text file"), std::string::npos);
    EXPECT_TRUE(ingest.dataset().contacts.empty());
  }
}

TEST(Malformed, ZipThatIsNotAWorkbook) {
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "archive.xlsx", std::string("PK\x03\x04garbage", 11));
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->code, ErrorCode::kUnreadableFile);
}

TEST(Malformed, UnbalancedQuoteGivesAPartialResult) {
  const std::string csv =
      "id,Created date (UTC),Amount\n"
      "ch_1,2024-01-05 10:00:00,10.00\n"
      "ch_2,\"2024-01-06 10:00:00,20.00\n"  // the quote never closes
      "ch_3,2024-01-07 10:00:00,30.00\n";
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "stripe.csv", csv);
  EXPECT_EQ(r.tool, "stripe");
  EXPECT_EQ(r.rows_kept, 1u);
  EXPECT_EQ(r.rows_rejected, 1u);
  expectBalanced(r);
  ASSERT_EQ(r.rejections.size(), 1u);
  EXPECT_EQ(r.rejections[0].line, 3u);
  EXPECT_EQ(r.rejections[0].reason_en,
            "line 3: a quote opened here is never closed; the rest of the file could not be read");
  EXPECT_NE(r.rejections[0].reason_fr.find("guillemet"), std::string::npos);
}

TEST(Malformed, RaggedRowsRule) {
  // More cells than the header → rejected (values would be shifted); fewer → kept, missing cells
  // empty, with a warning; trailing empty extra cells are harmless.
  const std::string csv =
      "id,Created date (UTC),Amount,Currency\n"
      "ch_1,2024-01-05 10:00:00,10.00,usd\n"
      "ch_2,2024-01-06 10:00:00,20.00,usd,oops,more\n"
      "ch_3,2024-01-07 10:00:00,30.00\n"
      "ch_4,2024-01-08 10:00:00,40.00,usd,,\n";
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "stripe.csv", csv);
  EXPECT_EQ(r.rows_kept, 3u);
  EXPECT_EQ(r.rows_rejected, 1u);
  expectBalanced(r);
  ASSERT_EQ(r.rejections.size(), 1u);
  EXPECT_EQ(r.rejections[0].line, 3u);
  EXPECT_EQ(r.rejections[0].reason_en, "line 3: the row has 6 cells but the header has 4");
  EXPECT_EQ(r.rejections[0].reason_fr, "ligne 3 : la ligne a 6 cellules mais l'en-tête en a 4");
  bool warned = false;
  for (const auto& w : r.warnings) warned = warned || w.find("fewer cells") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(Malformed, BadNumberAndDateNameLineAndColumn) {
  // Line numbers are grouped as in the marketer-facing example: "line 1 204".
  std::string csv = "Order ID,Order Date,Amount\n";
  for (int i = 2; i <= 1300; ++i) {
    const std::string amount = i == 1204 ? "\"12,5,0\"" : "10.00";
    const std::string date = i == 1250 ? "not a date" : "2024-01-05";
    csv += "A" + std::to_string(i) + "," + date + "," + amount + "\n";
  }
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "orders.csv", csv, 4096);
  EXPECT_EQ(r.tool, "generic");
  EXPECT_EQ(r.rows_read, 1299u);
  EXPECT_EQ(r.rows_rejected, 2u);
  EXPECT_EQ(r.rows_kept, 1297u);
  ASSERT_EQ(r.rejections.size(), 2u);
  EXPECT_EQ(r.rejections[0].line, 1204u);
  EXPECT_EQ(r.rejections[0].column, "Amount");
  EXPECT_EQ(r.rejections[0].reason_en, "line 1 204, column 'Amount': '12,5,0' is not a number");
  EXPECT_EQ(r.rejections[0].reason_fr,
            "ligne 1 204, colonne 'Amount' : '12,5,0' n'est pas un nombre");
  EXPECT_EQ(r.rejections[1].reason_en,
            "line 1 250, column 'Order Date': 'not a date' is not a date");
  const auto json = toJson(r);
  EXPECT_EQ(json["rejections"][0]["line"], 1204);
  EXPECT_EQ(json["rejections"][0]["column"], "Amount");
}

TEST(Malformed, LaterRowContradictsTheFormatDecidedFromTheFirstBlock) {
  // The first 1,000 rows only hold dates like 01/02/2024 (ambiguous: read month first, warned);
  // row 1,101 says 25/02/2024, which only a day-first column can hold.
  std::string csv = "Order ID,Order Date,Amount\n";
  for (int i = 2; i <= 1200; ++i) {
    const std::string date = i == 1101 ? "25/02/2024" : "01/02/2024";
    csv += "B" + std::to_string(i) + "," + date + ",5\n";
  }
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "orders.csv", csv);
  int ambiguous = 0;
  int contradicted = 0;
  for (const auto& w : r.warnings) {
    if (w.find("could be day/month") != std::string::npos) ++ambiguous;
    if (w.find("line 1 101") != std::string::npos) ++contradicted;
  }
  EXPECT_EQ(ambiguous, 1);
  EXPECT_EQ(contradicted, 1);
  // That cell cannot be read month-first: its row is rejected with the reason, not misdated.
  EXPECT_EQ(r.rows_rejected, 1u);
  EXPECT_EQ(r.rejections.at(0).line, 1101u);
  expectBalanced(r);
}

TEST(Malformed, UnknownForcedToolIsAnError) {
  FileOptions options;
  options.tool = "excel";
  Ingest ingest;
  const FileReport r = ingestBytes(ingest, "x.csv", "a,b\n1,2\n", 0, options);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->code, ErrorCode::kInvalidArgument);
}

TEST(Malformed, MixedCurrenciesAreFlagged) {
  Ingest ingest;
  const FileReport r =
      ingestBytes(ingest, "stripe.csv",
                  "id,Created date (UTC),Amount,Currency\nch_1,2024-01-05 10:00:00,10.00,eur\n"
                  "ch_2,2024-01-05 11:00:00,12.00,usd\n");
  EXPECT_EQ(r.currencies, (std::vector<std::string>{"EUR", "USD"}));
  const auto json = toJson(r);
  EXPECT_EQ(json["currency"], nlohmann::json::array({"EUR", "USD"}));
  bool warned = false;
  for (const auto& w : r.warnings)
    warned = warned || w.find("mixes currencies") != std::string::npos;
  EXPECT_TRUE(warned);
  // Every warning exists in French too, in the same order.
  ASSERT_EQ(r.warnings_fr.size(), r.warnings.size());
  bool warned_fr = false;
  for (const auto& w : r.warnings_fr) {
    warned_fr = warned_fr || w.find("mélange des devises") != std::string::npos;
  }
  EXPECT_TRUE(warned_fr);
  EXPECT_EQ(json["warnings_fr"].size(), json["warnings"].size());
}

TEST(Malformed, EndFileWithoutBeginAndBeginWithoutEnd) {
  Ingest ingest;
  EXPECT_EQ(ingest.endFile().rows_read, 0u);
  ingest.beginFile("a.csv");
  ingest.feed("id,Created date (UTC),Amount\nch_1,2024-01-05 10:00:00,1\n");
  ingest.beginFile("b.csv");  // a.csv is closed, not lost
  ingest.endFile();
  ASSERT_EQ(ingest.files().size(), 2u);
  EXPECT_EQ(ingest.files()[0].rows_kept, 1u);
}

}  // namespace
}  // namespace roilens::sources

namespace roilens::sources {
namespace {

TEST(Streaming, RepeatedKeysAggregateWhileStreaming) {
  // 30,000 daily rows over 3 channels × 20 days, fed in 4 KB chunks: the staged traffic table
  // holds one row per (day, channel), with the numerators added: 500 rows of 2 sessions each.
  const char* const channels[] = {"Direct", "Organic Search", "Email"};
  std::string csv = "Date,Session default channel group,Sessions\n";
  for (int i = 0; i < 30000; ++i) {
    csv += "202501" + std::string(i % 20 < 9 ? "0" : "") + std::to_string(i % 20 + 1) + "," +
           channels[(i / 20) % 3] + ",2\n";
  }
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(ingest, "daily.csv", csv, 4096);
  EXPECT_EQ(r.tool, "generic");  // no GA4 preamble: recognised by its column names
  EXPECT_EQ(r.tables, std::vector<std::string>{"traffic"});
  EXPECT_EQ(r.rows_kept, 30000u);
  ASSERT_EQ(ingest.dataset().traffic.size(), 60u);  // 20 days × 3 channels
  double total = 0;
  for (const auto& t : ingest.dataset().traffic) total += *t.sessions;
  EXPECT_DOUBLE_EQ(total, 30000 * 2);
  EXPECT_DOUBLE_EQ(*ingest.dataset().traffic[0].sessions, 500 * 2);
}

}  // namespace
}  // namespace roilens::sources

namespace roilens::sources {
namespace {

TEST(Malformed, LegacyXlsGetsItsOwnHint) {
  std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  bytes += std::string(64, '\0');
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(ingest, "report.xls", bytes, 3);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->code, ErrorCode::kUnreadableFile);
  EXPECT_NE(r.error->message_en.find(".xls"), std::string::npos);
  EXPECT_NE(r.error->message_fr.find(".xls"), std::string::npos);
}

TEST(Malformed, CsvStartingWithABracketIsNotJson) {
  Ingest ingest;
  const FileReport r =
      test_support::ingestBytes(ingest, "x.csv", "[Note],Order ID,Amount\nhello,A1,10.5\n");
  EXPECT_FALSE(r.error.has_value());
  EXPECT_EQ(r.tool, "generic");
  EXPECT_EQ(r.rows_kept, 1u);
  EXPECT_EQ(ingest.dataset().transactions.at(0).amount_gross, 10.5);
}

TEST(Malformed, BrokenJsonIsAnErrorWithItsLine) {
  Ingest ingest;
  const FileReport r = test_support::ingestBytes(ingest, "x.json", "[{\"a\": 1},\n{\"a\": }\n]");
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->code, ErrorCode::kMalformedRecord);
  EXPECT_FALSE(r.error->message_fr.empty());
}

}  // namespace
}  // namespace roilens::sources
