#include "roilens/sources/dataset_merge.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "roilens/core/hash.hpp"
#include "roilens/sources/status_vocabulary.hpp"

namespace roilens::sources {
namespace {

using model::Contact;
using model::RowIndex;
using model::TextField;
using model::Transaction;
using Row = RowIndex::Row;

void fill(std::string& into, const std::string& from) {
  if (into.empty()) into = from;
}

template <typename T>
void fill(std::optional<T>& into, const std::optional<T>& from) {
  if (!into) into = from;
}

void earliest(std::optional<model::Timestamp>& into, const std::optional<model::Timestamp>& from) {
  if (from && (!into || *from < *into)) into = from;
}

int stageRank(const std::string& stage_id) {
  const auto stage = stageFromId(stage_id);
  return stage ? static_cast<int>(*stage) : -1;
}

std::uint64_t scopedHash(std::string_view scope, std::string_view id) {
  return hashBytes(id, hashBytes(scope));
}

std::string scopedKey(std::string_view scope, std::string_view id) {
  std::string key(scope);
  key += '\x1F';
  key += id;
  return key;
}

// Appends the staged rows listed (all when `rows` is null) to the store's table; a first file
// moves in whole.
template <typename T>
void absorb(T& into, T&& staged, const std::vector<std::uint32_t>* rows = nullptr) {
  if (into.empty() && !rows) {
    into = std::move(staged);
  } else {
    into.appendFrom(staged, rows);
  }
}

}  // namespace

void mergeContactFields(model::Contact& into, const model::Contact& from) {
  fill(into.contact_id, from.contact_id);
  fill(into.email, from.email);
  earliest(into.created_at, from.created_at);
  if (into.lifecycle_stage.empty() ||
      stageRank(from.lifecycle_stage) > stageRank(into.lifecycle_stage)) {
    if (!from.lifecycle_stage.empty()) into.lifecycle_stage = from.lifecycle_stage;
  }
  for (std::size_t s = 0; s < model::kStageCount; ++s) earliest(into.stage_at[s], from.stage_at[s]);
  fill(into.original_channel, from.original_channel);
  fill(into.original_source_raw, from.original_source_raw);
  fill(into.original_detail_1, from.original_detail_1);
  fill(into.original_detail_2, from.original_detail_2);
  fill(into.latest_channel, from.latest_channel);
  fill(into.campaign, from.campaign);
  fill(into.device, from.device);
  fill(into.segment, from.segment);
  fill(into.owner, from.owner);
  fill(into.company_id, from.company_id);
  fill(into.lead_status, from.lead_status);
  fill(into.score, from.score);
  fill(into.first_conversion, from.first_conversion);
  earliest(into.first_conversion_at, from.first_conversion_at);
  fill(into.total_revenue, from.total_revenue);
  into.was_prospect = into.was_prospect || from.was_prospect;
  into.extra.insert(from.extra.begin(), from.extra.end());  // existing keys are kept
}

// A person is found by (tool, contact id), else by e-mail key. The index holds each row under the
// keys it was added with (checked against the row's own cells); keys that reach a row through a
// merge (another file's id for the same e-mail) are kept by name in `aliases`.
namespace {

class PersonKeys {
 public:
  PersonKeys(model::Store& store, model::ContactTable& staged, const std::vector<Row>& keep,
             RowIndex& by_id, RowIndex& by_email, std::unordered_map<std::string, Row>& id_aliases,
             std::unordered_map<std::string, Row>& email_aliases)
      : store_(store),
        staged_(staged),
        keep_(keep),
        base_(store.contacts.size()),
        by_id_(by_id),
        by_email_(by_email),
        id_aliases_(id_aliases),
        email_aliases_(email_aliases) {}

  std::optional<Row> byId(std::string_view tool, std::string_view id) const {
    if (id.empty()) return std::nullopt;
    if (auto r = by_id_.find(scopedHash(tool, id),
                             [&](Row r) { return idAt(r) == id && toolAt(r) == tool; }))
      return r;
    const auto it = id_aliases_.find(scopedKey(tool, id));
    return it == id_aliases_.end() ? std::nullopt : std::optional<Row>(it->second);
  }
  std::optional<Row> byEmail(std::string_view email) const {
    if (email.empty()) return std::nullopt;
    if (auto r = by_email_.find(hashBytes(email), [&](Row r) { return emailAt(r) == email; }))
      return r;
    const auto it = email_aliases_.find(std::string(email));
    return it == email_aliases_.end() ? std::nullopt : std::optional<Row>(it->second);
  }
  // A new row: indexed under its own keys (nothing else holds them: byId/byEmail found none).
  void addRow(Row r, std::string_view tool, std::string_view id, std::string_view email) {
    if (!id.empty()) by_id_.insert(scopedHash(tool, id), r);
    if (!email.empty()) by_email_.insert(hashBytes(email), r);
  }
  // Keys of a row merged into `r`: they lead to r from now on, unless they already lead somewhere.
  void addAliases(Row r, std::string_view tool, std::string_view id, std::string_view email) {
    if (!id.empty() && !byId(tool, id)) id_aliases_.emplace(scopedKey(tool, id), r);
    if (!email.empty() && !byEmail(email)) email_aliases_.emplace(std::string(email), r);
  }

 private:
  std::size_t stagedRow(Row r) const { return keep_[r - base_]; }
  std::string_view idAt(Row r) const {
    return r < base_ ? store_.contacts.field<TextField<&Contact::contact_id>>().at(r)
                     : staged_.field<TextField<&Contact::contact_id>>().at(stagedRow(r));
  }
  std::string_view emailAt(Row r) const {
    return r < base_ ? store_.contacts.field<TextField<&Contact::email>>().at(r)
                     : staged_.field<TextField<&Contact::email>>().at(stagedRow(r));
  }
  std::string_view toolAt(Row r) const {
    const model::FileId file = r < base_ ? store_.contacts.fileOf(r) : staged_.fileOf(stagedRow(r));
    return store_.files[file].tool;
  }

  model::Store& store_;
  model::ContactTable& staged_;
  const std::vector<Row>& keep_;
  std::size_t base_;
  RowIndex& by_id_;
  RowIndex& by_email_;
  std::unordered_map<std::string, Row>& id_aliases_;
  std::unordered_map<std::string, Row>& email_aliases_;
};

}  // namespace

void DatasetMerger::mergeContacts(model::Store& into, model::ContactTable& staged,
                                  MergeCounts& counts) {
  const std::size_t base = into.contacts.size();
  std::vector<Row> keep;  // staged rows that become new contacts, in order
  PersonKeys keys(into, staged, keep, contact_by_id_, contact_by_email_, id_aliases_,
                  email_aliases_);
  const auto& ids = staged.field<TextField<&Contact::contact_id>>();
  const auto& emails = staged.field<TextField<&Contact::email>>();
  for (std::size_t i = 0; i < staged.size(); ++i) {
    const std::string_view tool = into.files[staged.fileOf(i)].tool;
    const std::string_view id = ids.at(i);
    const std::string_view email = emails.at(i);
    std::optional<Row> found = keys.byId(tool, id);
    if (!found) found = keys.byEmail(email);
    if (!found) {
      const Row r = static_cast<Row>(base + keep.size());
      keep.push_back(static_cast<Row>(i));
      keys.addRow(r, tool, id, email);
      continue;
    }
    const Contact from = staged.values(i, into.strings);
    if (*found < base) {
      Contact target = into.contacts.values(*found, into.strings);
      mergeContactFields(target, from);
      into.contacts.assign(*found, target, into.strings);
    } else {
      const std::size_t s = keep[*found - base];
      Contact target = staged.values(s, into.strings);
      mergeContactFields(target, from);
      staged.assign(s, target, into.strings);
    }
    keys.addAliases(*found, tool, id, email);
    ++counts.contacts_merged;
  }
  absorb(into.contacts, std::move(staged), keep.size() == staged.size() ? nullptr : &keep);
}

void DatasetMerger::mergeTransactions(model::Store& into, model::TransactionTable& staged,
                                      MergeCounts& counts) {
  const std::size_t base = into.transactions.size();
  std::vector<Row> keep;
  const auto& staged_ids = staged.field<TextField<&Transaction::txn_id>>();
  const auto& store_ids = into.transactions.field<TextField<&Transaction::txn_id>>();
  const auto& staged_kinds = staged.field<model::ValueField<&Transaction::kind>>();
  const auto& store_kinds = into.transactions.field<model::ValueField<&Transaction::kind>>();
  for (std::size_t i = 0; i < staged.size(); ++i) {
    const std::string_view id = staged_ids.at(i);
    const Row r = static_cast<Row>(base + keep.size());
    if (!id.empty()) {
      const std::string_view tool = into.files[staged.fileOf(i)].tool;
      const model::TransactionKind kind = staged_kinds.at(i);
      const auto same = [&](Row c) {
        const bool in_store = c < base;
        const std::size_t at = in_store ? c : keep[c - base];
        const model::FileId file = in_store ? into.transactions.fileOf(at) : staged.fileOf(at);
        return (in_store ? store_ids.at(at) : staged_ids.at(at)) == id &&
               (in_store ? store_kinds.at(at) : staged_kinds.at(at)) == kind &&
               into.files[file].tool == tool;
      };
      const std::uint64_t hash = scopedHash(tool, id) ^ static_cast<std::uint64_t>(kind);
      if (transaction_keys_.findOrInsert(hash, r, same)) {
        ++counts.duplicate_transactions;
        continue;
      }
    }
    keep.push_back(static_cast<Row>(i));
  }
  const auto& refs = staged.field<TextField<&Transaction::customer_ref>>();
  for (std::size_t k = 0; k < keep.size(); ++k) {
    const std::string_view ref = refs.at(keep[k]);
    if (!ref.empty() && ref.find('@') == std::string_view::npos)
      unresolved_refs_.push_back(static_cast<std::uint32_t>(base + k));
  }
  absorb(into.transactions, std::move(staged), keep.size() == staged.size() ? nullptr : &keep);
}

void DatasetMerger::resolveCustomerRefs(model::Store& into) {
  std::vector<Row> no_keep;
  model::ContactTable none;
  const PersonKeys keys(into, none, no_keep, contact_by_id_, contact_by_email_, id_aliases_,
                        email_aliases_);
  auto& refs = into.transactions.field<TextField<&Transaction::customer_ref>>();
  const auto& emails = into.contacts.field<TextField<&Contact::email>>();
  std::vector<std::uint32_t> still;
  for (const std::uint32_t t : unresolved_refs_) {
    const std::string_view ref = refs.at(t);
    const std::string_view tool = into.files[into.transactions.fileOf(t)].tool;
    const auto found = keys.byId(tool, ref.substr(0, ref.find(';')));
    if (found && !emails.at(*found).empty()) {
      refs.set(t, std::string(emails.at(*found)));
    } else {
      still.push_back(t);
    }
  }
  unresolved_refs_ = std::move(still);
}

MergeCounts DatasetMerger::merge(model::Store& into, model::Tables&& staged) {
  MergeCounts counts;
  mergeContacts(into, staged.contacts, counts);
  mergeTransactions(into, staged.transactions, counts);
  resolveCustomerRefs(into);
  absorb(into.touchpoints, std::move(staged.touchpoints));
  absorb(into.traffic, std::move(staged.traffic));
  absorb(into.costs, std::move(staged.costs));
  absorb(into.emails, std::move(staged.emails));
  absorb(into.paths, std::move(staged.paths));
  absorb(into.rfm, std::move(staged.rfm));
  return counts;
}

}  // namespace roilens::sources
