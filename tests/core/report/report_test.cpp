// The report as a whole: options parsing, the JSON shape of schema 1.0, null for every zero
// denominator, slices a KPI cannot offer, and the jsonl and table writers.
#include <sstream>

#include "kpi_cases.hpp"

namespace roilens::testing {
namespace {

Error parseError(const json& options) {
  auto parsed = report::parseReportOptions(options);
  EXPECT_FALSE(parsed.ok()) << options.dump();
  return parsed.ok() ? Error{} : parsed.error();
}

TEST(ReportOptions, DefaultsAndValues) {
  auto o = report::parseReportOptions(json::object());
  ASSERT_TRUE(o.ok());
  EXPECT_FALSE(o.value().grain.has_value());  // month unless a custom range is given
  EXPECT_TRUE(o.value().compare);
  auto full = report::parseReportOptions({{"grain", "week"},
                                          {"from", "2025-03-01"},
                                          {"to", "2025-03-31"},
                                          {"by", {"channel", "device"}},
                                          {"filters", {{"campaign", "spring"}}},
                                          {"utc_offset_minutes", -300},
                                          {"kpis", {"leads"}},
                                          {"compare", false}});
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full.value().by.size(), 2u);
  EXPECT_EQ(full.value().utc_offset_minutes, -300);
  EXPECT_EQ(full.value().from, day(2025, 3, 1));
}

TEST(ReportOptions, BadValuesAreBilingualErrorsNamingTheOption) {
  const Error grain = parseError({{"grain", "fortnight"}});
  EXPECT_EQ(grain.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(grain.position.column, "grain");
  EXPECT_NE(grain.message_fr.find("attendu"), std::string::npos);
  EXPECT_EQ(parseError({{"from", "2025-02-30"}}).position.column, "from");
  EXPECT_EQ(parseError({{"from", "2025-03-10"}, {"to", "2025-03-01"}}).position.column, "to");
  EXPECT_EQ(parseError({{"by", {"colour"}}}).position.column, "by");
  EXPECT_EQ(parseError({{"kpis", {"not_a_kpi"}}}).position.column, "kpis");
  EXPECT_EQ(parseError({{"utc_offset_minutes", 5000}}).position.column, "utc_offset_minutes");
  EXPECT_EQ(parseError({{"grain", "cadence"}}).position.column, "cadence_start");
  EXPECT_EQ(parseError({{"goals", {{{"kpi", "leads"}, {"period", "2025-13"}, {"target", 3}}}}})
                .position.column,
            "goals[0].period");
  EXPECT_EQ(
      parseError({{"goals", {{{"kpi", "top_entry_pages"}, {"period", "2025"}, {"target", 3}}}}})
          .position.column,
      "goals[0].kpi");
  EXPECT_EQ(
      parseError({{"ab_tests", {{{"kpi", "leads"}, {"dimension", "cta"}, {"a", "x"}, {"b", "y"}}}}})
          .position.column,
      "ab_tests[0].kpi");
  EXPECT_EQ(parseError(json::array()).position.column, "options");
}

TEST(Report, Schema10Shape) {
  const json r = report(funnelDataset(), json::object());
  EXPECT_EQ(r["schema_version"], "1.0");
  for (const char* key :
       {"options", "periods", "values", "missing_inputs", "rankings", "stage_velocity", "goals",
        "cadence", "trends", "ab_tests", "visitors_basis", "not_applicable", "external"}) {
    EXPECT_TRUE(r.contains(key)) << key;
  }
  ASSERT_EQ(r["periods"].size(), 2u);
  EXPECT_EQ(r["periods"][0], json({{"label", "2025-02"},
                                   {"start", "2025-02-01"},
                                   {"end", "2025-02-28"},
                                   {"grain", "month"}}));
  for (const char* key : {"top_entry_pages", "top_blog_posts", "pages_to_fix"})
    EXPECT_TRUE(r["rankings"][key].is_array());
  for (const json& v : r["values"]) {
    for (const char* key : {"kpi", "period", "dimensions", "value", "numerator", "denominator"}) {
      EXPECT_TRUE(v.contains(key)) << key;
    }
  }
}

TEST(Report, EveryZeroDenominatorGivesNullAndNoValueIsNaN) {
  model::Dataset d = funnelDataset();
  d.costs = {
      cost(day(2025, 2, 1), day(2025, 2, 28), "Paid Search", 100)};  // no customer in February
  d.transactions = {sale("c1", ts(2025, 3, 25), 10)};
  const json r = report(d, {{"by", {"channel"}}, {"grain", "week"}});
  std::size_t nulls = 0;
  for (const json& v : r["values"]) {
    EXPECT_TRUE(v["value"].is_null() || v["value"].is_number()) << v.dump();
    if (v["denominator"] == 0) {
      EXPECT_TRUE(v["value"].is_null()) << v.dump();
      ++nulls;
    }
  }
  EXPECT_GT(nulls, 20u);
  expectValue(r, "cac", "2025-W06", json::object(), std::nullopt, 25,
              0);  // 100 / 28 × 7 = 25, 0 customers
}

TEST(Report, VisitorsBasis) {
  EXPECT_EQ(report(funnelDataset(), {{"compare", false}})["visitors_basis"], "users");
  model::Dataset sessions_only = funnelDataset();
  sessions_only.traffic[0].users.reset();  // one row without users: every row counts sessions
  const json r = report(sessions_only, {{"compare", false}, {"kpis", {"visitors"}}});
  EXPECT_EQ(r["visitors_basis"], "sessions");
  expectValue(r, "visitors", "2025-02", json::object(), 222, 222, std::nullopt);  // 150 + 60 + 12
  model::Dataset no_traffic = funnelDataset();
  no_traffic.traffic.clear();
  const json n = report(no_traffic, {{"compare", false}});
  EXPECT_TRUE(n["visitors_basis"].is_null());
  expectMissing(n, "visitors", "traffic");
  expectMissing(n, "lead_conversion_rate", "traffic");
}

TEST(Report, TimeZoneAndIsoWeeks) {
  model::Dataset d;
  d.contacts = {contact("late", "Direct", {ts(2025, 3, 31, 23, 30), {}, {}, {}}),
                contact("new_year", "Direct", {ts(2024, 12, 30, 9), {}, {}, {}})};
  const json utc = report(d, {{"compare", false}, {"kpis", {"leads"}}});
  expectValue(utc, "leads", "2025-03", json::object(), 1, 1, std::nullopt);
  // UTC+1: 23:30 UTC on March 31st is 00:30 on April 1st.
  const json paris =
      report(d, {{"compare", false}, {"kpis", {"leads"}}, {"utc_offset_minutes", 60}});
  expectValue(paris, "leads", "2025-03", json::object(), 0, 0, std::nullopt);
  expectValue(paris, "leads", "2025-04", json::object(), 1, 1, std::nullopt);
  // Weeks: 2024-12-30 (a Monday) opens 2025-W01; 2025-03-31 is the Monday of 2025-W14.
  const json weeks = report(d, {{"compare", false}, {"kpis", {"leads"}}, {"grain", "week"}});
  expectValue(weeks, "leads", "2025-W01", json::object(), 1, 1, std::nullopt);
  expectValue(weeks, "leads", "2025-W14", json::object(), 1, 1, std::nullopt);
  const json quarters = report(d, {{"compare", false}, {"kpis", {"leads"}}, {"grain", "quarter"}});
  expectValue(quarters, "leads", "2024-Q4", json::object(), 1, 1, std::nullopt);
  expectValue(quarters, "leads", "2025-Q1", json::object(), 1, 1, std::nullopt);
}

TEST(Report, TooManyPeriodsIsAnErrorNotAHang) {
  // 2000-01-01 .. 2025-12-31 by day = 9 497 periods > 5 000.
  const json r =
      report(funnelDataset(), {{"grain", "day"}, {"from", "2000-01-01"}, {"to", "2025-12-31"}});
  EXPECT_EQ(r["error"]["code"], "invalid_argument");
  EXPECT_NE(r["error"]["message"]["fr"].get<std::string>().find("9497"), std::string::npos);
  EXPECT_TRUE(r["values"].empty());
  // The same range by month (312 periods) is fine.
  const json m = report(funnelDataset(), {{"grain", "month"},
                                          {"from", "2000-01-01"},
                                          {"to", "2025-12-31"},
                                          {"kpis", {"leads"}},
                                          {"compare", false}});
  EXPECT_FALSE(m.contains("error"));
  expectValue(m, "leads", "2025-03", json::object(), 4, 4, std::nullopt);
  // A cadence over centuries stays linear (monthly phase).
  const json c = report(funnelDataset(), {{"cadence_start", "2025-01-01"},
                                          {"to", "2400-01-01"},
                                          {"kpis", {"leads"}},
                                          {"compare", false}});
  EXPECT_GT(c["cadence"].size(), 4000u);
}

// Every value names the files that fed it, and options.explain lists the records (file, line).
TEST(Report, ValuesAreTraceableToFilesAndLines) {
  model::Dataset d = funnelDataset();
  for (std::size_t i = 0; i < d.contacts.size(); ++i) {
    d.contacts[i].origin = {"hubspot", "contacts.csv", i + 2};  // line 1 is the header
  }
  for (std::size_t i = 0; i < d.traffic.size(); ++i)
    d.traffic[i].origin = {"ga4", "traffic.csv", i + 10};
  const json r = report(d, {{"compare", false},
                            {"kpis", {"lead_conversion_rate"}},
                            {"explain",
                             {{"kpi", "lead_conversion_rate"},
                              {"period", "2025-03"},
                              {"dimensions", {{"channel", "Paid Search"}}}}}});
  const json* v = findValue(r, "lead_conversion_rate", "2025-03");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ((*v)["inputs"], json::array({"contacts.csv", "traffic.csv"}));
  // Paid Search in March: leads c3 (line 4) and c4 (line 5); visitors from the March Paid Search
  // traffic row (index 4 → line 14), whole month = amount 100.
  const json expected = json::array(
      {{{"measure", "leads"}, {"file", "contacts.csv"}, {"line", 4}, {"amount", 1}},
       {{"measure", "leads"}, {"file", "contacts.csv"}, {"line", 5}, {"amount", 1}},
       {{"measure", "visitors"}, {"file", "traffic.csv"}, {"line", 14}, {"amount", 100}}});
  EXPECT_EQ(r["explain"]["records"], expected);
  EXPECT_EQ(r["explain"]["truncated"], false);
  EXPECT_EQ(parseError({{"explain", {{"kpi", "goals"}}}}).position.column, "explain");
}

TEST(Report, SpreadRangesAreMarkedEstimatedAndReportsAreTakenWhole) {
  model::Dataset d = funnelDataset();
  for (auto& r : d.traffic) r.origin.source_file = "acquisition.csv";
  // A landing-page report of the same visits, whose "(not set)" row has no landing page: it is
  // still a landing-page report and must not add to the acquisition visitors.
  model::TrafficAgg unset = traffic(day(2025, 3, 1), day(2025, 3, 31), "Direct", 999, 999);
  unset.origin.source_file = "landing-pages.csv";
  model::TrafficAgg lp = unset;
  lp.landing_page = "/home";
  d.traffic.push_back(unset);
  d.traffic.push_back(lp);
  // One quarter-long cost row: 900 over 2025-02-15..2025-03-16 (30 days, 30 a day).
  d.costs = {cost(day(2025, 2, 15), day(2025, 3, 16), "Paid Search", 900)};
  const json r = report(d, {{"compare", false}, {"kpis", {"visitors", "cac"}}});
  expectValue(r, "visitors", "2025-03", json::object(), 300, 300, std::nullopt);  // 200 + 100 + 0
  EXPECT_EQ((*findValue(r, "visitors", "2025-03"))["estimated"], false);
  // March holds 16 days of the cost: 480 / 2 customers = 240, an even-spread estimate.
  expectValue(r, "cac", "2025-03", json::object(), 240, 480, 2);
  EXPECT_EQ((*findValue(r, "cac", "2025-03"))["estimated"], true);
}

TEST(Report, CustomRangeGrainAndKpiSubset) {
  const json r =
      report(funnelDataset(), {{"from", "2025-03-01"}, {"to", "2025-03-15"}, {"kpis", {"leads"}}});
  ASSERT_EQ(r["periods"].size(), 1u);
  EXPECT_EQ(r["periods"][0]["label"], "2025-03-01..2025-03-15");
  // Leads 03-03, 03-05, 03-07, 03-09 = 4; the previous 15 days (02-14..02-28) hold c5's 02-20 → 1.
  expectValue(r, "leads", "2025-03-01..2025-03-15", json::object(), 4, 4, std::nullopt);
  EXPECT_EQ(r["trends"][0]["previous"], 1);
  for (const json& v : r["values"]) EXPECT_EQ(v["kpi"], "leads");
  const json all =
      report(funnelDataset(), {{"grain", "all"}, {"kpis", {"leads"}}, {"compare", false}});
  expectValue(all, "leads", "all", json::object(), 6, 6, std::nullopt);  // c1..c6
}

TEST(Report, SlicesAKpiCannotOfferAreListed) {
  const json r = report(funnelDataset(),
                        {{"by", {"cta"}}, {"kpis", {"leads", "visitors"}}, {"compare", false}});
  EXPECT_EQ(r["not_applicable"], json::array({{{"kpi", "visitors"}, {"reason", "by"}},
                                              {{"kpi", "leads"}, {"reason", "by"}}}));
  const json f =
      report(funnelDataset(),
             {{"filters", {{"channel", "Paid Search"}}}, {"kpis", {"leads"}}, {"compare", false}});
  expectValue(f, "leads", "2025-03", json::object(), 2, 2, std::nullopt);  // c3, c4
}

TEST(ReportWriters, JsonlOneObjectPerValue) {
  const json r = report(funnelDataset(), {{"kpis", {"lead_conversion_rate"}}, {"compare", false}});
  std::ostringstream out;
  report::writeJsonl(r, out);
  // February: 2 / 160 = 1.25 %; March 4 / 300.
  const std::string expected =
      R"({"kpi":"lead_conversion_rate","period":"2025-02","dimensions":{},"value":1.25,"numerator":2,"denominator":160})"
      "\n"
      R"({"kpi":"lead_conversion_rate","period":"2025-03","dimensions":{},"value":)" +
      json(4.0 / 300 * 100).dump() + R"(,"numerator":4,"denominator":300})" + "\n";
  EXPECT_EQ(out.str(), expected);
}

TEST(ReportWriters, TableInEnglishAndFrench) {
  const json r =
      report(funnelDataset(), {{"kpis", {"qualified_lead_rate", "cac"}}, {"compare", false}});
  std::ostringstream en;
  report::writeTable(r, en);
  EXPECT_NE(en.str().find("== 2025-03 (2025-03-01 .. 2025-03-31) =="), std::string::npos);
  EXPECT_NE(en.str().find("75.00 %"), std::string::npos);  // 3 / 4
  EXPECT_NE(en.str().find("Missing input [cac]"), std::string::npos);
  std::ostringstream fr;
  report::writeTable(r, fr, true);
  EXPECT_NE(fr.str().find("Taux de conversion en leads qualifiés"), std::string::npos);
  EXPECT_NE(fr.str().find("75,00 %"), std::string::npos);
  EXPECT_NE(fr.str().find("Donnée manquante [cac]"), std::string::npos);
}

}  // namespace
}  // namespace roilens::testing
