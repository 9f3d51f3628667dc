#pragma once
// A header row → which column feeds which model field: the user's manual choices first
// (FileOptions::columns, FileOptions::column_indexes), then the recognised tool's aliases.
#include <optional>
#include <string>
#include <vector>

#include "roilens/sources/cell_reader.hpp"
#include "roilens/sources/file_signature.hpp"
#include "roilens/sources/ingest.hpp"
#include "roilens/sources/warning.hpp"

namespace roilens::sources {

struct HeaderBinding {
  ColumnBinding binding;
  std::optional<Recognition> manual_recognition;  // set when manual choices decided the table
  std::vector<Warning> warnings;                  // mappings that could not be applied
};

HeaderBinding bindHeader(const std::vector<std::string>& header, const Recognition& recognition,
                         const FileOptions& options);

// Columns a table needs to be useful, checked once on the header (FORMATS.md §1: "views can
// omit stage/date columns, so the module must ask for them when missing").
std::vector<Warning> missingColumnWarnings(const Recognition& recognition,
                                           const ColumnBinding& binding, bool has_period);

}  // namespace roilens::sources
