#pragma once
// JSON and NDJSON exports (API responses, data dumps) → the same records a CSV gives.
//
// Output: records[0] is the header (union of keys in first-seen order, line 0); each following
// record has one string cell per header column. Cells: strings as is, numbers printed without
// loss (integers exactly, doubles with the shortest round-trip form), true/false, null → empty,
// missing key → empty, arrays and nested objects → their compact JSON text, except that objects
// one level deep are flattened into "parent.child" keys.
// JSON: a top-level array of objects, or an object holding one: the largest array of objects
// found anywhere in the document wins ({"results":[...]}, {"data":{"rows":[...]}}).
// CsvRecord::line is the element number (1-based) for JSON and the physical line for NDJSON.
// NDJSON: one object per line, blank lines skipped; a line that is not an object → an Error
// (kMalformedRecord, that line) in line_errors and the other lines are kept.
// These functions need the whole text (documents are parsed, not streamed). They never throw.
// A document nested more than 64 levels deep is refused (kMalformedRecord) before parsing.
#include <string_view>
#include <vector>

#include "roilens/core/error.hpp"
#include "roilens/io/csv_reader.hpp"

namespace roilens::io {

struct JsonRecords {
  std::vector<CsvRecord> records;  // [0] = header
  std::vector<Error> line_errors;  // NDJSON lines that could not be read
};

Result<JsonRecords> readJsonRecords(std::string_view utf8_text);
Result<JsonRecords> readNdjsonRecords(std::string_view utf8_text);

// Picks JSON or NDJSON: a text that parses as one document is JSON; otherwise, if its first
// non-blank line is an object on its own, NDJSON; otherwise a kMalformedRecord error.
Result<JsonRecords> readJsonOrNdjson(std::string_view utf8_text);

}  // namespace roilens::io
