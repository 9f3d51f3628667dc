#pragma once
// Text normalisation for matching labels written by people and tools (FORMATS.md §0 "Header
// matching"): headers, enum cells (lifecycle stages, channel names), e-mail addresses.
#include <string>
#include <string_view>
#include <vector>

namespace roilens::sources {

// Strips ASCII whitespace, NBSP (U+00A0) and NNBSP (U+202F) at both ends.
std::string_view trimText(std::string_view text);

// Lower-cases ASCII and the Latin-1 capitals À..Þ written in UTF-8 (É → é); other bytes kept.
std::string foldCase(std::string_view text);

// Label key: BOM stripped, trimmed, case-folded, runs of spaces/NBSP/NNBSP/tabs collapsed to one
// space, typographic apostrophes ’ ‘ → ', so "Nom de l’événement" == "nom de l'événement".
std::string labelKey(std::string_view text);

// E-mail join key: trimmed and case-folded ("  Ann@X.com " → "ann@x.com").
std::string emailKey(std::string_view text);

// Splits on a single-character separator (no quoting).
std::vector<std::string_view> splitText(std::string_view text, char separator);

}  // namespace roilens::sources
