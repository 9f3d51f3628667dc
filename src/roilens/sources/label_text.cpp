#include "roilens/sources/label_text.hpp"

namespace roilens::sources {
namespace {

// Length of a whitespace sequence at text[i] (ASCII space/tab/CR/LF, NBSP, NNBSP), else 0.
std::size_t spaceLength(std::string_view text, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
      static_cast<unsigned char>(text[i + 2]) == 0xAF) {
    return 3;
  }
  return 0;
}

// Length of a whitespace sequence ending just before text[end], else 0.
std::size_t spaceLengthBefore(std::string_view text, std::size_t end) {
  for (std::size_t len = 1; len <= 3 && len <= end; ++len) {
    if (spaceLength(text, end - len) == len) return len;
  }
  return 0;
}

}  // namespace

std::string_view trimText(std::string_view text) {
  // Most cells have no space at either end: bytes that cannot start or end a space sequence.
  const auto plain = [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b > ' ' && b != 0xC2 && b != 0xE2 && b != 0xA0 && b != 0xAF;
  };
  if (text.empty() || (plain(text.front()) && plain(text.back()))) return text;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t len = spaceLength(text, begin);
    if (len == 0) break;
    begin += len;
  }
  std::size_t end = text.size();
  while (end > begin) {
    const std::size_t len = spaceLengthBefore(text, end);
    if (len == 0) break;
    end -= len;
  }
  return text.substr(begin, end - begin);
}

std::string foldCase(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const unsigned char next = static_cast<unsigned char>(out[i + 1]);
      // U+00C0..U+00DE are capitals (except U+00D7 ×); +0x20 gives the small letter.
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

std::string labelKey(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const std::string folded = foldCase(trimText(text));
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t space = spaceLength(folded, i);
    if (space > 0) {
      pending_space = true;
      i += space;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    // U+2019 / U+2018 (E2 80 99 / E2 80 98) → '
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0 || folded.compare(i, 3, "\xE2\x80\x98") == 0) {
      out.push_back('\'');
      i += 3;
      continue;
    }
    out.push_back(folded[i]);
    ++i;
  }
  return out;
}

std::string emailKey(std::string_view text) { return foldCase(trimText(text)); }

std::vector<std::string_view> splitText(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = text.find(separator, start);
    if (pos == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, pos - start));
    start = pos + 1;
  }
}

}  // namespace roilens::sources
