#include "roilens/core/error.hpp"

namespace roilens {

const char* errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kUnreadableFile: return "unreadable_file";
    case ErrorCode::kMalformedRecord: return "malformed_record";
    case ErrorCode::kBadValue: return "bad_value";
    case ErrorCode::kMissingColumn: return "missing_column";
    case ErrorCode::kUnrecognisedFile: return "unrecognised_file";
    case ErrorCode::kMissingInput: return "missing_input";
    case ErrorCode::kNotConverged: return "not_converged";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

namespace {
std::string where(const Position& p, const char* line_word, const char* column_word) {
  std::string out = p.file;
  if (p.line > 0) out += (out.empty() ? "" : ", ") + std::string(line_word) + " " + std::to_string(p.line);
  if (!p.column.empty()) out += (out.empty() ? "" : ", ") + std::string(column_word) + " '" + p.column + "'";
  return out;
}
}  // namespace

std::string Error::describe() const {
  const std::string w = where(position, "line", "column");
  return w.empty() ? message_en : w + ": " + message_en;
}

std::string Error::describeFr() const {
  const std::string w = where(position, "ligne", "colonne");
  const std::string& m = message_fr.empty() ? message_en : message_fr;
  return w.empty() ? m : w + " : " + m;
}

}  // namespace roilens
