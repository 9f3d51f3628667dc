#include "roilens/io/csv_reader.hpp"

#include <utility>

namespace roilens::io {
namespace {

bool isLineEnd(char c) { return c == '\n' || c == '\r'; }
bool isBlankSpace(char c) { return c == ' ' || c == '\t'; }

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

}  // namespace

CsvReader::CsvReader(CsvDialect dialect) : dialect_(dialect) {
  state_ = fieldStartState();
  const auto mark = [](StopTable& table, std::string_view chars) {
    for (const char c : chars) table[static_cast<unsigned char>(c)] = true;
  };
  mark(quoted_stops_, {&dialect_.quote, 1});
  mark(quoted_stops_, "\r\n");
  mark(unquoted_stops_, isWhitespaceMode() ? " \t\r\n" : "\r\n");
  mark(unquoted_stops_, {&dialect_.delimiter, 1});
}

bool CsvReader::isDelimiter(char c) const {
  return isWhitespaceMode() ? isBlankSpace(c) : c == dialect_.delimiter;
}

void CsvReader::feed(std::string_view utf8_text, std::vector<CsvRecord>& out) {
  std::size_t i = 0;
  while (i < utf8_text.size()) {
    const std::size_t run = plainRunLength(utf8_text.substr(i));
    if (run > 0) {  // fast path: characters that only extend the current field
      field_.append(utf8_text.substr(i, run));
      prev_cr_ = false;
      i += run;
    } else {
      consume(utf8_text[i++], out);
    }
  }
}

std::size_t CsvReader::plainRunLength(std::string_view text) const {
  if (swallow_lf_ || !record_started_) return 0;
  const StopTable* stops = nullptr;
  if (state_ == State::kQuoted) {
    stops = &quoted_stops_;
  } else if (state_ == State::kUnquoted) {
    stops = &unquoted_stops_;
  } else {
    return 0;
  }
  std::size_t n = 0;
  while (n < text.size() && !(*stops)[static_cast<unsigned char>(text[n])]) ++n;
  return n;
}

void CsvReader::consume(char c, std::vector<CsvRecord>& out) {
  if (swallow_lf_) {
    swallow_lf_ = false;
    if (c == '\n') {  // second half of a CRLF that already ended the record
      prev_cr_ = false;
      return;
    }
  }
  if (!record_started_) {
    record_started_ = true;
    record_.line = line_;
  }
  if (state_ == State::kQuoted) {
    consumeQuoted(c);
  } else if (isLineEnd(c)) {
    endRecord(out);
    swallow_lf_ = c == '\r';
  } else {
    consumeOutsideQuotes(c);
  }
  advanceLine(c);
}

void CsvReader::consumeQuoted(char c) {
  if (c == dialect_.quote) {
    state_ = State::kQuoteInQuoted;
  } else {
    field_.push_back(c);
  }
}

void CsvReader::consumeOutsideQuotes(char c) {
  if (state_ == State::kFieldStart || state_ == State::kBetweenFields) {
    startField(c);
  } else if (isDelimiter(c)) {
    endField();
    state_ = fieldStartState();
  } else if (state_ == State::kQuoteInQuoted && c == dialect_.quote) {
    field_.push_back(c);  // "" inside quotes is one quote
    state_ = State::kQuoted;
  } else {
    // Text after a closing quote ("abc"def) or a stray quote (5" screen) is kept as text.
    field_.push_back(c);
    state_ = State::kUnquoted;
  }
}

void CsvReader::startField(char c) {
  if (isDelimiter(c)) {
    if (state_ == State::kFieldStart) endField();  // an empty field; blanks between in ' ' mode
  } else if (c == dialect_.quote) {
    state_ = State::kQuoted;
    quote_open_line_ = line_;
  } else {
    field_.push_back(c);
    state_ = State::kUnquoted;
  }
}

CsvReader::State CsvReader::fieldStartState() const {
  return isWhitespaceMode() ? State::kBetweenFields : State::kFieldStart;
}

void CsvReader::advanceLine(char c) {
  if (c == '\r') {
    ++line_;
    prev_cr_ = true;
  } else {
    if (c == '\n' && !prev_cr_) ++line_;
    prev_cr_ = false;
  }
}

void CsvReader::endField() {
  record_.fields.push_back(std::move(field_));
  field_.clear();
}

void CsvReader::endRecord(std::vector<CsvRecord>& out) {
  // In whitespace mode trailing blanks end no field; everywhere else the last field is pending.
  if (state_ != State::kBetweenFields || record_.fields.empty()) endField();
  record_.end_line = line_;
  const std::size_t width = record_.fields.size();
  out.push_back(std::move(record_));
  record_ = CsvRecord{};
  record_.fields.reserve(width);  // the next record is most likely as wide
  record_started_ = false;
  state_ = fieldStartState();
}

std::optional<Error> CsvReader::finish(std::vector<CsvRecord>& out) {
  swallow_lf_ = false;
  std::optional<Error> error;
  if (state_ == State::kQuoted) {
    error = unbalancedQuoteError(quote_open_line_, record_.fields.size() + 1);
    record_ = CsvRecord{};
    field_.clear();
    record_started_ = false;
    state_ = fieldStartState();
  } else if (record_started_) {
    endRecord(out);  // last line without a line end
  }
  return error;
}

}  // namespace roilens::io
