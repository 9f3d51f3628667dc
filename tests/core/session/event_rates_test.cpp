// cta_click_rate and form_fill_rate from real files, through `roilens report --format jsonl`:
// a generic event log (EN and FR) and a GA4 exploration of event counts per landing page
// (tests/core/fixtures/sources/). Every expected rate is counted by hand off the fixture text.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "roilens/session/command_line.hpp"

namespace roilens {
namespace {

const std::string kFixtures = std::string(ROILENS_FIXTURES_DIR) + "/sources/";
const std::string kEventLog = kFixtures + "generic_event_log.csv";
const std::string kEventLogFr = kFixtures + "generic_event_log_fr.csv";
const std::string kGa4Events = kFixtures + "ga4_exploration_events_by_landing_page.csv";

std::string runReport(std::vector<std::string> files, const std::string& by) {
  std::ostringstream out;
  std::ostringstream err;
  const FileReader reader = [](const std::string& path,
                               const ChunkSink& sink) -> std::optional<Error> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{ErrorCode::kUnreadableFile, "cannot open the file", "", {path, 0, ""}};
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    sink(bytes);
    return std::nullopt;
  };
  std::vector<std::string> args = {"report"};
  args.insert(args.end(), files.begin(), files.end());
  for (const char* a : {"--format", "jsonl", "--grain", "all", "--by"}) args.emplace_back(a);
  args.push_back(by);
  EXPECT_EQ(runCommandLine(args, {reader, out, err}), 0) << err.str();
  return out.str();
}

// kpi|landing_page|cta → the jsonl line, for the slices without other dimensions.
std::map<std::string, nlohmann::json> rates(const std::string& jsonl) {
  std::map<std::string, nlohmann::json> out;
  std::istringstream lines(jsonl);
  for (std::string line; std::getline(lines, line);) {
    const auto v = nlohmann::json::parse(line);
    const auto& d = v["dimensions"];
    out[v["kpi"].get<std::string>() + "|" + d.value("landing_page", "") + "|" +
        d.value("cta", "")] = v;
  }
  return out;
}

void expectRate(const std::map<std::string, nlohmann::json>& r, const std::string& key,
                double numerator, double denominator) {
  ASSERT_TRUE(r.count(key)) << key;
  EXPECT_EQ(r.at(key)["numerator"].get<double>(), numerator) << key;
  EXPECT_EQ(r.at(key)["denominator"].get<double>(), denominator) << key;
  EXPECT_NEAR(r.at(key)["value"].get<double>(), numerator / denominator * 100, 1e-9) << key;
}

TEST(EventRates, EventLogGivesFormFillRatePerLandingPage) {
  const auto r = rates(runReport({kEventLog}, "landing_page"));
  // /offer: page_view ann, bob = 2; form_submit ann = 1 → 1 / 2 = 50 %.
  expectRate(r, "form_fill_rate|/offer|", 1, 2);
  // /pricing: page_view cy, dan, eve = 3; form_submit dan = 1 → 1 / 3 = 33.3 %.
  expectRate(r, "form_fill_rate|/pricing|", 1, 3);
}

TEST(EventRates, EventLogGivesCtaClickRatePerCta) {
  const auto r = rates(runReport({kEventLog}, "landing_page"));
  // cta-demo: views ann, bob = 2; clicks ann = 1 → 50 %.
  expectRate(r, "cta_click_rate||cta-demo", 1, 2);
  // cta-trial: views bob, cy, eve = 3; clicks bob = 1 → 33.3 %.
  expectRate(r, "cta_click_rate||cta-trial", 1, 3);
  // Per CTA and landing page: cta-trial on /offer 1 / 1 (bob), on /pricing 0 / 2 (cy, eve).
  expectRate(r, "cta_click_rate|/offer|cta-trial", 1, 1);
  expectRate(r, "cta_click_rate|/pricing|cta-trial", 0, 2);
}

TEST(EventRates, FrenchEventLog) {
  const auto r = rates(runReport({kEventLogFr}, "landing_page"));
  // /offre: Vue de page ann, bob, chloé = 3; Soumission de formulaire ann = 1 → 33.3 %.
  expectRate(r, "form_fill_rate|/offre|", 1, 3);
  // cta-essai: Vue de CTA ann, bob = 2; Clic sur CTA ann = 1 → 50 %.
  expectRate(r, "cta_click_rate||cta-essai", 1, 2);
}

TEST(EventRates, Ga4ExplorationGivesFormFillRatePerLandingPage) {
  const auto r = rates(runReport({kGa4Events}, "landing_page"));
  // /offer: form_submit 30 / page_view 400 = 7.5 %; /pricing: 10 / 250 = 4 %.
  expectRate(r, "form_fill_rate|/offer|", 30, 400);
  expectRate(r, "form_fill_rate|/pricing|", 10, 250);
  // GA4 has clicks (45) but no CTA views: the rate is missing, never a number.
  for (const auto& [key, line] : r) EXPECT_NE(line["kpi"], "cta_click_rate") << key;
}

TEST(EventRates, EachRateReadsOneSourceWhenBothAreLoaded) {
  const auto r = rates(runReport({kGa4Events, kEventLog}, "landing_page"));
  // The event log holds page views and form submissions: form_fill_rate reads it alone
  // (1 / 2 on /offer, not (30 + 1) / (400 + 2)), and the GA4 clicks are not added to CTA clicks.
  expectRate(r, "form_fill_rate|/offer|", 1, 2);
  expectRate(r, "cta_click_rate||cta-demo", 1, 2);
  EXPECT_FALSE(r.count("cta_click_rate||(not set)"));
  EXPECT_FALSE(r.count("cta_click_rate||"));
}

}  // namespace
}  // namespace roilens
