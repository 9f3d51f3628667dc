#pragma once
// Dictionary encoding: each distinct string of a session is stored once and named by a code.
// Code 0 is the empty string, so a column of codes that was never written reads as "".
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace roilens::model {

using Code = std::uint32_t;
inline constexpr Code kEmptyCode = 0;

class Dictionary {
 public:
  Dictionary();

  Code intern(std::string_view text);
  std::optional<Code> find(std::string_view text) const;
  std::string_view at(Code code) const { return values_[code]; }
  std::size_t size() const { return values_.size(); }

 private:
  static constexpr Code kNoSlot = 0xFFFFFFFFu;
  std::string_view store(std::string_view text);
  void grow();
  std::size_t slotOf(std::string_view text, std::uint64_t hash) const;

  std::vector<std::string_view> values_;  // by code; views into blocks_
  std::vector<std::uint64_t> hashes_;     // by code, for rehashing
  std::vector<Code> slots_;               // open addressing, linear probing; kNoSlot = free
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_left_ = 0;
  char* block_next_ = nullptr;
};

}  // namespace roilens::model
