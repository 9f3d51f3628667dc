#pragma once
// How a reference to a person (a transaction's customer_ref, a touchpoint's contact_ref) finds
// its contact: by contact id, else by e-mail compared case-insensitively (FORMATS.md §15). The
// KPI engine and CLV join people this way.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "roilens/model/dataset.hpp"

namespace roilens::model {

class ContactIndex {
 public:
  // Keeps pointers into `contacts`, which must outlive the index.
  explicit ContactIndex(const std::vector<Contact>& contacts);
  // The contact `ref` names, or nullptr. The first contact wins when two share an id or e-mail.
  const Contact* find(std::string_view ref) const;

 private:
  std::unordered_map<std::string, const Contact*> by_ref_;
};

}  // namespace roilens::model
