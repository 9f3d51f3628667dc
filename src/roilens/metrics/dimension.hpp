#pragma once
// The dimensions a KPI can be sliced by (KPIS.md: channel, source, campaign, landing page, CTA,
// device, social network, email, segment) plus the cost category of CAC.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace roilens::metrics {

enum class Dimension : std::uint8_t {
  kChannel,
  kSource,
  kCampaign,
  kLandingPage,
  kCta,
  kDevice,
  kSocialNetwork,
  kEmail,
  kSegment,
  kCategory,
};
inline constexpr std::size_t kDimensionCount = 10;

// A set of dimensions as a bit mask (value type, cheap to copy).
class DimensionSet {
 public:
  constexpr DimensionSet() = default;
  constexpr DimensionSet(std::initializer_list<Dimension> dims) {
    for (const Dimension d : dims) bits_ |= bit(d);
  }
  constexpr bool contains(Dimension d) const { return (bits_ & bit(d)) != 0; }
  constexpr bool containsAll(DimensionSet other) const {
    return (bits_ & other.bits_) == other.bits_;
  }
  constexpr DimensionSet intersect(DimensionSet other) const {
    return fromBits(bits_ & other.bits_);
  }
  constexpr DimensionSet unite(DimensionSet other) const { return fromBits(bits_ | other.bits_); }
  constexpr bool empty() const { return bits_ == 0; }

 private:
  static constexpr std::uint32_t bit(Dimension d) { return 1u << static_cast<unsigned>(d); }
  static constexpr DimensionSet fromBits(std::uint32_t bits) {
    DimensionSet s;
    s.bits_ = bits;
    return s;
  }
  std::uint32_t bits_ = 0;
};

// The value of every dimension for one fact; empty when the source does not tell.
using DimensionValues = std::array<std::string, kDimensionCount>;

inline std::string& at(DimensionValues& values, Dimension d) {
  return values[static_cast<std::size_t>(d)];
}
inline const std::string& at(const DimensionValues& values, Dimension d) {
  return values[static_cast<std::size_t>(d)];
}

std::string_view dimensionName(Dimension d);  // "channel", "landing_page", ...
std::optional<Dimension> parseDimension(std::string_view name);

// Shown for a fact whose source does not know the dimension's value.
inline constexpr std::string_view kNotSet = "(not set)";

}  // namespace roilens::metrics
