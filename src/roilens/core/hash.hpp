#pragma once
// A fast non-cryptographic hash of bytes (word at a time), for hash tables and content
// fingerprints. Not a security hash: a crafted collision only costs a slower probe.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace roilens {

// Final avalanche (the 64-bit finaliser of SplitMix64 / MurmurHash3).
inline std::uint64_t mixHash(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

inline std::uint64_t hashBytes(std::string_view bytes, std::uint64_t seed = 0) {
  constexpr std::uint64_t k0 = 0x9e3779b97f4a7c15ull;
  constexpr std::uint64_t k1 = 0xc2b2ae3d27d4eb4full;
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  std::uint64_t h = seed ^ (static_cast<std::uint64_t>(n) * k0);
  while (n >= 8) {
    std::uint64_t a = 0;
    std::memcpy(&a, p, 8);
    h ^= a * k1;
    h = ((h << 29) | (h >> 35)) * k0;
    p += 8;
    n -= 8;
  }
  std::uint64_t a = 0;
  if (n > 0) std::memcpy(&a, p, n);
  h ^= a * k1;
  return mixHash(h);
}

// The same kind of hash over a stream of bytes given in chunks of any size: the result depends
// on the bytes only, not on where the chunks were cut.
class StreamHash {
 public:
  void feed(std::string_view bytes) {
    size_ += bytes.size();
    while (!bytes.empty() && tail_size_ > 0 && tail_size_ < 8) {
      tail_[tail_size_++] = bytes.front();
      bytes.remove_prefix(1);
      if (tail_size_ == 8) {
        word(tail_);
        tail_size_ = 0;
      }
    }
    const char* p = bytes.data();
    std::size_t n = bytes.size();
    for (; n >= 8; p += 8, n -= 8) word(p);
    for (std::size_t i = 0; i < n; ++i) tail_[tail_size_++] = p[i];
  }
  std::uint64_t value() const {
    std::uint64_t a = 0;
    std::memcpy(&a, tail_, tail_size_);
    return mixHash(h_ ^ (a * 0xc2b2ae3d27d4eb4full) ^ (size_ * 0x9e3779b97f4a7c15ull));
  }
  std::size_t size() const { return size_; }

 private:
  void word(const char* p) {
    std::uint64_t a = 0;
    std::memcpy(&a, p, 8);
    h_ ^= a * 0xc2b2ae3d27d4eb4full;
    h_ = ((h_ << 29) | (h_ >> 35)) * 0x9e3779b97f4a7c15ull;
  }
  std::uint64_t h_ = 0x243f6a8885a308d3ull;
  char tail_[8] = {};
  std::size_t tail_size_ = 0;
  std::size_t size_ = 0;
};

}  // namespace roilens
