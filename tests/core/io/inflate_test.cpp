// The DEFLATE decoder against hand-assembled streams and, natively, against zlib's encoder.
#include "roilens/io/inflate.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#ifdef ROILENS_HAVE_ZLIB
#include <zlib.h>
#endif

namespace roilens::io {
namespace {

constexpr std::size_t kNoLimit = std::size_t{1} << 30;

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (const int v : values) out.push_back(static_cast<char>(v));
  return out;
}

// Writes bits least-significant first, as DEFLATE does; Huffman codes go most-significant first.
class BitWriter {
 public:
  void bits(std::uint32_t value, int n) {
    for (int i = 0; i < n; ++i) bit((value >> i) & 1u);
  }
  void code(std::uint32_t code, int n) {
    for (int i = n - 1; i >= 0; --i) bit((code >> i) & 1u);
  }
  std::string done() const { return out_; }

 private:
  void bit(std::uint32_t b) {
    if (used_ % 8 == 0) out_.push_back('\0');
    out_.back() = static_cast<char>(out_.back() | (b << (used_ % 8)));
    ++used_;
  }
  std::string out_;
  int used_ = 0;
};

TEST(Inflate, StoredBlockByHand) {
  // Header bits: BFINAL=1, BTYPE=00 → first byte 0x01; then LEN=5 (05 00), NLEN=~5 (FA FF).
  const std::string stream = bytes({0x01, 0x05, 0x00, 0xFA, 0xFF}) + "hello";
  const Result<std::string> out = inflate(stream, kNoLimit);
  ASSERT_TRUE(out.ok()) << out.error().describe();
  EXPECT_EQ(out.value(), "hello");
}

TEST(Inflate, FixedHuffmanSingleLetterByHand) {
  // "a" compressed by zlib (raw) is 4B 04 00. Bits read LSB first:
  //   0x4B = 0100 1011 → BFINAL=1, BTYPE=1 (fixed), then 1,0,0,1,0
  //   0x04 = 0000 0100 → 0,0,1 completes the 8-bit code 1001 0001 = 0x30 + 0x61 → 'a'
  //   then seven 0 bits (rest of 0x04 and of 0x00) = code 256, end of block.
  const Result<std::string> out = inflate(bytes({0x4B, 0x04, 0x00}), kNoLimit);
  ASSERT_TRUE(out.ok()) << out.error().describe();
  EXPECT_EQ(out.value(), "a");
}

TEST(Inflate, OverlappingMatchRepeatsBytes) {
  // Fixed block: literal 'x', then length 10 (code 264, 7 bits 0001000) at distance 1
  // (distance code 0, 5 bits 00000) → "x" followed by ten copies of the previous byte.
  BitWriter w;
  w.bits(1, 1);
  w.bits(1, 2);
  w.code(0x30 + 'x', 8);
  w.code(264 - 256, 7);
  w.code(0, 5);
  w.code(0, 7);  // end of block
  const Result<std::string> out = inflate(w.done(), kNoLimit);
  ASSERT_TRUE(out.ok()) << out.error().describe();
  EXPECT_EQ(out.value(), std::string(11, 'x'));
}

TEST(Inflate, RejectsDistanceBeforeStart) {
  // Fixed block starting with a match (length 3: code 257) at distance 1: nothing to copy.
  BitWriter w;
  w.bits(1, 1);
  w.bits(1, 2);
  w.code(257 - 256, 7);
  w.code(0, 5);
  const Result<std::string> out = inflate(w.done(), kNoLimit);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::kUnreadableFile);
  EXPECT_NE(out.error().message_en.find("distance"), std::string::npos);
}

TEST(Inflate, RejectsReservedBlockType) {
  const Result<std::string> out = inflate(bytes({0x07}), kNoLimit);  // BFINAL=1, BTYPE=11
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message_en.find("block type"), std::string::npos);
  EXPECT_FALSE(out.error().message_fr.empty());
}

TEST(Inflate, RejectsStoredLengthMismatch) {
  const Result<std::string> out =
      inflate(bytes({0x01, 0x05, 0x00, 0xFA, 0xFE}) + "hello", kNoLimit);
  ASSERT_FALSE(out.ok());
}

TEST(Inflate, RejectsOversubscribedCode) {
  // Dynamic block whose code-length code gives 19 symbols one bit each: over-subscribed.
  BitWriter w;
  w.bits(1, 1);
  w.bits(2, 2);
  w.bits(0, 5);   // HLIT = 257
  w.bits(0, 5);   // HDIST = 1
  w.bits(15, 4);  // HCLEN = 19
  for (int i = 0; i < 19; ++i) w.bits(1, 3);
  const Result<std::string> out = inflate(w.done(), kNoLimit);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message_en.find("code-length"), std::string::npos);
}

TEST(Inflate, EmptyInputIsTruncated) {
  const Result<std::string> out = inflate("", kNoLimit);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message_en.find("ends too early"), std::string::npos);
}

TEST(Inflate, StoredBlockRespectsLimit) {
  const std::string stream = bytes({0x01, 0x05, 0x00, 0xFA, 0xFF}) + "hello";
  EXPECT_TRUE(inflate(stream, 5).ok());
  const Result<std::string> out = inflate(stream, 4);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message_en.find("zip bomb"), std::string::npos);
}

#ifdef ROILENS_HAVE_ZLIB

std::string zlibRawDeflate(const std::string& data, int level, int strategy = Z_DEFAULT_STRATEGY) {
  z_stream z{};
  // windowBits -15: raw DEFLATE, as stored in ZIP entries.
  EXPECT_EQ(deflateInit2(&z, level, Z_DEFLATED, -15, 8, strategy), Z_OK);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string randomBytes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string out(n, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xFF);
  return out;
}

// Text-like data: words from a small vocabulary, so that zlib finds long and short matches.
std::string randomText(std::size_t n, unsigned seed) {
  static const std::vector<std::string> kWords = {"Campaign",
                                                  ",",
                                                  "Clicks",
                                                  "Impressions",
                                                  "2025-01-",
                                                  "€",
                                                  "1 234,56",
                                                  "\n",
                                                  "Brevo",
                                                  "facebook / cpc",
                                                  "\"quoted, text\"",
                                                  "é",
                                                  "  ",
                                                  "0",
                                                  "Organic Search",
                                                  ";"};
  std::mt19937 rng(seed);
  std::string out;
  while (out.size() < n) out += kWords[rng() % kWords.size()];
  out.resize(n);
  return out;
}

struct ZlibCase {
  const char* name;
  std::size_t size;
  bool text;
};

class InflateMatchesZlib : public ::testing::TestWithParam<ZlibCase> {};

TEST_P(InflateMatchesZlib, RoundTripsEveryLevelAndStrategy) {
  const ZlibCase c = GetParam();
  const std::string original = c.text ? randomText(c.size, 7) : randomBytes(c.size, 7);
  for (const int level : {0, 1, 6, 9}) {
    for (const int strategy : {Z_DEFAULT_STRATEGY, Z_FIXED, Z_HUFFMAN_ONLY, Z_RLE}) {
      const std::string compressed = zlibRawDeflate(original, level, strategy);
      const Result<std::string> out = inflate(compressed, original.size());
      ASSERT_TRUE(out.ok()) << "level " << level << " strategy " << strategy << ": "
                            << out.error().describe();
      EXPECT_EQ(out.value(), original) << "level " << level << " strategy " << strategy;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Data, InflateMatchesZlib,
    ::testing::Values(ZlibCase{"Empty", 0, true}, ZlibCase{"OneByte", 1, false},
                      ZlibCase{"SmallText", 300, true},
                      ZlibCase{"Random70k", 70000, false},  // > one stored block
                      ZlibCase{"Text1M", 1 << 20, true}, ZlibCase{"Random300k", 300000, false}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(InflateZlib, RefusesToExpandBeyondLimit) {
  const std::string zeros(1 << 20, '\0');  // 1 MiB of zeros compresses to about 1 KiB
  const std::string compressed = zlibRawDeflate(zeros, 9);
  ASSERT_LT(compressed.size(), 2000u);
  const Result<std::string> refused = inflate(compressed, 1000);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message_en.find("zip bomb"), std::string::npos);
  const Result<std::string> exact = inflate(compressed, zeros.size());
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact.value(), zeros);
}

TEST(InflateZlib, EveryTruncationIsAnError) {
  const std::string original = randomText(2000, 3);
  const std::string compressed = zlibRawDeflate(original, 6);
  for (std::size_t cut = 0; cut < compressed.size(); ++cut) {
    const Result<std::string> out = inflate(compressed.substr(0, cut), kNoLimit);
    EXPECT_FALSE(out.ok()) << "prefix of " << cut << " bytes decoded";
  }
}

TEST(InflateZlib, TrailingBytesAfterFinalBlockAreIgnored) {
  const std::string original = randomText(500, 4);
  const Result<std::string> out = inflate(zlibRawDeflate(original, 6) + "junk", kNoLimit);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out.value(), original);
}

TEST(InflateZlib, CorruptedStreamsNeverCrash) {
  // Each byte flipped in turn: the decoder must return (error or some output), within limits.
  const std::string original = randomText(3000, 5);
  const std::string compressed = zlibRawDeflate(original, 9);
  std::mt19937 rng(11);
  for (std::size_t i = 0; i < compressed.size(); ++i) {
    std::string damaged = compressed;
    damaged[i] = static_cast<char>(damaged[i] ^ (1 + rng() % 255));
    const Result<std::string> out = inflate(damaged, 10000);
    if (out.ok()) {
      EXPECT_LE(out.value().size(), 10000u);
    }
  }
}

#endif  // ROILENS_HAVE_ZLIB

}  // namespace
}  // namespace roilens::io
