#include "roilens/core/decimal.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

namespace roilens {

std::optional<double> parseDecimal(std::string_view text) {
  if (text.empty() || text.size() > 512) return std::nullopt;
  const char first = text.front();
  // strtod also takes leading spaces, "inf", "nan" and hex: none of those is a decimal cell.
  if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9'))) {
    return std::nullopt;
  }
  for (const char c : text) {
    if (c == 'x' || c == 'X' || c == 'n' || c == 'N' || c == 'i' || c == 'I') return std::nullopt;
  }
  const std::string copy(text);  // strtod needs a terminated string
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace roilens
