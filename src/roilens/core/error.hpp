#pragma once
// Errors are values: a code, a position (file, line, column) and a message in English and French.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace roilens {

enum class ErrorCode {
  kInvalidArgument,   // a caller passed options that do not make sense
  kUnreadableFile,    // empty, binary, or an encoding we cannot decode
  kMalformedRecord,   // unbalanced quote, ragged row, bad JSON...
  kBadValue,          // a cell that should be a number or a date and is not
  kMissingColumn,     // a recognised file lacks a column the mapping needs
  kUnrecognisedFile,  // no tool signature matched and no generic mapping fits
  kMissingInput,      // a KPI or model needs a table no dropped file provided
  kNotConverged,      // an optimiser gave up
  kInternal,
};

const char* errorCodeName(ErrorCode code);

// Where in which file; line is 1-based (0 = unknown), column is a 1-based index or a header name.
struct Position {
  std::string file;
  std::size_t line = 0;
  std::string column;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message_en;
  std::string message_fr;
  Position position;

  // "file.csv, line 12, column 'Amount': message"
  std::string describe() const;
  std::string describeFr() const;
};

// A value or an Error. Deliberately small: no exceptions cross module or wasm boundaries.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}    // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace roilens
