// Runs every hand-computed KPI case, and fails for any catalogue entry no case checks.
#include "kpi_cases.hpp"

#include <set>

#include "roilens/metrics/catalogue.hpp"

namespace roilens::testing {
namespace {

std::vector<KpiCase> allCases() {
  std::vector<KpiCase> out;
  for (auto part : {funnelCases(), moneyCases(), emailCases(), trafficCases(), steeringCases()}) {
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

class KpiCaseTest : public ::testing::TestWithParam<KpiCase> {};

TEST_P(KpiCaseTest, MatchesHandCalculation) { GetParam().run(); }

INSTANTIATE_TEST_SUITE_P(Catalogue, KpiCaseTest, ::testing::ValuesIn(allCases()),
                         [](const ::testing::TestParamInfo<KpiCase>& info) {
                           return info.param.name;
                         });

TEST(KpiCoverage, EveryCatalogueEntryHasAHandComputedCase) {
  std::set<std::string> covered;
  for (const KpiCase& c : allCases()) covered.insert(c.kpis.begin(), c.kpis.end());
  for (const metrics::KpiDefinition& k : metrics::catalogue()) {
    EXPECT_TRUE(covered.count(k.id))
        << "catalogue entry '" << k.id << "' has no hand-computed test case";
  }
  // And no case claims an id the catalogue does not have.
  for (const std::string& id : covered)
    EXPECT_NE(metrics::findKpi(metrics::catalogue(), id), nullptr) << id;
}

}  // namespace
}  // namespace roilens::testing
