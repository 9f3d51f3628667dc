#include "roilens/io/xlsx_sheet.hpp"

#include <algorithm>
#include <cstdlib>

#include "roilens/io/xlsx_xml.hpp"

namespace roilens::io {
namespace {

constexpr std::size_t kMaxRows = 1048576;   // Excel's limit (ECMA-376 §18.3.1.73)
constexpr std::size_t kMaxColumns = 16384;  // column XFD
// Padding every row to the widest one must not let one stray far-right cell explode memory.
constexpr std::size_t kMaxPaddedCells = std::size_t{50} * 1000 * 1000;

using Kind = XmlToken::Kind;

Error cellError(ErrorCode code, std::size_t row, std::size_t column, const std::string& en,
                const std::string& fr) {
  return Error{code, en, fr, Position{"", row, column > 0 ? columnName(column) : ""}};
}

std::string trimmed(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

// Collects the text of the <t> elements under one parent (<si> or <is>), skipping phonetic
// runs (<rPh>), which repeat the reading of East Asian text rather than add to it.
class RichTextCollector {
 public:
  // Feeds one token met inside the parent element.
  void feed(const XmlToken& t) {
    if (t.kind == Kind::kStartTag && t.name == "rPh" && !t.self_closing) ++in_phonetic_;
    if (t.kind == Kind::kEndTag && t.name == "rPh" && in_phonetic_ > 0) --in_phonetic_;
    if (t.kind == Kind::kStartTag && t.name == "t" && !t.self_closing) in_t_ = true;
    if (t.kind == Kind::kEndTag && t.name == "t") in_t_ = false;
    if (t.kind == Kind::kText && in_t_ && in_phonetic_ == 0) appendXmlText(t, text_);
  }
  std::string take() {
    std::string out = decodeExcelEscapes(text_);
    text_.clear();
    in_t_ = false;
    in_phonetic_ = 0;
    return out;
  }

 private:
  std::string text_;
  bool in_t_ = false;
  int in_phonetic_ = 0;
};

class WorksheetParser {
 public:
  explicit WorksheetParser(const WorksheetContext& context) : context_(context) {}

  Result<WorksheetRows> run(std::string_view xml) {
    XmlTokenizer tokenizer(xml);
    while (true) {
      Result<XmlToken> token = tokenizer.next();
      if (!token) return withRow(token.error());
      const XmlToken& t = token.value();
      if (t.kind == Kind::kEnd) break;
      if (std::optional<Error> error = feed(t)) return *error;
    }
    return pad();
  }

 private:
  std::optional<Error> feed(const XmlToken& t) {
    if (t.name == "sheetData") {
      in_sheet_data_ = t.kind == Kind::kStartTag && !t.self_closing;
      return std::nullopt;
    }
    if (!in_sheet_data_) return std::nullopt;
    if (t.name == "row" && in_cell_) return unclosedCell();
    if (t.kind == Kind::kStartTag && t.name == "row") return startRow(t);
    if (t.kind == Kind::kEndTag && t.name == "row") return endRow();
    if (t.kind == Kind::kStartTag && t.name == "c") return startCell(t);
    if (t.kind == Kind::kEndTag && t.name == "c") {
      return in_cell_ ? endCell() : std::nullopt;  // a stray </c> closes nothing
    }
    if (!in_cell_) return std::nullopt;
    if (t.name == "v") in_value_ = t.kind == Kind::kStartTag && !t.self_closing;
    if (t.name == "f" && t.kind == Kind::kStartTag) has_formula_ = true;
    if (t.name == "is") in_inline_ = t.kind == Kind::kStartTag && !t.self_closing;
    if (in_inline_) inline_text_.feed(t);
    if (in_value_ && t.kind == Kind::kText) appendXmlText(t, value_);
    return std::nullopt;
  }

  std::optional<Error> startRow(const XmlToken& t) {
    const std::optional<std::string> r = xmlAttribute(t, "r");
    std::size_t number = row_ + 1;
    if (r) {
      const std::optional<CellRef> ref = parseCellRef("A" + trimmed(*r));
      if (!ref || ref->row == 0) {
        return cellError(ErrorCode::kMalformedRecord, row_ + 1, 0,
                         "row number '" + *r + "' is not valid",
                         "le numéro de ligne '" + *r + "' n'est pas valide");
      }
      number = ref->row;
    }
    if (number <= row_ || number > kMaxRows) {
      return cellError(ErrorCode::kMalformedRecord, number, 0,
                       "rows are out of order in the sheet (row " + std::to_string(number) +
                           " after row " + std::to_string(row_) + ")",
                       "les lignes de la feuille sont dans le désordre (ligne " +
                           std::to_string(number) + " après la ligne " + std::to_string(row_) +
                           ")");
    }
    row_ = number;
    column_ = 0;
    fields_.clear();
    filled_.clear();
    return t.self_closing ? endRow() : std::nullopt;
  }

  std::optional<Error> endRow() {
    bool any = false;
    for (const std::string& f : fields_) any = any || !f.empty();
    if (any) {
      width_ = std::max(width_, fields_.size());
      rows_.records.push_back(CsvRecord{std::move(fields_), row_, row_});
    }
    fields_.clear();
    filled_.clear();
    return std::nullopt;
  }

  std::optional<Error> startCell(const XmlToken& t) {
    if (row_ == 0) {  // a <c> before any <row>: treat as row 1 (lenient writers)
      if (auto error = startRow(XmlToken{Kind::kStartTag, "row", "", "", false, false, 0})) {
        return error;
      }
    }
    std::size_t column = column_ + 1;
    if (const std::optional<std::string> r = xmlAttribute(t, "r")) {
      const std::optional<CellRef> ref = parseCellRef(trimmed(*r));
      if (!ref || ref->column == 0) {
        return cellError(ErrorCode::kMalformedRecord, row_, 0,
                         "cell reference '" + *r + "' is not valid",
                         "la référence de cellule '" + *r + "' n'est pas valide");
      }
      column = ref->column;
    }
    if (column > kMaxColumns) {
      return cellError(ErrorCode::kMalformedRecord, row_, 0, "cell beyond column XFD",
                       "cellule au-delà de la colonne XFD");
    }
    column_ = column;
    type_ = xmlAttribute(t, "t").value_or("n");
    const std::optional<std::string> style = xmlAttribute(t, "s");
    style_ = style ? static_cast<std::size_t>(std::strtoul(style->c_str(), nullptr, 10)) : 0;
    value_.clear();
    has_formula_ = false;
    inline_text_.take();
    in_cell_ = !t.self_closing;
    return std::nullopt;
  }

  std::optional<Error> endCell() {
    in_cell_ = in_value_ = in_inline_ = false;
    Result<std::string> value = cellText();
    if (!value) return value.error();
    if (has_formula_ && value_.empty() && type_ != "inlineStr") ++rows_.formulas_without_result;
    if (value.value().empty()) return std::nullopt;
    if (fields_.size() < column_) {
      fields_.resize(column_);
      filled_.resize(column_, false);
    }
    if (filled_[column_ - 1]) {
      return cellError(ErrorCode::kMalformedRecord, row_, column_, "the cell appears twice",
                       "la cellule apparaît deux fois");
    }
    fields_[column_ - 1] = std::move(value).value();
    filled_[column_ - 1] = true;
    return std::nullopt;
  }

  Result<std::string> cellText() {
    if (type_ == "s") return sharedString();
    if (type_ == "inlineStr") return inline_text_.take();
    if (type_ == "str") return decodeExcelEscapes(value_);
    if (type_ == "b") return value_ == "1" ? std::string("TRUE") : value_ == "0" ? "FALSE" : value_;
    if (type_ == "e" || type_ == "d") return value_;  // "#N/A"; ISO 8601 date (strict files)
    return numberText();
  }

  Result<std::string> sharedString() {
    const std::string index_text = trimmed(value_);
    char* end = nullptr;
    const unsigned long long index = std::strtoull(index_text.c_str(), &end, 10);
    const std::vector<std::string>& strings = context_.shared_strings;
    if (index_text.empty() || *end != '\0' || index >= strings.size()) {
      return cellError(ErrorCode::kMalformedRecord, row_, column_,
                       "the cell points to text #" + index_text + " but the file holds " +
                           std::to_string(strings.size()) + " texts (damaged file?)",
                       "la cellule renvoie au texte n°" + index_text + " mais le fichier en a " +
                           std::to_string(strings.size()) + " (fichier abîmé ?)");
    }
    return strings[index];
  }

  std::string numberText() {
    const std::string raw = trimmed(value_);
    if (raw.empty()) return raw;
    const NumberFormat& format = context_.styles.format(style_);
    if (format.kind == NumberFormatKind::kPercent) {
      // Shift the decimal text rather than multiply a double: 0.1234 → "12.34%", exactly.
      if (auto percent = plainDecimal(raw, 2)) return *percent + "%";
    } else if (format.kind == NumberFormatKind::kCurrency) {
      if (auto amount = plainDecimal(raw, 0)) return *amount + " " + format.currency;
    } else if (format.kind != NumberFormatKind::kNumber) {
      char* end = nullptr;
      const double serial = std::strtod(raw.c_str(), &end);
      if (*end == '\0') {
        if (auto iso = excelSerialToIso(serial, format.kind, context_.date1904)) return *iso;
      }
      ++rows_.impossible_dates;
    }
    return expandExponent(raw);
  }

  Result<WorksheetRows> pad() {
    const std::vector<CsvRecord>& records = rows_.records;
    if (!records.empty() && width_ > kMaxPaddedCells / records.size()) {
      return Error{ErrorCode::kUnreadableFile,
                   "the sheet is too large to read (" + std::to_string(records.size()) +
                       " rows × " + std::to_string(width_) + " columns)",
                   "la feuille est trop grande pour être lue (" + std::to_string(records.size()) +
                       " lignes × " + std::to_string(width_) + " colonnes)",
                   {}};
    }
    for (CsvRecord& record : rows_.records) record.fields.resize(width_);
    return std::move(rows_);
  }

  Error unclosedCell() const {
    return cellError(ErrorCode::kMalformedRecord, row_, column_,
                     "the spreadsheet's XML is damaged (a row ends inside a cell)",
                     "le XML du classeur est abîmé (une ligne se termine dans une cellule)");
  }

  Error withRow(Error error) const {
    if (error.position.line == 0) error.position.line = row_;
    return error;
  }

  const WorksheetContext& context_;
  WorksheetRows rows_;
  std::size_t width_ = 0;
  bool in_sheet_data_ = false;
  std::size_t row_ = 0;  // current row number, 0 before the first
  std::vector<std::string> fields_;
  std::vector<bool> filled_;
  bool in_cell_ = false;
  bool in_value_ = false;
  bool in_inline_ = false;
  std::size_t column_ = 0;  // current column, 1-based
  std::string type_;
  std::size_t style_ = 0;
  std::string value_;
  bool has_formula_ = false;
  RichTextCollector inline_text_;
};

}  // namespace

Result<std::vector<std::string>> parseSharedStrings(std::string_view xml) {
  std::vector<std::string> strings;
  XmlTokenizer tokenizer(xml);
  RichTextCollector text;
  bool in_item = false;
  while (true) {
    Result<XmlToken> token = tokenizer.next();
    if (!token) return token.error();
    const XmlToken& t = token.value();
    if (t.kind == Kind::kEnd) break;
    if (t.name == "si" && t.kind == Kind::kStartTag) {
      in_item = !t.self_closing;
      if (t.self_closing) strings.emplace_back();
    } else if (t.name == "si" && t.kind == Kind::kEndTag) {
      in_item = false;
      strings.push_back(text.take());
    } else if (in_item) {
      text.feed(t);
    }
  }
  return strings;
}

Result<WorksheetRows> parseWorksheet(std::string_view xml, const WorksheetContext& context) {
  return WorksheetParser(context).run(xml);
}

std::optional<CellRef> parseCellRef(std::string_view ref) {
  CellRef out;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    out.column = out.column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    if (out.column > kMaxColumns) return std::nullopt;
  }
  for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9'; ++i) {
    out.row = out.row * 10 + static_cast<std::size_t>(ref[i] - '0');
    if (out.row > kMaxRows) return std::nullopt;
  }
  if (i != ref.size() || (out.column == 0 && out.row == 0)) return std::nullopt;
  return out;
}

std::string columnName(std::size_t column) {
  std::string name;
  while (column > 0) {
    const std::size_t digit = (column - 1) % 26;
    name.insert(name.begin(), static_cast<char>('A' + digit));
    column = (column - 1) / 26;
  }
  return name;
}

std::optional<std::string> plainDecimal(std::string_view number, long shift) {
  const std::size_t e = number.find_first_of("eE");
  std::string_view mantissa = number.substr(0, e);
  long exponent = 0;
  if (e != std::string_view::npos) {
    const std::string exponent_text(number.substr(e + 1));
    char* end = nullptr;
    exponent = std::strtol(exponent_text.c_str(), &end, 10);
    if (exponent_text.empty() || *end != '\0' || exponent > 400 || exponent < -400) {
      return std::nullopt;
    }
  }
  std::string sign;
  if (!mantissa.empty() && (mantissa[0] == '-' || mantissa[0] == '+')) {
    if (mantissa[0] == '-') sign = "-";
    mantissa.remove_prefix(1);
  }
  std::string digits;
  long point = -1;
  for (const char c : mantissa) {
    if (c == '.' && point < 0) {
      point = static_cast<long>(digits.size());
    } else if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty()) return std::nullopt;
  if (point < 0) point = static_cast<long>(digits.size());
  point += exponent + shift;
  if (point <= 0) {
    digits.insert(0, static_cast<std::size_t>(1 - point), '0');
    point = 1;
  }
  if (point > static_cast<long>(digits.size())) digits.append(point - digits.size(), '0');
  std::string whole = digits.substr(0, static_cast<std::size_t>(point));
  std::string fraction = digits.substr(static_cast<std::size_t>(point));
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  fraction.erase(fraction.find_last_not_of('0') + 1);
  const bool zero = whole == "0" && fraction.empty();
  return (zero ? "" : sign) + whole + (fraction.empty() ? "" : "." + fraction);
}

std::string expandExponent(std::string_view number) {
  if (number.find_first_of("eE") == std::string_view::npos) return std::string(number);
  return plainDecimal(number, 0).value_or(std::string(number));
}

}  // namespace roilens::io
