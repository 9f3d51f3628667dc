#include "roilens/model/store.hpp"

#include <map>
#include <utility>

namespace roilens::model {
namespace {

template <typename T>
void readAll(const T& table, const Store& store, std::vector<typename T::Row>& out) {
  out.reserve(table.size());
  for (std::size_t i = 0; i < table.size(); ++i)
    out.push_back(table.row(i, store.strings, store.files));
}

}  // namespace

FileId Store::addFile(std::string name, std::string tool) {
  files.push_back(FileEntry{std::move(name), std::move(tool)});
  return static_cast<FileId>(files.size() - 1);
}

Dataset Store::toDataset() const {
  Dataset out;
  readAll(contacts, *this, out.contacts);
  readAll(touchpoints, *this, out.touchpoints);
  readAll(traffic, *this, out.traffic);
  readAll(transactions, *this, out.transactions);
  readAll(costs, *this, out.costs);
  readAll(emails, *this, out.emails);
  readAll(paths, *this, out.paths);
  readAll(rfm, *this, out.rfm);
  return out;
}

Store Store::fromDataset(const Dataset& data) {
  Store store;
  std::map<std::pair<std::string, std::string>, FileId> ids;
  const auto file = [&](const Origin& o) {
    const auto [it, added] = ids.try_emplace({o.source_system, o.source_file}, 0);
    if (added) it->second = store.addFile(o.source_file, o.source_system);
    return it->second;
  };
  const auto add = [&](auto& table, const auto& rows) {
    for (const auto& row : rows) table.append(row, file(row.origin), store.strings);
  };
  add(store.contacts, data.contacts);
  add(store.touchpoints, data.touchpoints);
  add(store.traffic, data.traffic);
  add(store.transactions, data.transactions);
  add(store.costs, data.costs);
  add(store.emails, data.emails);
  add(store.paths, data.paths);
  add(store.rfm, data.rfm);
  return store;
}

std::size_t Tables::bytes() const {
  return contacts.bytes() + touchpoints.bytes() + traffic.bytes() + transactions.bytes() +
         costs.bytes() + emails.bytes() + paths.bytes() + rfm.bytes();
}

}  // namespace roilens::model
