#pragma once
// The report: every catalogue KPI over the requested periods and slices, with missing inputs,
// rankings, stage velocity, goals, the reporting cadence, trends and A/B tests, as JSON
// (schema: docs/report-schema.md, schema_version 1.0).
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "roilens/core/error.hpp"
#include "roilens/metrics/engine.hpp"
#include "roilens/metrics/period.hpp"
#include "roilens/model/dataset.hpp"

namespace roilens::report {

inline constexpr const char* kSchemaVersion = "1.0";

struct GoalSpec {
  std::string kpi;
  metrics::DimensionFilter dimensions;
  std::string period;  // a period label: "2025-03", "2025-W09", "2025-Q1", "2025", "a..b", "all"
  double target = 0.0;
};

struct AbTestSpec {
  std::string kpi;  // a ratio KPI; "conversion" picks form_fill_rate (landing page) or
                    // cta_click_rate (CTA)
  metrics::Dimension dimension = metrics::Dimension::kLandingPage;
  std::string a;
  std::string b;
};

// One value to trace back to the records that fed it.
struct ExplainSpec {
  std::string kpi;
  std::string period;  // a period label or "all"
  metrics::DimensionFilter dimensions;
};

struct ReportOptions {
  std::optional<metrics::Grain> grain;  // month when neither grain nor from/to is given
  std::optional<model::DayNumber> from;
  std::optional<model::DayNumber> to;
  std::vector<metrics::Dimension> by;
  metrics::DimensionFilter filters;
  int utc_offset_minutes = 0;
  std::vector<std::string> kpis;  // empty: every catalogue entry
  std::vector<GoalSpec> goals;
  std::optional<model::DayNumber> cadence_start;
  std::vector<AbTestSpec> ab_tests;
  bool compare = true;  // trends against the previous period and the year before
  std::optional<ExplainSpec> explain;
};

Result<ReportOptions> parseReportOptions(const nlohmann::json& options);
nlohmann::json toJson(const ReportOptions& options);

nlohmann::json buildReport(const model::Dataset& data, const ReportOptions& options);

// One JSON object per line and value:
// {"kpi","period","dimensions","value","numerator","denominator"}.
void writeJsonl(const nlohmann::json& report, std::ostream& out);
// A readable text table per period (labels in French when `french`).
void writeTable(const nlohmann::json& report, std::ostream& out, bool french = false);

}  // namespace roilens::report
