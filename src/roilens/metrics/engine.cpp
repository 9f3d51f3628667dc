#include "roilens/metrics/engine.hpp"

#include <algorithm>
#include <set>

#include "roilens/model/transaction_facts.hpp"

namespace roilens::metrics {
namespace {

bool sameText(std::string_view a, std::string_view b) {
  return detail::lowerCase(a) == detail::lowerCase(b);
}

// A filter value "(not set)" selects the facts whose source does not know the dimension.
bool passes(const Fact& f, const DimensionFilter& filters) {
  for (const auto& [d, value] : filters) {
    const std::string& actual = at(f.dims, d);
    if (actual.empty() ? value != kNotSet : !sameText(actual, value)) return false;
  }
  return true;
}

DimensionKey keyOf(const Fact& f, const std::vector<Dimension>& groups) {
  DimensionKey key;
  for (const Dimension d : groups) {
    const std::string& v = at(f.dims, d);
    key.emplace_back(d, v.empty() ? std::string(kNotSet) : v);
  }
  return key;
}

bool needsLandingRows(const std::vector<Dimension>& groups, const DimensionFilter& filters) {
  const auto is_lp = [](Dimension d) { return d == Dimension::kLandingPage; };
  return std::any_of(groups.begin(), groups.end(), is_lp) ||
         std::any_of(filters.begin(), filters.end(), [&](const auto& f) { return is_lp(f.first); });
}

// Index of the first period whose last day is not before `day` (periods sorted, disjoint).
std::size_t firstPeriodFrom(const std::vector<Period>& periods, model::DayNumber day) {
  const auto it = std::lower_bound(periods.begin(), periods.end(), day,
                                   [](const Period& p, model::DayNumber d) { return p.last < d; });
  return static_cast<std::size_t>(it - periods.begin());
}

void widen(std::optional<std::pair<model::DayNumber, model::DayNumber>>& extent,
           model::DayNumber first, model::DayNumber last) {
  if (!extent) {
    extent = std::make_pair(first, last);
  } else {
    extent->first = std::min(extent->first, first);
    extent->second = std::max(extent->second, last);
  }
}

}  // namespace

std::vector<Dimension> groupDimensions(const KpiDefinition& kpi, const std::vector<Dimension>& by) {
  std::vector<Dimension> out = kpi.breakdown;
  for (const Dimension d : by) {
    if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
  }
  return out;
}

Engine::Engine(const model::Dataset& data, int utc_offset_minutes)
    : data_(data),
      utc_offset_minutes_(utc_offset_minutes),
      basis_(visitorsBasisOf(data)),
      contacts_(data.contacts) {}

bool Engine::supports(const KpiDefinition& kpi, const std::vector<Dimension>& dims) {
  return std::all_of(dims.begin(), dims.end(), [&](Dimension d) {
    return kpi.dimensions.contains(d) ||
           std::find(kpi.breakdown.begin(), kpi.breakdown.end(), d) != kpi.breakdown.end();
  });
}

const std::vector<Fact>& Engine::factsOf(const MeasureDefinition& m, bool landing_page_rows) {
  const auto key = std::make_pair(std::string(m.id), landing_page_rows);
  auto it = facts_.find(key);
  if (it == facts_.end()) {
    const MeasureContext ctx{utc_offset_minutes_, landing_page_rows, basis_, &contacts_};
    it = facts_.emplace(key, m.facts(data_, ctx)).first;
  }
  return it->second;
}

const Engine::Sums& Engine::aggregate(const std::string& measure,
                                      const std::vector<Period>& periods,
                                      const std::vector<Dimension>& groups,
                                      const DimensionFilter& filters) {
  std::vector<std::pair<model::DayNumber, model::DayNumber>> spans;
  for (const Period& p : periods) spans.emplace_back(p.first, p.last);
  AggregateKey cache_key{measure, std::move(spans), groups, filters};
  if (const auto it = sums_.find(cache_key); it != sums_.end()) return it->second;
  Sums& out = sums_[std::move(cache_key)];

  const MeasureDefinition* m = findMeasure(measure);
  if (!m) return out;
  Cells cells;
  const std::vector<Fact>& facts = factsOf(*m, needsLandingRows(groups, filters));
  for (const Fact& f : facts) {
    if (!passes(f, filters)) continue;
    const DimensionKey key = keyOf(f, groups);
    const double span = f.last - f.first + 1;
    for (std::size_t i = firstPeriodFrom(periods, f.first);
         i < periods.size() && periods[i].first <= f.last; ++i) {
      Cell& cell = cells[{i, key}];
      if (f.origin && !f.origin->source_file.empty()) cell.files.insert(f.origin->source_file);
      if (m->distinct) {
        // A fact without an entity is its own entity (never merged with another).
        cell.entities.push_back(f.entity.empty() ? "\x1e" + std::to_string(&f - facts.data())
                                                 : f.entity);
      } else {
        // A fact over a range of days is spread evenly over those days.
        const double overlap =
            std::min(f.last, periods[i].last) - std::max(f.first, periods[i].first) + 1;
        cell.sum += f.amount * overlap / span;
        cell.estimated = cell.estimated || overlap < span;
      }
    }
  }
  for (auto& [key, cell] : cells) {
    if (m->distinct) {
      std::sort(cell.entities.begin(), cell.entities.end());
      cell.sum = static_cast<double>(std::unique(cell.entities.begin(), cell.entities.end()) -
                                     cell.entities.begin());
    }
    out[key] = Total{cell.sum, std::vector<std::string>(cell.files.begin(), cell.files.end()),
                     cell.estimated};
  }
  return out;
}

std::vector<KpiValue> Engine::evaluate(const KpiDefinition& kpi, const std::vector<Period>& periods,
                                       const std::vector<Dimension>& by,
                                       const DimensionFilter& filters) {
  const std::vector<Dimension> groups = groupDimensions(kpi, by);
  DimensionFilter all_filters = kpi.where;
  all_filters.insert(all_filters.end(), filters.begin(), filters.end());
  if (kpi.combine == Combine::kKpiRatio) return combineKpis(kpi, periods, groups, all_filters);

  const auto& num = aggregate(kpi.numerator, periods, groups, all_filters);
  static const Sums kNone;  // immutable: counts and sums have no denominator
  const auto& den =
      kpi.denominator.empty() ? kNone : aggregate(kpi.denominator, periods, groups, all_filters);
  // Every slice seen in any period is shown in every period, so a table has no holes: a
  // channel with no customer this month shows 0 customers (and its rates their 0 / x or null).
  std::set<DimensionKey> slices;
  if (groups.empty()) slices.insert(DimensionKey{});  // totals always shown
  for (const auto& [key, v] : num) slices.insert(key.second);
  for (const auto& [key, v] : den) slices.insert(key.second);
  std::map<std::pair<std::size_t, DimensionKey>, bool> keys;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    for (const DimensionKey& slice : slices) keys[{i, slice}] = true;
  }

  std::vector<KpiValue> out;
  for (const auto& [key, unused] : keys) {
    KpiValue v{kpi.id, key.first, key.second, std::nullopt, std::nullopt, std::nullopt};
    const auto n_it = num.find(key);
    const double n = n_it == num.end() ? 0.0 : n_it->second.value;
    if (n_it != num.end()) {
      v.inputs = n_it->second.inputs;
      v.estimated = n_it->second.estimated;
    }
    v.numerator = n;
    if (kpi.combine == Combine::kNumerator) {
      v.value = n;
    } else {
      const auto d_it = den.find(key);
      const double d = d_it == den.end() ? 0.0 : d_it->second.value;
      if (d_it != den.end()) {
        v.estimated = v.estimated || d_it->second.estimated;
        v.inputs.insert(v.inputs.end(), d_it->second.inputs.begin(), d_it->second.inputs.end());
        std::sort(v.inputs.begin(), v.inputs.end());
        v.inputs.erase(std::unique(v.inputs.begin(), v.inputs.end()), v.inputs.end());
      }
      v.denominator = d;
      if (d != 0.0) {
        switch (kpi.combine) {
          case Combine::kReturn:
            v.value = (n - d) / d * kpi.scale;
            break;
          case Combine::kMonthlyRatio:
            v.value = n / d / monthsIn(periods[key.first]) * kpi.scale;
            break;
          default:
            v.value = n / d * kpi.scale;
        }
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

// A KPI of KPIs (ltv_to_cac = clv / cac): both operands evaluated on the same slices.
std::vector<KpiValue> Engine::combineKpis(const KpiDefinition& kpi,
                                          const std::vector<Period>& periods,
                                          const std::vector<Dimension>& groups,
                                          const DimensionFilter& filters) {
  std::vector<KpiValue> out;
  const KpiDefinition* a = findKpi(catalogue(), kpi.numerator);
  const KpiDefinition* b = findKpi(catalogue(), kpi.denominator);
  if (!a || !b) return out;
  std::map<std::pair<std::size_t, DimensionKey>, KpiValue> joined;
  const auto slot = [&](std::size_t period, const DimensionKey& dims) -> KpiValue& {
    auto [it, inserted] = joined.try_emplace({period, dims});
    if (inserted) it->second = KpiValue{kpi.id, period, dims, {}, {}, {}, {}};
    return it->second;
  };
  if (groups.empty()) {
    for (std::size_t i = 0; i < periods.size(); ++i) slot(i, {});
  }
  for (const bool is_numerator : {true, false}) {
    for (const KpiValue& v : evaluate(is_numerator ? *a : *b, periods, groups, filters)) {
      KpiValue& target = slot(v.period, v.dimensions);
      (is_numerator ? target.numerator : target.denominator) = v.value;
      target.inputs.insert(target.inputs.end(), v.inputs.begin(), v.inputs.end());
      target.estimated = target.estimated || v.estimated;
    }
  }
  for (auto& [key, v] : joined) {
    if (v.numerator && v.denominator && *v.denominator != 0.0) {
      v.value = *v.numerator / *v.denominator * kpi.scale;
    }
    std::sort(v.inputs.begin(), v.inputs.end());
    v.inputs.erase(std::unique(v.inputs.begin(), v.inputs.end()), v.inputs.end());
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<FeedingRecord> Engine::feedingRecords(const KpiDefinition& kpi, const Period& period,
                                                  const DimensionFilter& slice, std::size_t limit) {
  std::vector<FeedingRecord> out;
  if (kpi.combine == Combine::kKpiRatio) {
    for (const std::string* id : {&kpi.numerator, &kpi.denominator}) {
      const KpiDefinition* k = findKpi(catalogue(), *id);
      if (!k) continue;
      for (FeedingRecord& r : feedingRecords(*k, period, slice, limit - out.size())) {
        out.push_back(std::move(r));
      }
    }
    return out;
  }
  DimensionFilter filters = kpi.where;
  filters.insert(filters.end(), slice.begin(), slice.end());
  std::vector<Dimension> groups;
  for (const auto& [d, value] : slice) groups.push_back(d);
  for (const std::string* id : {&kpi.numerator, &kpi.denominator}) {
    const MeasureDefinition* m = id->empty() ? nullptr : findMeasure(*id);
    if (!m) continue;
    for (const Fact& f : factsOf(*m, needsLandingRows(groups, filters))) {
      if (out.size() >= limit) return out;
      if (!passes(f, filters) || f.last < period.first || f.first > period.last) continue;
      const double overlap = std::min(f.last, period.last) - std::max(f.first, period.first) + 1;
      out.push_back(
          {*id, f.origin, m->distinct ? 1.0 : f.amount * overlap / (f.last - f.first + 1)});
    }
  }
  return out;
}

std::vector<MissingInput> Engine::missingInputs(const KpiDefinition& kpi) const {
  std::vector<MissingInput> out;
  if (kpi.combine == Combine::kKpiRatio) {
    for (const std::string* id : {&kpi.numerator, &kpi.denominator}) {
      if (const KpiDefinition* k = findKpi(catalogue(), *id)) {
        for (MissingInput& m : missingInputs(*k)) {
          const bool seen = std::any_of(out.begin(), out.end(), [&](const MissingInput& o) {
            return o.table == m.table && o.what_en == m.what_en;
          });
          if (!seen) out.push_back(std::move(m));
        }
      }
    }
    return out;
  }
  for (const std::string* id : {&kpi.numerator, &kpi.denominator}) {
    const MeasureDefinition* m = id->empty() ? nullptr : findMeasure(*id);
    if (!m || m->available(data_)) continue;
    const bool seen = std::any_of(out.begin(), out.end(), [&](const MissingInput& o) {
      return o.table == m->table && o.what_en == m->requirement;
    });
    if (!seen)
      out.push_back(
          {std::string(m->table), std::string(m->requirement), std::string(m->requirement_fr)});
  }
  return out;
}

bool Engine::usesMoney(const KpiDefinition& kpi) const {
  if (kpi.combine == Combine::kKpiRatio) {
    const KpiDefinition* a = findKpi(catalogue(), kpi.numerator);
    const KpiDefinition* b = findKpi(catalogue(), kpi.denominator);
    return (a && usesMoney(*a)) || (b && usesMoney(*b));
  }
  for (const std::string* id : {&kpi.numerator, &kpi.denominator}) {
    const MeasureDefinition* m = id->empty() ? nullptr : findMeasure(*id);
    if (m && m->money) return true;
  }
  return kpi.unit == Unit::kCurrency;
}

std::optional<std::pair<model::DayNumber, model::DayNumber>> Engine::dataExtent() {
  std::optional<std::pair<model::DayNumber, model::DayNumber>> extent;
  const auto at_day = [&](const std::optional<model::Timestamp>& t) {
    if (t) {
      const model::DayNumber d = model::localDay(*t, utc_offset_minutes_);
      widen(extent, d, d);
    }
  };
  for (const auto& c : data_.contacts) {
    at_day(c.created_at);
    for (const auto& s : c.stage_at) at_day(s);
  }
  for (const auto& t : data_.touchpoints) at_day(t.occurred_at);
  for (const auto& t : data_.transactions) at_day(model::purchaseInstant(t));
  for (const auto& e : data_.emails) at_day(e.sent_at);
  for (const auto& r : data_.traffic) widen(extent, r.range_start, r.range_end);
  for (const auto& c : data_.costs) widen(extent, c.range_start, c.range_end);
  return extent;
}

}  // namespace roilens::metrics
