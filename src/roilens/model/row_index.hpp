#pragma once
// A hash index over the rows of a table: finds the row whose key equals a given key without
// storing the keys (they stay in the table's columns). Open addressing, 8 bytes a slot.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace roilens::model {

class RowIndex {
 public:
  using Row = std::uint32_t;

  // The first row inserted with this hash for which same(row) holds.
  template <typename Same>
  std::optional<Row> find(std::uint64_t hash, Same&& same) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint64_t tag = tagOf(hash);
    for (std::size_t s = tag & mask(); slots_[s] != 0; s = (s + 1) & mask()) {
      if ((slots_[s] >> 32) == tag && same(rowOf(slots_[s]))) return rowOf(slots_[s]);
    }
    return std::nullopt;
  }

  // find(); when nothing matches, `row` is inserted and nullopt returned.
  template <typename Same>
  std::optional<Row> findOrInsert(std::uint64_t hash, Row row, Same&& same) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    const std::uint64_t tag = tagOf(hash);
    std::size_t s = tag & mask();
    for (; slots_[s] != 0; s = (s + 1) & mask()) {
      if ((slots_[s] >> 32) == tag && same(rowOf(slots_[s]))) return rowOf(slots_[s]);
    }
    slots_[s] = (tag << 32) | (static_cast<std::uint64_t>(row) + 1);
    ++count_;
    return std::nullopt;
  }

  void insert(std::uint64_t hash, Row row) {
    findOrInsert(hash, row, [](Row) { return false; });
  }
  std::size_t size() const { return count_; }
  void clear() {
    slots_.clear();
    slots_.shrink_to_fit();
    count_ = 0;
  }

 private:
  // A slot keeps the low 32 bits of the hash: they choose the slot (so the table can be rehashed
  // without the keys) and skip most key compares.
  static std::uint64_t tagOf(std::uint64_t hash) { return hash & 0xFFFFFFFFu; }
  static Row rowOf(std::uint64_t slot) { return static_cast<Row>((slot & 0xFFFFFFFFu) - 1); }
  std::size_t mask() const { return slots_.size() - 1; }
  void grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    for (const std::uint64_t slot : old) {
      if (slot == 0) continue;
      std::size_t s = (slot >> 32) & mask();
      while (slots_[s] != 0) s = (s + 1) & mask();
      slots_[s] = slot;
    }
  }

  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

}  // namespace roilens::model
