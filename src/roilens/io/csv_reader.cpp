#include "roilens/io/csv_reader.hpp"

#include <utility>

namespace roilens::io {
namespace {

Error unbalancedQuoteError(std::size_t line, std::size_t field_number) {
  Error error;
  error.code = ErrorCode::kMalformedRecord;
  error.message_en = "a quoted cell that starts on line " + std::to_string(line) +
                     " is never closed: a quote (\") is missing, so the rest of the file "
                     "cannot be split into rows";
  error.message_fr = "une cellule entre guillemets commencée à la ligne " + std::to_string(line) +
                     " n'est jamais refermée : il manque un guillemet (\"), la suite du fichier "
                     "ne peut pas être découpée en lignes";
  error.position.line = line;
  error.position.column = std::to_string(field_number);
  return error;
}

bool isLineEnd(char c) { return c == '\n' || c == '\r'; }
unsigned char byte(char c) { return static_cast<unsigned char>(c); }

class Collector : public RecordSink {
 public:
  explicit Collector(std::vector<CsvRecord>& out) : out_(out) {}
  void onRecord(const RecordView& record) override {
    CsvRecord owned;
    owned.fields.assign(record.fields.begin(), record.fields.end());
    owned.line = record.line;
    owned.end_line = record.end_line;
    out_.push_back(std::move(owned));
  }

 private:
  std::vector<CsvRecord>& out_;
};

}  // namespace

CsvReader::CsvReader(CsvDialect dialect) : dialect_(dialect) {
  stops_[byte('\r')] = true;
  stops_[byte('\n')] = true;
  stops_[byte(dialect_.delimiter)] = true;
  if (isWhitespaceMode()) stops_[byte('\t')] = true;
}

void CsvReader::feed(std::string_view utf8_text, RecordSink& sink) {
  if (unbalanced_ || utf8_text.empty()) return;
  if (swallow_lf_) {
    swallow_lf_ = false;
    if (utf8_text.front() == '\n') utf8_text.remove_prefix(1);  // second half of a CRLF
  }
  if (carry_.empty()) {
    scanAll(utf8_text, false, sink);
    return;
  }
  std::string held = std::move(carry_);
  carry_.clear();
  held.append(utf8_text);
  scanAll(held, false, sink);
}

std::optional<Error> CsvReader::finish(RecordSink& sink) {
  swallow_lf_ = false;
  if (!unbalanced_ && !carry_.empty()) {
    const std::string held = std::move(carry_);
    carry_.clear();
    scanAll(held, true, sink);
  }
  return unbalanced_;
}

void CsvReader::feed(std::string_view utf8_text, std::vector<CsvRecord>& out) {
  Collector collector(out);
  feed(utf8_text, collector);
}

std::optional<Error> CsvReader::finish(std::vector<CsvRecord>& out) {
  Collector collector(out);
  return finish(collector);
}

void CsvReader::scanAll(std::string_view text, bool at_end, RecordSink& sink) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const Scan scan = scanRecord(text, pos, at_end);
    if (scan == Scan::kNeedMore) {
      carry_.assign(text.substr(start));
      return;
    }
    if (scan == Scan::kUnbalanced) return;  // unbalanced_ holds the error; nothing more is read
    emit(text, sink);
  }
}

void CsvReader::emit(std::string_view text, RecordSink& sink) {
  views_.clear();
  for (const Cell& c : cells_) {
    views_.push_back(c.in_scratch ? std::string_view(scratch_).substr(c.begin, c.length)
                                  : text.substr(c.begin, c.length));
  }
  sink.onRecord(RecordView{views_, record_line_, record_end_line_});
}

// The record ends at text[i], a line end (CRLF counts once, even split across two chunks).
CsvReader::Scan CsvReader::endRecord(std::string_view text, std::size_t& pos, std::size_t i,
                                     std::size_t lines, bool at_end) {
  const char c = text[i++];
  if (c == '\r') {
    if (i < text.size()) {
      if (text[i] == '\n') ++i;
    } else if (!at_end) {
      swallow_lf_ = true;
    }
  }
  record_line_ = line_;
  record_end_line_ = line_ + lines;
  line_ += lines + 1;
  pos = i;
  return Scan::kRecord;
}

// One record from text[pos]: kRecord (cells_ filled, pos past its line end), kNeedMore (nothing
// consumed: the record goes on in the next chunk) or kUnbalanced (end of input inside quotes).
CsvReader::Scan CsvReader::scanRecord(std::string_view text, std::size_t& pos, bool at_end) {
  cells_.clear();
  scratch_.clear();
  const std::size_t n = text.size();
  const bool blanks_delimit = isWhitespaceMode();
  std::size_t i = pos;
  std::size_t lines = 0;  // line ends inside quoted cells
  const auto endOfInput = [&] {
    record_line_ = line_;
    record_end_line_ = line_ + lines;
    line_ += lines;
    pos = n;
    return Scan::kRecord;
  };
  if (blanks_delimit) {
    while (i < n && isBlankSpace(text[i])) ++i;
  }
  while (true) {
    // At the start of a cell; in whitespace mode, after the blanks that ended the previous one.
    if (i == n) {
      if (!at_end) return Scan::kNeedMore;
      if (!blanks_delimit || cells_.empty()) cells_.push_back(Cell{i, 0, false});
      return endOfInput();
    }
    if (isLineEnd(text[i])) {
      // An empty last cell ("a,"), a blank line; trailing blanks end no cell in whitespace mode.
      if (!blanks_delimit || cells_.empty()) cells_.push_back(Cell{i, 0, false});
      return endRecord(text, pos, i, lines, at_end);
    }
    if (text[i] == dialect_.quote) {
      const Scan quoted = scanQuoted(text, i, at_end, lines);
      if (quoted != Scan::kRecord) return quoted;
    } else {
      std::size_t j = i;
      while (j < n && !stops_[byte(text[j])]) ++j;
      cells_.push_back(Cell{i, j - i, false});
      i = j;
    }
    // After a cell: the end of the text, a line end or a delimiter.
    if (i == n) {
      if (!at_end) return Scan::kNeedMore;
      return endOfInput();
    }
    if (isLineEnd(text[i])) return endRecord(text, pos, i, lines, at_end);
    ++i;
    if (blanks_delimit) {
      while (i < n && isBlankSpace(text[i])) ++i;
      if (i < n && isLineEnd(text[i])) return endRecord(text, pos, i, lines, at_end);
      if (i == n) {
        if (!at_end) return Scan::kNeedMore;
        return endOfInput();
      }
    }
  }
}

// A quoted cell opening at text[i]: "" is a quote, line ends are kept, text after the closing
// quote is kept as text. On kRecord, i is past the cell.
CsvReader::Scan CsvReader::scanQuoted(std::string_view text, std::size_t& i, bool at_end,
                                      std::size_t& lines) {
  const std::size_t n = text.size();
  const char quote = dialect_.quote;
  const std::size_t opened_line = line_ + lines;
  const std::size_t content = i + 1;
  std::size_t segment = content;  // start of the text not yet copied to scratch_
  std::size_t scratch_begin = std::string::npos;
  std::size_t j = content;
  while (true) {
    while (j < n && text[j] != quote && !isLineEnd(text[j])) ++j;
    if (j == n) {
      if (!at_end) return Scan::kNeedMore;
      unbalanced_ = unbalancedQuoteError(opened_line, cells_.size() + 1);
      return Scan::kUnbalanced;
    }
    if (text[j] == '\r') {
      if (j + 1 == n && !at_end) return Scan::kNeedMore;  // a CRLF may be split
      ++lines;
      j += (j + 1 < n && text[j + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (text[j] == '\n') {
      ++lines;
      ++j;
      continue;
    }
    if (j + 1 == n && !at_end) return Scan::kNeedMore;  // "" or a closing quote?
    if (j + 1 < n && text[j + 1] == quote) {
      if (scratch_begin == std::string::npos) scratch_begin = scratch_.size();
      scratch_.append(text.substr(segment, j + 1 - segment));  // up to and with one quote
      j += 2;
      segment = j;
      continue;
    }
    break;  // the closing quote
  }
  std::size_t after = j + 1;
  std::size_t tail_end = after;
  while (tail_end < n && !stops_[byte(text[tail_end])]) ++tail_end;
  if (tail_end == n && tail_end > after && !at_end) return Scan::kNeedMore;
  if (tail_end > after || scratch_begin != std::string::npos) {
    if (scratch_begin == std::string::npos) scratch_begin = scratch_.size();
    scratch_.append(text.substr(segment, j - segment));
    scratch_.append(text.substr(after, tail_end - after));  // "abc"def: text after the quote
    cells_.push_back(Cell{scratch_begin, scratch_.size() - scratch_begin, true});
  } else {
    cells_.push_back(Cell{content, j - content, false});
  }
  i = tail_end;
  return Scan::kRecord;
}

}  // namespace roilens::io
