#include "roilens/io/text_decoder.hpp"

#include <gtest/gtest.h>

#include "io_test_support.hpp"

namespace roilens::io {
namespace {

using testing::decodeAll;

TEST(TextDecoderTest, EmptyInputIsEmptyUtf8) {
  TextDecoder decoder;
  std::string text;
  decoder.finish(text);
  EXPECT_EQ(text, "");
  EXPECT_EQ(decoder.encoding(), Encoding::kUtf8);
  EXPECT_FALSE(decoder.looksBinary());
  EXPECT_FALSE(decoder.sawInvalidBytes());
}

TEST(TextDecoderTest, AsciiStaysUtf8) {
  TextDecoder decoder;
  std::string text;
  decoder.feed("a,b\r\n1,2\n", text);
  decoder.finish(text);
  EXPECT_EQ(text, "a,b\r\n1,2\n");
  EXPECT_EQ(decoder.encoding(), Encoding::kUtf8);
}

TEST(TextDecoderTest, Utf8BomIsDroppedAndNamed) {
  TextDecoder decoder;
  std::string text;
  decoder.feed(
      "\xEF\xBB\xBF"
      "Caf\xC3\xA9",
      text);
  decoder.finish(text);
  EXPECT_EQ(text, "Caf\xC3\xA9");
  EXPECT_EQ(decoder.encoding(), Encoding::kUtf8Bom);
  EXPECT_STREQ(encodingName(decoder.encoding()), "UTF-8 (BOM)");
}

TEST(TextDecoderTest, Utf16LittleAndBigEndianWithSurrogatePair) {
  // "é😀": U+00E9 then U+1F600 = D83D DE00.
  EXPECT_EQ(decodeAll(std::string("\xFF\xFE\xE9\x00\x3D\xD8\x00\xDE", 8)),
            "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(decodeAll(std::string("\xFE\xFF\x00\xE9\xD8\x3D\xDE\x00", 8)),
            "\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(TextDecoderTest, InvalidUtf8FallsBackToWindows1252) {
  TextDecoder decoder;
  std::string text;
  // Excel FR re-save: 0xE9 = é, 0x80 = €, 0x92 = ’ (Windows-1252 code page chart).
  decoder.feed(
      "Caf\xE9 \x80 l\x92"
      "eau",
      text);
  decoder.finish(text);
  EXPECT_EQ(text,
            "Caf\xC3\xA9 \xE2\x82\xAC l\xE2\x80\x99"
            "eau");
  EXPECT_EQ(decoder.encoding(), Encoding::kWindows1252);
  EXPECT_FALSE(decoder.sawInvalidBytes());
}

TEST(TextDecoderTest, FallbackDecidedEvenWhenTheBadByteEndsAChunk) {
  TextDecoder decoder;
  std::string text;
  decoder.feed("abc\xE9", text);  // could still be the lead of a 3-byte sequence
  EXPECT_EQ(text, "abc");
  decoder.feed("t\xE9", text);  // 't' is no continuation byte: not UTF-8
  decoder.finish(text);
  EXPECT_EQ(text, "abc\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(decoder.encoding(), Encoding::kWindows1252);
}

TEST(TextDecoderTest, LaterInvalidByteInUtf8BecomesReplacementCharacter) {
  TextDecoder decoder;
  std::string text;
  decoder.feed("\xC3\xA9 then \xE9!", text);  // the first non-ASCII sequence is valid UTF-8
  decoder.finish(text);
  EXPECT_EQ(text, "\xC3\xA9 then \xEF\xBF\xBD!");
  EXPECT_EQ(decoder.encoding(), Encoding::kUtf8);
  EXPECT_TRUE(decoder.sawInvalidBytes());
}

TEST(TextDecoderTest, MultiByteCharacterSplitAcrossChunks) {
  TextDecoder decoder;
  std::string text;
  decoder.feed("x\xF0\x9F", text);
  EXPECT_EQ(text, "x");
  decoder.feed("\x98", text);
  decoder.feed("\x80y", text);
  decoder.finish(text);
  EXPECT_EQ(text, "x\xF0\x9F\x98\x80y");
  EXPECT_EQ(decoder.encoding(), Encoding::kUtf8);
}

TEST(TextDecoderTest, BomSplitAcrossChunks) {
  TextDecoder decoder;
  std::string text;
  decoder.feed("\xFF", text);
  decoder.feed(
      "\xFE"
      "a",
      text);
  decoder.feed(std::string_view("\x00", 1), text);
  decoder.finish(text);
  EXPECT_EQ(text, "a");
  EXPECT_EQ(decoder.encoding(), Encoding::kUtf16Le);
}

TEST(TextDecoderTest, FilesShorterThanABom) {
  // "\xEF\xBB" is a cut UTF-8 sequence at end of file: Windows-1252 "ï»".
  EXPECT_EQ(decodeAll("\xEF\xBB"), "\xC3\xAF\xC2\xBB");
  EXPECT_EQ(decodeAll("\xFF"), "\xC3\xBF");  // ÿ
  EXPECT_EQ(decodeAll("a"), "a");
}

TEST(TextDecoderTest, Utf16DefectsBecomeReplacementCharacters) {
  TextDecoder decoder;
  std::string text;
  // LE: lone low surrogate DC00, 'a', then a high surrogate with nothing after, odd byte.
  decoder.feed(std::string("\xFF\xFE\x00\xDC\x61\x00\x3D\xD8\x62", 9), text);
  decoder.finish(text);
  EXPECT_EQ(text,
            "\xEF\xBF\xBD"
            "a\xEF\xBF\xBD");
  EXPECT_TRUE(decoder.sawInvalidBytes());
}

TEST(TextDecoderTest, NulBytesMarkBinaryFiles) {
  TextDecoder zip;
  std::string text;
  zip.feed(std::string("PK\x03\x04\x14\x00\x00\x00", 8), text);
  zip.finish(text);
  EXPECT_TRUE(zip.looksBinary());

  TextDecoder png;
  png.feed(std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", 16), text);
  png.finish(text);
  EXPECT_TRUE(png.looksBinary());

  TextDecoder utf16;  // NUL bytes are normal inside UTF-16 text
  utf16.feed(std::string("\xFF\xFE"
                         "a\x00"
                         "b\x00",
                         6),
             text);
  utf16.finish(text);
  EXPECT_FALSE(utf16.looksBinary());
}

}  // namespace
}  // namespace roilens::io
