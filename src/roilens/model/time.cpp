#include "roilens/model/time.hpp"

#include <cstdio>

namespace roilens::model {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
DayNumber daysFromCivil(CivilDate d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (d.month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(DayNumber z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

bool isValidCivil(CivilDate d) {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  return civilFromDays(daysFromCivil(d)) == d;
}

Timestamp timestampFromCivil(CivilDate date, int hour, int minute, int second) {
  return static_cast<Timestamp>(daysFromCivil(date)) * 86400 + hour * 3600 + minute * 60 + second;
}

DayNumber localDay(Timestamp t, int utc_offset_minutes) {
  const Timestamp local = t + static_cast<Timestamp>(utc_offset_minutes) * 60;
  return static_cast<DayNumber>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

std::string isoDate(DayNumber days) {
  const CivilDate c = civilFromDays(days);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buffer;
}

}  // namespace roilens::model
