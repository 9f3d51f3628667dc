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
#include <span>
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

// A record whose cells are views: into the text being read (valid during the sink's call) or
// into a record that owns them (CsvRecord::view).
struct RecordView {
  std::span<const std::string_view> fields;
  std::size_t line = 0;
  std::size_t end_line = 0;

  bool isBlank() const { return fields.size() == 1 && fields[0].empty(); }
};

// The cells of a CsvRecord as a RecordView (the holder keeps the views).
class OwnedRecordView {
 public:
  explicit OwnedRecordView(const CsvRecord& record)
      : cells_(record.fields.begin(), record.fields.end()),
        view_{cells_, record.line, record.end_line} {}
  const RecordView& view() const { return view_; }

 private:
  std::vector<std::string_view> cells_;
  RecordView view_;
};

// Receives each record as soon as it is complete.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void onRecord(const RecordView& record) = 0;
};

class CsvReader {
 public:
  explicit CsvReader(CsvDialect dialect = {});

  // Parses utf8_text (any chunk of the file) and hands every record completed in it to sink.
  // A record split across chunks is held until its end arrives (its bytes only).
  void feed(std::string_view utf8_text, RecordSink& sink);
  // End of input: emits the last record if it had no line end; an unterminated quote → Error.
  std::optional<Error> finish(RecordSink& sink);

  // The same, collecting owned records.
  void feed(std::string_view utf8_text, std::vector<CsvRecord>& out);
  std::optional<Error> finish(std::vector<CsvRecord>& out);

 private:
  enum class Scan { kRecord, kNeedMore, kUnbalanced };
  struct Cell {
    std::size_t begin = 0;  // offset in the text being scanned, or in scratch_
    std::size_t length = 0;
    bool in_scratch = false;
  };

  void scanAll(std::string_view text, bool at_end, RecordSink& sink);
  Scan scanRecord(std::string_view text, std::size_t& pos, bool at_end);
  Scan scanQuoted(std::string_view text, std::size_t& i, bool at_end, std::size_t& lines);
  Scan endRecord(std::string_view text, std::size_t& pos, std::size_t i, std::size_t lines,
                 bool at_end);
  void emit(std::string_view text, RecordSink& sink);
  bool isBlankSpace(char c) const { return c == ' ' || c == '\t'; }
  bool isWhitespaceMode() const { return dialect_.delimiter == ' '; }

  CsvDialect dialect_;
  std::array<bool, 256> stops_{};  // bytes that end an unquoted cell
  std::string carry_;              // an incomplete record's bytes, from earlier chunks
  std::vector<Cell> cells_;
  std::vector<std::string_view> views_;
  std::string scratch_;          // cells rewritten while reading ("" → ", text after a quote)
  std::size_t line_ = 1;         // physical line of the next record
  std::size_t record_line_ = 0;  // lines of the record just scanned
  std::size_t record_end_line_ = 0;
  bool swallow_lf_ = false;  // a CR ended the last record: a leading LF belongs to it
  std::optional<Error> unbalanced_;
};

}  // namespace roilens::io
