#pragma once
// Mailchimp's single-campaign report (FORMATS.md §10, I [E1]): not a table but "Key:","value"
// lines under section titles, then a "Clicks by URL" table:
//   Email Campaign Report
//   "Title:","Summer Sale Campaign"
//   "Delivery Date/Time:","Mon, Apr 26, 2021 12:25"
//   "Overall Stats"
//   "Recipients Who Opened:","350 (35.18%)"   <- count, then the rate in parentheses
// The whole report is one EmailCampaignStats.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "roilens/io/csv_reader.hpp"
#include "roilens/model/dataset.hpp"

namespace roilens::sources {

// True when the first lines are such a report: a title line, then "Title:" as the first cell.
bool looksLikeCampaignReport(const std::vector<std::string>& first_lines);

struct CampaignReportRead {
  model::EmailCampaignStats stats;
  std::map<std::string, std::size_t> skipped;  // reason → lines
  std::size_t kept = 0;                        // "Key:","value" lines that fed the stats
  std::size_t read = 0;
  struct BadValue {
    std::size_t line;
    std::string key;
    std::string value;
  };
  std::vector<BadValue> bad_values;  // not a number / not a date: rejected lines
};

CampaignReportRead readCampaignReport(const std::vector<io::CsvRecord>& records,
                                      int utc_offset_minutes);

}  // namespace roilens::sources
