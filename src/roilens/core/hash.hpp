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

}  // namespace roilens
