#pragma once
// Text → double for plain decimal text ("-12.5", "3e4"), the whole text or nothing.
// Why not std::from_chars: the wasm toolchain's libc++ (em++ 3.1.6) has no floating-point from_chars, and the
// core must build for wasm too. strtod is locale-dependent; the core never calls setlocale, so
// the "C" locale (decimal point '.') is in force in both targets.
#include <optional>
#include <string_view>

namespace roilens {

std::optional<double> parseDecimal(std::string_view text);

}  // namespace roilens
