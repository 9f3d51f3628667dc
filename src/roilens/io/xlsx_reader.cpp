#include "roilens/io/xlsx_reader.hpp"

#include <algorithm>
#include <utility>

#include "roilens/io/xlsx_sheet.hpp"
#include "roilens/io/xlsx_styles.hpp"
#include "roilens/io/xlsx_xml.hpp"
#include "roilens/io/zip_archive.hpp"

namespace roilens::io {
namespace {

// Compound File Binary signature: legacy .xls, and also password-protected .xlsx (Excel wraps
// encrypted workbooks in this container).
constexpr std::string_view kOleSignature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kDefaultWorkbookPath = "xl/workbook.xml";

Error unreadable(const std::string& en, const std::string& fr) {
  return Error{ErrorCode::kUnreadableFile, en, fr, {}};
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

struct Relationship {
  std::string id;
  std::string type;
  std::string target;  // already resolved to a path inside the archive
};

// "xl/workbook.xml" → "xl/"; target "worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml"
// (absolute) → "xl/worksheets/sheet1.xml", with "." and ".." segments resolved.
std::string resolvePartPath(std::string_view source_part, std::string_view target) {
  std::string joined;
  if (!target.empty() && target[0] == '/') {
    joined = std::string(target.substr(1));
  } else {
    const std::size_t slash = source_part.rfind('/');
    joined = std::string(slash == std::string_view::npos ? "" : source_part.substr(0, slash + 1));
    joined += target;
  }
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    const std::size_t end = std::min(joined.find('/', start), joined.size());
    const std::string segment = joined.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string path;
  for (const std::string& s : segments) path += (path.empty() ? "" : "/") + s;
  return path;
}

// "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" (ECMA-376 Part 2, §9.3).
std::string relationshipsPartOf(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
  return std::string(part.substr(0, name_start)) + "_rels/" + std::string(part.substr(name_start)) +
         ".rels";
}

bool typeIs(const Relationship& r, std::string_view suffix) {
  return r.type.size() >= suffix.size() &&
         r.type.compare(r.type.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<std::vector<Relationship>> parseRelationships(std::string_view xml,
                                                     std::string_view source_part) {
  std::vector<Relationship> out;
  XmlTokenizer tokenizer(xml);
  while (true) {
    Result<XmlToken> token = tokenizer.next();
    if (!token) return token.error();
    const XmlToken& t = token.value();
    if (t.kind == XmlToken::Kind::kEnd) break;
    if (t.kind != XmlToken::Kind::kStartTag || t.name != "Relationship") continue;
    if (xmlAttribute(t, "TargetMode").value_or("") == "External") continue;
    out.push_back(
        Relationship{xmlAttribute(t, "Id").value_or(""), xmlAttribute(t, "Type").value_or(""),
                     resolvePartPath(source_part, xmlAttribute(t, "Target").value_or(""))});
  }
  return out;
}

struct SheetEntry {
  std::string name;
  std::string relationship_id;
  bool hidden = false;
};

struct Workbook {
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

Result<Workbook> parseWorkbook(std::string_view xml) {
  Workbook workbook;
  XmlTokenizer tokenizer(xml);
  while (true) {
    Result<XmlToken> token = tokenizer.next();
    if (!token) return token.error();
    const XmlToken& t = token.value();
    if (t.kind == XmlToken::Kind::kEnd) break;
    if (t.kind != XmlToken::Kind::kStartTag) continue;
    if (t.name == "workbookPr") {
      const std::string flag = xmlAttribute(t, "date1904").value_or("0");
      workbook.date1904 = flag == "1" || flag == "true";
    } else if (t.name == "sheet") {
      const std::string state = xmlAttribute(t, "state").value_or("visible");
      // r:id is the only attribute of <sheet> whose local name is "id".
      workbook.sheets.push_back(SheetEntry{xmlAttribute(t, "name").value_or(""),
                                           xmlAttribute(t, "id").value_or(""),
                                           state == "hidden" || state == "veryHidden"});
    }
  }
  return workbook;
}

class XlsxPackage {
 public:
  static Result<XlsxPackage> open(std::string_view bytes) {
    if (bytes.starts_with(kOleSignature)) {
      return unreadable(
          "this is an old Excel 97-2003 (.xls) file or a password-protected workbook; open it "
          "in Excel and save it as .xlsx (without password) or CSV",
          "c'est un ancien fichier Excel 97-2003 (.xls) ou un classeur protégé par mot de "
          "passe ; ouvrez-le dans Excel et enregistrez-le en .xlsx (sans mot de passe) ou CSV");
    }
    Result<ZipArchive> archive = ZipArchive::open(bytes);
    if (!archive) return archive.error();
    XlsxPackage package(std::move(archive).value());
    if (auto error = package.locateWorkbook()) return *error;
    return package;
  }

  // The part's bytes; an absent part is an error only when `required`.
  Result<std::optional<std::string>> part(std::string_view path, bool required) const {
    const ZipEntry* entry = archive_.find(path);
    if (entry == nullptr) {
      if (!required) return std::optional<std::string>();
      return unreadable("the workbook is incomplete: part '" + std::string(path) + "' is missing",
                        "le classeur est incomplet : la partie '" + std::string(path) + "' manque");
    }
    Result<std::string> content = archive_.extract(*entry);
    if (!content) return content.error();
    return std::optional<std::string>(std::move(content).value());
  }

  Result<Workbook> workbook() const {
    Result<std::optional<std::string>> xml = part(workbook_path_, true);
    if (!xml) return xml.error();
    return parseWorkbook(*xml.value());
  }

  const Relationship* relationship(std::string_view id) const {
    for (const Relationship& r : workbook_relationships_) {
      if (r.id == id) return &r;
    }
    return nullptr;
  }

  // The workbook-level part of a type ("/sharedStrings", "/styles"), or `fallback`.
  std::string partOfType(std::string_view type_suffix, std::string_view fallback) const {
    for (const Relationship& r : workbook_relationships_) {
      if (typeIs(r, type_suffix)) return r.target;
    }
    return std::string(fallback);
  }

 private:
  explicit XlsxPackage(ZipArchive archive) : archive_(std::move(archive)) {}

  std::optional<Error> locateWorkbook() {
    workbook_path_ = std::string(kDefaultWorkbookPath);
    Result<std::optional<std::string>> root = part("_rels/.rels", false);
    if (!root) return root.error();
    if (root.value()) {
      Result<std::vector<Relationship>> rels = parseRelationships(*root.value(), "");
      if (!rels) return rels.error();
      for (const Relationship& r : rels.value()) {
        if (typeIs(r, "/officeDocument")) workbook_path_ = r.target;
      }
    }
    if (archive_.find(workbook_path_) == nullptr) return notAWorkbook();
    Result<std::optional<std::string>> rels_xml = part(relationshipsPartOf(workbook_path_), false);
    if (!rels_xml) return rels_xml.error();
    if (rels_xml.value()) {
      Result<std::vector<Relationship>> rels =
          parseRelationships(*rels_xml.value(), workbook_path_);
      if (!rels) return rels.error();
      workbook_relationships_ = std::move(rels).value();
    }
    return std::nullopt;
  }

  Error notAWorkbook() const {
    Result<std::optional<std::string>> mimetype = part("mimetype", false);
    if (mimetype && mimetype.value() &&
        mimetype.value()->find("opendocument.spreadsheet") != std::string::npos) {
      return unreadable("this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV",
                        "c'est un tableur OpenDocument (.ods) ; enregistrez-le en .xlsx ou CSV");
    }
    return unreadable("this ZIP file is not an Excel workbook (no workbook part inside)",
                      "ce fichier ZIP n'est pas un classeur Excel (aucune partie classeur)");
  }

  ZipArchive archive_;
  std::string workbook_path_;
  std::vector<Relationship> workbook_relationships_;
};

std::string quotedList(const std::vector<SheetEntry>& sheets) {
  std::string out;
  for (const SheetEntry& s : sheets) out += (out.empty() ? "'" : ", '") + s.name + "'";
  return out;
}

Result<SheetEntry> chooseSheet(const Workbook& workbook,
                               const std::optional<std::string>& sheet_name) {
  if (workbook.sheets.empty()) {
    return unreadable("the workbook lists no sheets", "le classeur ne contient aucune feuille");
  }
  if (!sheet_name) {
    for (const SheetEntry& s : workbook.sheets) {
      if (!s.hidden) return s;
    }
    return workbook.sheets.front();
  }
  for (const SheetEntry& s : workbook.sheets) {
    if (equalsNoCase(s.name, *sheet_name)) return s;
  }
  return Error{ErrorCode::kInvalidArgument,
               "there is no sheet named '" + *sheet_name + "'; the workbook has " +
                   quotedList(workbook.sheets),
               "aucune feuille ne s'appelle '" + *sheet_name + "' ; le classeur contient " +
                   quotedList(workbook.sheets),
               {}};
}

Result<std::string> sheetPart(const XlsxPackage& package, const SheetEntry& sheet) {
  const Relationship* r = package.relationship(sheet.relationship_id);
  if (r == nullptr) {
    return unreadable("the workbook does not say where sheet '" + sheet.name + "' is stored",
                      "le classeur n'indique pas où est stockée la feuille '" + sheet.name + "'");
  }
  if (typeIs(*r, "/chartsheet") || typeIs(*r, "/dialogsheet") || typeIs(*r, "/macrosheet")) {
    return Error{ErrorCode::kInvalidArgument,
                 "sheet '" + sheet.name + "' is a chart or macro sheet, not a table of cells",
                 "la feuille '" + sheet.name + "' est un graphique ou une macro, pas un tableau",
                 {}};
  }
  Result<std::optional<std::string>> xml = package.part(r->target, true);
  if (!xml) return xml.error();
  return std::move(*std::move(xml).value());
}

Result<std::vector<std::string>> sharedStrings(const XlsxPackage& package) {
  Result<std::optional<std::string>> xml =
      package.part(package.partOfType("/sharedStrings", "xl/sharedStrings.xml"), false);
  if (!xml) return xml.error();
  if (!xml.value()) return std::vector<std::string>();
  return parseSharedStrings(*xml.value());
}

Result<CellStyles> cellStyles(const XlsxPackage& package) {
  Result<std::optional<std::string>> xml =
      package.part(package.partOfType("/styles", "xl/styles.xml"), false);
  if (!xml) return xml.error();
  if (!xml.value()) return CellStyles();
  return CellStyles::parse(*xml.value());
}

std::vector<XlsxWarning> sheetWarnings(const XlsxSheet& sheet, const WorksheetRows& rows) {
  std::vector<XlsxWarning> warnings;
  if (!sheet.other_sheets.empty()) {
    std::string others;
    for (const std::string& name : sheet.other_sheets) {
      others += (others.empty() ? "'" : ", '") + name + "'";
    }
    warnings.push_back(
        {"only sheet '" + sheet.name + "' was read; the workbook also has " + others,
         "seule la feuille '" + sheet.name + "' a été lue ; le classeur contient aussi " + others});
  }
  if (rows.formulas_without_result > 0) {
    const std::string n = std::to_string(rows.formulas_without_result);
    warnings.push_back(
        {n + " formula cell(s) were saved without their result and are read as empty; open "
             "and save the file in Excel to compute them",
         n + " cellule(s) de formule ont été enregistrées sans leur résultat et sont lues "
             "vides ; ouvrez et enregistrez le fichier dans Excel pour les calculer"});
  }
  if (rows.impossible_dates > 0) {
    const std::string n = std::to_string(rows.impossible_dates);
    warnings.push_back({n + " date-formatted cell(s) hold a number that is no real date; they "
                            "are kept as numbers",
                        n + " cellule(s) au format date contiennent un nombre qui n'est pas une "
                            "date réelle ; elles sont gardées comme nombres"});
  }
  return warnings;
}

}  // namespace

Result<XlsxSheet> readXlsxSheet(std::string_view bytes, std::optional<std::string> sheet_name) {
  Result<XlsxPackage> package = XlsxPackage::open(bytes);
  if (!package) return package.error();
  Result<Workbook> workbook = package.value().workbook();
  if (!workbook) return workbook.error();
  Result<SheetEntry> sheet = chooseSheet(workbook.value(), sheet_name);
  if (!sheet) return sheet.error();
  Result<std::string> sheet_xml = sheetPart(package.value(), sheet.value());
  if (!sheet_xml) return sheet_xml.error();
  Result<std::vector<std::string>> strings = sharedStrings(package.value());
  if (!strings) return strings.error();
  Result<CellStyles> styles = cellStyles(package.value());
  if (!styles) return styles.error();
  const WorksheetContext context{strings.value(), styles.value(), workbook.value().date1904};
  Result<WorksheetRows> rows = parseWorksheet(sheet_xml.value(), context);
  if (!rows) return rows.error();
  XlsxSheet out;
  out.name = sheet.value().name;
  for (const SheetEntry& s : workbook.value().sheets) {
    if (s.name != out.name) out.other_sheets.push_back(s.name);
  }
  out.warnings = sheetWarnings(out, rows.value());
  out.records = std::move(rows.value().records);
  return out;
}

Result<std::vector<CsvRecord>> readXlsx(std::string_view bytes,
                                        std::optional<std::string> sheet_name) {
  Result<XlsxSheet> sheet = readXlsxSheet(bytes, std::move(sheet_name));
  if (!sheet) return sheet.error();
  return std::move(sheet.value().records);
}

Result<std::vector<std::string>> listXlsxSheets(std::string_view bytes) {
  Result<XlsxPackage> package = XlsxPackage::open(bytes);
  if (!package) return package.error();
  Result<Workbook> workbook = package.value().workbook();
  if (!workbook) return workbook.error();
  std::vector<std::string> names;
  for (const SheetEntry& s : workbook.value().sheets) names.push_back(s.name);
  return names;
}

bool looksLikeZip(std::string_view bytes) { return bytes.starts_with("PK\x03\x04"); }

}  // namespace roilens::io
