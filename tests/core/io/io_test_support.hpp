#pragma once
// Helpers shared by the io tests: an independent UTF-8 → UTF-16 encoder and the
// bytes → decoder → reader pipeline fed in arbitrary chunks.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roilens/io/csv_reader.hpp"
#include "roilens/io/text_decoder.hpp"

namespace roilens::io::testing {

// Encodes UTF-8 text as UTF-16 with a BOM (written independently of TextDecoder).
inline std::string utf16WithBom(std::string_view utf8, bool little_endian) {
  std::vector<std::uint32_t> code_points;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    std::uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    code_points.push_back(cp);
    i += n;
  }
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  const auto put = [&](std::uint32_t unit) {
    const char hi = static_cast<char>(unit >> 8);
    const char lo = static_cast<char>(unit & 0xFF);
    out.push_back(little_endian ? lo : hi);
    out.push_back(little_endian ? hi : lo);
  };
  for (const std::uint32_t cp : code_points) {
    if (cp < 0x10000) {
      put(cp);
    } else {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    }
  }
  return out;
}

struct PipelineResult {
  std::vector<CsvRecord> records;
  std::optional<Error> error;
  Encoding encoding = Encoding::kUtf8;
  bool binary = false;
  bool invalid = false;
};

// Decodes and parses the chunks in order, exactly as a streaming caller would.
inline PipelineResult readChunks(const std::vector<std::string_view>& chunks, CsvDialect dialect) {
  TextDecoder decoder;
  CsvReader reader(dialect);
  PipelineResult result;
  std::string text;
  for (const std::string_view chunk : chunks) {
    text.clear();
    decoder.feed(chunk, text);
    reader.feed(text, result.records);
  }
  text.clear();
  decoder.finish(text);
  reader.feed(text, result.records);
  result.error = reader.finish(result.records);
  result.encoding = decoder.encoding();
  result.binary = decoder.looksBinary();
  result.invalid = decoder.sawInvalidBytes();
  return result;
}

inline PipelineResult readWhole(std::string_view bytes, CsvDialect dialect = {}) {
  return readChunks({bytes}, dialect);
}

inline std::string decodeAll(std::string_view bytes) {
  TextDecoder decoder;
  std::string text;
  decoder.feed(bytes, text);
  decoder.finish(text);
  return text;
}

}  // namespace roilens::io::testing
