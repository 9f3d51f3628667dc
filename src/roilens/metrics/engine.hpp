#pragma once
// The one engine: evaluates any value KPI of the catalogue over periods and a slice (filters and
// a breakdown), as ratios of sums, each value with its numerator and denominator.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "roilens/metrics/catalogue.hpp"
#include "roilens/metrics/measure.hpp"
#include "roilens/metrics/period.hpp"
#include "roilens/model/dataset.hpp"

namespace roilens::metrics {

using DimensionFilter = std::vector<std::pair<Dimension, std::string>>;
using DimensionKey = std::vector<std::pair<Dimension, std::string>>;  // the slice of one value

struct KpiValue {
  std::string kpi;
  std::size_t period = 0;  // index into the periods evaluated
  DimensionKey dimensions;
  std::optional<double> value;
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::vector<std::string> inputs;  // source files of the records that fed the operands
  // A row over a date range (a 90-day traffic total, a campaign's spend) was spread over days to
  // fill this period: the value is an even-spread estimate, not a count.
  bool estimated = false;
};

// One record behind a value: which operand it fed, where it came from, and how much it gave.
struct FeedingRecord {
  std::string measure;
  const model::Origin* origin = nullptr;
  double amount = 0.0;  // its share in the period (ranged rows are spread over their days)
};

// What a KPI lacks to be computed: a model table and what it must contain.
struct MissingInput {
  std::string table;
  std::string what_en;
  std::string what_fr;
};

class Engine {
 public:
  Engine(const model::Dataset& data, int utc_offset_minutes);

  // Values for each period (sorted, non-overlapping) and each slice of `by` (plus the KPI's own
  // breakdown). With no breakdown at all there is exactly one value per period.
  std::vector<KpiValue> evaluate(const KpiDefinition& kpi, const std::vector<Period>& periods,
                                 const std::vector<Dimension>& by, const DimensionFilter& filters);

  // Whether the KPI can be sliced by these dimensions / filtered on them.
  static bool supports(const KpiDefinition& kpi, const std::vector<Dimension>& dims);

  std::vector<MissingInput> missingInputs(const KpiDefinition& kpi) const;

  // The records behind one value (period, slice given as filters): the rows a user sees when
  // tracing a KPI back to its files. At most `limit` records.
  std::vector<FeedingRecord> feedingRecords(const KpiDefinition& kpi, const Period& period,
                                            const DimensionFilter& slice, std::size_t limit);
  bool usesMoney(const KpiDefinition& kpi) const;

  VisitorsBasis visitorsBasis() const { return basis_; }
  // First and last local day any dated record falls on (none when the data set is empty).
  std::optional<std::pair<model::DayNumber, model::DayNumber>> dataExtent();

 private:
  struct Cell {
    double sum = 0.0;
    std::vector<std::string> entities;  // distinct measures: sorted, unique
    std::set<std::string_view> files;
    bool estimated = false;
  };
  using Cells = std::map<std::pair<std::size_t, DimensionKey>, Cell>;

  const std::vector<Fact>& factsOf(const MeasureDefinition& m, bool landing_page_rows);
  struct Total {
    double value = 0.0;
    std::vector<std::string> inputs;  // source files, sorted
    bool estimated = false;
  };
  using Sums = std::map<std::pair<std::size_t, DimensionKey>, Total>;
  // A measure summed per period and slice. Many KPIs share a measure (leads feeds seven of
  // them), so results are kept per (measure, periods, groups, filters).
  const Sums& aggregate(const std::string& measure, const std::vector<Period>& periods,
                        const std::vector<Dimension>& groups, const DimensionFilter& filters);
  std::vector<KpiValue> combineKpis(const KpiDefinition& kpi, const std::vector<Period>& periods,
                                    const std::vector<Dimension>& groups,
                                    const DimensionFilter& filters);

  const model::Dataset& data_;
  int utc_offset_minutes_;
  VisitorsBasis basis_;
  model::ContactIndex contacts_;
  std::map<std::pair<std::string, bool>, std::vector<Fact>> facts_;  // per measure, row family
  using AggregateKey =
      std::tuple<std::string, std::vector<std::pair<model::DayNumber, model::DayNumber>>,
                 std::vector<Dimension>, DimensionFilter>;
  std::map<AggregateKey, Sums> sums_;
};

// The group dimensions of a KPI for a requested breakdown: its own breakdown, then `by`.
std::vector<Dimension> groupDimensions(const KpiDefinition& kpi, const std::vector<Dimension>& by);

}  // namespace roilens::metrics
