// The catalogue is valid, complete against KPIS.md, exported with everything the page needs, and
// the validation pass names the entry at fault.
#include "roilens/metrics/catalogue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

namespace roilens::metrics {
namespace {

bool hasIssue(const std::vector<CatalogueIssue>& issues, const std::string& kpi,
              const std::string& words) {
  return std::any_of(issues.begin(), issues.end(), [&](const CatalogueIssue& i) {
    return i.kpi == kpi && i.message.find(words) != std::string::npos;
  });
}

TEST(Catalogue, BuiltInCatalogueIsValid) {
  const auto issues = validate(catalogue());
  for (const auto& i : issues) ADD_FAILURE() << i.kpi << ": " << i.message;
  EXPECT_GT(catalogue().size(), 60u);
}

TEST(Catalogue, ValidationNamesTheFaultyEntry) {
  KpiCatalogue bad = catalogue();
  const auto entry = [&](const std::string& id) -> KpiDefinition& {
    return *std::find_if(bad.begin(), bad.end(),
                         [&](const KpiDefinition& k) { return k.id == id; });
  };
  entry("qualified_lead_rate").scale = 1.0;                      // a percent without × 100
  entry("mql_to_sql_rate").denominator = "unknown_measure";      // no such measure
  entry("cta_click_rate").label.fr.clear();                      // no French label
  entry("lead_conversion_rate").dimensions = {Dimension::kCta};  // visitors know no CTA
  entry("leads").denominator = "visitors";                       // a count with a denominator
  entry("ltv_to_cac").numerator = "no_such_kpi";                 // KPI ratio to an unknown KPI
  entry("goals").section = 7;                                    // KPIS.md has six sections
  entry("attributed_revenue").provider.clear();                  // external with no provider
  bad.push_back(bad.front());                                    // duplicate "visitors"
  bad.back().id = "visitors";
  const auto issues = validate(bad);
  EXPECT_TRUE(hasIssue(issues, "qualified_lead_rate", "scale 100"));
  EXPECT_TRUE(hasIssue(issues, "mql_to_sql_rate", "unknown_measure"));
  EXPECT_TRUE(hasIssue(issues, "cta_click_rate", "French"));
  EXPECT_TRUE(hasIssue(issues, "lead_conversion_rate", "dimension"));
  EXPECT_TRUE(hasIssue(issues, "leads", "no denominator"));
  EXPECT_TRUE(hasIssue(issues, "ltv_to_cac", "no_such_kpi"));
  EXPECT_TRUE(hasIssue(issues, "goals", "section"));
  EXPECT_TRUE(hasIssue(issues, "attributed_revenue", "provider"));
  EXPECT_TRUE(hasIssue(issues, "visitors", "duplicate"));
  EXPECT_EQ(issues.size(), 9u);
}

TEST(Catalogue, JsonCarriesWhatThePageRenders) {
  const nlohmann::json cat = catalogueJson();
  ASSERT_EQ(cat.size(), catalogue().size());
  const std::set<std::string> kinds = {"count", "sum", "ratio", "derived", "conversion"};
  const std::set<std::string> units = {"count", "percent", "currency", "days", "ratio"};
  const std::set<std::string> polarities = {"up_is_good", "up_is_bad", "neutral"};
  for (const auto& k : cat) {
    SCOPED_TRACE(k["id"].get<std::string>());
    for (const char* text : {"label", "description", "formula", "section_title"}) {
      EXPECT_FALSE(k[text]["en"].get<std::string>().empty());
      EXPECT_FALSE(k[text]["fr"].get<std::string>().empty());
    }
    EXPECT_GE(k["section"].get<int>(), 1);
    EXPECT_LE(k["section"].get<int>(), 6);
    EXPECT_TRUE(kinds.count(k["kind"].get<std::string>()));
    EXPECT_TRUE(units.count(k["unit"].get<std::string>()));
    EXPECT_TRUE(polarities.count(k["polarity"].get<std::string>()));
    EXPECT_TRUE(k["scale"] == 1 || k["scale"] == 100);
    EXPECT_TRUE(k["dimensions"].is_array());
    EXPECT_TRUE(k["needs"].is_array());
    EXPECT_FALSE(k["seed"].get<std::string>().empty());
  }
  const auto cac =
      std::find_if(cat.begin(), cat.end(), [](const auto& k) { return k["id"] == "cac"; });
  EXPECT_EQ((*cac)["numerator"], "cost");
  EXPECT_EQ((*cac)["denominator"], "customers");
  EXPECT_EQ((*cac)["polarity"], "up_is_bad");
  EXPECT_EQ((*cac)["needs"], nlohmann::json::array({"costs", "contacts"}));
  EXPECT_EQ((*cac)["section_title"]["fr"], "Coûts, CAC, CLV, ROI");
}

// Every id of KPIS.md's tables (sections 1–6) is a catalogue entry or a family of entries.
TEST(Catalogue, CoversEveryKpiOfKpisMd) {
  const std::filesystem::path path = std::filesystem::path(ROILENS_SHARED_DIR) / "KPIS.md";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "KPIS.md not found at " << path;
  std::ifstream in(path);
  std::set<std::string> ids;
  std::set<std::string> families;
  for (const auto& k : catalogue()) {
    ids.insert(k.id);
    if (!k.family.empty()) families.insert(k.family);
  }
  const std::regex row(R"(^\| ([a-z_, ]+?)( \([a-z]+\))? \|)");
  std::string line;
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, row) || m[1] == "id") continue;
    std::string cell = m[1];
    std::size_t start = 0;
    while (start <= cell.size()) {
      const std::size_t comma = cell.find(", ", start);
      const std::string id =
          cell.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      EXPECT_TRUE(ids.count(id) || families.count(id))
          << "KPIS.md id '" << id << "' has no catalogue entry";
      ++checked;
      if (comma == std::string::npos) break;
      start = comma + 2;
    }
  }
  EXPECT_GE(checked, 50u);
}

}  // namespace
}  // namespace roilens::metrics
