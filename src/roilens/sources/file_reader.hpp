#pragma once
// One file, streamed: bytes → text → (preamble, header, recognition) → records → model rows,
// with the row accounting of its FileReport. Rows go to a staging data set that the Ingest joins
// into the session's data set at the end of the file (so that a file dropped twice is detected
// before anything is counted twice).
//
// Buffering: decoded text is held only until the header is found (the first kHeaderLines lines);
// then the first ColumnFormats::kBlockRows data records are held to decide each column's number
// and date style; every later record is mapped as it arrives. XLSX and JSON need the whole file
// (zip directory at the end; JSON documents are parsed whole).
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "roilens/io/csv_reader.hpp"
#include "roilens/io/text_decoder.hpp"
#include "roilens/model/dataset.hpp"
#include "roilens/model/store.hpp"
#include "roilens/sources/file_signature.hpp"
#include "roilens/sources/ingest.hpp"
#include "roilens/sources/record_mapper.hpp"

namespace roilens::sources {

class FileReader : private io::RecordSink {
 public:
  // Rows are staged in tables whose strings are coded in `strings` (the session's dictionary), as
  // coming from `file`.
  FileReader(std::string name, FileOptions options, int utc_offset_minutes,
             model::Dictionary& strings, model::FileId file);
  FileReader(const FileReader&) = delete;  // the sink refers to the staging tables
  FileReader& operator=(const FileReader&) = delete;

  void feed(std::string_view bytes);

  struct Result {
    FileReport report;
    model::Tables staged;
    std::string content_hash;
    std::size_t bytes = 0;
  };
  Result finish();

  static constexpr std::size_t kHeaderLines = 64;
  static constexpr std::size_t kMaxRejectionsListed = 20;
  static constexpr std::size_t kSameReasonListed = 3;

 private:
  enum class Mode { kUndecided, kDelimited, kJson, kXlsx, kFailed };

  void hash(std::string_view bytes);
  void decodeAndFeed(std::string_view bytes);
  void feedText(std::string_view text, bool at_end);
  bool locateHeader(bool at_end);
  void startDelimited(std::size_t header_offset, const std::vector<std::string>& lines);
  void onRecords(std::vector<io::CsvRecord>& records);
  void onRecord(const io::RecordView& record) override;  // from the CSV reader
  void onHeader(const io::CsvRecord& header);
  bool bindColumns(const std::vector<std::string>& header);
  void startMapping();
  void mapRecord(const io::CsvRecord& record);
  void mapRecord(const io::RecordView& record);
  void account(const RowOutcome& outcome, std::size_t line);
  void skip(const std::string& reason, std::size_t rows = 1);
  void listRejection(Rejection rejection);
  void fail(ErrorCode code, std::string en, std::string fr, std::size_t line = 0);
  void finishJson();
  void finishXlsx();
  void finishCampaignReport();
  void summarise();

  std::string name_;
  FileOptions options_;
  int utc_offset_minutes_;
  FileReport report_;
  model::Tables staged_;
  RowSink sink_;
  io::TextDecoder decoder_;
  Mode mode_ = Mode::kUndecided;
  std::uint64_t hash_a_ = 14695981039346656037ull;
  std::uint64_t hash_b_ = 1099511628211ull;
  std::size_t bytes_ = 0;
  std::string pending_text_;       // decoded text before the header is located / whole JSON text
  std::string raw_bytes_;          // whole XLSX file
  std::size_t scanned_bytes_ = 0;  // pending_text_ bytes already searched for line ends
  std::size_t pending_line_ends_ = 0;  // line-end characters seen in pending_text_
  std::optional<io::CsvReader> reader_;
  std::size_t line_offset_ = 0;  // physical lines before the reader's first line
  Preamble preamble_;
  std::vector<std::string> first_lines_;  // raw lines from the header on (for recognition)
  bool first_bytes_examined_ = false;
  bool campaign_report_ = false;  // Mailchimp single-campaign key/value report
  std::vector<io::CsvRecord> campaign_records_;
  bool header_seen_ = false;
  bool headerless_ = false;
  bool unrecognised_ = false;
  Recognition recognition_;
  ColumnBinding binding_;
  std::vector<io::CsvRecord> block_;
  std::optional<RecordMapper> mapper_;
  std::set<std::string> currencies_;
  struct SameReason {
    std::size_t count = 0;
    std::string reason_fr;
  };
  std::map<std::string, SameReason> rejection_reasons_;  // EN reason without its line → rows
  char fallback_decimal_ = '.';
};

}  // namespace roilens::sources
