#pragma once
// Results of a pure function of a few cells, remembered per distinct input. Real exports repeat
// a handful of labels (channel groups, lifecycle stages, deal stages) on every row, and reading a
// label through the taxonomy costs far more than finding it again. Only for label-like cells:
// the memo keeps every distinct input.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roilens/model/dictionary.hpp"

namespace roilens::sources {

class ValueMemo {
 public:
  template <typename Compute>
  const std::string& get(std::string_view key, Compute&& compute) {
    const model::Code code = keys_.intern(key);
    if (code >= values_.size()) values_.resize(code + 1);
    if (!values_[code]) values_[code] = compute();
    return *values_[code];
  }
  // The same for several cells: the key is their concatenation with unit separators.
  template <typename Compute>
  const std::string& get(std::initializer_list<std::string_view> cells, Compute&& compute) {
    key_.clear();
    for (const std::string_view cell : cells) {
      key_.append(cell);
      key_ += '\x1F';
    }
    return get(std::string_view(key_), compute);
  }

 private:
  model::Dictionary keys_;
  std::vector<std::optional<std::string>> values_;
  std::string key_;
};

}  // namespace roilens::sources
