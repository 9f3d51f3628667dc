#include "roilens/io/json_records.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <utility>

namespace roilens::io {
namespace {

using Json = nlohmann::ordered_json;  // keeps keys in file order (the header order)

// Deeper documents are not record lists. The limit also bounds every recursion over a document
// (nlohmann's dump() recurses; a wasm stack is small), so it is checked before parsing.
constexpr std::size_t kMaxDepth = 64;

// A SAX consumer that only remembers where parsing failed (no exception is thrown).
class ErrorLocator : public nlohmann::json_sax<Json> {
 public:
  std::size_t failed_at = 0;

  bool null() override { return true; }
  bool boolean(bool /*value*/) override { return true; }
  bool number_integer(number_integer_t /*value*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
  bool string(string_t& /*value*/) override { return true; }
  bool binary(binary_t& /*value*/) override { return true; }
  bool start_object(std::size_t /*size*/) override { return true; }
  bool key(string_t& /*value*/) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t /*size*/) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    failed_at = position;
    return false;
  }
};

Error malformedJson(std::string_view text) {
  ErrorLocator locator;
  Json::sax_parse(text, &locator);
  const std::size_t offset = std::min(locator.failed_at, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  Error error;
  error.code = ErrorCode::kMalformedRecord;
  error.message_en = "this JSON is damaged near line " + std::to_string(line) +
                     " (cut off or not JSON): it cannot be read";
  error.message_fr = "ce JSON est endommagé vers la ligne " + std::to_string(line) +
                     " (tronqué ou pas du JSON) : il ne peut pas être lu";
  error.position.line = line;
  return error;
}

// Deepest bracket nesting outside strings (text that is not JSON gives some number; the parser
// rejects it afterwards).
std::size_t nestingDepth(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return deepest;
}

Error tooDeep() {
  Error error;
  error.code = ErrorCode::kMalformedRecord;
  error.message_en = "this JSON is nested more than " + std::to_string(kMaxDepth) +
                     " levels deep: it is not a list of records";
  error.message_fr = "ce JSON est imbriqué sur plus de " + std::to_string(kMaxDepth) +
                     " niveaux : ce n'est pas une liste d'enregistrements";
  return error;
}

Error noRecordList() {
  Error error;
  error.code = ErrorCode::kUnrecognisedFile;
  error.message_en = "this JSON holds no list of records (an array of objects)";
  error.message_fr = "ce JSON ne contient aucune liste d'enregistrements (tableau d'objets)";
  return error;
}

// nlohmann's dump prints the shortest text that reads back to the same double (Grisu2);
// std::to_chars for doubles is missing from the wasm toolchain's libc++ (em++ 3.1.6).
std::string shortestDouble(double value) { return Json(value).dump(); }

std::string cellText(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return {};
    case Json::value_t::string:
      return value.get<std::string>();
    case Json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
      return std::to_string(value.get<std::int64_t>());
    case Json::value_t::number_unsigned:
      return std::to_string(value.get<std::uint64_t>());
    case Json::value_t::number_float:
      return shortestDouble(value.get<double>());
    default:
      return value.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

// Collects rows whose columns appear as they are first seen.
class RecordTableBuilder {
 public:
  void addObject(const Json& object, std::size_t line) {
    CsvRecord record;
    record.line = line;
    record.end_line = line;
    for (const auto& [key, value] : object.items()) {
      if (value.is_object() && !value.empty()) {  // flatten one level: "parent.child"
        for (const auto& [child, child_value] : value.items()) {
          std::string column = key;
          column.append(".").append(child);
          set(record, column, cellText(child_value));
        }
      } else {
        set(record, key, cellText(value));
      }
    }
    rows_.push_back(std::move(record));
  }

  std::vector<CsvRecord> take() {
    std::vector<CsvRecord> records;
    records.reserve(rows_.size() + 1);
    records.push_back(CsvRecord{header_, 0, 0});
    for (CsvRecord& row : rows_) {
      row.fields.resize(header_.size());
      records.push_back(std::move(row));
    }
    return records;
  }

 private:
  void set(CsvRecord& record, const std::string& column, std::string text) {
    auto [it, inserted] = columns_.try_emplace(column, header_.size());
    if (inserted) header_.push_back(column);
    if (record.fields.size() <= it->second) record.fields.resize(it->second + 1);
    record.fields[it->second] = std::move(text);
  }

  std::vector<std::string> header_;
  std::unordered_map<std::string, std::size_t> columns_;
  std::vector<CsvRecord> rows_;
};

std::size_t objectCount(const Json& array) {
  return static_cast<std::size_t>(
      std::count_if(array.begin(), array.end(), [](const Json& e) { return e.is_object(); }));
}

// The array holding the most objects anywhere in the document (first found on ties).
void findLargestRecordArray(const Json& node, std::size_t depth, const Json*& best,
                            std::size_t& count) {
  if (depth > kMaxDepth || !node.is_structured()) return;
  if (node.is_array()) {
    const std::size_t objects = objectCount(node);
    if (objects > count) {
      best = &node;
      count = objects;
    }
  }
  for (const Json& child : node) findLargestRecordArray(child, depth + 1, best, count);
}

Error lineError(std::size_t line, std::string_view what_en, std::string_view what_fr) {
  Error error;
  error.code = ErrorCode::kMalformedRecord;
  error.message_en = "line " + std::to_string(line) + " " + std::string(what_en);
  error.message_fr = "ligne " + std::to_string(line) + " " + std::string(what_fr);
  error.position.line = line;
  return error;
}

Error notARecord(std::size_t element) {
  Error error;
  error.code = ErrorCode::kMalformedRecord;
  error.message_en = "element " + std::to_string(element) +
                     " of the list is not a record (not an object): it was skipped";
  error.message_fr = "l'élément " + std::to_string(element) +
                     " de la liste n'est pas un enregistrement (pas un objet) : ignoré";
  error.position.line = element;
  return error;
}

Result<JsonRecords> recordsFromDocument(const Json& document) {
  const Json* array = nullptr;
  std::size_t count = 0;
  findLargestRecordArray(document, 0, array, count);
  if (array == nullptr && document.is_array() && document.empty()) {
    return JsonRecords{RecordTableBuilder{}.take(), {}};  // "[]": a list with no records
  }
  if (array == nullptr) return noRecordList();
  RecordTableBuilder builder;
  JsonRecords result;
  std::size_t element = 0;
  for (const Json& item : *array) {
    ++element;
    if (item.is_object()) {
      builder.addObject(item, element);
      continue;
    }
    result.line_errors.push_back(notARecord(element));
  }
  result.records = builder.take();
  return result;
}

bool isBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

Result<JsonRecords> readJsonRecords(std::string_view utf8_text) {
  if (nestingDepth(utf8_text) > kMaxDepth) return tooDeep();
  const Json document = Json::parse(utf8_text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return malformedJson(utf8_text);
  return recordsFromDocument(document);
}

Result<JsonRecords> readNdjsonRecords(std::string_view utf8_text) {
  if (nestingDepth(utf8_text) > kMaxDepth) return tooDeep();
  RecordTableBuilder builder;
  JsonRecords result;
  std::size_t line = 0;
  std::size_t kept = 0;
  std::size_t start = 0;
  while (start < utf8_text.size()) {
    const std::size_t end = std::min(utf8_text.find('\n', start), utf8_text.size());
    const std::string_view text = utf8_text.substr(start, end - start);
    start = end + 1;
    ++line;
    if (isBlankLine(text)) continue;
    const Json object = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded() || !object.is_object()) {
      result.line_errors.push_back(lineError(line, "is not a JSON object: it was skipped",
                                             "n'est pas un objet JSON : ignorée"));
      continue;
    }
    builder.addObject(object, line);
    ++kept;
  }
  if (kept == 0 && !result.line_errors.empty()) return result.line_errors.front();
  result.records = builder.take();
  return result;
}

Result<JsonRecords> readJsonOrNdjson(std::string_view utf8_text) {
  if (nestingDepth(utf8_text) > kMaxDepth) return tooDeep();
  const Json document = Json::parse(utf8_text, nullptr, /*allow_exceptions=*/false);
  if (!document.is_discarded()) {
    const Json* array = nullptr;
    std::size_t count = 0;
    findLargestRecordArray(document, 0, array, count);
    // A lone object with no list inside is one record (a one-line NDJSON file).
    if (array == nullptr && document.is_object()) return readNdjsonRecords(utf8_text);
    return recordsFromDocument(document);
  }
  const std::size_t first = utf8_text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return malformedJson(utf8_text);
  const std::size_t line_end = std::min(utf8_text.find('\n', first), utf8_text.size());
  const Json first_line =
      Json::parse(utf8_text.substr(first, line_end - first), nullptr, /*allow_exceptions=*/false);
  if (!first_line.is_discarded() && first_line.is_object()) return readNdjsonRecords(utf8_text);
  return malformedJson(utf8_text);
}

}  // namespace roilens::io
