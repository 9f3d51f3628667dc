#include "roilens/io/date_parser.hpp"

#include <gtest/gtest.h>

namespace roilens::io {
namespace {

using model::CivilDate;
using model::Timestamp;

// Day numbers used below, by hand. 1970..2025 = 56 years with 14 leap years (1972..2024):
// 2026-01-01 = 56*365 + 14 = 20454. 2024-01-01 = 54*365 + 13 = 19723. 2023-01-01 = 19358.
// 2021-01-01 = 51*365 + 13 = 18628. 2015-01-01 = 45*365 + 11 = 16436. 2010-01-01 = 14610.
constexpr Timestamp kDay = 86400;
constexpr Timestamp kHour = 3600;
constexpr Timestamp kMinute = 60;

const DateColumnFormat kMdy{};

TEST(DateParserTest, HubSpotLocalMinuteConvertedToUtc) {
  // 2026-01-28 = 20454 + 27 = 20481 → 20481*86400 = 1 769 558 400. 12:48 local at UTC+60 min
  // = 11:48 UTC = 42 480 s → 1 769 600 880.
  const auto value = parseDateTimeCell("2026-01-28 12:48", kMdy, 60);
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(value->utc, 1769600880);
  EXPECT_TRUE(value->has_time);
  EXPECT_FALSE(value->has_zone);
}

TEST(DateParserTest, IsoForms) {
  // 2026-01-28 midnight local at UTC+60 → 1 769 558 400 − 3600.
  EXPECT_EQ(parseDateTime("2026-01-28", kMdy, 60), 1769558400 - 3600);
  // With seconds, no zone, user at UTC: 1 769 558 400 + 12*3600 + 48*60 + 5 = 1 769 604 485.
  EXPECT_EQ(parseDateTime("2026-01-28 12:48:05", kMdy, 0), 1769604485);
  // 'T' and 'Z': the cell's zone wins over the user's.
  EXPECT_EQ(parseDateTime("2026-01-28T12:48:05Z", kMdy, 60), 1769604485);
  EXPECT_EQ(parseDateTime("2026-01-28T12:48:05.123Z", kMdy, 60), 1769604485);
  // +05:30: 12:48:05 − 5:30 = 07:18:05 UTC = 26 285 s → 1 769 584 685.
  EXPECT_EQ(parseDateTime("2026-01-28T12:48:05+05:30", kMdy, 60), 1769584685);
  EXPECT_EQ(parseDateTime("2026-01-28T12:48:05+0530", kMdy, 60), 1769584685);
  // −05:00: 12:48:05 + 5 h = 17:48:05 UTC.
  EXPECT_EQ(parseDateTime("2026-01-28T12:48:05-05:00", kMdy, 0), 1769558400 + 64085);
  EXPECT_EQ(parseDateTime("2026-01-28 12:48 CET", kMdy, 0), 1769558400 + 11 * kHour + 48 * kMinute);
  EXPECT_EQ(parseDateTime("2026/01/28", kMdy, 0), 1769558400);
}

TEST(DateParserTest, ShopifyOffsetForm) {
  // 2021-05-13 = 18628 + (31+28+31+30) + 12 = 18760 → 1 620 864 000; 11:01:13 at +02:00
  // = 09:01:13 UTC = 32 473 s → 1 620 896 473.
  const auto value = parseDateTimeCell("2021-05-13 11:01:13 +0200", kMdy, -300);
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(value->utc, 1620896473);
  EXPECT_TRUE(value->has_zone);
}

TEST(DateParserTest, StripeUtcSeconds) {
  // 2024-06-07 = 19723 + (31+29+31+30+31) + 6 = 19881 → 1 717 718 400; + 2:38:54 = 9 534 s.
  EXPECT_EQ(parseDateTime("2024-06-07 02:38:54", kMdy, 0), 1717727934);
}

TEST(DateParserTest, MailchimpTwelveHourClock) {
  // 2023-06-01 = 19358 + 151 = 19509 → 1 685 577 600. 09:46 pm = 21:46 local at UTC−4 (EDT)
  // = 01:46 UTC next day = 24*3600 + 6 360 → 1 685 670 360.
  EXPECT_EQ(parseDateTime("Jun 01, 2023 09:46 pm", kMdy, -240), 1685670360);
  EXPECT_EQ(parseDateTime("Jun 01, 2023 12:05 am", kMdy, 0), 1685577600 + 5 * kMinute);
  EXPECT_EQ(parseDateTime("Jun 01, 2023 12:05 PM", kMdy, 0), 1685577600 + 12 * kHour + 5 * kMinute);
  EXPECT_EQ(parseDateTime("Jun 01, 2023 9:46 p.m.", kMdy, 0),
            1685577600 + 21 * kHour + 46 * kMinute);
  // Single-campaign report: weekday prefix, 24-hour clock.
  EXPECT_EQ(parseDateTime("Thu, Jun 01, 2023 12:25", kMdy, 0),
            1685577600 + 12 * kHour + 25 * kMinute);
  EXPECT_FALSE(parseDateTime("Jun 01, 2023 13:05 pm", kMdy, 0).has_value());
}

TEST(DateParserTest, MauticNamedZone) {
  // 2024-10-24 = 19723 + 274 + 23 = 20020 → 1 729 728 000; 5:54 pm UTC = 64 440 s.
  const auto value = parseDateTimeCell("October 24, 2024 5:54 pm UTC", kMdy, 120);
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(value->utc, 1729792440);
  EXPECT_TRUE(value->has_zone);
}

TEST(DateParserTest, CalendarDatesInWords) {
  // Google Ads range line forms: 2026-03-27 = 20454 + 31 + 28 + 26 = 20539.
  EXPECT_EQ(parseCivilDate("March 27, 2026", kMdy), (CivilDate{2026, 3, 27}));
  EXPECT_EQ(parseCivilDate("27 January 2026", kMdy), (CivilDate{2026, 1, 27}));
  EXPECT_EQ(parseCivilDate("27 janv. 2026", kMdy), (CivilDate{2026, 1, 27}));
  EXPECT_EQ(parseCivilDate("1 ao\xC3\xBBt 2025", kMdy), (CivilDate{2025, 8, 1}));  // août
  EXPECT_EQ(parseCivilDate("Sept 3, 2025", kMdy), (CivilDate{2025, 9, 3}));
  // French long form with "à": 2026-01-28 14:05 local at UTC+60 = 13:05 UTC.
  EXPECT_EQ(parseDateTime("28 janvier 2026 \xC3\xA0 14:05", kMdy, 60),
            20481 * kDay + 13 * kHour + 5 * kMinute);
  // en-US toLocaleString: "Jan 5, 2026, 3:04:05 PM"; 2026-01-05 = 20454 + 4 = 20458.
  EXPECT_EQ(parseDateTime("Jan 5, 2026, 3:04:05 PM", kMdy, 0),
            20458 * kDay + 15 * kHour + 4 * kMinute + 5);
  // RFC 2822 style with a weekday and day first.
  EXPECT_EQ(parseDateTime("Mon, 26 Apr 2021 12:25:00 +0000", kMdy, 60),
            (18628 + 31 + 28 + 31 + 25) * kDay + 12 * kHour + 25 * kMinute);
  EXPECT_EQ(parseDateTime("March 27, 2026", kMdy, 0), 20539 * kDay);
}

TEST(DateParserTest, DateRanges) {
  // 2026-01-27 = 20454 + 26 = 20480; 2026-02-23 = 20454 + 31 + 22 = 20507.
  using Range = std::pair<model::DayNumber, model::DayNumber>;
  EXPECT_EQ(parseDateRange("27 January 2026 - 23 February 2026"), (Range{20480, 20507}));
  EXPECT_EQ(parseDateRange("March 27, 2026 - April 23, 2026"), (Range{20539, 20539 + 27}));
  // UA preamble: 2015-04-16 = 16436 + 31 + 28 + 31 + 15 = 16541.
  EXPECT_EQ(parseDateRange("20150416-20150416"), (Range{16541, 16541}));
  EXPECT_FALSE(parseDateRange("All time").has_value());
}

TEST(DateParserTest, Yyyymmdd) {
  // GA4: 2026-03-22 = 20454 + 31 + 28 + 21 = 20534.
  EXPECT_EQ(parseCivilDate("20260322", kMdy), (CivilDate{2026, 3, 22}));
  EXPECT_EQ(parseDateTime("20260322", kMdy, 0), 20534 * kDay);
  EXPECT_FALSE(parseCivilDate("20261322", DateColumnFormat{{}, false, NumericDate::kYyyymmdd}));
}

TEST(DateParserTest, SlashDatesFollowTheColumnOrder) {
  const DateColumnFormat dmy{DayOrder::kDayFirst, false, NumericDate::kAuto};
  // 2024-01-31 = 19723 + 30 = 19753.
  EXPECT_EQ(parseDateTime("31/01/2024", dmy, 0), 19753 * kDay);
  EXPECT_EQ(parseDateTime("1/31/2024", kMdy, 0), 19753 * kDay);
  EXPECT_EQ(parseCivilDate("03/04/2026", dmy), (CivilDate{2026, 4, 3}));
  EXPECT_EQ(parseCivilDate("03/04/2026", kMdy), (CivilDate{2026, 3, 4}));
  EXPECT_EQ(parseCivilDate("03.04.2026", dmy), (CivilDate{2026, 4, 3}));
  EXPECT_EQ(parseCivilDate("03/04/26", dmy), (CivilDate{2026, 4, 3}));
  EXPECT_EQ(parseDateTime("31/01/2024 14:05", dmy, 60), 19753 * kDay + 13 * kHour + 5 * kMinute);
  EXPECT_EQ(parseDateTime("1/31/2024 2:05 PM", kMdy, 0), 19753 * kDay + 14 * kHour + 5 * kMinute);
  EXPECT_FALSE(parseDateTime("31/01/2024", kMdy, 0).has_value());  // month 31
}

TEST(DateFormatTest, DayOrderDecidedByTheWholeColumn) {
  using Cells = std::vector<std::string_view>;
  const DateColumnFormat dmy = detectDateFormat(Cells{"03/04/2026", "13/04/2026", ""});
  EXPECT_EQ(dmy.day_order, DayOrder::kDayFirst);
  EXPECT_FALSE(dmy.ambiguous);
  const DateColumnFormat mdy =
      detectDateFormat(Cells{"03/04/2026", "04/13/2026 10:00"}, DayOrder::kDayFirst);
  EXPECT_EQ(mdy.day_order, DayOrder::kMonthFirst);
  EXPECT_FALSE(mdy.ambiguous);
}

TEST(DateFormatTest, AmbiguousColumnFallsBackToTheLocaleAndIsFlagged) {
  using Cells = std::vector<std::string_view>;
  const DateColumnFormat en = detectDateFormat(Cells{"03/04/2026", "05/06/2026"});
  EXPECT_EQ(en.day_order, DayOrder::kMonthFirst);
  EXPECT_TRUE(en.ambiguous);
  const DateColumnFormat fr =
      detectDateFormat(Cells{"03/04/2026", "05/06/2026"}, DayOrder::kDayFirst);
  EXPECT_EQ(fr.day_order, DayOrder::kDayFirst);
  EXPECT_TRUE(fr.ambiguous);
  // Contradictory column (13/01 and 01/13): no order fits every cell.
  const DateColumnFormat mixed = detectDateFormat(Cells{"13/01/2026", "01/13/2026"});
  EXPECT_TRUE(mixed.ambiguous);
  // No NN/NN cell: the order is irrelevant, so nothing is ambiguous.
  const DateColumnFormat iso = detectDateFormat(Cells{"2026-01-03", "Jun 01, 2023 09:46 pm"});
  EXPECT_FALSE(iso.ambiguous);
}

TEST(DateParserTest, ExcelSerials) {
  const DateColumnFormat serials{DayOrder::kMonthFirst, false, NumericDate::kExcelSerial};
  // Day = serial − 25569 for serials ≥ 61 (25569 = 1970-01-01, Excel's counted 1900-02-29).
  // 45000 − 25569 = 19431 = 2023-01-01 (19358) + 73 → 15 March 2023.
  EXPECT_EQ(parseCivilDate("45000", serials), (CivilDate{2023, 3, 15}));
  EXPECT_EQ(parseDateTime("45000.5", serials, 60), 19431 * kDay + 12 * kHour - 3600);
  EXPECT_EQ(parseCivilDate("1", serials), (CivilDate{1900, 1, 1}));
  EXPECT_EQ(parseCivilDate("59", serials), (CivilDate{1900, 2, 28}));
  EXPECT_FALSE(parseCivilDate("60", serials).has_value());  // Excel's fictitious 1900-02-29
  EXPECT_EQ(parseCivilDate("61", serials), (CivilDate{1900, 3, 1}));
  EXPECT_EQ(parseCivilDate("25569", serials), (CivilDate{1970, 1, 1}));
  EXPECT_EQ(parseCivilDate("45000", kMdy), (CivilDate{2023, 3, 15}));  // auto: plausible serial
  EXPECT_FALSE(parseCivilDate("12", kMdy).has_value());  // auto: 1900-01-12 is not plausible
  EXPECT_FALSE(parseCivilDate("1234567", kMdy).has_value());
}

TEST(DateParserTest, EpochNumbersAreUtc) {
  // Matomo sample row: lastActionTimestamp 1262519823 next to lastActionDateTime
  // "2010-01-03 11:57:03": 2010-01-03 = 14610 + 2 = 14612 → 1 262 476 800 + 43 023.
  const auto seconds = parseDateTimeCell("1262519823", kMdy, 60);
  ASSERT_TRUE(seconds.has_value());
  EXPECT_EQ(seconds->utc, 1262519823);
  EXPECT_TRUE(seconds->has_zone);
  EXPECT_EQ(parseDateTime("2010-01-03 11:57:03", kMdy, 0), 1262519823);
  EXPECT_EQ(parseDateTime("1262519823000", kMdy, 60), 1262519823);
  EXPECT_EQ(parseDateTime("1262519823999", kMdy, 60), 1262519823);
}

TEST(DateFormatTest, NumericColumnsAreClassified) {
  using Cells = std::vector<std::string_view>;
  EXPECT_EQ(detectDateFormat(Cells{"20260322", "20260323"}).numeric, NumericDate::kYyyymmdd);
  EXPECT_EQ(detectDateFormat(Cells{"1262519823", "1262519553"}).numeric,
            NumericDate::kEpochSeconds);
  EXPECT_EQ(detectDateFormat(Cells{"1262519823000"}).numeric, NumericDate::kEpochMillis);
  EXPECT_EQ(detectDateFormat(Cells{"45000", "45001.25"}).numeric, NumericDate::kExcelSerial);
  EXPECT_EQ(detectDateFormat(Cells{"2026-01-01"}).numeric, NumericDate::kAuto);
  EXPECT_EQ(detectDateFormat(Cells{"45000", "12"}).numeric, NumericDate::kAuto);
}

TEST(DateParserTest, NotDates) {
  for (const char* cell : {"", "hello", "2026-02-30", "2026-13-01", "31/31/2026",
                           "2026-01-28 25:00", "2026-01-28 12:60", "2026-01-28 12:48 XYZ",
                           "March 32, 2026", "123456789012345", "12:48", "2026-01-28 junk"}) {
    EXPECT_FALSE(parseDateTime(cell, kMdy, 0).has_value()) << cell;
  }
}

}  // namespace
}  // namespace roilens::io
