#include "roilens/metrics/stage_velocity.hpp"

#include <algorithm>
#include <map>

namespace roilens::metrics {
namespace {

using model::Stage;

bool matches(const DimensionValues& dims, const DimensionFilter& filters) {
  for (const auto& [d, value] : filters) {
    const std::string& actual = at(dims, d);
    if (actual.empty() ? value != kNotSet : detail::lowerCase(actual) != detail::lowerCase(value))
      return false;
  }
  return true;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

}  // namespace

const std::vector<StageStep>& velocitySteps() {
  static const std::vector<StageStep> steps = {{Stage::kLead, Stage::kMql},
                                               {Stage::kMql, Stage::kSql},
                                               {Stage::kSql, Stage::kCustomer},
                                               {Stage::kLead, Stage::kCustomer}};
  return steps;
}

std::string_view stageName(Stage s) {
  static constexpr std::string_view kNames[] = {"subscriber",  "lead",     "mql",       "sql",
                                                "opportunity", "customer", "evangelist"};
  return kNames[static_cast<std::size_t>(s)];
}

std::vector<StageVelocity> stageVelocity(const model::Dataset& data,
                                         const std::vector<Period>& periods,
                                         const std::vector<Dimension>& by,
                                         const DimensionFilter& filters, int utc_offset_minutes) {
  std::vector<StageVelocity> out;
  for (std::size_t s = 0; s < velocitySteps().size(); ++s) {
    const StageStep step = velocitySteps()[s];
    std::map<std::pair<std::size_t, DimensionKey>, std::vector<double>> durations;
    for (const model::Contact& c : data.contacts) {
      if (!c.at(step.from) || !c.at(step.to)) continue;
      DimensionValues dims;
      detail::fillContactDimensions(c, dims);
      if (!matches(dims, filters)) continue;
      const model::DayNumber from = model::localDay(*c.at(step.from), utc_offset_minutes);
      const model::DayNumber to = model::localDay(*c.at(step.to), utc_offset_minutes);
      if (to < from) continue;
      const auto p = std::find_if(periods.begin(), periods.end(),
                                  [&](const Period& q) { return q.contains(to); });
      if (p == periods.end()) continue;
      DimensionKey key;
      for (const Dimension d : by)
        key.emplace_back(d, at(dims, d).empty() ? std::string(kNotSet) : at(dims, d));
      durations[{static_cast<std::size_t>(p - periods.begin()), key}].push_back(to - from);
    }
    for (auto& [key, days] : durations) {
      double total = 0.0;
      for (const double d : days) total += d;
      out.push_back({step, key.first, key.second, days.size(), total / days.size(), median(days)});
    }
  }
  return out;
}

}  // namespace roilens::metrics
