#pragma once
// A table of the session store: one column per field of its row type (model/dataset.hpp), plus
// where each row came from as (file, line). Rows of one file are contiguous: a file's segment.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "roilens/model/columns.hpp"
#include "roilens/model/dataset.hpp"
#include "roilens/model/dictionary.hpp"

namespace roilens::model {

using FileId = std::uint32_t;

// The files of a session, by id: what a row's origin names.
struct FileEntry {
  std::string name;
  std::string tool;
};

template <typename RowType, typename... Fields>
class Table {
 public:
  using Row = RowType;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Appends `row` as coming from `file` at row.origin.source_row.
  void append(const Row& row, FileId file, Dictionary& dict) {
    if (files_.empty() || files_.back().second != file) files_.emplace_back(size_, file);
    write(size_, row, dict);
    source_rows_.set(size_, static_cast<std::uint32_t>(row.origin.source_row));
    ++size_;
  }
  // Appends the rows of `other` (all, or those listed, in that order), keeping their origins.
  // Both tables code their strings in the same dictionary.
  void appendFrom(const Table& other, const std::vector<std::uint32_t>* rows = nullptr) {
    const std::size_t n = rows ? rows->size() : other.size_;
    if (n == 0) return;
    if (size_ == 0 && !rows) {
      *this = other;
      return;
    }
    std::apply(
        [&](auto&... f) {
          std::apply([&](const auto&... g) { (f.appendFrom(size_, g, rows, other.size_), ...); },
                     other.fields_);
        },
        fields_);
    source_rows_.appendFrom(size_, other.source_rows_, rows, other.size_);
    for (std::size_t k = 0; k < n; ++k) {
      const FileId file = other.fileOf(rows ? (*rows)[k] : k);
      if (files_.empty() || files_.back().second != file) files_.emplace_back(size_ + k, file);
    }
    size_ += n;
  }
  // Removes the last row (a row that turned out to repeat another).
  void popBack() {
    if (size_ == 0) return;
    --size_;
    std::apply([&](auto&... f) { (f.truncate(size_), ...); }, fields_);
    source_rows_.truncate(size_);
    if (!files_.empty() && files_.back().first == size_) files_.pop_back();
  }

  // Replaces the values of row i (its origin stays).
  void assign(std::size_t i, const Row& row, Dictionary& dict) { write(i, row, dict); }

  Row row(std::size_t i, const Dictionary& dict, const std::vector<FileEntry>& files) const {
    Row out = values(i, dict);
    out.origin = origin(i, files);
    return out;
  }
  // Gives `row` the default values, keeping its strings' buffers (a row reused per record).
  static void reset(Row& row) {
    static const Row kDefault{};
    (Fields::reset(row, kDefault), ...);
    row.origin.source_row = 0;
  }

  // Row i's values, without its origin.
  Row values(std::size_t i, const Dictionary& dict) const {
    Row out;
    std::apply([&](const auto&... f) { (f.read(i, out, dict), ...); }, fields_);
    return out;
  }

  template <typename Field>
  const Field& field() const {
    return std::get<Field>(fields_);
  }
  template <typename Field>
  Field& field() {
    return std::get<Field>(fields_);
  }

  FileId fileOf(std::size_t i) const {
    const auto it = std::upper_bound(files_.begin(), files_.end(), i,
                                     [](std::size_t r, const auto& e) { return r < e.first; });
    return std::prev(it)->second;
  }
  std::size_t sourceRow(std::size_t i) const { return source_rows_.at(i); }
  Origin origin(std::size_t i, const std::vector<FileEntry>& files) const {
    const FileEntry& f = files[fileOf(i)];
    return Origin{f.tool, f.name, sourceRow(i)};
  }
  // The first row of each file's segment, in order.
  const std::vector<std::pair<std::size_t, FileId>>& segments() const { return files_; }

  std::size_t bytes() const {
    std::size_t n = source_rows_.bytes();
    std::apply([&](const auto&... f) { ((n += f.bytes()), ...); }, fields_);
    return n;
  }

 private:
  void write(std::size_t i, const Row& row, Dictionary& dict) {
    std::apply([&](auto&... f) { (f.write(i, row, dict), ...); }, fields_);
  }

  std::tuple<Fields...> fields_;
  Column<std::uint32_t> source_rows_;
  std::vector<std::pair<std::size_t, FileId>> files_;  // (first row, file) per segment
  std::size_t size_ = 0;
};

}  // namespace roilens::model
