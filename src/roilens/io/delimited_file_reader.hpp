#pragma once
// Bytes of a delimited text file (CSV, TSV, ';'-separated, whitespace logs) → records, streaming:
// the whole chain a caller would otherwise assemble (TextDecoder → sniffDialect → CsvReader).
//
// The dialect is sniffed on the first kSniffBytes of decoded text (held back until then, or
// until finish() for smaller files), unless the caller forces one. Afterwards every chunk is
// parsed as it arrives: memory stays bounded by the chunk size plus the largest record.
// Unreadable input is an Error with an EN/FR message: binary data (NUL bytes; a ZIP/XLSX file
// gets its own hint) as soon as it is seen, an empty file (no byte, or only blanks) at finish().
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roilens/core/error.hpp"
#include "roilens/io/csv_reader.hpp"
#include "roilens/io/text_decoder.hpp"

namespace roilens::io {

class DelimitedFileReader {
 public:
  static constexpr std::size_t kSniffBytes = std::size_t{64} * 1024;

  explicit DelimitedFileReader(std::optional<CsvDialect> forced_dialect = std::nullopt);

  // Appends the records completed so far. After an Error, further calls do nothing.
  std::optional<Error> feed(std::string_view bytes, std::vector<CsvRecord>& out);
  // Ends the input: the last record, or an unbalanced-quote / empty-file / binary Error.
  std::optional<Error> finish(std::vector<CsvRecord>& out);

  Encoding encoding() const { return decoder_.encoding(); }
  bool sawInvalidBytes() const { return decoder_.sawInvalidBytes(); }
  // Known once sniffed (after kSniffBytes of text, or after finish()).
  std::optional<CsvDialect> dialect() const { return dialect_; }

 private:
  std::optional<Error> checkBinary();
  void parse(std::string_view text, std::vector<CsvRecord>& out);
  void startParsing(std::vector<CsvRecord>& out);

  TextDecoder decoder_;
  std::optional<CsvDialect> dialect_;
  std::optional<CsvReader> reader_;
  std::string pending_text_;  // decoded text held until the dialect is known
  std::string first_bytes_;   // the first 4 bytes, to recognise a ZIP (XLSX) file
  bool saw_text_ = false;     // some non-blank character was decoded
  bool failed_ = false;
};

}  // namespace roilens::io
