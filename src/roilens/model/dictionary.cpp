#include "roilens/model/dictionary.hpp"

#include <algorithm>
#include <cstring>

#include "roilens/core/hash.hpp"

namespace roilens::model {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{64} * 1024;

}  // namespace

Dictionary::Dictionary() : slots_(64, kNoSlot) {
  values_.emplace_back();
  hashes_.push_back(hashBytes({}));
  slots_[hashes_[0] & (slots_.size() - 1)] = kEmptyCode;
}

std::size_t Dictionary::slotOf(std::string_view text, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = hash & mask;
  while (slots_[slot] != kNoSlot) {
    const Code code = slots_[slot];
    if (hashes_[code] == hash && values_[code] == text) return slot;
    slot = (slot + 1) & mask;
  }
  return slot;
}

std::optional<Code> Dictionary::find(std::string_view text) const {
  const std::size_t slot = slotOf(text, hashBytes(text));
  if (slots_[slot] == kNoSlot) return std::nullopt;
  return slots_[slot];
}

Code Dictionary::intern(std::string_view text) {
  if (text.empty()) return kEmptyCode;
  const std::uint64_t hash = hashBytes(text);
  std::size_t slot = slotOf(text, hash);
  if (slots_[slot] != kNoSlot) return slots_[slot];
  const Code code = static_cast<Code>(values_.size());
  values_.push_back(store(text));
  hashes_.push_back(hash);
  slots_[slot] = code;
  if (values_.size() * 2 > slots_.size()) grow();
  return code;
}

std::string_view Dictionary::store(std::string_view text) {
  if (text.size() > block_left_) {
    const std::size_t size = std::max(kBlockBytes, text.size());
    blocks_.push_back(std::make_unique<char[]>(size));
    block_next_ = blocks_.back().get();
    block_left_ = size;
  }
  std::memcpy(block_next_, text.data(), text.size());
  const std::string_view stored(block_next_, text.size());
  block_next_ += text.size();
  block_left_ -= text.size();
  return stored;
}

void Dictionary::grow() {
  slots_.assign(slots_.size() * 2, kNoSlot);
  const std::size_t mask = slots_.size() - 1;
  for (Code code = 0; code < values_.size(); ++code) {
    std::size_t slot = hashes_[code] & mask;
    while (slots_[slot] != kNoSlot) slot = (slot + 1) & mask;
    slots_[slot] = code;
  }
}

}  // namespace roilens::model
