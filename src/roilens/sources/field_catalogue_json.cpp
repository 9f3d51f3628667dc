#include "roilens/sources/field_catalogue_json.hpp"

#include <string>

#include "roilens/sources/field_catalogue.hpp"

namespace roilens::sources {
namespace {

const char* kindName(FieldKind kind) {
  switch (kind) {
    case FieldKind::kNumber:
      return "number";
    case FieldKind::kDate:
      return "date";
    case FieldKind::kText:
      return "text";
  }
  return "text";
}

}  // namespace

nlohmann::json fieldCatalogueJson() {
  nlohmann::json tables = nlohmann::json::array();
  for (const Table table :
       {Table::kContacts, Table::kTouchpoints, Table::kTraffic, Table::kTransactions, Table::kCosts,
        Table::kEmails, Table::kPaths, Table::kRfm}) {
    nlohmann::json fields = nlohmann::json::array();
    for (const Field field : tableFields(table)) {
      fields.push_back(
          {{"name", std::string(fieldName(field))}, {"kind", kindName(fieldKind(field))}});
    }
    tables.push_back({{"table", std::string(tableName(table))}, {"fields", fields}});
  }
  return {{"tables", tables}};
}

}  // namespace roilens::sources
