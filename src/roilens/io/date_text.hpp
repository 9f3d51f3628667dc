#pragma once
// The words and the reading position shared by the date forms of date_parser.cpp: month and
// weekday names (English and French), time-zone abbreviations, and a small cursor over a cell.
// Internal to the io module.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace roilens::io::date_text {

// Lower-case words as Cursor::word() returns them ("janv", "août", "sept"...).
std::optional<int> monthNumber(std::string_view word);
bool isWeekday(std::string_view word);
// Minutes east of UTC for "utc", "gmt", "z", "cet", "cest", "est", "pdt"...
std::optional<int> zoneOffsetMinutes(std::string_view word);

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
// ASCII letters and any byte of a multi-byte UTF-8 character ("é" in "févr").
inline bool isLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// A reading position in one cell.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool atEnd() const { return at_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[at_]; }
  std::size_t position() const { return at_; }
  void rewind(std::size_t position) { at_ = position; }

  bool consume(char c) {
    if (peek() != c) return false;
    ++at_;
    return true;
  }
  // Spaces, tabs and NBSP.
  void skipSpaces();
  // Between min and max digits, not followed by another digit; digits_read tells how many.
  std::optional<int> number(std::size_t min, std::size_t max, std::size_t* digits_read = nullptr);
  // A run of letters, ASCII lower-cased, then an optional abbreviation dot.
  std::string word();

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace roilens::io::date_text
