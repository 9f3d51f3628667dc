#include "roilens/io/text_decoder.hpp"

#include <array>
#include <cstring>

#include "roilens/io/utf8.hpp"

namespace roilens::io {
namespace {

constexpr std::uint32_t kReplacement = 0xFFFD;

// Windows-1252 0x80..0x9F; the five undefined bytes map to the C1 controls (as WHATWG does).
constexpr std::array<std::uint16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

unsigned char byteAt(std::string_view bytes, std::size_t i) {
  return static_cast<unsigned char>(bytes[i]);
}

// Length of the UTF-8 sequence a lead byte starts; 0 if it cannot start one.
std::size_t utf8SequenceLength(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Whether `byte` may follow `lead` at position `index` (1..3) of a sequence: rejects overlongs,
// surrogates and code points above U+10FFFF (RFC 3629).
bool validContinuation(unsigned char lead, std::size_t index, unsigned char byte) {
  if (index == 1) {
    if (lead == 0xE0) return byte >= 0xA0 && byte <= 0xBF;
    if (lead == 0xED) return byte >= 0x80 && byte <= 0x9F;
    if (lead == 0xF0) return byte >= 0x90 && byte <= 0xBF;
    if (lead == 0xF4) return byte >= 0x80 && byte <= 0x8F;
  }
  return byte >= 0x80 && byte <= 0xBF;
}

enum class SequenceCheck { kValid, kIncomplete, kInvalid };

SequenceCheck checkUtf8Sequence(std::string_view data, std::size_t start) {
  const unsigned char lead = byteAt(data, start);
  const std::size_t length = utf8SequenceLength(lead);
  if (length == 0) return SequenceCheck::kInvalid;
  for (std::size_t k = 1; k < length; ++k) {
    if (start + k >= data.size()) return SequenceCheck::kIncomplete;
    if (!validContinuation(lead, k, byteAt(data, start + k))) return SequenceCheck::kInvalid;
  }
  return SequenceCheck::kValid;
}

// The bytes held from the previous chunk followed by the new chunk.
std::string_view joinHeld(std::string& held, std::string_view bytes, std::string& storage) {
  if (held.empty()) return bytes;
  storage = std::move(held);
  held.clear();
  storage.append(bytes);
  return storage;
}

bool isStrictBomPrefix(std::string_view held) {
  static constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  if (held.size() < kUtf8Bom.size() && kUtf8Bom.substr(0, held.size()) == held) return true;
  return held == "\xFF" || held == "\xFE";
}

void appendCodePoint(std::uint32_t cp, std::string& out) { appendUtf8(cp, out); }

// Whether the bytes are whole, valid UTF-8 without NUL; `non_ascii` tells whether any byte is
// above 0x7F. Eight bytes at a time while they are plain ASCII.
bool plainUtf8(std::string_view bytes, bool& non_ascii) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (i + 8 <= bytes.size()) {
      std::uint64_t w = 0;
      std::memcpy(&w, bytes.data() + i, 8);
      const bool has_zero = ((w - kOnes) & ~w & kHigh) != 0;
      if ((w & kHigh) == 0 && !has_zero) {
        i += 8;
        continue;
      }
    }
    const unsigned char b = byteAt(bytes, i);
    if (b == 0) return false;
    if (b < 0x80) {
      ++i;
      continue;
    }
    non_ascii = true;
    if (checkUtf8Sequence(bytes, i) != SequenceCheck::kValid) return false;
    i += utf8SequenceLength(b);
  }
  return true;
}

}  // namespace

std::string_view TextDecoder::decode(std::string_view bytes, std::string& storage) {
  if (stage_ == Stage::kSniffingBom && held_.empty() && bytes.size() >= 3 &&
      !isStrictBomPrefix(bytes.substr(0, 1)) && !isStrictBomPrefix(bytes.substr(0, 2))) {
    stage_ = Stage::kUndecided;  // no BOM: plain UTF-8 until a non-ASCII sequence says otherwise
    encoding_ = Encoding::kUtf8;
  } else if (stage_ == Stage::kSniffingBom && held_.empty() && bytes.starts_with("\xEF\xBB\xBF")) {
    stage_ = Stage::kDecided;
    encoding_ = Encoding::kUtf8Bom;
    bytes.remove_prefix(3);
  }
  const bool utf8 = encoding_ == Encoding::kUtf8 || encoding_ == Encoding::kUtf8Bom;
  bool non_ascii = false;
  if (stage_ != Stage::kSniffingBom && utf8 && held_.empty() && plainUtf8(bytes, non_ascii)) {
    if (non_ascii) stage_ = Stage::kDecided;
    return bytes;
  }
  storage.clear();
  feed(bytes, storage);
  return storage;
}

const char* encodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf8Bom:
      return "UTF-8 (BOM)";
    case Encoding::kUtf16Le:
      return "UTF-16LE";
    case Encoding::kUtf16Be:
      return "UTF-16BE";
    case Encoding::kWindows1252:
      return "Windows-1252";
  }
  return "?";
}

void TextDecoder::feed(std::string_view bytes, std::string& utf8_out) {
  if (stage_ == Stage::kSniffingBom) {
    held_.append(bytes);
    if (isStrictBomPrefix(held_)) return;  // wait for the rest of a possible BOM
    const std::string pending = std::move(held_);
    held_.clear();
    sniffBom(pending, utf8_out);
    return;
  }
  if (encoding_ == Encoding::kUtf16Le || encoding_ == Encoding::kUtf16Be) {
    decodeUtf16(bytes, utf8_out);
  } else if (encoding_ == Encoding::kWindows1252) {
    decodeWindows1252(bytes, utf8_out);
  } else {
    decodeUtf8(bytes, utf8_out);
  }
}

void TextDecoder::sniffBom(std::string_view bytes, std::string& out) {
  stage_ = Stage::kDecided;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    encoding_ = Encoding::kUtf8Bom;
    bytes.remove_prefix(3);
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    encoding_ = Encoding::kUtf16Le;
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    encoding_ = Encoding::kUtf16Be;
    bytes.remove_prefix(2);
  } else {
    stage_ = Stage::kUndecided;  // plain UTF-8 until a non-ASCII sequence says otherwise
    encoding_ = Encoding::kUtf8;
  }
  feed(bytes, out);
}

void TextDecoder::finish(std::string& utf8_out) {
  if (stage_ == Stage::kSniffingBom) {
    // A file shorter than a BOM: decide on what there is.
    const std::string pending = std::move(held_);
    held_.clear();
    sniffBom(pending, utf8_out);
  }
  if (encoding_ == Encoding::kUtf16Le || encoding_ == Encoding::kUtf16Be) {
    if (high_surrogate_ != 0 || !held_.empty()) {
      appendCodePoint(kReplacement, utf8_out);
      saw_invalid_ = true;
    }
  } else if (!held_.empty()) {
    if (stage_ == Stage::kUndecided) {
      // The first non-ASCII sequence is truncated by the end of file: not UTF-8.
      stage_ = Stage::kDecided;
      encoding_ = Encoding::kWindows1252;
      decodeWindows1252(held_, utf8_out);
    } else {
      appendCodePoint(kReplacement, utf8_out);
      saw_invalid_ = true;
    }
  }
  held_.clear();
  high_surrogate_ = 0;
}

void TextDecoder::decodeUtf8(std::string_view bytes, std::string& out) {
  std::string storage;
  const std::string_view data = joinHeld(held_, bytes, storage);
  std::size_t i = 0;
  while (i < data.size()) {
    const unsigned char b = byteAt(data, i);
    if (b < 0x80) {
      if (b == 0) looks_binary_ = true;
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    const SequenceCheck check = checkUtf8Sequence(data, i);
    if (check == SequenceCheck::kIncomplete) {
      held_.assign(data.substr(i));  // at most 3 bytes: the rest comes with the next chunk
      return;
    }
    if (check == SequenceCheck::kValid) {
      stage_ = Stage::kDecided;
      const std::size_t length = utf8SequenceLength(b);
      out.append(data.substr(i, length));
      i += length;
      continue;
    }
    if (stage_ == Stage::kUndecided) {  // first non-ASCII sequence is not UTF-8
      stage_ = Stage::kDecided;
      encoding_ = Encoding::kWindows1252;
      decodeWindows1252(data.substr(i), out);
      return;
    }
    appendCodePoint(kReplacement, out);
    saw_invalid_ = true;
    ++i;
  }
}

void TextDecoder::decodeWindows1252(std::string_view bytes, std::string& out) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char b = byteAt(bytes, i);
    if (b < 0x80) {
      if (b == 0) looks_binary_ = true;
      out.push_back(static_cast<char>(b));
    } else if (b < 0xA0) {
      appendCodePoint(kWindows1252High[b - 0x80], out);
    } else {
      appendCodePoint(b, out);  // 0xA0..0xFF are U+00A0..U+00FF
    }
  }
}

void TextDecoder::decodeUtf16(std::string_view bytes, std::string& out) {
  std::string storage;
  const std::string_view data = joinHeld(held_, bytes, storage);
  const bool little_endian = encoding_ == Encoding::kUtf16Le;
  std::size_t i = 0;
  for (; i + 1 < data.size(); i += 2) {
    const std::uint32_t first = byteAt(data, i);
    const std::uint32_t second = byteAt(data, i + 1);
    const std::uint32_t unit = little_endian ? (first | (second << 8)) : ((first << 8) | second);
    if (high_surrogate_ != 0) {
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        appendCodePoint(0x10000 + ((high_surrogate_ - 0xD800) << 10) + (unit - 0xDC00), out);
        high_surrogate_ = 0;
        continue;
      }
      appendCodePoint(kReplacement, out);  // a high surrogate without its low half
      saw_invalid_ = true;
      high_surrogate_ = 0;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      high_surrogate_ = unit;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      appendCodePoint(kReplacement, out);
      saw_invalid_ = true;
    } else {
      if (unit == 0) looks_binary_ = true;
      appendCodePoint(unit, out);
    }
  }
  held_.assign(data.substr(i));  // an odd trailing byte, if any
}

}  // namespace roilens::io
