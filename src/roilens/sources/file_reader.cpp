#include "roilens/sources/file_reader.hpp"

#include <algorithm>
#include <cstdio>

#include "roilens/io/dialect_sniffer.hpp"
#include "roilens/io/json_records.hpp"
#include "roilens/io/xlsx_reader.hpp"
#include "roilens/sources/campaign_report.hpp"
#include "roilens/sources/header_binding.hpp"
#include "roilens/sources/label_text.hpp"

namespace roilens::sources {
namespace {

constexpr std::size_t kSniffSampleBytes = std::size_t{64} * 1024;
constexpr std::size_t kMaxPreambleBytes = std::size_t{1024} * 1024;

struct LineSplit {
  std::vector<std::string> lines;
  std::vector<std::size_t> offsets;  // byte offset of each line in the text
  bool last_complete = false;        // the text ends with a line end
};

LineSplit splitLines(std::string_view text, std::size_t max_lines) {
  LineSplit out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size() && out.lines.size() < max_lines; ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    out.lines.emplace_back(text.substr(start, i - start));
    out.offsets.push_back(start);
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  out.last_complete = start >= text.size();
  if (!out.last_complete && out.lines.size() < max_lines) {
    out.lines.emplace_back(text.substr(start));
    out.offsets.push_back(start);
  }
  return out;
}

std::string hex(std::uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

bool allBlank(std::string_view text) { return trimText(text).empty(); }

// A first line such as "[Campaign],Cost,Clicks": cells and no "key": value pair, so not JSON.
bool looksLikeDelimitedHeader(std::string_view text) {
  const std::string_view first = text.substr(0, text.find_first_of("\r\n"));
  const bool has_delimiter = first.find_first_of(",;\t") != std::string_view::npos;
  return has_delimiter && first.find("\":") == std::string_view::npos &&
         first.find("\" :") == std::string_view::npos;
}

}  // namespace

FileReader::FileReader(std::string name, FileOptions options, int utc_offset_minutes,
                       model::Dictionary& strings, model::FileId file)
    : name_(std::move(name)),
      options_(std::move(options)),
      utc_offset_minutes_(utc_offset_minutes),
      sink_{staged_, strings, file} {
  report_.file = name_;
  report_.tool = "unknown";
}

void FileReader::fail(ErrorCode code, std::string en, std::string fr, std::size_t line) {
  if (report_.error) return;
  report_.error = Error{code, std::move(en), std::move(fr), Position{name_, line, ""}};
  if (code != ErrorCode::kUnrecognisedFile) mode_ = Mode::kFailed;
}

void FileReader::feed(std::string_view bytes) {
  content_hash_.feed(bytes);
  bytes_ += bytes.size();
  if (mode_ == Mode::kFailed) return;
  if (mode_ == Mode::kXlsx) {
    raw_bytes_.append(bytes);
    return;
  }
  if (!first_bytes_examined_) {
    raw_bytes_.append(bytes);  // hold the first 4 bytes: a ZIP (XLSX) signature decides the path
    if (raw_bytes_.size() < 4) return;
    first_bytes_examined_ = true;
    if (io::looksLikeZip(raw_bytes_)) {
      mode_ = Mode::kXlsx;
      return;
    }
    if (raw_bytes_.starts_with("\xD0\xCF\x11\xE0")) {  // OLE2: a legacy .xls workbook
      fail(ErrorCode::kUnreadableFile,
           "this is a legacy Excel .xls workbook: save it as .xlsx or CSV and drop it again",
           "c'est un classeur Excel .xls ancien : enregistrez-le en .xlsx ou en CSV puis "
           "déposez-le à nouveau");
      return;
    }
    const std::string held = std::move(raw_bytes_);
    raw_bytes_.clear();
    decodeAndFeed(held);
    return;
  }
  decodeAndFeed(bytes);
}

void FileReader::decodeAndFeed(std::string_view bytes) {
  const std::string_view text = decoder_.decode(bytes, decoded_);
  if (decoder_.looksBinary()) {
    fail(ErrorCode::kUnreadableFile,
         "this is not a text file (binary data): export the report as CSV, XLSX or JSON",
         "ce n'est pas un fichier texte (données binaires) : exportez le rapport en CSV, XLSX ou "
         "JSON");
    return;
  }
  feedText(text, false);
}

void FileReader::feedText(std::string_view text, bool at_end) {
  if (mode_ == Mode::kFailed) return;
  if (mode_ == Mode::kJson || !reader_) {
    pending_text_.append(text);
    if (mode_ == Mode::kUndecided) {
      const std::string_view start = trimText(pending_text_);
      if (start.empty() && !at_end) return;
      const bool json = !start.empty() && (start.front() == '{' || start.front() == '[');
      mode_ = json ? Mode::kJson : Mode::kDelimited;
    }
    if (mode_ == Mode::kDelimited) locateHeader(at_end);
    return;
  }
  reader_->feed(text, *this);
}

bool FileReader::locateHeader(bool at_end) {
  // Keep buffering until kHeaderLines line ends (the header may follow a long title block); the
  // line ends are counted incrementally so that tiny chunks do not rescan the buffer.
  for (std::size_t i = scanned_bytes_;
       i < pending_text_.size() && pending_line_ends_ <= kHeaderLines; ++i) {
    if (pending_text_[i] == '\n' || pending_text_[i] == '\r') ++pending_line_ends_;
  }
  scanned_bytes_ = pending_text_.size();
  if (!at_end && pending_line_ends_ <= kHeaderLines && pending_text_.size() < kMaxPreambleBytes) {
    return false;
  }
  const LineSplit split = splitLines(pending_text_, kHeaderLines);
  if (allBlank(pending_text_)) {
    fail(ErrorCode::kUnreadableFile, "the file is empty", "le fichier est vide");
    return false;
  }
  headerless_ = !options_.column_indexes.empty();
  if (!headerless_ && !options_.tool && looksLikeCampaignReport(split.lines)) {
    // Key/value lines, not a table: every record is kept for finishCampaignReport().
    campaign_report_ = true;
    header_seen_ = true;
    recognition_ = Recognition{"mailchimp", Table::kEmails, 0.9, "campaign_report"};
    report_.tool = recognition_.tool;
    report_.confidence = recognition_.confidence;
    report_.variant = recognition_.variant;
    reader_.emplace(io::CsvDialect{});
    const std::string text = std::move(pending_text_);
    pending_text_.clear();
    reader_->feed(text, *this);
    return true;
  }
  if (!headerless_) preamble_ = locatePreamble(split.lines);
  const std::size_t header_index = preamble_.header_index;
  if (header_index >= split.lines.size()) {
    fail(ErrorCode::kUnreadableFile, "no table found after the report's title lines",
         "aucun tableau après les lignes de titre du rapport");
    return false;
  }
  skip("preamble", header_index);
  line_offset_ = header_index;
  startDelimited(split.offsets[header_index], split.lines);
  return true;
}

void FileReader::startDelimited(std::size_t header_offset, const std::vector<std::string>& lines) {
  const std::string text = pending_text_.substr(header_offset);
  pending_text_.clear();
  pending_text_.shrink_to_fit();
  const io::CsvDialect dialect =
      io::sniffDialect(std::string_view(text).substr(0, kSniffSampleBytes));
  reader_.emplace(dialect);
  first_lines_.assign(
      lines.begin() + static_cast<long>(preamble_.header_index),
      lines.begin() + static_cast<long>(std::min(lines.size(), preamble_.header_index + 8)));
  if (dialect.delimiter == ';') fallback_decimal_ = ',';  // a European re-save (FORMATS §0b)
  if (headerless_) {
    header_seen_ = true;
    std::vector<std::string> names;
    std::size_t columns = 0;
    for (const auto& [field, index] : options_.column_indexes) {
      columns = std::max(columns, static_cast<std::size_t>(std::max(index, 0)));
    }
    for (std::size_t i = 1; i <= columns; ++i) names.push_back("column " + std::to_string(i));
    bindColumns(names);
    report_.tool = recognition_.tool;
    report_.confidence = recognition_.confidence;
    report_.variant = recognition_.variant;
  }
  reader_->feed(text, *this);
}

void FileReader::onRecords(std::vector<io::CsvRecord>& records) {
  for (io::CsvRecord& record : records) {
    if (mode_ == Mode::kFailed) return;
    if (!header_seen_) {
      onHeader(record);
    } else {
      mapRecord(record);
    }
  }
}

void FileReader::onRecord(const io::RecordView& record) {
  if (mode_ == Mode::kFailed) return;
  if (!header_seen_ || campaign_report_ || !mapper_) {
    io::CsvRecord owned{{record.fields.begin(), record.fields.end()}, record.line, record.end_line};
    if (!header_seen_) {
      onHeader(owned);
    } else {
      mapRecord(owned);
    }
    return;
  }
  mapRecord(record);
}

void FileReader::onHeader(const io::CsvRecord& record) {
  header_seen_ = true;
  std::vector<std::string> header;
  for (const std::string& cell : record.fields) header.emplace_back(trimText(cell));
  if (!header.empty() && header.front().starts_with("\xEF\xBB\xBF")) header.front().erase(0, 3);
  report_.header = header;
  const std::vector<std::string> following(first_lines_.begin() + (first_lines_.empty() ? 0 : 1),
                                           first_lines_.end());
  const std::string raw_header = first_lines_.empty() ? std::string() : first_lines_.front();
  const SignatureInput input{preamble_, header, raw_header, following, decoder_.encoding()};
  if (options_.tool) {
    if (!isKnownTool(*options_.tool)) {
      fail(ErrorCode::kInvalidArgument, "unknown tool id '" + *options_.tool + "'",
           "outil inconnu '" + *options_.tool + "'");
      return;
    }
    recognition_ = recogniseAs(*options_.tool, input);
  } else if (!options_.columns.empty()) {
    recognition_ = Recognition{"generic", Table::kContacts, 1.0, "manual"};
  } else {
    recognition_ = recognise(input);
  }
  bindColumns(header);
  if (recognition_.tool.empty()) {
    unrecognised_ = true;
    fail(ErrorCode::kUnrecognisedFile,
         "file not recognised: no known tool export and too few columns named like roilens "
         "fields; choose the tool or map the columns",
         "fichier non reconnu : ni export d'un outil connu, ni assez de colonnes nommées comme "
         "les champs de roilens ; choisissez l'outil ou associez les colonnes",
         record.line + line_offset_);
    return;
  }
  report_.tool = recognition_.tool;
  report_.confidence = recognition_.confidence;
  report_.variant = recognition_.variant;
  const bool has_period = preamble_.period.has_value() || options_.period.has_value();
  for (Warning& warning : missingColumnWarnings(recognition_, binding_, has_period)) {
    report_.warn(std::move(warning));
  }
}

bool FileReader::bindColumns(const std::vector<std::string>& header) {
  HeaderBinding bound = bindHeader(header, recognition_, options_);
  binding_ = std::move(bound.binding);
  if (bound.manual_recognition) recognition_ = *bound.manual_recognition;
  for (Warning& warning : bound.warnings) report_.warn(std::move(warning));
  return !binding_.boundFields().empty();
}

void FileReader::mapRecord(const io::CsvRecord& record) {
  if (campaign_report_) {
    campaign_records_.push_back(record);  // a report of a few dozen lines
    return;
  }
  if (unrecognised_) {
    skip("unrecognised");
    return;
  }
  if (!mapper_) {
    block_.push_back(record);
    if (block_.size() >= ColumnFormats::kBlockRows) startMapping();
    return;
  }
  mapRecord(io::OwnedRecordView(record).view());
}

void FileReader::mapRecord(const io::RecordView& record) {
  if (unrecognised_) {
    skip("unrecognised");
    return;
  }
  const std::size_t line = record.line + line_offset_;
  account(mapper_->map(record, line, sink_), line);
}

void FileReader::startMapping() {
  if (mapper_ || unrecognised_ || !header_seen_) return;
  ColumnFormats formats;
  const io::DayOrder fallback_order =
      fallback_decimal_ == ',' ? io::DayOrder::kDayFirst : io::DayOrder::kMonthFirst;
  std::vector<Warning> format_warnings;
  formats.decide(binding_, block_, fallback_decimal_, fallback_order, format_warnings);
  for (Warning& warning : format_warnings) report_.warn(std::move(warning));
  MappingContext context;
  context.file = name_;
  context.tool = recognition_.tool;
  context.table = recognition_.table;
  context.variant = recognition_.variant;
  context.period = preamble_.period ? preamble_.period : options_.period;
  // Matomo visit logs and Mautic database values are UTC (FORMATS §2, §5).
  const bool utc_tool = recognition_.tool == "matomo" || recognition_.tool == "mautic";
  context.utc_offset_minutes = utc_tool ? 0 : utc_offset_minutes_;
  mapper_.emplace(std::move(context), binding_, std::move(formats));
  std::vector<io::CsvRecord> block = std::move(block_);
  block_.clear();
  for (const io::CsvRecord& record : block) mapRecord(record);
}

void FileReader::skip(const std::string& reason, std::size_t rows) {
  if (rows == 0) return;
  report_.rows_read += rows;
  report_.rows_skipped += rows;
  report_.skipped_by_reason[reason] += rows;
}

void FileReader::account(const RowOutcome& outcome, std::size_t line) {
  switch (outcome.fate) {
    case RowFate::kSkipped:
      skip(outcome.skip_reason);
      return;
    case RowFate::kRejected:
      ++report_.rows_read;
      ++report_.rows_rejected;
      listRejection(Rejection{line, outcome.column, outcome.reason_en, outcome.reason_fr});
      return;
    case RowFate::kKept:
      ++report_.rows_read;
      ++report_.rows_kept;
      if (outcome.first_day) {
        report_.first_day = report_.first_day ? std::min(*report_.first_day, *outcome.first_day)
                                              : *outcome.first_day;
      }
      if (outcome.last_day) {
        report_.last_day =
            report_.last_day ? std::max(*report_.last_day, *outcome.last_day) : *outcome.last_day;
      }
      currencies_.insert(outcome.currencies.begin(), outcome.currencies.end());
      return;
  }
}

void FileReader::listRejection(Rejection rejection) {
  // The same reason on many rows (a file-level cause such as "no date") is listed a few times,
  // then summed up in a warning, so that the first positions of other reasons stay visible.
  const std::string line_text = "line " + groupedLine(rejection.line);
  const std::size_t at = rejection.reason_en.find(line_text);
  const std::string reason = at == std::string::npos
                                 ? rejection.reason_en
                                 : rejection.reason_en.substr(at + line_text.size());
  const std::string line_fr = "ligne " + groupedLine(rejection.line);
  const std::size_t at_fr = rejection.reason_fr.find(line_fr);
  SameReason& same = rejection_reasons_[reason];
  if (same.count++ == 0) {
    same.reason_fr = at_fr == std::string::npos
                         ? rejection.reason_fr
                         : rejection.reason_fr.substr(at_fr + line_fr.size());
  }
  if (same.count <= kSameReasonListed && report_.rejections.size() < kMaxRejectionsListed) {
    report_.rejections.push_back(std::move(rejection));
  }
}

void FileReader::finishCampaignReport() {
  CampaignReportRead read = readCampaignReport(campaign_records_, utc_offset_minutes_);
  campaign_records_.clear();
  for (const auto& [reason, lines] : read.skipped) skip(reason, lines);
  for (const CampaignReportRead::BadValue& bad : read.bad_values) {
    ++report_.rows_read;
    ++report_.rows_rejected;
    const std::string line = groupedLine(bad.line);
    listRejection(Rejection{bad.line, bad.key,
                            "line " + line + ", column '" + bad.key + "': '" + bad.value +
                                "' is not a number or a date",
                            "ligne " + line + ", colonne '" + bad.key + "' : '" + bad.value +
                                "' n'est ni un nombre ni une date"});
  }
  report_.rows_read += read.kept;
  report_.rows_kept += read.kept;
  if (read.kept == 0) return;
  read.stats.origin = model::Origin{"mailchimp", name_, 1};
  if (read.stats.sent_at) {
    const model::DayNumber day = model::localDay(*read.stats.sent_at, utc_offset_minutes_);
    report_.first_day = day;
    report_.last_day = day;
  }
  staged_.emails.append(read.stats, sink_.file, sink_.strings);
}

void FileReader::finishJson() {
  auto parsed = io::readJsonOrNdjson(pending_text_);
  if (!parsed.ok() && looksLikeDelimitedHeader(pending_text_)) {
    mode_ = Mode::kDelimited;  // "[Campaign],Cost": a CSV whose first cell starts with '['
    locateHeader(true);
    return;
  }
  pending_text_.clear();
  if (!parsed.ok()) {
    Error error = parsed.error();
    fail(error.code, error.message_en, error.message_fr, error.position.line);
    return;
  }
  io::JsonRecords& json = parsed.value();
  if (json.records.empty()) {
    fail(ErrorCode::kUnreadableFile, "the JSON holds no list of records",
         "le JSON ne contient aucune liste d'enregistrements");
    return;
  }
  first_lines_.clear();
  onHeader(json.records.front());
  for (std::size_t i = 1; i < json.records.size() && mode_ != Mode::kFailed; ++i) {
    mapRecord(json.records[i]);
  }
  for (const Error& line_error : json.line_errors) {
    ++report_.rows_read;
    ++report_.rows_rejected;
    if (report_.rejections.size() < kMaxRejectionsListed) {
      report_.rejections.push_back(
          Rejection{line_error.position.line, "", line_error.describe(), line_error.describeFr()});
    }
  }
}

void FileReader::finishXlsx() {
  auto rows = io::readXlsx(raw_bytes_, options_.sheet);
  raw_bytes_.clear();
  raw_bytes_.shrink_to_fit();
  report_.encoding = "XLSX";
  if (!rows.ok()) {
    const Error& error = rows.error();
    fail(error.code, error.message_en, error.message_fr, error.position.line);
    return;
  }
  std::vector<io::CsvRecord>& records = rows.value();
  // Title rows above the table (Google Ads, LinkedIn) are found as in text files, from the
  // cells joined back into lines.
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < records.size() && i < kHeaderLines; ++i) {
    std::string line;
    for (std::size_t c = 0; c < records[i].fields.size(); ++c) {
      if (c > 0) line += ',';
      line += records[i].fields[c];
    }
    lines.push_back(line);
  }
  headerless_ = !options_.column_indexes.empty();
  if (!headerless_) preamble_ = locatePreamble(lines);
  if (records.empty() || preamble_.header_index >= records.size()) {
    fail(ErrorCode::kUnreadableFile, "the sheet is empty", "la feuille est vide");
    return;
  }
  skip("preamble", preamble_.header_index);
  first_lines_.assign(lines.begin() + static_cast<long>(preamble_.header_index), lines.end());
  std::vector<io::CsvRecord> table(records.begin() + static_cast<long>(preamble_.header_index),
                                   records.end());
  onRecords(table);
}

FileReader::Result FileReader::finish() {
  if (mode_ == Mode::kXlsx) {
    finishXlsx();
  } else if (mode_ != Mode::kFailed) {
    if (!first_bytes_examined_ && !raw_bytes_.empty()) {
      first_bytes_examined_ = true;
      const std::string held = std::move(raw_bytes_);  // a file shorter than 4 bytes
      raw_bytes_.clear();
      decodeAndFeed(held);
    }
    std::string text;
    decoder_.finish(text);
    feedText(text, true);
    if (mode_ == Mode::kUndecided && bytes_ == 0) {
      fail(ErrorCode::kUnreadableFile, "the file is empty", "le fichier est vide");
    }
    if (mode_ == Mode::kDelimited && !reader_ && !report_.error) locateHeader(true);
    if (mode_ == Mode::kJson) finishJson();
    if (reader_ && mode_ != Mode::kFailed) {
      const std::optional<Error> unbalanced = reader_->finish(*this);
      if (unbalanced) {
        const std::size_t line = unbalanced->position.line + line_offset_;
        ++report_.rows_read;
        ++report_.rows_rejected;
        report_.rejections.push_back(Rejection{
            line, "",
            "line " + groupedLine(line) +
                ": a quote opened here is never closed; the rest of the file could not be read",
            "ligne " + groupedLine(line) +
                " : un guillemet ouvert ici n'est jamais fermé ; la suite du fichier est "
                "illisible"});
      }
    }
  }
  if (campaign_report_) {
    finishCampaignReport();
  } else {
    startMapping();
  }
  summarise();
  Result result;
  result.report = std::move(report_);
  result.staged = std::move(staged_);
  result.content_hash = hex(content_hash_.value()) + ":" + std::to_string(bytes_);
  result.bytes = bytes_;
  return result;
}

void FileReader::summarise() {
  for (std::size_t col = 0; col < binding_.fields.size(); ++col) {
    if (binding_.fields[col] && !unrecognised_) {
      report_.mapping[binding_.header[col]] = std::string(fieldName(*binding_.fields[col]));
    }
  }
  if (report_.encoding.empty()) report_.encoding = io::encodingName(decoder_.encoding());
  if (decoder_.sawInvalidBytes()) {
    report_.warn({"some bytes were not valid text and were replaced by '\xEF\xBF\xBD'",
                  "des octets n'étaient pas du texte valide et ont été remplacés par "
                  "'\xEF\xBF\xBD'"});
  }
  if (mapper_) {
    for (Warning& warning : mapper_->warnings()) report_.warn(std::move(warning));
  }
  const std::size_t non_preamble = report_.rows_read - report_.skipped_by_reason["preamble"];
  if (report_.skipped_by_reason["preamble"] == 0) report_.skipped_by_reason.erase("preamble");
  if (header_seen_ && !headerless_ && non_preamble == 0 && !report_.error) {
    report_.warn({"the file has a header but no data rows",
                  "le fichier a un en-tête mais aucune ligne de données"});
  }
  for (const auto& [reason, seen] : rejection_reasons_) {
    if (seen.count <= kSameReasonListed) continue;
    const auto bare = [](std::string text) {
      if (text.starts_with(" : ")) text.erase(0, 3);
      if (text.starts_with(": ") || text.starts_with(", ")) text.erase(0, 2);
      return text;
    };
    const std::string n = std::to_string(seen.count);
    const std::string listed = std::to_string(kSameReasonListed);
    report_.warn({n + " rows rejected for the same reason (" + bare(reason) + "); the first " +
                      listed + " are listed",
                  n + " lignes rejetées pour la même raison (" + bare(seen.reason_fr) + ") ; les " +
                      listed + " premières sont listées"});
  }
  if (const auto it = report_.skipped_by_reason.find("section");
      it != report_.skipped_by_reason.end()) {
    const std::string n = std::to_string(it->second);
    report_.warn({"the file holds further tables after the first one: their " + n +
                      " line(s) were skipped (export one table per file to load them)",
                  "le fichier contient d'autres tableaux après le premier : leurs " + n +
                      " ligne(s) ont été ignorées (exportez un tableau par fichier pour les "
                      "charger)"});
  }
  if (report_.skipped_by_reason.count("no_data") > 0) {
    report_.warn({"the export says \"No data available.\": nothing to load",
                  "l'export indique \"No data available.\" : rien à charger"});
  }
  if (binding_.header_currency.size() == 3) currencies_.insert(binding_.header_currency);
  report_.currencies.assign(currencies_.begin(), currencies_.end());
  if (report_.currencies.size() > 1) {
    std::string list;
    for (const std::string& code : report_.currencies) list += (list.empty() ? "" : ", ") + code;
    report_.warn(
        {"this file mixes currencies (" + list + "): amounts are never added across currencies",
         "ce fichier mélange des devises (" + list +
             ") : les montants ne sont jamais additionnés entre devises"});
  }
  if (report_.rows_kept > 0) report_.tables.emplace_back(tableName(recognition_.table));
}

}  // namespace roilens::sources
