#include "roilens/io/date_text.hpp"

#include <array>

namespace roilens::io::date_text {
namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";

struct NamedValue {
  std::string_view name;  // lower case
  int value;
};

// English and French month names, full and abbreviated (a trailing '.' is skipped separately).
constexpr std::array<NamedValue, 45> kMonths = {{
    {"january", 1},   {"jan", 1},      {"janvier", 1},   {"janv", 1},      {"february", 2},
    {"feb", 2},       {"février", 2},  {"fevrier", 2},   {"févr", 2},      {"fevr", 2},
    {"march", 3},     {"mar", 3},      {"mars", 3},      {"april", 4},     {"apr", 4},
    {"avril", 4},     {"avr", 4},      {"may", 5},       {"mai", 5},       {"june", 6},
    {"jun", 6},       {"juin", 6},     {"july", 7},      {"jul", 7},       {"juillet", 7},
    {"juil", 7},      {"august", 8},   {"aug", 8},       {"août", 8},      {"aout", 8},
    {"september", 9}, {"sep", 9},      {"sept", 9},      {"septembre", 9}, {"october", 10},
    {"oct", 10},      {"octobre", 10}, {"november", 11}, {"nov", 11},      {"novembre", 11},
    {"december", 12}, {"dec", 12},     {"décembre", 12}, {"decembre", 12}, {"déc", 12},
}};

constexpr std::array<std::string_view, 30> kWeekdays = {
    "monday",   "mon",   "tuesday", "tue",    "tues",     "wednesday", "wed",   "thursday",
    "thu",      "thur",  "thurs",   "friday", "fri",      "saturday",  "sat",   "sunday",
    "sun",      "lundi", "lun",     "mardi",  "mer",      "mercredi",  "jeudi", "jeu",
    "vendredi", "ven",   "samedi",  "sam",    "dimanche", "dim"};

// Zone abbreviations seen in exports, minutes east of UTC. IST is left out: India or Ireland.
constexpr std::array<NamedValue, 18> kZones = {{
    {"utc", 0},
    {"gmt", 0},
    {"z", 0},
    {"wet", 0},
    {"west", 60},
    {"bst", 60},
    {"cet", 60},
    {"cest", 120},
    {"eet", 120},
    {"eest", 180},
    {"est", -300},
    {"edt", -240},
    {"cst", -360},
    {"cdt", -300},
    {"mst", -420},
    {"mdt", -360},
    {"pst", -480},
    {"pdt", -420},
}};

std::optional<int> lookup(std::string_view word, const auto& table) {
  for (const NamedValue& entry : table) {
    if (entry.name == word) return entry.value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> monthNumber(std::string_view word) { return lookup(word, kMonths); }

bool isWeekday(std::string_view word) {
  for (const std::string_view day : kWeekdays) {
    if (day == word) return true;
  }
  return false;
}

std::optional<int> zoneOffsetMinutes(std::string_view word) { return lookup(word, kZones); }

void Cursor::skipSpaces() {
  while (!atEnd()) {
    if (text_[at_] == ' ' || text_[at_] == '\t') {
      ++at_;
    } else if (text_.substr(at_).starts_with(kNbsp)) {
      at_ += kNbsp.size();
    } else {
      return;
    }
  }
}

std::optional<int> Cursor::number(std::size_t min, std::size_t max, std::size_t* digits_read) {
  std::size_t n = 0;
  int value = 0;
  while (n < max && at_ + n < text_.size() && isDigit(text_[at_ + n])) {
    value = value * 10 + (text_[at_ + n] - '0');
    ++n;
  }
  if (n < min || (at_ + n < text_.size() && isDigit(text_[at_ + n]))) return std::nullopt;
  at_ += n;
  if (digits_read != nullptr) *digits_read = n;
  return value;
}

std::string Cursor::word() {
  std::string out;
  while (!atEnd() && isLetter(text_[at_])) {
    const char c = text_[at_++];
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (!out.empty()) consume('.');
  return out;
}

}  // namespace roilens::io::date_text
