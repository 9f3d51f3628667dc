#pragma once
// The customers analyse() models, from either input: a transaction log (through buildRfm) or an
// RFM summary file (checked row by row against the model's definitions).
#include <optional>
#include <string>
#include <vector>

#include "roilens/clv/bgnbd.hpp"
#include "roilens/clv/rfm.hpp"
#include "roilens/core/error.hpp"
#include "roilens/model/dataset.hpp"

namespace roilens::clv {

// One modelled customer: calibration history, mean repeat spend, holdout count when known.
struct CustomerRow {
  std::string customer;
  RepeatHistory history;
  double monetary_value = 0.0;
  std::optional<double> holdout_frequency;
};

// kBadValue with the row's file, line and column when a row is impossible (x < 0, t_x outside
// [0, T], t_x != 0 with x = 0, negative spend, not a number).
Result<std::vector<CustomerRow>> rowsFromSummary(const std::vector<model::RfmSummary>& summary);

std::vector<CustomerRow> rowsFromTable(const RfmTable& table);

}  // namespace roilens::clv
