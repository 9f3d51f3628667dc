#include "roilens/io/inflate.hpp"

#include <array>
#include <cstdint>
#include <optional>

namespace roilens::io {
namespace {

constexpr int kMaxCodeBits = 15;  // RFC 1951 §3.2.7: no code is longer than 15 bits
constexpr int kFastBits = 9;      // codes up to this length decode with one table lookup
constexpr int kLitLenCodes = 288;
constexpr int kDistCodes = 32;
constexpr int kEndOfBlock = 256;

// RFC 1951 §3.2.5: base lengths/distances and their extra bits.
constexpr std::array<std::uint16_t, 29> kLengthBase = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                                       15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                                       67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                       2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistBase = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistExtra = {0, 0, 0,  0,  1,  1,  2,  2,  3,  3,
                                                     4, 4, 5,  5,  6,  6,  7,  7,  8,  8,
                                                     9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// Order in which the code-length code lengths are transmitted (§3.2.7).
constexpr std::array<std::uint8_t, 19> kCodeLengthOrder = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                           11, 4,  12, 3, 13, 2, 14, 1, 15};

Error corrupt(const std::string& en, const std::string& fr) {
  return Error{ErrorCode::kUnreadableFile,
               "compressed data is damaged (" + en + ")",
               "les données compressées sont abîmées (" + fr + ")",
               {}};
}

Error truncated() {
  return Error{ErrorCode::kUnreadableFile,
               "compressed data ends too early (truncated file?)",
               "les données compressées s'arrêtent trop tôt (fichier tronqué ?)",
               {}};
}

// Reads bits least-significant first. Past the end it yields zeros and remembers the overrun,
// which callers check through overran() so that a truncated stream never loops or succeeds.
class BitReader {
 public:
  explicit BitReader(std::string_view in) : in_(in) {}

  std::uint32_t peek(int n) {
    if (count_ < n) refill();
    return static_cast<std::uint32_t>(buffer_ & ((std::uint64_t{1} << n) - 1));
  }
  void consume(int n) {
    buffer_ >>= n;
    count_ -= n;
  }
  std::uint32_t bits(int n) {
    const std::uint32_t value = peek(n);
    consume(n);
    return value;
  }
  void alignToByte() { consume(count_ % 8); }
  bool overran() const { return (pos_ * 8 - static_cast<std::size_t>(count_)) > in_.size() * 8; }

 private:
  void refill() {
    while (count_ <= 56) {
      const std::uint64_t byte = pos_ < in_.size() ? static_cast<std::uint8_t>(in_[pos_]) : 0;
      ++pos_;
      buffer_ |= byte << count_;
      count_ += 8;
    }
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::uint64_t buffer_ = 0;
  int count_ = 0;
};

// A canonical Huffman code (§3.2.2): counts per length and symbols sorted by code, plus a
// lookup table indexed by the next kFastBits input bits for the short codes.
class HuffmanCode {
 public:
  // Fails on an over-subscribed set of lengths; an incomplete set is accepted only when it is a
  // single one-bit code (zlib's rule: a block may use a single distance code).
  bool build(const std::uint8_t* lengths, int n) {
    count_.fill(0);
    fast_.fill(0);
    for (int s = 0; s < n; ++s) ++count_[lengths[s]];
    int left = 1;
    for (int len = 1; len <= kMaxCodeBits; ++len) {
      left = (left << 1) - count_[len];
      if (left < 0) return false;
    }
    if (left > 0 && n - count_[0] > 1) return false;
    std::array<std::uint16_t, kMaxCodeBits + 2> offsets{};
    for (int len = 1; len <= kMaxCodeBits; ++len) offsets[len + 1] = offsets[len] + count_[len];
    std::array<std::uint16_t, kMaxCodeBits + 1> next_code{};
    int code = 0;
    for (int len = 1; len <= kMaxCodeBits; ++len) {
      code = (code + (len > 1 ? count_[len - 1] : 0)) << 1;
      next_code[len] = static_cast<std::uint16_t>(code);
    }
    for (int s = 0; s < n; ++s) {
      const int len = lengths[s];
      if (len == 0) continue;
      symbols_[offsets[len]++] = static_cast<std::uint16_t>(s);
      const int assigned = next_code[len]++;
      if (len <= kFastBits) fillFast(assigned, len, s);
    }
    return true;
  }

  // The next symbol, or nullopt when the input bits match no code.
  std::optional<int> decode(BitReader& in) const {
    const std::uint32_t window = in.peek(kMaxCodeBits);
    const std::uint16_t entry = fast_[window & ((1u << kFastBits) - 1)];
    if (entry != 0) {
      in.consume(entry >> 9);
      return entry & 0x1FF;
    }
    // Long code: walk the canonical code one bit at a time (as zlib's puff does).
    int code = 0;
    int first = 0;
    int index = 0;
    for (int len = 1; len <= kMaxCodeBits; ++len) {
      code |= static_cast<int>((window >> (len - 1)) & 1u);
      const int count = count_[len];
      if (code - first < count) {
        in.consume(len);
        return symbols_[index + (code - first)];
      }
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    return std::nullopt;
  }

 private:
  // Codes are sent most-significant bit first but read least-significant first: reverse them.
  void fillFast(int code, int len, int symbol) {
    int reversed = 0;
    for (int i = 0; i < len; ++i) reversed |= ((code >> i) & 1) << (len - 1 - i);
    for (int i = reversed; i < (1 << kFastBits); i += (1 << len)) {
      fast_[i] = static_cast<std::uint16_t>((len << 9) | symbol);
    }
  }

  std::array<std::uint16_t, kMaxCodeBits + 1> count_{};
  std::array<std::uint16_t, kLitLenCodes> symbols_{};
  std::array<std::uint16_t, 1 << kFastBits> fast_{};  // (length << 9) | symbol; 0 = long code
};

class Inflater {
 public:
  Inflater(std::string_view in, std::size_t limit) : in_(in), limit_(limit) {}

  Result<std::string> run() {
    bool last = false;
    while (!last) {
      last = in_.bits(1) == 1;
      const std::uint32_t type = in_.bits(2);
      std::optional<Error> error;
      if (type == 0) {
        error = storedBlock();
      } else if (type == 1) {
        error = fixedBlock();
      } else if (type == 2) {
        error = dynamicBlock();
      } else {
        error = corrupt("invalid block type", "type de bloc invalide");
      }
      if (error) return *error;
      if (in_.overran()) return truncated();
    }
    return std::move(out_);
  }

 private:
  std::optional<Error> tooLarge() const {
    return Error{ErrorCode::kUnreadableFile,
                 "a compressed part expands beyond " + std::to_string(limit_) +
                     " bytes; refused (damaged file or zip bomb)",
                 "une partie compressée dépasse " + std::to_string(limit_) +
                     " octets une fois décompressée ; refusée (fichier abîmé ou bombe zip)",
                 {}};
  }

  std::optional<Error> storedBlock() {
    in_.alignToByte();
    const std::uint32_t len = in_.bits(16);
    const std::uint32_t nlen = in_.bits(16);
    if (in_.overran()) return truncated();
    if ((len ^ 0xFFFFu) != nlen) {
      return corrupt("stored block length check failed", "longueur de bloc stocké incohérente");
    }
    if (len > limit_ - out_.size()) return tooLarge();
    for (std::uint32_t i = 0; i < len; ++i) out_.push_back(static_cast<char>(in_.bits(8)));
    if (in_.overran()) return truncated();
    return std::nullopt;
  }

  std::optional<Error> fixedBlock() {
    std::array<std::uint8_t, kLitLenCodes> lit{};
    for (int s = 0; s < kLitLenCodes; ++s) lit[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
    std::array<std::uint8_t, kDistCodes> dist{};
    dist.fill(5);
    HuffmanCode lit_code;
    HuffmanCode dist_code;
    lit_code.build(lit.data(), kLitLenCodes);
    dist_code.build(dist.data(), kDistCodes);
    return codes(lit_code, dist_code);
  }

  std::optional<Error> dynamicBlock() {
    const int nlit = static_cast<int>(in_.bits(5)) + 257;
    const int ndist = static_cast<int>(in_.bits(5)) + 1;
    const int nclen = static_cast<int>(in_.bits(4)) + 4;
    if (nlit > 286 || ndist > 30) {
      return corrupt("too many length or distance codes", "trop de codes de longueur ou distance");
    }
    std::array<std::uint8_t, 19> clen{};
    for (int i = 0; i < nclen; ++i)
      clen[kCodeLengthOrder[i]] = static_cast<std::uint8_t>(in_.bits(3));
    HuffmanCode clen_code;
    if (!clen_code.build(clen.data(), 19)) {
      return corrupt("invalid code-length code", "code des longueurs invalide");
    }
    std::array<std::uint8_t, 286 + 30> lengths{};
    if (auto error = readLengths(clen_code, lengths.data(), nlit + ndist)) return error;
    if (lengths[kEndOfBlock] == 0) {
      return corrupt("no end-of-block code", "pas de code de fin de bloc");
    }
    HuffmanCode lit_code;
    HuffmanCode dist_code;
    if (!lit_code.build(lengths.data(), nlit) || !dist_code.build(lengths.data() + nlit, ndist)) {
      return corrupt("invalid Huffman code", "code de Huffman invalide");
    }
    return codes(lit_code, dist_code);
  }

  std::optional<Error> readLengths(const HuffmanCode& clen_code, std::uint8_t* lengths, int n) {
    int i = 0;
    while (i < n) {
      if (in_.overran()) return truncated();
      const std::optional<int> symbol = clen_code.decode(in_);
      if (!symbol) return corrupt("invalid code length", "longueur de code invalide");
      if (*symbol < 16) {
        lengths[i++] = static_cast<std::uint8_t>(*symbol);
        continue;
      }
      std::uint8_t value = 0;
      int repeat = 0;
      if (*symbol == 16) {
        if (i == 0) return corrupt("repeat with no previous length", "répétition sans longueur");
        value = lengths[i - 1];
        repeat = 3 + static_cast<int>(in_.bits(2));
      } else if (*symbol == 17) {
        repeat = 3 + static_cast<int>(in_.bits(3));
      } else {
        repeat = 11 + static_cast<int>(in_.bits(7));
      }
      if (i + repeat > n) return corrupt("too many code lengths", "trop de longueurs de code");
      while (repeat-- > 0) lengths[i++] = value;
    }
    return std::nullopt;
  }

  std::optional<Error> codes(const HuffmanCode& lit_code, const HuffmanCode& dist_code) {
    while (true) {
      if (in_.overran()) return truncated();
      const std::optional<int> symbol = lit_code.decode(in_);
      if (!symbol) return corrupt("invalid literal/length code", "code littéral invalide");
      if (*symbol < 256) {
        if (out_.size() >= limit_) return tooLarge();
        out_.push_back(static_cast<char>(*symbol));
        continue;
      }
      if (*symbol == kEndOfBlock) return std::nullopt;
      const int length_index = *symbol - 257;
      if (length_index >= static_cast<int>(kLengthBase.size())) {
        return corrupt("invalid length code", "code de longueur invalide");
      }
      const std::size_t length = kLengthBase[length_index] + in_.bits(kLengthExtra[length_index]);
      const std::optional<int> dist_symbol = dist_code.decode(in_);
      if (!dist_symbol || *dist_symbol >= static_cast<int>(kDistBase.size())) {
        return corrupt("invalid distance code", "code de distance invalide");
      }
      const std::size_t distance = kDistBase[*dist_symbol] + in_.bits(kDistExtra[*dist_symbol]);
      if (distance > out_.size()) {
        return corrupt("distance too far back", "distance trop grande");
      }
      if (length > limit_ - out_.size()) return tooLarge();
      // Byte by byte on purpose: a match may overlap the bytes it produces (distance < length).
      std::size_t from = out_.size() - distance;
      for (std::size_t k = 0; k < length; ++k) out_.push_back(out_[from++]);
    }
  }

  BitReader in_;
  std::size_t limit_;
  std::string out_;
};

}  // namespace

Result<std::string> inflate(std::string_view compressed, std::size_t max_output_bytes) {
  if (compressed.empty()) return truncated();
  return Inflater(compressed, max_output_bytes).run();
}

}  // namespace roilens::io
