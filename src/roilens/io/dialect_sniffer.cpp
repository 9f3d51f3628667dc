#include "roilens/io/dialect_sniffer.hpp"

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace roilens::io {
namespace {

constexpr std::array<char, 4> kCandidates = {',', '\t', ';', '|'};

// One logical line of the sample: delimiter counts outside quotes and whitespace tokens.
struct LineShape {
  std::array<std::size_t, kCandidates.size()> counts{};
  std::size_t whitespace_tokens = 0;
};

std::string_view trimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool isPreamble(std::string_view line) {
  const std::string_view trimmed = trimBlanks(line);
  return trimmed.empty() || trimmed.front() == '#';
}

// Splits on line ends outside quotes. The last line is dropped when the sample stops inside it
// (it is a cut record whose counts would mislead), unless it is the only line.
std::vector<std::string_view> logicalLines(std::string_view sample) {
  std::vector<std::string_view> lines;
  bool in_quotes = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const char c = sample[i];
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes || (c != '\n' && c != '\r')) continue;
    lines.push_back(sample.substr(start, i - start));
    if (c == '\r' && i + 1 < sample.size() && sample[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < sample.size() && lines.empty()) lines.push_back(sample.substr(start));
  return lines;
}

LineShape shapeOf(std::string_view line) {
  LineShape shape;
  bool in_quotes = false;
  bool in_token = false;
  for (const char c : line) {
    if (c == '"') in_quotes = !in_quotes;
    const bool blank = c == ' ' || c == '\t';
    if (!blank && !in_token) ++shape.whitespace_tokens;
    in_token = !blank || in_quotes;
    if (in_quotes) continue;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) {
      if (c == kCandidates[k]) ++shape.counts[k];
    }
  }
  return shape;
}

// The most common non-zero value and how many lines have it (ties → the larger value).
struct Mode {
  std::size_t value = 0;
  std::size_t lines = 0;
};

Mode modeOf(const std::vector<std::size_t>& values) {
  std::map<std::size_t, std::size_t> frequency;
  for (const std::size_t v : values) {
    if (v > 0) ++frequency[v];
  }
  Mode best;
  for (const auto& [value, lines] : frequency) {
    if (lines >= best.lines) best = Mode{value, lines};
  }
  return best;
}

}  // namespace

CsvDialect sniffDialect(std::string_view utf8_sample) {
  std::vector<LineShape> shapes;
  for (const std::string_view line : logicalLines(utf8_sample)) {
    if (!isPreamble(line)) shapes.push_back(shapeOf(line));
  }
  CsvDialect dialect;
  Mode best;
  for (std::size_t k = 0; k < kCandidates.size(); ++k) {
    std::vector<std::size_t> counts;
    counts.reserve(shapes.size());
    for (const LineShape& shape : shapes) counts.push_back(shape.counts[k]);
    const Mode mode = modeOf(counts);
    if (mode.lines > best.lines || (mode.lines == best.lines && mode.value > best.value)) {
      best = mode;
      dialect.delimiter = kCandidates[k];
    }
  }
  if (best.lines > 0 || shapes.empty()) return dialect;
  std::vector<std::size_t> tokens;
  tokens.reserve(shapes.size());
  for (const LineShape& shape : shapes) tokens.push_back(shape.whitespace_tokens);
  const Mode token_mode = modeOf(tokens);
  // Whitespace mode only for a regular log: the first line and ≥ 90 % of lines share the count
  // (a one-column list of "First Last" names under a "Name" header must stay one column).
  const bool regular = 10 * token_mode.lines >= 9 * shapes.size() &&
                       shapes.front().whitespace_tokens == token_mode.value;
  if (token_mode.value >= 2 && regular) dialect.delimiter = ' ';
  return dialect;
}

}  // namespace roilens::io
