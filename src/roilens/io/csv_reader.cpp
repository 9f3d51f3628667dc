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
  state_ = isWhitespaceMode() ? State::kBetweenFields : State::kFieldStart;
}

bool CsvReader::isDelimiter(char c) const {
  return isWhitespaceMode() ? isBlankSpace(c) : c == dialect_.delimiter;
}

void CsvReader::feed(std::string_view utf8_text, std::vector<CsvRecord>& out) {
  for (const char c : utf8_text) consume(c, out);
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
  switch (state_) {
    case State::kFieldStart:
    case State::kBetweenFields:
      if (isDelimiter(c)) {
        if (state_ == State::kFieldStart) endField();  // an empty field
      } else if (c == dialect_.quote) {
        state_ = State::kQuoted;
        quote_open_line_ = line_;
      } else {
        field_.push_back(c);
        state_ = State::kUnquoted;
      }
      return;
    case State::kQuoteInQuoted:
      if (c == dialect_.quote) {  // "" inside quotes is one quote
        field_.push_back(c);
        state_ = State::kQuoted;
        return;
      }
      if (isDelimiter(c)) {
        endField();
        state_ = isWhitespaceMode() ? State::kBetweenFields : State::kFieldStart;
        return;
      }
      field_.push_back(c);  // lenient: text after a closing quote is kept
      state_ = State::kUnquoted;
      return;
    case State::kUnquoted:
      if (isDelimiter(c)) {
        endField();
        state_ = isWhitespaceMode() ? State::kBetweenFields : State::kFieldStart;
      } else {
        field_.push_back(c);  // a stray quote in an unquoted field is text
      }
      return;
    case State::kQuoted:
      return;  // handled by consumeQuoted
  }
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
  out.push_back(std::move(record_));
  record_ = CsvRecord{};
  record_started_ = false;
  state_ = isWhitespaceMode() ? State::kBetweenFields : State::kFieldStart;
}

std::optional<Error> CsvReader::finish(std::vector<CsvRecord>& out) {
  swallow_lf_ = false;
  std::optional<Error> error;
  if (state_ == State::kQuoted) {
    error = unbalancedQuoteError(quote_open_line_, record_.fields.size() + 1);
    record_ = CsvRecord{};
    field_.clear();
    record_started_ = false;
    state_ = isWhitespaceMode() ? State::kBetweenFields : State::kFieldStart;
  } else if (record_started_) {
    endRecord(out);  // last line without a line end
  }
  return error;
}

}  // namespace roilens::io
