#pragma once
// Instants are seconds since 1970-01-01T00:00:00Z; calendar days are days since 1970-01-01.
// The user's time zone is a fixed UTC offset in minutes (the page passes the browser's).
#include <cstdint>
#include <string>

namespace roilens::model {

using Timestamp = std::int64_t;  // seconds since the Unix epoch, UTC
using DayNumber = std::int32_t;  // days since 1970-01-01

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

DayNumber daysFromCivil(CivilDate date);
CivilDate civilFromDays(DayNumber days);
bool isValidCivil(CivilDate date);

Timestamp timestampFromCivil(CivilDate date, int hour = 0, int minute = 0, int second = 0);
// The calendar day an instant falls on for a viewer at utc_offset_minutes.
DayNumber localDay(Timestamp t, int utc_offset_minutes);

std::string isoDate(DayNumber days);  // "2025-03-09"

}  // namespace roilens::model
