#include "roilens/sources/ingest.hpp"

#include <algorithm>
#include <cstdint>

#include "roilens/io/csv_reader.hpp"
#include "roilens/io/dialect_sniffer.hpp"
#include "roilens/io/json_records.hpp"
#include "roilens/io/text_decoder.hpp"
#include "roilens/sources/dataset_merge.hpp"
#include "roilens/sources/file_reader.hpp"

namespace roilens::sources {

struct Ingest::State {
  IngestOptions options;
  model::Store store;
  mutable std::optional<model::Dataset> rows;  // store.toDataset(), until the next change
  std::vector<FileReport> files;
  DatasetMerger merger;
  std::map<std::string, std::string> content_hashes;  // hash → first file with that content
  std::optional<FileReader> current;
  FileReport empty_report;  // returned by endFile() without beginFile()
};

Ingest::Ingest(IngestOptions options) : state_(std::make_shared<State>()) {
  state_->options = options;
}

void Ingest::beginFile(std::string name, FileOptions options) {
  if (state_->current) endFile();  // a file left open is closed, never lost
  const model::FileId file = state_->store.addFile(name, "unknown");
  state_->current.emplace(std::move(name), std::move(options), state_->options.utc_offset_minutes,
                          state_->store.strings, file);
}

void Ingest::feed(std::string_view bytes) {
  if (!state_->current) beginFile("(unnamed)");
  state_->current->feed(bytes);
}

namespace {

void moveKeptToSkipped(FileReport& report, std::size_t rows, const std::string& reason) {
  rows = std::min(rows, report.rows_kept);
  report.rows_kept -= rows;
  report.rows_skipped += rows;
  if (rows > 0) report.skipped_by_reason[reason] += rows;
}

}  // namespace

const FileReport& Ingest::endFile() {
  State& state = *state_;
  if (!state.current) return state.empty_report;
  FileReader::Result finished = state.current->finish();
  state.current.reset();
  FileReport& report = finished.report;
  state.store.files.back().tool = report.tool;
  state.rows.reset();
  const auto [it, first_time] = state.content_hashes.emplace(finished.content_hash, report.file);
  if (!first_time && finished.bytes > 0) {
    // The same bytes were already loaded: adding them again would double every count.
    moveKeptToSkipped(report, report.rows_kept, "duplicate_file");
    report.tables.clear();
    report.warn(
        {"same content as '" + it->second + "', already loaded: its rows were not added again",
         "même contenu que '" + it->second +
             "', déjà chargé : ses lignes n'ont pas été ajoutées une seconde fois"});
  } else {
    const MergeCounts counts = state.merger.merge(state.store, std::move(finished.staged));
    if (counts.contacts_merged > 0) {
      const std::string n = std::to_string(counts.contacts_merged);
      report.warn({n + " contact(s) matched contacts already loaded (same id or e-mail) and were "
                       "merged: earliest stage dates win, empty fields filled",
                   n + " contact(s) correspondaient à des contacts déjà chargés (même identifiant "
                       "ou e-mail) et ont été fusionnés : les dates de phase les plus anciennes "
                       "l'emportent, les champs vides sont complétés"});
    }
    if (counts.duplicate_transactions > 0) {
      moveKeptToSkipped(report, counts.duplicate_transactions, "duplicate");
      const std::string n = std::to_string(counts.duplicate_transactions);
      report.warn({n + " transaction(s) already loaded (same id) were not added again",
                   n + " transaction(s) déjà chargée(s) (même identifiant) n'ont pas été "
                       "ajoutée(s) une seconde fois"});
    }
  }
  state.files.push_back(std::move(report));
  return state.files.back();
}

const model::Store& Ingest::store() const { return state_->store; }

const model::Dataset& Ingest::dataset() const {
  if (!state_->rows) state_->rows = state_->store.toDataset();
  return *state_->rows;
}

const std::vector<FileReport>& Ingest::files() const { return state_->files; }

}  // namespace roilens::sources
