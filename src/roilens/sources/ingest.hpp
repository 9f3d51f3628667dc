#pragma once
// Files in, one Dataset out: decoding, sniffing, recognition, mapping, joining, row accounting.
// This is the surface the session (and so the CLI and the wasm bindings) uses.
//
// Where each step lives (all in roilens::sources):
//   file_reader      one file, streamed: bytes → text → preamble/header → records → rows
//   file_signature   which tool exported a file (FORMATS.md §17), preamble and period lines
//   field_catalogue  model fields and header aliases (EN, FR, internal API names)
//   cell_reader      numbers and dates with per-column styles (decided from the first 1,000 rows)
//   record_mapper    one record → one model row, totals/footer rules per tool
//   channel_taxonomy GA4 default channel grouping and every tool's mapping onto it
//   status_vocabulary lifecycle stages, deal and payment statuses
//   dataset_merge    joining files: contacts by id or e-mail, duplicate transactions
//   campaign_report  Mailchimp's key/value single-campaign report
#include <cstddef>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "roilens/core/error.hpp"
#include "roilens/model/dataset.hpp"
#include "roilens/model/store.hpp"
#include "roilens/sources/warning.hpp"

namespace roilens::sources {

struct IngestOptions {
  int utc_offset_minutes = 0;  // the user's time zone; file-local times are converted to UTC
};

// Per-file choices a user can make when recognition is wrong or absent.
struct FileOptions {
  std::optional<std::string> tool;             // force a tool id ("hubspot", "generic", ...)
  std::map<std::string, std::string> columns;  // source header → model field ("Amount" → "amount")
  std::map<std::string, int> column_indexes;  // model field → 1-based column (headerless logs)
  std::optional<std::string> sheet;           // XLSX sheet name
  // The period a file covers when it says none (UA export without its preamble, Google Ads
  // "All time", Matomo single-period export): first and last day, inclusive. Rows of such files
  // are rejected ("no date") unless this is given.
  std::optional<std::pair<model::DayNumber, model::DayNumber>> period;
};

struct Rejection {
  std::size_t line = 0;
  std::string column;
  std::string reason_en;
  std::string reason_fr;
};

// Row accounting: rows_read = rows_kept + rows_rejected + rows_skipped. A "row" is every record
// of the file except the header: preamble lines, blank lines, totals and footers are read and
// skipped (skipped_by_reason tells which); Shopify line-item continuation rows are skipped as
// "line_item"; a row duplicating a transaction already loaded is skipped as "duplicate".
struct FileReport {
  std::string file;
  std::string tool;  // tool id or "unknown"
  double confidence = 0.0;
  std::vector<std::string> tables;  // model tables fed: contacts, touchpoints, traffic, ...
  std::size_t rows_read = 0;        // = kept + rejected + skipped
  std::size_t rows_kept = 0;
  std::size_t rows_rejected = 0;
  std::size_t rows_skipped = 0;                          // preamble, totals
  std::map<std::string, std::size_t> skipped_by_reason;  // "preamble", "totals", "blank", ...
  std::vector<Rejection> rejections;                     // the first ones, with reasons
  std::optional<model::DayNumber> first_day;
  std::optional<model::DayNumber> last_day;
  std::vector<std::string> currencies;
  std::vector<std::string> warnings;     // English
  std::vector<std::string> warnings_fr;  // the same warnings in French, in the same order
  std::vector<std::string> header;
  std::map<std::string, std::string> mapping;  // header cell → model field name it fed
  std::string encoding;                        // "UTF-8", "UTF-16LE", "Windows-1252", "XLSX", ...
  std::string variant;  // what kind of export of that tool: "contacts", "deals", "exploration"...
  // The file could not be read at all (empty, binary, damaged XLSX/JSON), or was not recognised
  // (kUnrecognisedFile: its rows are then read and skipped as "unrecognised").
  std::optional<Error> error;

  void warn(Warning warning) {
    warnings.push_back(std::move(warning.en));
    warnings_fr.push_back(std::move(warning.fr));
  }
};

// The `roilens inspect --format json` entry of one file:
// {"file","tool","confidence","tables","rows":{"read","kept","rejected","skipped"},
//  "rejections":[{"line","column","reason","reason_fr"}],"date_range":{"from","to"} or null,
//  "currency": code, null, or the list when mixed, "warnings":[...]} plus "skipped_detail",
// "encoding", "variant", "header", "mapping" ({header: field}), "warnings_fr" and "error"
// (the error shape of core/error_json.hpp) when set.
nlohmann::json toJson(const FileReport& report);

// One ingest per session. Files are streamed: beginFile, feed any number of chunks, endFile.
// Rows reach dataset() at endFile(), after the duplicate-file check (same bytes as a file already
// loaded → nothing is added, rows skipped as "duplicate_file") and the join of dataset_merge.hpp.
// beginFile() while a file is open ends that file first; endFile() without a file returns an
// empty report. No function throws.
class Ingest {
 public:
  explicit Ingest(IngestOptions options = {});

  void beginFile(std::string name, FileOptions options = {});
  void feed(std::string_view bytes);
  const FileReport& endFile();  // valid until the next endFile()

  // The session's rows, as columns.
  const model::Store& store() const;
  // The same rows as value structs (materialised on first use after a change).
  const model::Dataset& dataset() const;
  const std::vector<FileReport>& files() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace roilens::sources
