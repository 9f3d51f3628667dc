#include "roilens/io/mojibake_repair.hpp"

#include <gtest/gtest.h>

namespace roilens::io {
namespace {

TEST(MojibakeRepairTest, FormatsExample) {
  // FORMATS.md §0: "O‚ÄôConnor" = "O’Connor". ’ is E2 80 99; in MacRoman E2 = ‚, 80 = Ä, 99 = ô.
  EXPECT_EQ(repairMacRomanMojibake("O\xE2\x80\x9A\xC3\x84\xC3\xB4"
                                   "Connor"),
            "O\xE2\x80\x99"
            "Connor");
}

TEST(MojibakeRepairTest, AccentedLetters) {
  // é is C3 A9; in MacRoman C3 = √ (U+221A), A9 = © (U+00A9): "Caf√©" → "Café".
  EXPECT_EQ(repairMacRomanMojibake("Caf\xE2\x88\x9A\xC2\xA9"), "Caf\xC3\xA9");
}

TEST(MojibakeRepairTest, LeavesOtherTextAlone) {
  EXPECT_FALSE(repairMacRomanMojibake("plain ascii").has_value());  // nothing to repair
  EXPECT_FALSE(repairMacRomanMojibake("").has_value());
  // "Café" itself: é (U+00E9) is MacRoman 0x8E, a lone continuation byte: not UTF-8.
  EXPECT_FALSE(repairMacRomanMojibake("Caf\xC3\xA9").has_value());
  // "😀" has no MacRoman byte.
  EXPECT_FALSE(repairMacRomanMojibake("\xF0\x9F\x98\x80").has_value());
}

}  // namespace
}  // namespace roilens::io
