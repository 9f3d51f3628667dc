#include "roilens/sources/campaign_report.hpp"

#include <array>

#include "roilens/io/date_parser.hpp"
#include "roilens/io/number_parser.hpp"
#include "roilens/sources/label_text.hpp"

namespace roilens::sources {
namespace {

using Stats = model::EmailCampaignStats;

struct CountKey {
  std::string_view key;  // labelKey form, colon included
  std::optional<double> Stats::*member;
};

constexpr std::array<CountKey, 9> kCounts = {{
    {"total recipients:", &Stats::recipients},
    {"successful deliveries:", &Stats::delivered},
    {"recipients who opened:", &Stats::unique_opens},
    {"total opens:", &Stats::total_opens},
    {"recipients who clicked:", &Stats::unique_clicks},
    {"total clicks:", &Stats::total_clicks},
    {"total unsubs:", &Stats::unsubscribes},
    {"total abuse complaints:", &Stats::complaints},
    {"total orders:", &Stats::orders},
}};

std::string unquoted(std::string_view text) {
  text = trimText(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
    text = text.substr(1, text.size() - 2);
  return std::string(text);
}

// "350 (35.18%)" → 350; "1,751" → 1751.
std::optional<double> leadingCount(std::string_view cell) {
  cell = trimText(cell);
  if (const auto paren = cell.find(" ("); paren != std::string_view::npos)
    cell = cell.substr(0, paren);
  const io::NumberCell parsed = io::parseNumber(cell, io::NumberStyle{'.', false});
  if (parsed.kind != io::CellKind::kNumber) return std::nullopt;
  return parsed.number.value;
}

}  // namespace

bool looksLikeCampaignReport(const std::vector<std::string>& lines) {
  if (lines.size() < 2) return false;
  const std::string title = labelKey(unquoted(lines[0]));
  const std::string second = lines[1].substr(0, lines[1].find(','));
  return (title == "email campaign report" || title == "campaign report") &&
         labelKey(unquoted(second)) == "title:";
}

CampaignReportRead readCampaignReport(const std::vector<io::CsvRecord>& records,
                                      int utc_offset_minutes) {
  CampaignReportRead out;
  bool in_clicks_table = false;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const io::CsvRecord& record = records[i];
    ++out.read;
    const std::string key = labelKey(record.fields.front());
    if (i == 0) {
      ++out.skipped["preamble"];  // "Email Campaign Report"
      continue;
    }
    if (record.isBlank()) {
      ++out.skipped["blank"];
      continue;
    }
    if (key == "clicks by url") in_clicks_table = true;
    if (in_clicks_table || record.fields.size() < 2 || !key.ends_with(':')) {
      ++out.skipped[in_clicks_table ? "section" : "heading"];  // "Overall Stats"...
      continue;
    }
    const std::string_view value = trimText(record.fields[1]);
    bool used = true;
    if (key == "title:") {
      out.stats.name = std::string(value);
    } else if (key == "subject line:" || key == "subject:") {
      out.stats.subject = std::string(value);
    } else if (key == "delivery date/time:" || key == "send date:") {
      if (auto at = io::parseDateTime(value, io::DateColumnFormat{}, utc_offset_minutes)) {
        out.stats.sent_at = at;
      } else {
        out.bad_values.push_back({record.line, record.fields.front(), std::string(value)});
        continue;
      }
    } else if (key == "list:" || key == "audience:") {
      out.stats.audience = std::string(value);
    } else {
      used = false;
      bool bad = false;
      for (const CountKey& count : kCounts) {
        if (count.key != key) continue;
        used = true;
        if (auto n = leadingCount(value)) {
          out.stats.*count.member = n;
        } else if (!io::isEmptyMarker(value)) {
          bad = true;
        }
      }
      if (bad) {
        out.bad_values.push_back({record.line, record.fields.front(), std::string(value)});
        continue;
      }
    }
    if (used) {
      ++out.kept;
    } else {
      ++out.skipped["unmapped"];  // "Times Forwarded:", "Last Open Date:"...
    }
  }
  return out;
}

}  // namespace roilens::sources
