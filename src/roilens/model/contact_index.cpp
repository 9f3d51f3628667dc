#include "roilens/model/contact_index.hpp"

#include <algorithm>
#include <cctype>

namespace roilens::model {
namespace {

std::string lowerCase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

ContactIndex::ContactIndex(const std::vector<Contact>& contacts) {
  for (const Contact& c : contacts) {
    if (!c.contact_id.empty()) by_ref_.emplace(c.contact_id, &c);
    if (!c.email.empty()) by_ref_.emplace(lowerCase(c.email), &c);
  }
}

const Contact* ContactIndex::find(std::string_view ref) const {
  if (const auto it = by_ref_.find(std::string(ref)); it != by_ref_.end()) return it->second;
  if (const auto it = by_ref_.find(lowerCase(ref)); it != by_ref_.end()) return it->second;
  return nullptr;
}

}  // namespace roilens::model
