#include "roilens/sources/header_binding.hpp"

#include <algorithm>

namespace roilens::sources {

HeaderBinding bindHeader(const std::vector<std::string>& header, const Recognition& recognition,
                         const FileOptions& options) {
  HeaderBinding out;
  out.binding = ColumnBinding(header);
  Recognition used = recognition;
  // Manual choices first: column indexes (headerless logs) and header → field names. A name is a
  // field name ("created_at") or any alias ("date", "customer"); the table is the one most of the
  // names belong to, then each name is resolved within that table.
  std::vector<std::pair<std::size_t, std::string>> manual;  // column → name
  for (const auto& [name, index] : options.column_indexes) {
    if (index >= 1 && static_cast<std::size_t>(index) <= header.size()) {
      manual.emplace_back(static_cast<std::size_t>(index - 1), name);
    } else {
      out.warnings.push_back(
          {"column mapping '" + name + "' = " + std::to_string(index) + " ignored: no such column",
           "association de colonne '" + name + "' = " + std::to_string(index) +
               " ignorée : cette colonne n'existe pas"});
    }
  }
  for (std::size_t col = 0; col < header.size(); ++col) {
    if (const auto it = options.columns.find(header[col]); it != options.columns.end()) {
      manual.emplace_back(col, it->second);
    }
  }
  if (!manual.empty()) {
    const auto resolveIn = [](std::string_view name, std::optional<Table> table) {
      const auto direct = fieldFromName(name);
      if (direct && (!table || std::find(tableFields(*table).begin(), tableFields(*table).end(),
                                         *direct) != tableFields(*table).end())) {
        return direct;
      }
      for (const Table t : {Table::kTransactions, Table::kContacts, Table::kTraffic, Table::kCosts,
                            Table::kEmails, Table::kTouchpoints}) {
        if (table && t != *table) continue;
        if (auto match = matchHeader(name, "generic", t); match.field) return match.field;
      }
      return direct;
    };
    std::vector<Field> guessed;
    for (const auto& [col, name] : manual) {
      if (auto field = resolveIn(name, std::nullopt)) guessed.push_back(*field);
    }
    if (!options.tool) {
      used = Recognition{"generic", tableForFields(guessed), 1.0, "manual"};
      out.manual_recognition = used;
    }
    for (const auto& [col, name] : manual) {
      if (auto field = resolveIn(name, used.table)) {
        out.binding.bind(col, *field);
      } else {
        out.warnings.push_back({"column mapping '" + name + "' ignored: unknown field",
                                "association de colonne '" + name + "' ignorée : champ inconnu"});
      }
    }
  }
  // Then the aliases of the recognised tool and table, first column wins.
  for (std::size_t col = 0; col < header.size(); ++col) {
    const HeaderMatch match = matchHeader(header[col], used.tool, used.table);
    // "(INR)" names a currency on money columns only ("Created date (UTC)" is a time zone).
    if (out.binding.header_currency.empty() && match.field && isMoneyField(*match.field)) {
      out.binding.header_currency = match.header_currency;
    }
    if (out.binding.fields[col] || !match.field || out.binding.has(*match.field)) continue;
    out.binding.bind(col, *match.field);
  }
  return out;
}

// Columns a table needs to be useful, checked once on the header (FORMATS §1: "views can omit
// stage/date columns, so the module must ask for them when missing").
std::vector<Warning> missingColumnWarnings(const Recognition& recognition,
                                           const ColumnBinding& binding, bool has_period) {
  std::vector<Warning> out;
  using F = Field;
  const auto any = [&](std::initializer_list<Field> fields) {
    return std::any_of(fields.begin(), fields.end(), [&](Field f) { return binding.has(f); });
  };
  switch (recognition.table) {
    case Table::kContacts:
      if (!any({F::kStageSubscriber, F::kStageLead, F::kStageMql, F::kStageSql,
                F::kStageOpportunity, F::kStageCustomer, F::kStageEvangelist})) {
        out.push_back(
            {"no lifecycle-stage date column (e.g. 'Became a Lead Date'): funnel "
             "transitions cannot be dated from this file",
             "aucune colonne de date de phase (ex. 'Became a Lead Date') : les passages "
             "d'étape du tunnel ne peuvent pas être datés avec ce fichier"});
      }
      break;
    case Table::kTransactions:
      if (!binding.has(F::kAmount)) {
        out.push_back({"no amount column: revenue is unknown",
                       "aucune colonne de montant : le chiffre d'affaires est inconnu"});
      }
      if (recognition.variant == "deals" || recognition.variant == "opportunities") {
        if (!binding.has(F::kDealStage)) {
          out.push_back({"no deal stage column: every deal is counted as open",
                         "aucune colonne de phase de transaction : chaque transaction est comptée "
                         "comme en cours"});
        }
        if (!binding.has(F::kClosedAt)) {
          out.push_back({"no close date column: won deals cannot be placed in a period",
                         "aucune colonne de date de clôture : les transactions gagnées ne peuvent "
                         "pas être placées dans une période"});
        }
      }
      break;
    case Table::kTraffic:
    case Table::kCosts:
      if (recognition.variant == "pivot") {
        out.push_back(
            {"pivot table (one column per dimension value): export the report without "
             "pivoting to load it",
             "tableau croisé (une colonne par valeur) : exportez le rapport sans "
             "pivot pour le charger"});
        break;
      }
      if (!has_period && !any({F::kDate, F::kRangeStart, F::kDayIndex, F::kYearMonth})) {
        out.push_back(
            {"no date column and no period line: rows cannot be placed in time; give "
             "the period the file covers",
             "ni colonne de date ni ligne de période : les lignes ne peuvent pas être "
             "placées dans le temps ; indiquez la période couverte par le fichier"});
      }
      if (recognition.table == Table::kCosts && !binding.has(F::kCost)) {
        out.push_back({"no cost column: spend is unknown",
                       "aucune colonne de coût : les dépenses sont inconnues"});
      }
      break;
    default:
      break;
  }
  return out;
}

}  // namespace roilens::sources
