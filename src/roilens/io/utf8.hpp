#pragma once
// One code point → UTF-8 bytes. Surrogates and values past U+10FFFF become U+FFFD.
#include <cstdint>
#include <string>

namespace roilens::io {

void appendUtf8(std::uint32_t code_point, std::string& out);

}  // namespace roilens::io
