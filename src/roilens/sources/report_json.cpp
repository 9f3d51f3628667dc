#include <nlohmann/json.hpp>

#include "roilens/core/error_json.hpp"
#include "roilens/model/time.hpp"
#include "roilens/sources/ingest.hpp"

namespace roilens::sources {

nlohmann::json toJson(const FileReport& report) {
  nlohmann::json out;
  out["file"] = report.file;
  out["tool"] = report.tool;
  out["confidence"] = report.confidence;
  out["tables"] = report.tables;
  out["rows"] = {{"read", report.rows_read},
                 {"kept", report.rows_kept},
                 {"rejected", report.rows_rejected},
                 {"skipped", report.rows_skipped}};
  out["skipped_detail"] = report.skipped_by_reason;
  nlohmann::json rejections = nlohmann::json::array();
  for (const Rejection& r : report.rejections) {
    rejections.push_back(
        {{"line", r.line},
         {"column", r.column.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.column)},
         {"reason", r.reason_en},
         {"reason_fr", r.reason_fr}});
  }
  out["rejections"] = rejections;
  if (report.first_day && report.last_day) {
    out["date_range"] = {{"from", model::isoDate(*report.first_day)},
                         {"to", model::isoDate(*report.last_day)}};
  } else {
    out["date_range"] = nullptr;
  }
  if (report.currencies.empty()) {
    out["currency"] = nullptr;
  } else if (report.currencies.size() == 1) {
    out["currency"] = report.currencies.front();
  } else {
    out["currency"] = report.currencies;
  }
  out["warnings"] = report.warnings;
  out["warnings_fr"] = report.warnings_fr;
  out["encoding"] = report.encoding;
  out["variant"] = report.variant;
  out["header"] = report.header;
  out["mapping"] = report.mapping;
  if (report.error) {
    out["error"] = roilens::toJson(*report.error);
  }
  return out;
}

}  // namespace roilens::sources
