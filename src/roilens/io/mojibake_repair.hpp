#pragma once
// Undo "UTF-8 read as MacRoman" mojibake (FORMATS.md §0, Encoding): a UTF-8 file opened as
// MacRoman and saved again as UTF-8 turns "O’Connor" into "O‚ÄôConnor" and "Café" into
// "Caf√©". Applied only on request (the user ticks "repair accents"), never guessed: a text can
// legitimately contain "√©".
#include <optional>
#include <string>
#include <string_view>

namespace roilens::io {

// The repaired text, or nullopt when the text cannot be such mojibake: it has no non-ASCII
// character, holds a character MacRoman cannot encode, or re-encoding does not give valid UTF-8.
std::optional<std::string> repairMacRomanMojibake(std::string_view utf8_text);

}  // namespace roilens::io
