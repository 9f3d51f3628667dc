// Seeded random inputs: the io layer must never crash or hang, and chunking must never change
// what is read (the invariant behind "a field or a character split across two chunks").
#include <gtest/gtest.h>

#include <random>

#include "io_test_support.hpp"
#include "roilens/io/date_parser.hpp"
#include "roilens/io/delimited_file_reader.hpp"
#include "roilens/io/json_records.hpp"
#include "roilens/io/number_parser.hpp"

namespace roilens::io {
namespace {

// Bytes drawn mostly from the characters that matter to the parsers.
std::string randomBytes(std::mt19937& rng, std::size_t length) {
  static constexpr std::string_view kAlphabet =
      "ab1,;\t|\"\r\n \xC3\xA9\xE2\x82\xAC\xFF\xFE\xEF\xBB\xBF{}[]:.-/%";
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::string bytes;
  for (std::size_t i = 0; i < length; ++i) bytes.push_back(kAlphabet[pick(rng)]);
  return bytes;
}

struct Reading {
  std::vector<CsvRecord> records;
  std::optional<Error> error;
  friend bool operator==(const Reading& a, const Reading& b) {
    return a.records == b.records && a.error.has_value() == b.error.has_value();
  }
};

Reading readWithChunk(std::string_view bytes, std::size_t chunk) {
  DelimitedFileReader reader(CsvDialect{',', '"'});
  Reading reading;
  for (std::size_t i = 0; i < bytes.size() && !reading.error; i += chunk) {
    reading.error = reader.feed(bytes.substr(i, chunk), reading.records);
  }
  if (!reading.error) reading.error = reader.finish(reading.records);
  return reading;
}

TEST(RandomInputTest, ChunkingNeverChangesTheRecords) {
  std::mt19937 rng(20260128);
  for (int round = 0; round < 300; ++round) {
    const std::string bytes = randomBytes(rng, 1 + round % 97);
    const Reading whole = readWithChunk(bytes, bytes.size());
    for (const std::size_t chunk : {1u, 2u, 5u}) {
      ASSERT_EQ(readWithChunk(bytes, chunk), whole) << "round " << round << " chunk " << chunk;
    }
    for (std::size_t r = 1; r < whole.records.size(); ++r) {
      ASSERT_LE(whole.records[r - 1].end_line, whole.records[r].line);
      ASSERT_LE(whole.records[r].line, whole.records[r].end_line);
    }
  }
}

TEST(RandomInputTest, CellParsersAndJsonNeverCrash) {
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    const std::string cell = randomBytes(rng, round % 24);
    (void)parseNumber(cell, NumberStyle{round % 2 == 0 ? '.' : ',', false});
    (void)parseDateTimeCell(cell, DateColumnFormat{}, 60);
    (void)parseDateRange(cell);
    (void)detectDateFormat({cell});
    (void)detectNumberStyle({cell});
    (void)readJsonOrNdjson(cell);
  }
}

}  // namespace
}  // namespace roilens::io
