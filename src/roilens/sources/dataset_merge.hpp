#pragma once
// Joining one file's rows into the session's data set (FORMATS.md §15: IDs are source-scoped,
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
#include <cstddef>
#include <map>
#include <string>

#include "roilens/model/dataset.hpp"

namespace roilens::sources {

struct MergeCounts {
  std::size_t contacts_merged = 0;         // staged contacts folded into an existing one
  std::size_t duplicate_transactions = 0;  // staged transactions already present
};

class DatasetMerger {
 public:
  MergeCounts merge(model::Dataset& into, model::Dataset&& staged);

 private:
  void mergeContact(model::Dataset& into, model::Contact&& contact, MergeCounts& counts);
  void indexContact(const model::Contact& contact, std::size_t index);
  void resolveCustomerRefs(model::Dataset& into);

  std::map<std::string, std::size_t> contact_by_id_;     // "tool\x1Fid" → index
  std::map<std::string, std::size_t> contact_by_email_;  // e-mail key → index
  std::map<std::string, bool> transaction_keys_;         // "tool\x1Fkind\x1Fid"
};

// Folds `from` into `into` by the rule above.
void mergeContactFields(model::Contact& into, const model::Contact& from);

}  // namespace roilens::sources
