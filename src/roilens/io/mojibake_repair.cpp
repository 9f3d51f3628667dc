#include "roilens/io/mojibake_repair.hpp"

#include <array>
#include <cstdint>

#include "roilens/io/text_decoder.hpp"

namespace roilens::io {
namespace {

// MacRoman bytes 0x80..0xFF → Unicode (Apple's ROMAN.TXT, 0xDB = € since Mac OS 8.5).
constexpr std::array<std::uint16_t, 128> kMacRomanHigh = {
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3,
    0x00E5, 0x00E7, 0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
    0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3,
    0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
    0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA,
    0x00BA, 0x03A9, 0x00E6, 0x00F8, 0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
    0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D,
    0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
    0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE,
    0x00CF, 0x00CC, 0x00D3, 0x00D4, 0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
    0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7};

std::optional<char> macRomanByte(std::uint32_t code_point) {
  if (code_point < 0x80) return static_cast<char>(code_point);
  for (std::size_t i = 0; i < kMacRomanHigh.size(); ++i) {
    if (kMacRomanHigh[i] == code_point) return static_cast<char>(0x80 + i);
  }
  return std::nullopt;
}

// Decodes one code point of valid UTF-8 at `at` and advances; nullopt on a malformed sequence.
std::optional<std::uint32_t> nextCodePoint(std::string_view text, std::size_t& at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (at + length > text.size()) return std::nullopt;
  std::uint32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[at + k]);
    if ((next & 0xC0) != 0x80) return std::nullopt;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  at += length;
  return code_point;
}

bool isValidUtf8(std::string_view bytes) {
  TextDecoder decoder;  // the one definition of "valid UTF-8": no fallback, nothing replaced
  std::string ignored;
  decoder.feed(bytes, ignored);
  decoder.finish(ignored);
  return decoder.encoding() == Encoding::kUtf8 && !decoder.sawInvalidBytes();
}

}  // namespace

std::optional<std::string> repairMacRomanMojibake(std::string_view utf8_text) {
  std::string bytes;
  bytes.reserve(utf8_text.size());
  bool non_ascii = false;
  for (std::size_t at = 0; at < utf8_text.size();) {
    const std::optional<std::uint32_t> code_point = nextCodePoint(utf8_text, at);
    if (!code_point) return std::nullopt;
    const std::optional<char> byte = macRomanByte(*code_point);
    if (!byte) return std::nullopt;
    non_ascii = non_ascii || *code_point >= 0x80;
    bytes.push_back(*byte);
  }
  if (!non_ascii || !isValidUtf8(bytes)) return std::nullopt;
  return bytes;
}

}  // namespace roilens::io
