#include "roilens/io/delimited_file_reader.hpp"

#include <gtest/gtest.h>

#include "io_test_support.hpp"

namespace roilens::io {
namespace {

using Fields = std::vector<std::string>;

struct Outcome {
  std::vector<CsvRecord> records;
  std::optional<Error> error;
  std::optional<CsvDialect> dialect_before_finish;
};

Outcome readInChunks(std::string_view bytes, std::size_t chunk,
                     std::optional<CsvDialect> forced = std::nullopt) {
  DelimitedFileReader reader(forced);
  Outcome outcome;
  for (std::size_t i = 0; i < bytes.size() && !outcome.error; i += chunk) {
    outcome.error = reader.feed(bytes.substr(i, chunk), outcome.records);
  }
  outcome.dialect_before_finish = reader.dialect();
  if (!outcome.error) outcome.error = reader.finish(outcome.records);
  return outcome;
}

TEST(DelimitedFileReaderTest, SmallUtf16TabFileInAnyChunkSize) {
  // Google Ads "Excel CSV": UTF-16LE with BOM, tab-separated, two title lines.
  const std::string text =
      "Campaign report\r\n27 January 2026 - 23 February 2026\r\n"
      "Campaign\tImpr.\tCost\r\nBrand \xE2\x82\xAC\t\"9,380\"\t12.50\r\n";
  const std::string bytes = testing::utf16WithBom(text, true);
  const std::vector<CsvRecord> expected = {
      {Fields{"Campaign report"}, 1, 1},
      {Fields{"27 January 2026 - 23 February 2026"}, 2, 2},
      {Fields{"Campaign", "Impr.", "Cost"}, 3, 3},
      {Fields{"Brand \xE2\x82\xAC", "9,380", "12.50"}, 4, 4},
  };
  for (const std::size_t chunk : {1u, 2u, 3u, 7u, 64u, 100000u}) {
    const Outcome outcome = readInChunks(bytes, chunk);
    EXPECT_FALSE(outcome.error.has_value()) << chunk;
    EXPECT_EQ(outcome.records, expected) << chunk;
    EXPECT_FALSE(outcome.dialect_before_finish.has_value());  // small file: sniffed at finish
  }
}

TEST(DelimitedFileReaderTest, LargeFileIsSniffedThenStreamed) {
  std::string text = "Date;Montant\n";
  const std::size_t rows = 6000;  // 6000 * 16 bytes = 96 000 > kSniffBytes
  for (std::size_t i = 0; i < rows; ++i) text += "28/01/2026;12,5\n";
  DelimitedFileReader reader;
  std::vector<CsvRecord> records;
  std::size_t records_before_end = 0;
  for (std::size_t i = 0; i < text.size(); i += 4096) {
    ASSERT_FALSE(reader.feed(std::string_view(text).substr(i, 4096), records).has_value());
    if (i + 4096 < text.size()) records_before_end = records.size();
  }
  ASSERT_TRUE(reader.dialect().has_value());
  EXPECT_EQ(reader.dialect()->delimiter, ';');
  EXPECT_GT(records_before_end, 0u);  // records flowed before the end of input
  EXPECT_FALSE(reader.finish(records).has_value());
  ASSERT_EQ(records.size(), rows + 1);
  EXPECT_EQ(records.back().fields, (Fields{"28/01/2026", "12,5"}));
  EXPECT_EQ(records.back().line, rows + 1);
}

TEST(DelimitedFileReaderTest, BinaryInputIsRefused) {
  const Outcome zip = readInChunks(std::string("PK\x03\x04\x14\x00\x06\x00", 8), 3);
  ASSERT_TRUE(zip.error.has_value());
  EXPECT_EQ(zip.error->code, ErrorCode::kUnreadableFile);
  EXPECT_NE(zip.error->message_en.find("xlsx"), std::string::npos);
  EXPECT_NE(zip.error->message_fr.find("xlsx"), std::string::npos);

  const Outcome garbage = readInChunks(std::string("\x7F"
                                                   "ELF\x02\x01\x01\x00\x00",
                                                   9),
                                       4);
  ASSERT_TRUE(garbage.error.has_value());
  EXPECT_EQ(garbage.error->code, ErrorCode::kUnreadableFile);
  EXPECT_NE(garbage.error->message_en.find("binary"), std::string::npos);
}

TEST(DelimitedFileReaderTest, EmptyFilesAreRefused) {
  for (const std::string_view bytes : {std::string_view(""), std::string_view("\xEF\xBB\xBF"),
                                       std::string_view("\r\n \n"), std::string_view("\xFF\xFE")}) {
    const Outcome outcome = readInChunks(bytes, 1);
    ASSERT_TRUE(outcome.error.has_value()) << bytes.size();
    EXPECT_EQ(outcome.error->code, ErrorCode::kUnreadableFile);
    EXPECT_EQ(outcome.error->message_fr, "le fichier est vide");
  }
}

TEST(DelimitedFileReaderTest, HeaderOnlyIsOneRecord) {
  const Outcome outcome = readInChunks("id,email\n", 4);
  EXPECT_FALSE(outcome.error.has_value());
  EXPECT_EQ(outcome.records, (std::vector<CsvRecord>{{Fields{"id", "email"}, 1, 1}}));
}

TEST(DelimitedFileReaderTest, UnbalancedQuoteReportedAfterTheGoodRecords) {
  const Outcome outcome = readInChunks("a,b\n1,2\n3,\"oops\n4,5\n", 5);
  ASSERT_TRUE(outcome.error.has_value());
  EXPECT_EQ(outcome.error->code, ErrorCode::kMalformedRecord);
  EXPECT_EQ(outcome.error->position.line, 3u);
  EXPECT_EQ(outcome.records.size(), 2u);
}

TEST(DelimitedFileReaderTest, ForcedDialectIsUsedFromTheFirstByte) {
  const Outcome outcome = readInChunks("a b\n1  2\n", 2, CsvDialect{' ', '"'});
  EXPECT_FALSE(outcome.error.has_value());
  ASSERT_TRUE(outcome.dialect_before_finish.has_value());
  EXPECT_EQ(outcome.records.size(), 2u);
  EXPECT_EQ(outcome.records[1].fields, (Fields{"1", "2"}));
}

}  // namespace
}  // namespace roilens::io
