#pragma once
// Joining one file's rows into the session's store (FORMATS.md §15: IDs are source-scoped,
// people are joined across tools by e-mail).
//
// Contacts are the same person when they share (tool, contact id) or, failing that, the e-mail
// key (trimmed, case-folded). Merge rule for the same person seen twice:
//   - each stage date: the EARLIEST wins (a stage is entered once; a later date in another export
//     is a re-entry or a re-import, not the funnel transition);
//   - created_at: the earliest wins;
//   - lifecycle_stage: the furthest funnel stage wins (customer beats lead); custom stages only
//     fill an empty value;
//   - every other field: the first non-empty value wins (non-empty fields fill empty ones);
//   - extra: union, first value wins; origin: the first file's.
// Transactions are the same when they share (tool, kind, txn_id): the later one is not added and
// its row is accounted as skipped "duplicate". A transaction whose customer_ref is a contact id of
// the same tool (HubSpot deals: "Associated Contact IDs", first id of a ';' list) is pointed at
// that contact's e-mail key once the contact is known (either file order), so that people have
// one join key. Other tables are appended.
//
// Joins go through hash indexes kept between files: a file costs the work of its own rows, never
// a rescan of the whole store (only transactions still waiting for their contact are looked at
// again).
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "roilens/model/row_index.hpp"
#include "roilens/model/store.hpp"

namespace roilens::sources {

struct MergeCounts {
  std::size_t contacts_merged = 0;         // staged contacts folded into an existing one
  std::size_t duplicate_transactions = 0;  // staged transactions already present
};

class DatasetMerger {
 public:
  // Moves the staged rows (strings coded in into.strings) into the store.
  MergeCounts merge(model::Store& into, model::Tables&& staged);

 private:
  void mergeContacts(model::Store& into, model::ContactTable& staged, MergeCounts& counts);
  void mergeTransactions(model::Store& into, model::TransactionTable& staged, MergeCounts& counts);
  void resolveCustomerRefs(model::Store& into);

  model::RowIndex contact_by_id_;     // (tool, contact id) → contact row
  model::RowIndex contact_by_email_;  // e-mail key → contact row
  std::unordered_map<std::string, model::RowIndex::Row> id_aliases_;     // merged-in keys
  std::unordered_map<std::string, model::RowIndex::Row> email_aliases_;  // (rare: by name)
  model::RowIndex transaction_keys_;            // (tool, kind, txn id) → transaction row
  std::vector<std::uint32_t> unresolved_refs_;  // transactions naming a contact id not yet known
};

// Folds `from` into `into` by the rule above.
void mergeContactFields(model::Contact& into, const model::Contact& from);

}  // namespace roilens::sources
