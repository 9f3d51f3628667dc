#pragma once
// A tiny independent reader for the CDNOW reference files of ../shared/datasets/cdnow (test only).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace roilens::clv::testing {

inline std::filesystem::path cdnowDir() {
  return std::filesystem::path(ROILENS_SHARED_DIR) / "datasets" / "cdnow";
}
inline bool haveCdnow() { return std::filesystem::exists(cdnowDir() / "CDNOW_sample.txt"); }

// One row of cdnow_customers_summary*.csv: ID, x, t_x, T[, zbar].
struct SummaryRow {
  int id = 0;
  double x = 0, t_x = 0, T = 0, zbar = 0;
};

inline std::vector<SummaryRow> readSummary(const std::string& file) {
  std::ifstream in(cdnowDir() / file);
  std::string line;
  std::getline(in, line);  // header
  std::vector<SummaryRow> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream cells(line);
    SummaryRow row;
    cells >> row.id >> row.x >> row.t_x >> row.T;
    if (!(cells >> row.zbar)) row.zbar = 0.0;
    rows.push_back(row);
  }
  return rows;
}

// One record of CDNOW_sample.txt: master id, sample id, yyyymmdd, CDs, dollars.
struct LogRow {
  std::string sample_id;
  int year = 0, month = 0, day = 0;
  double dollars = 0.0;
};

inline std::vector<LogRow> readLog() {
  std::ifstream in(cdnowDir() / "CDNOW_sample.txt");
  std::vector<LogRow> rows;
  std::string master, sample, date;
  int cds = 0;
  double dollars = 0.0;
  while (in >> master >> sample >> date >> cds >> dollars) {
    rows.push_back({std::to_string(std::stoi(sample)), std::stoi(date.substr(0, 4)),
                    std::stoi(date.substr(4, 2)), std::stoi(date.substr(6, 2)), dollars});
  }
  return rows;
}

}  // namespace roilens::clv::testing
