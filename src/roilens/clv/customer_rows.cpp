#include "roilens/clv/customer_rows.hpp"

#include <cmath>

namespace roilens::clv {
namespace {

Error badSummary(const model::RfmSummary& row, const std::string& column, const std::string& en,
                 const std::string& fr) {
  return Error{ErrorCode::kBadValue, "customer " + row.customer + ": " + en,
               "client " + row.customer + " : " + fr,
               Position{row.origin.source_file, row.origin.source_row, column}};
}

// Checks one summary row against the model's definitions (x >= 0, 0 <= t_x <= T, t_x = 0 when
// x = 0, spend >= 0) so that an impossible row is reported instead of fitted.
std::optional<Error> checkSummary(const model::RfmSummary& r) {
  const bool finite = std::isfinite(r.frequency) && std::isfinite(r.recency) &&
                      std::isfinite(r.age) && std::isfinite(r.monetary_value);
  if (!finite)
    return badSummary(r, "frequency", "a value is not a number", "une valeur n'est pas un nombre");
  if (r.frequency < 0.0) {
    return badSummary(r, "frequency", "the number of repeat purchases cannot be negative",
                      "le nombre d'achats répétés ne peut pas être négatif");
  }
  if (r.recency < 0.0 || r.recency > r.age) {
    return badSummary(r, "recency", "recency must lie between 0 and T (the customer's age)",
                      "la récence doit être comprise entre 0 et T (l'ancienneté du client)");
  }
  if (r.frequency == 0.0 && r.recency != 0.0) {
    return badSummary(r, "recency", "recency must be 0 when there is no repeat purchase",
                      "la récence doit valoir 0 sans achat répété");
  }
  if (r.monetary_value < 0.0) {
    return badSummary(r, "monetary_value", "the mean spend cannot be negative",
                      "la dépense moyenne ne peut pas être négative");
  }
  return std::nullopt;
}

}  // namespace

Result<std::vector<CustomerRow>> rowsFromSummary(const std::vector<model::RfmSummary>& summary) {
  std::vector<CustomerRow> rows;
  rows.reserve(summary.size());
  for (const model::RfmSummary& r : summary) {
    if (const auto error = checkSummary(r)) return *error;
    rows.push_back({r.customer, {r.frequency, r.recency, r.age}, r.monetary_value, std::nullopt});
  }
  return rows;
}

std::vector<CustomerRow> rowsFromTable(const RfmTable& table) {
  std::vector<CustomerRow> rows;
  rows.reserve(table.customers.size());
  for (const CustomerRfm& c : table.customers) {
    rows.push_back({c.customer,
                    {c.frequency, c.recency, c.age},
                    c.monetary_value,
                    table.has_holdout ? std::optional<double>(c.holdout_frequency) : std::nullopt});
  }
  return rows;
}

}  // namespace roilens::clv
