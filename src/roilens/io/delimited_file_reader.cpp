#include "roilens/io/delimited_file_reader.hpp"

#include <utility>

#include "roilens/io/dialect_sniffer.hpp"

namespace roilens::io {
namespace {

Error unreadable(std::string en, std::string fr) {
  Error error;
  error.code = ErrorCode::kUnreadableFile;
  error.message_en = std::move(en);
  error.message_fr = std::move(fr);
  return error;
}

Error binaryFileError(std::string_view first_bytes) {
  if (first_bytes.starts_with("PK\x03\x04")) {
    return unreadable(
        "this is a ZIP or Excel (.xlsx) file, not a text file: open it as a spreadsheet or "
        "export it as CSV",
        "c'est un fichier ZIP ou Excel (.xlsx), pas un fichier texte : ouvrez-le comme classeur "
        "ou exportez-le en CSV");
  }
  return unreadable(
      "this file contains binary data, not text: export the report as CSV, TSV or JSON",
      "ce fichier contient des données binaires, pas du texte : exportez le rapport en CSV, TSV "
      "ou JSON");
}

bool hasNonBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

}  // namespace

DelimitedFileReader::DelimitedFileReader(std::optional<CsvDialect> forced_dialect)
    : dialect_(forced_dialect) {
  if (dialect_) reader_.emplace(*dialect_);
}

std::optional<Error> DelimitedFileReader::checkBinary() {
  if (!decoder_.looksBinary()) return std::nullopt;
  failed_ = true;
  return binaryFileError(first_bytes_);
}

std::optional<Error> DelimitedFileReader::feed(std::string_view bytes,
                                               std::vector<CsvRecord>& out) {
  if (failed_) return std::nullopt;
  if (first_bytes_.size() < 4) first_bytes_.append(bytes.substr(0, 4 - first_bytes_.size()));
  std::string text;
  decoder_.feed(bytes, text);
  if (auto error = checkBinary()) return error;
  parse(text, out);
  return std::nullopt;
}

void DelimitedFileReader::parse(std::string_view text, std::vector<CsvRecord>& out) {
  saw_text_ = saw_text_ || hasNonBlank(text);
  if (reader_) {
    reader_->feed(text, out);
    return;
  }
  pending_text_.append(text);
  if (pending_text_.size() >= kSniffBytes) startParsing(out);
}

void DelimitedFileReader::startParsing(std::vector<CsvRecord>& out) {
  dialect_ = sniffDialect(pending_text_);
  reader_.emplace(*dialect_);
  reader_->feed(pending_text_, out);
  pending_text_.clear();
  pending_text_.shrink_to_fit();
}

std::optional<Error> DelimitedFileReader::finish(std::vector<CsvRecord>& out) {
  if (failed_) return std::nullopt;
  std::string text;
  decoder_.finish(text);
  if (auto error = checkBinary()) return error;
  parse(text, out);
  if (!saw_text_) {
    failed_ = true;
    return unreadable("the file is empty", "le fichier est vide");
  }
  if (!reader_) startParsing(out);
  return reader_->finish(out);
}

}  // namespace roilens::io
