#pragma once
// Typed columns of the session store. A column is lazy: until some row holds a value other than
// the field's default, it stores nothing, so the many fields an export never fills cost nothing.
// Strings are dictionary codes (dimensions, labels) or bytes in an arena (ids, e-mails).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "roilens/model/dataset.hpp"
#include "roilens/model/dictionary.hpp"
#include "roilens/model/time.hpp"

namespace roilens::model {

// Values of type T; rows never written read as `null`.
template <typename T>
class Column {
 public:
  explicit Column(T null = T{}) : null_(null) {}

  T at(std::size_t row) const { return row < values_.size() ? values_[row] : null_; }
  void set(std::size_t row, T value) {
    if (row == values_.size() && !values_.empty()) {
      values_.push_back(value);  // appending to a column in use: the common case
      return;
    }
    if (row >= values_.size()) {
      if (isNull(value)) return;
      values_.resize(row + 1, null_);
    }
    values_[row] = value;
  }
  bool empty() const { return values_.empty(); }            // every row holds the null value
  const std::vector<T>& values() const { return values_; }  // may be shorter than the table
  void truncate(std::size_t rows) {
    if (values_.size() > rows) values_.resize(rows);
  }
  std::size_t bytes() const { return values_.capacity() * sizeof(T); }

  // Appends `other`'s rows (all `count` of them, or those listed) after row base - 1.
  void appendFrom(std::size_t base, const Column& other, const std::vector<std::uint32_t>* rows,
                  std::size_t count) {
    if (other.values_.empty()) return;
    if (rows) {
      for (std::size_t k = 0; k < rows->size(); ++k) set(base + k, other.at((*rows)[k]));
      return;
    }
    values_.resize(base, null_);
    values_.insert(values_.end(), other.values_.begin(), other.values_.end());
    (void)count;  // rows past other's stored values stay null
  }

 private:
  bool isNull(const T& value) const {
    if constexpr (std::is_floating_point_v<T>) {
      return std::isnan(null_) ? std::isnan(value) : value == null_;
    } else {
      return value == null_;
    }
  }
  std::vector<T> values_;
  T null_;
};

// Free text (ids, e-mails): bytes in one arena, an (offset, length) per row.
class TextColumn {
 public:
  std::string_view at(std::size_t row) const {
    if (row >= spans_.size()) return {};
    const Span s = spans_[row];
    return std::string_view(bytes_).substr(s.offset, s.length);
  }
  void set(std::size_t row, std::string_view text) {
    if (row == spans_.size() && !spans_.empty()) {
      spans_.push_back(Span{bytes_.size(), static_cast<std::uint32_t>(text.size())});
      bytes_.append(text);
      return;
    }
    if (row >= spans_.size()) {
      if (text.empty()) return;
      spans_.resize(row + 1);
    }
    spans_[row] = Span{bytes_.size(), static_cast<std::uint32_t>(text.size())};
    bytes_.append(text);
  }
  bool empty() const { return spans_.empty(); }
  void truncate(std::size_t rows) {
    if (spans_.size() > rows) spans_.resize(rows);
  }
  std::size_t bytes() const { return bytes_.capacity() + spans_.capacity() * sizeof(Span); }

  void appendFrom(std::size_t base, const TextColumn& other, const std::vector<std::uint32_t>* rows,
                  std::size_t count) {
    if (other.spans_.empty()) return;
    const std::size_t n = rows ? rows->size() : std::min(count, other.spans_.size());
    for (std::size_t k = 0; k < n; ++k) set(base + k, other.at(rows ? (*rows)[k] : k));
  }

 private:
  struct Span {
    std::size_t offset = 0;
    std::uint32_t length = 0;
  };
  std::string bytes_;
  std::vector<Span> spans_;
};

// How a field's value is stored: optional instants and numbers use a sentinel for "absent",
// enums their underlying integer.
inline constexpr Timestamp kNoTimestamp = std::numeric_limits<Timestamp>::min();

template <typename T>
struct Encoding {
  using Stored = T;
  static Stored encode(const T& v) { return v; }
  static T decode(Stored s) { return s; }
  static Stored null() { return T{}; }
};
template <>
struct Encoding<std::optional<Timestamp>> {
  using Stored = Timestamp;
  static Stored encode(const std::optional<Timestamp>& v) { return v ? *v : kNoTimestamp; }
  static std::optional<Timestamp> decode(Stored s) {
    return s == kNoTimestamp ? std::nullopt : std::optional<Timestamp>(s);
  }
  static Stored null() { return kNoTimestamp; }
};
template <>
struct Encoding<std::optional<double>> {
  using Stored = double;
  static Stored encode(const std::optional<double>& v) {
    return v ? *v : std::numeric_limits<double>::quiet_NaN();
  }
  static std::optional<double> decode(Stored s) {
    return std::isnan(s) ? std::nullopt : std::optional<double>(s);
  }
  static Stored null() { return std::numeric_limits<double>::quiet_NaN(); }
};
template <>
struct Encoding<bool> {
  using Stored = std::uint8_t;
  static Stored encode(bool v) { return v ? 1 : 0; }
  static bool decode(Stored s) { return s != 0; }
  static Stored null() { return 0; }
};
template <typename E>
requires std::is_enum_v<E>
struct Encoding<E> {
  using Stored = std::uint8_t;
  static Stored encode(E v) { return static_cast<Stored>(v); }
  static E decode(Stored s) { return static_cast<E>(s); }
  static Stored null() { return 0; }
};
template <typename E>
requires std::is_enum_v<E>
struct Encoding<std::optional<E>> {
  using Stored = std::uint8_t;
  static constexpr Stored kAbsent = 0xFF;
  static Stored encode(const std::optional<E>& v) { return v ? static_cast<Stored>(*v) : kAbsent; }
  static std::optional<E> decode(Stored s) {
    return s == kAbsent ? std::nullopt : std::optional<E>(static_cast<E>(s));
  }
  static Stored null() { return kAbsent; }
};

template <typename C, typename M>
C rowTypeOf(M C::*);
template <typename C, typename M>
M memberTypeOf(M C::*);

// A std::string member stored as dictionary codes.
template <auto kMember>
class DictField {
 public:
  using Row = decltype(rowTypeOf(kMember));
  static void reset(Row& row, const Row&) { (row.*kMember).clear(); }
  void write(std::size_t i, const Row& row, Dictionary& dict) {
    codes_.set(i, dict.intern(row.*kMember));
  }
  void read(std::size_t i, Row& row, const Dictionary& dict) const {
    row.*kMember = std::string(dict.at(codes_.at(i)));
  }
  Code at(std::size_t i) const { return codes_.at(i); }
  bool empty() const { return codes_.empty(); }
  void truncate(std::size_t rows) { codes_.truncate(rows); }
  std::size_t bytes() const { return codes_.bytes(); }

  void appendFrom(std::size_t base, const DictField& other, const std::vector<std::uint32_t>* rows,
                  std::size_t count) {
    codes_.appendFrom(base, other.codes_, rows, count);
  }

 private:
  Column<Code> codes_{kEmptyCode};
};

// A std::string member stored as text (unique values: ids, e-mails).
template <auto kMember>
class TextField {
 public:
  using Row = decltype(rowTypeOf(kMember));
  static void reset(Row& row, const Row&) { (row.*kMember).clear(); }
  void write(std::size_t i, const Row& row, Dictionary&) { text_.set(i, row.*kMember); }
  void read(std::size_t i, Row& row, const Dictionary&) const {
    row.*kMember = std::string(text_.at(i));
  }
  std::string_view at(std::size_t i) const { return text_.at(i); }
  void set(std::size_t i, std::string_view text) { text_.set(i, text); }
  bool empty() const { return text_.empty(); }
  void truncate(std::size_t rows) { text_.truncate(rows); }
  std::size_t bytes() const { return text_.bytes(); }

  void appendFrom(std::size_t base, const TextField& other, const std::vector<std::uint32_t>* rows,
                  std::size_t count) {
    text_.appendFrom(base, other.text_, rows, count);
  }

 private:
  TextColumn text_;
};

// A number, instant, day, flag, enum or optional of these.
template <auto kMember>
class ValueField {
 public:
  using Row = decltype(rowTypeOf(kMember));
  using Value = decltype(memberTypeOf(kMember));
  using Codec = Encoding<Value>;
  static void reset(Row& row, const Row& defaults) { row.*kMember = defaults.*kMember; }
  void write(std::size_t i, const Row& row, Dictionary&) {
    values_.set(i, Codec::encode(row.*kMember));
  }
  void read(std::size_t i, Row& row, const Dictionary&) const {
    row.*kMember = Codec::decode(values_.at(i));
  }
  Value at(std::size_t i) const { return Codec::decode(values_.at(i)); }
  typename Codec::Stored stored(std::size_t i) const { return values_.at(i); }
  bool empty() const { return values_.empty(); }
  void truncate(std::size_t rows) { values_.truncate(rows); }
  std::size_t bytes() const { return values_.bytes(); }

  void appendFrom(std::size_t base, const ValueField& other, const std::vector<std::uint32_t>* rows,
                  std::size_t count) {
    values_.appendFrom(base, other.values_, rows, count);
  }

 private:
  Column<typename Codec::Stored> values_{Codec::encode(Row{}.*kMember)};  // the row's default
};

// One stage entry date of a contact (Contact::stage_at[kStage]).
template <std::size_t kStage>
class StageField {
 public:
  using Codec = Encoding<std::optional<Timestamp>>;
  static void reset(Contact& row, const Contact&) { row.stage_at[kStage].reset(); }
  void write(std::size_t i, const Contact& row, Dictionary&) {
    values_.set(i, Codec::encode(row.stage_at[kStage]));
  }
  void read(std::size_t i, Contact& row, const Dictionary&) const {
    row.stage_at[kStage] = Codec::decode(values_.at(i));
  }
  std::optional<Timestamp> at(std::size_t i) const { return Codec::decode(values_.at(i)); }
  Timestamp stored(std::size_t i) const { return values_.at(i); }
  bool empty() const { return values_.empty(); }
  void truncate(std::size_t rows) { values_.truncate(rows); }
  std::size_t bytes() const { return values_.bytes(); }

  void appendFrom(std::size_t base, const StageField& other, const std::vector<std::uint32_t>* rows,
                  std::size_t count) {
    values_.appendFrom(base, other.values_, rows, count);
  }

 private:
  Column<Timestamp> values_{kNoTimestamp};
};

// Columns a source had that no model field takes (Contact::extra): one code column per header.
template <auto kMember>
class ExtraField {
 public:
  using Row = decltype(rowTypeOf(kMember));
  static void reset(Row& row, const Row&) { (row.*kMember).clear(); }
  void write(std::size_t i, const Row& row, Dictionary& dict) {
    for (const auto& [header, value] : row.*kMember)
      column(dict.intern(header)).set(i, dict.intern(value));
  }
  void read(std::size_t i, Row& row, const Dictionary& dict) const {
    for (const auto& [header, values] : columns_) {
      if (const Code v = values.at(i); v != kEmptyCode)
        (row.*kMember)[std::string(dict.at(header))] = std::string(dict.at(v));
    }
  }
  // The header's column, created on first use.
  Column<Code>& column(Code header) {
    for (auto& [h, values] : columns_) {
      if (h == header) return values;
    }
    return columns_.emplace_back(header, Column<Code>{kEmptyCode}).second;
  }
  const std::vector<std::pair<Code, Column<Code>>>& columns() const { return columns_; }
  void truncate(std::size_t rows) {
    for (auto& [h, values] : columns_) values.truncate(rows);
  }
  std::size_t bytes() const {
    std::size_t n = 0;
    for (const auto& [h, values] : columns_) n += values.bytes();
    return n;
  }

  void appendFrom(std::size_t base, const ExtraField& other, const std::vector<std::uint32_t>* rows,
                  std::size_t count) {
    for (const auto& [header, values] : other.columns_)
      column(header).appendFrom(base, values, rows, count);
  }

 private:
  std::vector<std::pair<Code, Column<Code>>> columns_;
};

// A list of strings per row (a journey's channels): codes laid end to end.
template <auto kMember>
class CodeListField {
 public:
  using Row = decltype(rowTypeOf(kMember));
  static void reset(Row& row, const Row&) { (row.*kMember).clear(); }
  void write(std::size_t i, const Row& row, Dictionary& dict) {
    if (ends_.size() > i) return;  // a journey is written once, when appended
    ends_.resize(i, codes_.size());
    for (const std::string& s : row.*kMember) codes_.push_back(dict.intern(s));
    ends_.push_back(codes_.size());
  }
  void read(std::size_t i, Row& row, const Dictionary& dict) const {
    (row.*kMember).clear();
    for (const Code c : codes(i)) (row.*kMember).emplace_back(dict.at(c));
  }
  std::vector<Code> codes(std::size_t i) const {
    if (i >= ends_.size()) return {};
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::vector<Code>(codes_.begin() + static_cast<long>(begin),
                             codes_.begin() + static_cast<long>(ends_[i]));
  }
  std::size_t bytes() const { return (codes_.capacity() + ends_.capacity()) * sizeof(Code); }
  void truncate(std::size_t rows) {
    if (ends_.size() <= rows) return;
    ends_.resize(rows);
    codes_.resize(rows == 0 ? 0 : ends_.back());
  }

  void appendFrom(std::size_t base, const CodeListField& other,
                  const std::vector<std::uint32_t>* rows, std::size_t count) {
    const std::size_t n = rows ? rows->size() : count;
    for (std::size_t k = 0; k < n; ++k) {
      const std::vector<Code> list = other.codes(rows ? (*rows)[k] : k);
      ends_.resize(base + k, codes_.size());
      codes_.insert(codes_.end(), list.begin(), list.end());
      ends_.push_back(codes_.size());
    }
  }

 private:
  std::vector<Code> codes_;
  std::vector<std::size_t> ends_;
};

}  // namespace roilens::model
