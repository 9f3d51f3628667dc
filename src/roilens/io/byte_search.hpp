#pragma once
// Finding the next of up to four bytes eight bytes at a time (little-endian, as on x86 and
// WebAssembly): x ^ pattern has a zero byte where a byte matches, and (x - 0x01..) & ~x & 0x80..
// marks the lowest zero byte exactly (higher marks may be false; only the lowest is used).
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace roilens::io {

class ByteSearch {
 public:
  ByteSearch(char a, char b, char c, char d)
      : a_(kOnes * byteOf(a)),
        b_(kOnes * byteOf(b)),
        c_(kOnes * byteOf(c)),
        d_(kOnes * byteOf(d)) {}

  // The index of the first byte of text[from..] equal to one of the four, or the first index from
  // which fewer than 8 bytes remain (the caller finishes byte by byte).
  std::size_t skip(std::string_view text, std::size_t from) const {
    while (from + 8 <= text.size()) {
      std::uint64_t w = 0;
      std::memcpy(&w, text.data() + from, 8);
      const std::uint64_t m =
          zeroBytes(w ^ a_) | zeroBytes(w ^ b_) | zeroBytes(w ^ c_) | zeroBytes(w ^ d_);
      if (m != 0) return from + static_cast<std::size_t>(std::countr_zero(m) >> 3);
      from += 8;
    }
    return from;
  }

 private:
  static constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  static constexpr std::uint64_t kHighs = 0x8080808080808080ull;
  static std::uint64_t byteOf(char c) { return static_cast<unsigned char>(c); }
  static std::uint64_t zeroBytes(std::uint64_t x) { return (x - kOnes) & ~x & kHighs; }

  std::uint64_t a_, b_, c_, d_;
};

}  // namespace roilens::io
