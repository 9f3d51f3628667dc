#pragma once
// UTF-8 text → records, streaming, RFC 4180 with the leniency real exports need.
//
// Rules:
//  - Record ends: CRLF, LF, or a lone CR (old Mac / some Excel saves). A CRLF split across two
//    chunks is one line end.
//  - Quoted fields may hold the delimiter, doubled quotes ("" → ") and line ends of any kind
//    (kept as written). Text after a closing quote ("abc"def) is kept as text; a quote inside an
//    unquoted field (5" screen) is kept as text.
//  - Blank lines are NOT skipped: each is emitted as a record with one empty field, so that the
//    caller can account for every physical line (CsvRecord::isBlank()).
//  - Unbalanced quote at end of input: finish() returns Error{kMalformedRecord} positioned at the
//    line where the quote opened; all records before it have been emitted; the unterminated
//    record is not emitted (its text runs to the end of the file).
//  - Whitespace mode (delimiter ' '): fields are separated by runs of spaces/tabs, leading and
//    trailing whitespace is ignored (headerless logs such as CDNOW). Quotes still work.
//  - Line numbers are physical lines, 1-based: a record spanning lines 3-5 has line 3, end_line 5.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roilens/core/error.hpp"

namespace roilens::io {

struct CsvDialect {
  char delimiter = ',';  // ',', ';', '\t', '|', or ' ' = runs of spaces/tabs
  char quote = '"';
  friend bool operator==(const CsvDialect&, const CsvDialect&) = default;
};

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;      // physical line of its first character, 1-based
  std::size_t end_line = 0;  // physical line of its last character (> line for multi-line cells)

  bool isBlank() const { return fields.size() == 1 && fields[0].empty(); }
  friend bool operator==(const CsvRecord&, const CsvRecord&) = default;
};

class CsvReader {
 public:
  explicit CsvReader(CsvDialect dialect = {});

  // Parses utf8_text (any chunk of the file) and appends every record completed in it to out.
  void feed(std::string_view utf8_text, std::vector<CsvRecord>& out);
  // End of input: emits the last record if it had no line end; an unterminated quote → Error.
  std::optional<Error> finish(std::vector<CsvRecord>& out);

 private:
  // kBetweenFields: whitespace mode, after a field or at the start of a record.
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted, kBetweenFields };

  void consume(char c, std::vector<CsvRecord>& out);
  void consumeQuoted(char c);
  void consumeOutsideQuotes(char c);
  void startField(char c);
  State fieldStartState() const;
  std::size_t plainRunLength(std::string_view text) const;
  void advanceLine(char c);
  void endField();
  void endRecord(std::vector<CsvRecord>& out);
  bool isDelimiter(char c) const;
  bool isWhitespaceMode() const { return dialect_.delimiter == ' '; }

  CsvDialect dialect_;
  State state_ = State::kFieldStart;
  std::string field_;
  CsvRecord record_;
  std::size_t line_ = 1;             // current physical line
  std::size_t quote_open_line_ = 0;  // where the current quoted field opened
  bool record_started_ = false;      // some character of the current record has been seen
  bool prev_cr_ = false;             // the previous character was a CR (CRLF counts once)
  bool swallow_lf_ = false;          // a CR just ended a record: a following LF belongs to it
  using StopTable = std::array<bool, 256>;
  StopTable quoted_stops_{};    // characters that end a plain run inside quotes
  StopTable unquoted_stops_{};  // ... and outside quotes
};

}  // namespace roilens::io
