#include "roilens/sources/dataset_merge.hpp"

#include <iterator>

#include "roilens/sources/status_vocabulary.hpp"

namespace roilens::sources {
namespace {

std::string idKey(const model::Contact& contact) {
  return contact.origin.source_system + '\x1F' + contact.contact_id;
}

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

void DatasetMerger::indexContact(const model::Contact& contact, std::size_t index) {
  if (!contact.contact_id.empty()) contact_by_id_.emplace(idKey(contact), index);
  if (!contact.email.empty()) contact_by_email_.emplace(contact.email, index);
}

void DatasetMerger::mergeContact(model::Dataset& into, model::Contact&& contact,
                                 MergeCounts& counts) {
  std::optional<std::size_t> found;
  if (!contact.contact_id.empty()) {
    if (auto it = contact_by_id_.find(idKey(contact)); it != contact_by_id_.end())
      found = it->second;
  }
  if (!found && !contact.email.empty()) {
    if (auto it = contact_by_email_.find(contact.email); it != contact_by_email_.end()) {
      found = it->second;
    }
  }
  if (found) {
    mergeContactFields(into.contacts[*found], contact);
    indexContact(contact, *found);  // the other key now leads to the same person
    ++counts.contacts_merged;
    return;
  }
  into.contacts.push_back(std::move(contact));
  indexContact(into.contacts.back(), into.contacts.size() - 1);
}

void DatasetMerger::resolveCustomerRefs(model::Dataset& into) {
  for (model::Transaction& txn : into.transactions) {
    const std::string& ref = txn.customer_ref;
    if (ref.empty() || ref.find('@') != std::string::npos) continue;
    const std::string id = ref.substr(0, ref.find(';'));
    const auto it = contact_by_id_.find(txn.origin.source_system + '\x1F' + id);
    if (it == contact_by_id_.end()) continue;
    const std::string& email = into.contacts[it->second].email;
    if (!email.empty()) txn.customer_ref = email;
  }
}

MergeCounts DatasetMerger::merge(model::Dataset& into, model::Dataset&& staged) {
  MergeCounts counts;
  for (model::Contact& contact : staged.contacts) mergeContact(into, std::move(contact), counts);
  for (model::Transaction& txn : staged.transactions) {
    if (!txn.txn_id.empty()) {
      const std::string key = txn.origin.source_system + '\x1F' +
                              std::to_string(static_cast<int>(txn.kind)) + '\x1F' + txn.txn_id;
      if (!transaction_keys_.emplace(key, true).second) {
        ++counts.duplicate_transactions;
        continue;
      }
    }
    into.transactions.push_back(std::move(txn));
  }
  resolveCustomerRefs(into);
  auto append = [](auto& to, auto& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  append(into.touchpoints, staged.touchpoints);
  append(into.traffic, staged.traffic);
  append(into.costs, staged.costs);
  append(into.emails, staged.emails);
  append(into.paths, staged.paths);
  append(into.rfm, staged.rfm);
  return counts;
}

}  // namespace roilens::sources
