#pragma once
// The CLV analysis the session, CLI and page call: options in, one JSON document out.
// Method, units and schema: docs/clv.md.
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "roilens/clv/rfm.hpp"
#include "roilens/core/error.hpp"
#include "roilens/model/dataset.hpp"

namespace roilens::clv {

struct ClvOptions {
  TimeUnit unit = TimeUnit::kWeek;  // for an RFM summary file: the unit of its recency and T
  std::optional<model::DayNumber> calibration_end;  // inclusive; later purchases = holdout
  int horizon_months = 12;
  double discount = 0.01;        // monthly discount rate
  double penalizer = 0.0;        // L2 penalty of both fits
  std::optional<double> margin;  // gross margin rate in (0, 1] for the margin variants
  // Data units per month; default unitsPerMonth(unit). Set 30 on weekly data to reproduce
  // lifetimes' default (freq="D"), see docs/clv.md.
  std::optional<double> units_per_month;
  // The user's time zone (minutes east of UTC): purchases are grouped by the user's calendar day
  // and calibration_end is a date of that calendar. The session sets it.
  int utc_offset_minutes = 0;
};

// Keys: unit ("day"|"week"|"month"), calibration_end ("YYYY-MM-DD"), horizon_months (1..600),
// discount (0 <= d < 1), penalizer (>= 0), margin (0 < m <= 1), units_per_month (> 0),
// utc_offset_minutes (-1440..1440). Whole-number options accept 12.0 (command lines send doubles).
// Unknown keys and bad values give kInvalidArgument naming the key.
Result<ClvOptions> parseClvOptions(const nlohmann::json& options);

// Uses dataset.transactions when present (plus contacts and costs for channels and CAC), else
// dataset.rfm. Bad input gives an Error; a model that cannot be fitted does not: its part of the
// document is null and "model_error" says why, the rest (historical, cohorts) is still there.
Result<nlohmann::json> analyse(const model::Dataset& dataset, const ClvOptions& options);

// A plain-text report of analyse()'s document (labels in French when `french`).
void writeTable(const nlohmann::json& analysis, std::ostream& out, bool french = false);

}  // namespace roilens::clv
