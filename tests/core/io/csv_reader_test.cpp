#include "roilens/io/csv_reader.hpp"

#include <gtest/gtest.h>

#include "io_test_support.hpp"

namespace roilens::io {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> readText(std::string_view text, CsvDialect dialect = {},
                                std::optional<Error>* error = nullptr) {
  CsvReader reader(dialect);
  std::vector<CsvRecord> records;
  reader.feed(text, records);
  const std::optional<Error> finished = reader.finish(records);
  if (error != nullptr) *error = finished;
  return records;
}

// Feeds the text in two chunks split at every position and checks the records are the same.
void expectSplitInvariant(std::string_view text, CsvDialect dialect,
                          const std::vector<CsvRecord>& expected) {
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    CsvReader reader(dialect);
    std::vector<CsvRecord> records;
    reader.feed(text.substr(0, cut), records);
    reader.feed(text.substr(cut), records);
    EXPECT_FALSE(reader.finish(records).has_value());
    EXPECT_EQ(records, expected) << "split at " << cut;
  }
}

TEST(CsvReaderTest, EmptyInputGivesNoRecord) {
  std::optional<Error> error;
  EXPECT_TRUE(readText("", {}, &error).empty());
  EXPECT_FALSE(error.has_value());
}

TEST(CsvReaderTest, HeaderOnlyWithoutLineEnd) {
  const std::vector<CsvRecord> expected = {{Fields{"a", "b"}, 1, 1}};
  EXPECT_EQ(readText("a,b"), expected);
}

TEST(CsvReaderTest, QuotingRules) {
  const std::string text =
      "\"a,b\",\"say \"\"hi\"\"\",\"\"\n"  // delimiter and doubled quotes inside quotes, empty ""
      "5\" screen,\"ab\"cd,x\"y\"\n";      // stray quotes kept as text, text after closing quote
  const std::vector<CsvRecord> expected = {
      {Fields{"a,b", "say \"hi\"", ""}, 1, 1},
      {Fields{"5\" screen", "abcd", "x\"y\""}, 2, 2},
  };
  EXPECT_EQ(readText(text), expected);
  expectSplitInvariant(text, {}, expected);
}

TEST(CsvReaderTest, LineEndsOfEveryKindAndBlankLinesCounted) {
  // Lines: 1 "a,b" CRLF · 2 "1,2" LF · 3 blank CR · 4 "3,4" CR · 5 blank CRLF · 6 "5,6" (no end).
  const std::string text = "a,b\r\n1,2\n\r3,4\r\r\n5,6";
  const std::vector<CsvRecord> expected = {
      {Fields{"a", "b"}, 1, 1}, {Fields{"1", "2"}, 2, 2}, {Fields{""}, 3, 3},
      {Fields{"3", "4"}, 4, 4}, {Fields{""}, 5, 5},       {Fields{"5", "6"}, 6, 6},
  };
  EXPECT_EQ(readText(text), expected);
  EXPECT_TRUE(expected[2].isBlank());
  expectSplitInvariant(text, {}, expected);
}

TEST(CsvReaderTest, LineEndsInsideQuotesAreKeptAndCounted) {
  // "x\r\ny" spans lines 2-3, "p\rq\nr" spans 4-6 (CR and LF each end a physical line).
  const std::string text = "h\n\"x\r\ny\"\n\"p\rq\nr\",z\nlast\n";
  const std::vector<CsvRecord> expected = {
      {Fields{"h"}, 1, 1},
      {Fields{"x\r\ny"}, 2, 3},
      {Fields{"p\rq\nr", "z"}, 4, 6},
      {Fields{"last"}, 7, 7},
  };
  EXPECT_EQ(readText(text), expected);
  expectSplitInvariant(text, {}, expected);
}

TEST(CsvReaderTest, EachDelimiter) {
  for (const char delimiter : {',', ';', '\t', '|'}) {
    const std::string line = std::string("a") + delimiter + "\"b" + delimiter + "c\"" + delimiter +
                             "\n1" + delimiter + delimiter + "3\n";
    const std::vector<CsvRecord> expected = {
        {Fields{"a", std::string("b") + delimiter + "c", ""}, 1, 1},
        {Fields{"1", "", "3"}, 2, 2},
    };
    EXPECT_EQ(readText(line, CsvDialect{delimiter, '"'}), expected) << "delimiter " << delimiter;
  }
}

TEST(CsvReaderTest, UnbalancedQuoteKeepsEarlierRecordsAndPointsAtTheOpeningLine) {
  std::optional<Error> error;
  const std::vector<CsvRecord> records =
      readText("id,note\n1,ok\n2,\"never closed\n3,x\n4,y\n", {}, &error);
  const std::vector<CsvRecord> expected = {{Fields{"id", "note"}, 1, 1}, {Fields{"1", "ok"}, 2, 2}};
  EXPECT_EQ(records, expected);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, ErrorCode::kMalformedRecord);
  EXPECT_EQ(error->position.line, 3u);
  EXPECT_EQ(error->position.column, "2");
  EXPECT_NE(error->message_en.find("line 3"), std::string::npos);
  EXPECT_NE(error->message_fr.find("ligne 3"), std::string::npos);
}

TEST(CsvReaderTest, RaggedRowsAreReturnedAsTheyAre) {
  const std::vector<CsvRecord> expected = {
      {Fields{"a", "b", "c"}, 1, 1}, {Fields{"1"}, 2, 2}, {Fields{"1", "2", "3", "4"}, 3, 3}};
  EXPECT_EQ(readText("a,b,c\n1\n1,2,3,4\n"), expected);
}

TEST(CsvReaderTest, WhitespaceModeReadsHeaderlessLogs) {
  // CDNOW_sample.txt style: leading blanks, runs of spaces, CRLF; a blank line is still counted.
  const std::string text =
      " 00004 0001 19970101  2   29.33\r\n\t00021\t0002 19970101 3 63.34  \r\n\r\n"
      "\"a b\" c\r\n";
  const std::vector<CsvRecord> expected = {
      {Fields{"00004", "0001", "19970101", "2", "29.33"}, 1, 1},
      {Fields{"00021", "0002", "19970101", "3", "63.34"}, 2, 2},
      {Fields{""}, 3, 3},
      {Fields{"a b", "c"}, 4, 4},
  };
  EXPECT_EQ(readText(text, CsvDialect{' ', '"'}), expected);
  expectSplitInvariant(text, CsvDialect{' ', '"'}, expected);
}

// The tricky file of the brief: quoted delimiters, doubled quotes, newlines in quotes, CRLF,
// a lone CR, a blank line, a 2-byte and a 4-byte UTF-8 character, no final line end.
constexpr std::string_view kTrickyUtf8 =
    "id,name,note\r\n"
    "1,\"Smith, John\",\"He said \"\"hi\"\"\nthen left\"\r\n"
    "2,Zo\xC3\xAB,plain\n"
    "3,\"multi\r\nline\",\xF0\x9F\x98\x80\r"
    "4,5\" screen,x\n"
    "\n"
    "5,last,\"end\"";

std::vector<CsvRecord> trickyExpected() {
  // Lines: 1 header · 2-3 record 1 (LF inside quotes) · 4 Zoë · 5-6 record 3 (CRLF inside
  // quotes), ended by a lone CR · 7 record 4 · 8 blank · 9 last record.
  return {
      {Fields{"id", "name", "note"}, 1, 1},
      {Fields{"1", "Smith, John", "He said \"hi\"\nthen left"}, 2, 3},
      {Fields{"2", "Zo\xC3\xAB", "plain"}, 4, 4},
      {Fields{"3", "multi\r\nline", "\xF0\x9F\x98\x80"}, 5, 6},
      {Fields{"4", "5\" screen", "x"}, 7, 7},
      {Fields{""}, 8, 8},
      {Fields{"5", "last", "end"}, 9, 9},
  };
}

struct EncodedFile {
  const char* name;
  std::string bytes;
  Encoding encoding;
};

std::vector<EncodedFile> trickyFiles() {
  const std::string utf8(kTrickyUtf8);
  return {
      {"utf8", utf8, Encoding::kUtf8},
      {"utf8-bom", "\xEF\xBB\xBF" + utf8, Encoding::kUtf8Bom},
      {"utf16le", testing::utf16WithBom(utf8, true), Encoding::kUtf16Le},
      {"utf16be", testing::utf16WithBom(utf8, false), Encoding::kUtf16Be},
  };
}

TEST(CsvPipelineTest, EveryEncodingEverySplitPosition) {
  const std::vector<CsvRecord> expected = trickyExpected();
  for (const EncodedFile& file : trickyFiles()) {
    const testing::PipelineResult whole = testing::readWhole(file.bytes);
    EXPECT_EQ(whole.records, expected) << file.name;
    EXPECT_EQ(whole.encoding, file.encoding) << file.name;
    EXPECT_FALSE(whole.error.has_value());
    EXPECT_FALSE(whole.invalid || whole.binary) << file.name;
    const std::string_view bytes = file.bytes;
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
      const testing::PipelineResult split =
          testing::readChunks({bytes.substr(0, cut), bytes.substr(cut)}, {});
      ASSERT_EQ(split.records, whole.records) << file.name << " split at " << cut;
      ASSERT_EQ(split.encoding, file.encoding) << file.name << " split at " << cut;
    }
    std::vector<std::string_view> bytewise;
    for (std::size_t i = 0; i < bytes.size(); ++i) bytewise.push_back(bytes.substr(i, 1));
    EXPECT_EQ(testing::readChunks(bytewise, {}).records, expected) << file.name << " bytewise";
  }
}

TEST(CsvPipelineTest, Windows1252EverySplitPosition) {
  // Same shape in Windows-1252: ë = 0xEB, € = 0x80 (no emoji in that code page).
  const std::string bytes = "id;name\r\n1;\"Zo\xEB; \"\"B\"\"\"\r\n2;\x80\r\n";
  const std::vector<CsvRecord> expected = {
      {Fields{"id", "name"}, 1, 1},
      {Fields{"1", "Zo\xC3\xAB; \"B\""}, 2, 2},
      {Fields{"2", "\xE2\x82\xAC"}, 3, 3},
  };
  for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
    const testing::PipelineResult split = testing::readChunks(
        {std::string_view(bytes).substr(0, cut), std::string_view(bytes).substr(cut)},
        CsvDialect{';', '"'});
    ASSERT_EQ(split.records, expected) << "split at " << cut;
    ASSERT_EQ(split.encoding, Encoding::kWindows1252) << "split at " << cut;
  }
}

TEST(CsvPipelineTest, BinaryGarbageIsFlagged) {
  const std::string bytes("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", 14);
  const testing::PipelineResult result = testing::readWhole(bytes);
  EXPECT_TRUE(result.binary);
}

}  // namespace
}  // namespace roilens::io
