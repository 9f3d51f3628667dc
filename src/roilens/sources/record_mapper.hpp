#pragma once
// One data record of a recognised file → one model row (or a reason it was skipped or rejected).
// Tool rules for rows that are not data (FORMATS.md §0 "Totals rows") live here too, so that a
// totals row is never counted as data.
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "roilens/io/csv_reader.hpp"
#include "roilens/model/dataset.hpp"
#include "roilens/model/row_index.hpp"
#include "roilens/model/store.hpp"
#include "roilens/sources/cell_reader.hpp"
#include "roilens/sources/field_catalogue.hpp"
#include "roilens/sources/value_memo.hpp"
#include "roilens/sources/warning.hpp"

namespace roilens::sources {

struct MappingContext {
  std::string file;
  std::string tool;
  Table table = Table::kContacts;
  std::string variant;
  std::optional<std::pair<model::DayNumber, model::DayNumber>> period;  // from the preamble
  int utc_offset_minutes = 0;
};

// Where mapped rows go: a file's staging tables, their strings coded in the session dictionary.
struct RowSink {
  model::Tables& tables;
  model::Dictionary& strings;
  model::FileId file = 0;
};

enum class RowFate { kKept, kRejected, kSkipped };

struct RowOutcome {
  RowFate fate = RowFate::kKept;
  std::string skip_reason;  // "totals", "blank", "footer", "line_item", "no_data", "section"
  std::string column;       // rejected: the column at fault ("" = the row)
  std::string reason_en;    // rejected: full message with line and column
  std::string reason_fr;
  std::optional<model::DayNumber> first_day;  // kept: days the row covers
  std::optional<model::DayNumber> last_day;
  std::set<std::string> currencies;  // kept: currency codes the row carries
};

class RecordMapper {
 public:
  RecordMapper(MappingContext context, ColumnBinding binding, ColumnFormats formats);

  // `line` is the record's physical line in the file (1-based). Appends to `out` when kept.
  RowOutcome map(const io::RecordView& record, std::size_t line, RowSink& out);

  // Warnings gathered while mapping (ragged rows, contradicted formats, unknown channels...).
  std::vector<Warning> warnings() const;

 private:
  std::optional<std::string> skipReason(const io::RecordView& record);
  bool dimensionsEmpty(const io::RecordView& record) const;
  void checkContradiction(const io::RecordView& record, std::size_t line);

  void mapTraffic(CellReader& cells, RowSink& out, RowOutcome& outcome);
  void mapCost(CellReader& cells, RowSink& out, RowOutcome& outcome);
  void mapContact(CellReader& cells, const io::RecordView& record, RowSink& out,
                  RowOutcome& outcome);
  void mapTransaction(CellReader& cells, RowSink& out, RowOutcome& outcome);
  model::TransactionStatus transactionStatus(CellReader& cells, bool deal,
                                             const std::string& stage) const;
  void setTransactionChannel(const CellReader& cells, model::Transaction& row) const;
  void mapEmail(CellReader& cells, RowSink& out, RowOutcome& outcome);
  void mapTouchpoint(CellReader& cells, RowSink& out, RowOutcome& outcome);
  bool touchpointType(CellReader& cells, model::TouchpointType& type);
  void mapPath(CellReader& cells, RowSink& out);
  void mapRfm(CellReader& cells, RowSink& out);

  // The day range a traffic/cost row covers: its own date(s), else the file period.
  std::optional<std::pair<model::DayNumber, model::DayNumber>> rowRange(CellReader& cells);
  std::string trafficChannel(CellReader& cells);
  std::string rowCurrency(const CellReader& cells);
  void appendTraffic(const model::TrafficAgg& row, RowSink& out);

  MappingContext context_;
  ColumnBinding binding_;
  ColumnFormats formats_;
  std::size_t data_rows_seen_ = 0;
  bool in_footer_ = false;
  std::string last_order_name_;
  std::size_t short_rows_ = 0;
  bool dollar_sign_read_ = false;
  std::set<std::string> unknown_channels_;
  // Rows reused from one record to the next (their strings keep their buffers).
  model::Contact contact_row_;
  model::TrafficAgg traffic_row_;
  model::Transaction transaction_row_;
  std::vector<model::Code> header_codes_;  // the header cells as codes, for extra cells
  ValueMemo channel_memo_;  // channel of a label (or source, medium, campaign) seen before
  ValueMemo contact_memo_;  // a contact's channel, campaign and stage read from its labels
  std::set<int> contradicted_columns_;
  model::RowIndex traffic_index_;  // rows of the staged traffic table by range and dimensions
  std::vector<Warning> warnings_;
};

}  // namespace roilens::sources
