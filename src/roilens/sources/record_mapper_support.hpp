#pragma once
// Small helpers shared by the record mapper's translation units (record_mapper*.cpp).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "roilens/model/time.hpp"
#include "roilens/sources/label_text.hpp"
#include "roilens/sources/record_mapper.hpp"

namespace roilens::sources::mapper_support {

using model::DayNumber;

inline std::string upper(std::string_view text) {
  std::string out(trimText(text));
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Currency signs written in amount cells → ISO code. "$" alone is read as USD (RecordMapper then
// adds a warning saying so).
inline std::string currencyFromSign(const std::string& sign) {
  if (sign == "€") return "EUR";
  if (sign == "£") return "GBP";
  if (sign == "₹") return "INR";
  if (sign == "¥") return "JPY";
  if (sign == "$" || sign == "US$") return "USD";
  return sign.size() == 3 ? upper(sign) : std::string();
}

inline DayNumber dayOf(model::Timestamp t, int offset_minutes) {
  return model::localDay(t, offset_minutes);
}

inline void widen(RowOutcome& outcome, DayNumber day) {
  outcome.first_day = outcome.first_day ? std::min(*outcome.first_day, day) : day;
  outcome.last_day = outcome.last_day ? std::max(*outcome.last_day, day) : day;
}

}  // namespace roilens::sources::mapper_support
