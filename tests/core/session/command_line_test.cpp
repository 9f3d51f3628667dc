// The shared command line, natively, on the hand-made funnel fixture (tests/fixtures/funnel).
#include "roilens/session/command_line.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace roilens {
namespace {

const std::string kFunnel = std::string(ROILENS_FIXTURES_DIR) + "/../../fixtures/funnel/";
const std::string kContacts = kFunnel + "hubspot-crm-exports-contacts-2025-03-01.csv";
const std::string kTraffic = kFunnel + "Traffic_acquisition_Session_primary_channel_group_Date.csv";

struct CliRun {
  int code = 0;
  std::string out;
  std::string err;
};

// Reads from disk in 5-byte chunks, to exercise streaming through the whole stack.
CliRun run(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const FileReader reader = [](const std::string& path, const ChunkSink& sink) -> std::optional<Error> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{ErrorCode::kUnreadableFile, "cannot open the file", "", {path, 0, ""}};
    char buffer[5];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      sink(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
    }
    return std::nullopt;
  };
  const int code = runCommandLine(args, {reader, out, err});
  return {code, out.str(), err.str()};
}

// kpi|period|channel → value (null as NaN-free optional)
std::map<std::string, nlohmann::json> jsonlValues(const std::string& text) {
  std::map<std::string, nlohmann::json> values;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const auto v = nlohmann::json::parse(line);
    const std::string channel = v["dimensions"].value("channel", "");
    values[v["kpi"].get<std::string>() + "|" + v["period"].get<std::string>() + "|" + channel] = v;
  }
  return values;
}

TEST(CommandLine, ReportJsonlGivesHandCountedFunnelPerMonth) {
  const CliRun r = run({"report", kContacts, kTraffic, "--format", "jsonl", "--grain", "month"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto values = jsonlValues(r.out);
  // February, all channels: users 140 + 60 + 25 = 225; leads (contacts 4, 5, 6) = 3.
  EXPECT_EQ(values.at("visitors|2025-02|")["value"], 225);
  EXPECT_EQ(values.at("leads|2025-02|")["value"], 3);
  EXPECT_NEAR(values.at("lead_conversion_rate|2025-02|")["value"].get<double>(), 3.0 / 225 * 100, 1e-12);
  EXPECT_EQ(values.at("lead_conversion_rate|2025-02|")["numerator"], 3);
  EXPECT_EQ(values.at("lead_conversion_rate|2025-02|")["denominator"], 225);
  // January: MQLs (contacts 1, 3) = 2, SQLs (contact 3) = 1 → 50 %.
  EXPECT_DOUBLE_EQ(values.at("mql_to_sql_rate|2025-01|")["value"].get<double>(), 50.0);
}

TEST(CommandLine, ZeroDenominatorIsNullInJsonl) {
  const CliRun r = run({"report", kContacts, kTraffic, "--format", "jsonl", "--by", "channel"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto values = jsonlValues(r.out);
  // Paid Search, February: no MQL that month → mql_to_sql_rate = 0 / 0 → null.
  EXPECT_TRUE(values.at("mql_to_sql_rate|2025-02|Paid Search")["value"].is_null());
}

TEST(CommandLine, MissingFileNamesThePath) {
  const CliRun r = run({"report", "/nonexistent/contacts.csv"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("/nonexistent/contacts.csv"), std::string::npos);
  EXPECT_NE(r.err.find("cannot open"), std::string::npos);
}

TEST(CommandLine, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run({}).code, 2);
  EXPECT_EQ(run({"frobnicate"}).code, 2);
  EXPECT_EQ(run({"report", kContacts, "--no-such-option"}).code, 2);
  EXPECT_EQ(run({"--help"}).code, 0);
}

TEST(CommandLine, InspectJsonAccountsForEveryRow) {
  const CliRun r = run({"inspect", kContacts, kTraffic, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto files = nlohmann::json::parse(r.out)["files"];
  ASSERT_EQ(files.size(), 2u);
  // Contacts: 8 data rows under the header. Traffic: 9 preamble lines, header, 6 rows.
  EXPECT_EQ(files[0]["tool"], "hubspot");
  EXPECT_EQ(files[0]["rows"]["kept"], 8);
  EXPECT_EQ(files[1]["tool"], "ga4");
  EXPECT_EQ(files[1]["rows"]["kept"], 6);
  for (const auto& f : files) {
    EXPECT_EQ(f["rows"]["read"].get<int>(),
              f["rows"]["kept"].get<int>() + f["rows"]["rejected"].get<int>() +
                  f["rows"]["skipped"].get<int>());
  }
}

}  // namespace
}  // namespace roilens

namespace roilens {
namespace {

const std::string kAllTime =
    std::string(ROILENS_FIXTURES_DIR) + "/../../fixtures/costs/google_ads_all_time.csv";

TEST(CommandLine, PeriodOptionDatesAFileThatSaysNone) {
  // "All time" names no dates: its 2 campaign rows cannot be placed until --period is given.
  const CliRun without = run({"inspect", kAllTime, "--format", "json"});
  ASSERT_EQ(without.code, 0) << without.err;
  EXPECT_EQ(nlohmann::json::parse(without.out)["files"][0]["rows"]["kept"], 0);

  const CliRun with = run({"inspect", kAllTime, "--format", "json", "--period", "2025-01-01..2025-03-31"});
  ASSERT_EQ(with.code, 0) << with.err;
  const auto file = nlohmann::json::parse(with.out)["files"][0];
  EXPECT_EQ(file["tool"], "google_ads");
  // Read: 2 title lines + 2 campaigns + 1 "Total:" row (the header is not a row) = 5.
  EXPECT_EQ(file["rows"]["read"], 5);
  EXPECT_EQ(file["rows"]["kept"], 2);
  EXPECT_EQ(file["rows"]["skipped"], 3);
  EXPECT_EQ(file["date_range"]["from"], "2025-01-01");
  EXPECT_EQ(file["date_range"]["to"], "2025-03-31");
}

TEST(CommandLine, MalformedPeriodIsRefused) {
  const CliRun r = run({"inspect", kAllTime, "--period", "2025-03-31..2025-01-01"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("period"), std::string::npos);
}

}  // namespace
}  // namespace roilens

namespace roilens {
namespace {

TEST(CommandLine, CountsHaveNoHolesAcrossSlices) {
  // With a breakdown, a channel shown by any KPI gets a value for every funnel count in every
  // period (0 when nothing happened), so tables have no holes.
  const std::string dir = ROILENS_SAMPLES_DIR;
  const CliRun r = run({"report", dir + "/hubspot-crm-exports-all-contacts-2025-04-01.csv",
                        dir + "/Traffic_acquisition_Session_primary_channel_group_(Default_Channel_Group).csv",
                        "--format", "jsonl", "--by", "channel"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::set<std::string> channels;
  std::set<std::string> periods;
  std::set<std::string> present;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const auto v = nlohmann::json::parse(line);
    if (!v["dimensions"].contains("channel") || v["dimensions"].size() != 1) continue;
    channels.insert(v["dimensions"]["channel"].get<std::string>());
    periods.insert(v["period"].get<std::string>());
    present.insert(v["kpi"].get<std::string>() + "|" + v["period"].get<std::string>() + "|" +
                   v["dimensions"]["channel"].get<std::string>());
  }
  ASSERT_GE(channels.size(), 3u);
  for (const char* kpi : {"leads", "mqls", "sqls", "customers", "visitors"}) {
    for (const auto& period : periods) {
      for (const auto& channel : channels) {
        EXPECT_TRUE(present.count(std::string(kpi) + "|" + period + "|" + channel))
            << kpi << " " << period << " " << channel;
      }
    }
  }
}

}  // namespace
}  // namespace roilens

namespace roilens {
namespace {

TEST(CommandLine, TrendHasNoPreviousValueBeforeTheData) {
  const CliRun r = run({"report", kContacts, kTraffic, "--format", "json", "--grain", "month"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  std::map<std::string, nlohmann::json> leads;
  for (const auto& t : report["trends"]) {
    if (t["kpi"] == "leads" && t["dimensions"].empty()) leads[t["period"].get<std::string>()] = t;
  }
  // December 2024 is before the first dated record: no value, not 0 leads.
  EXPECT_TRUE(leads.at("2025-01")["previous"].is_null());
  // February vs January: 3 leads against 4 → (3 − 4) / 4 × 100 = −25 %.
  EXPECT_EQ(leads.at("2025-02")["previous"], 4);
  EXPECT_DOUBLE_EQ(leads.at("2025-02")["previous_change"].get<double>(), -25.0);
}

}  // namespace
}  // namespace roilens
