#pragma once
// Table-driven KPI tests: each case names the catalogue ids it checks and runs a hand-made data
// set through buildReport; every expected number is worked out by hand in the case's comments.
// kpi_cases_test.cpp fails for any catalogue entry that no case names.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "roilens/model/dataset.hpp"
#include "roilens/report/report.hpp"

namespace roilens::testing {

using nlohmann::json;

struct KpiCase {
  std::string name;               // test name suffix
  std::vector<std::string> kpis;  // catalogue ids whose values this case checks by hand
  std::function<void()> run;
};

// Names the case in test output instead of dumping its bytes.
inline void PrintTo(const KpiCase& c, std::ostream* os) { *os << c.name; }

std::vector<KpiCase> funnelCases();
std::vector<KpiCase> moneyCases();
std::vector<KpiCase> emailCases();
std::vector<KpiCase> trafficCases();
std::vector<KpiCase> steeringCases();

// --- fixture builders (UTC noon unless told) ---
model::Timestamp ts(int y, int m, int d, int hour = 12, int minute = 0);
model::DayNumber day(int y, int m, int d);

struct Stages {
  std::optional<model::Timestamp> lead, mql, sql, customer;
};
model::Contact contact(const std::string& id, const std::string& channel, Stages s);
model::TrafficAgg traffic(model::DayNumber first, model::DayNumber last, const std::string& channel,
                          std::optional<double> users, std::optional<double> sessions);
model::Touchpoint touch(const std::string& contact, model::TouchpointType type,
                        model::Timestamp at);
model::Transaction sale(const std::string& customer, model::Timestamp at, double amount,
                        model::TransactionStatus status = model::TransactionStatus::kWon);
model::Cost cost(model::DayNumber first, model::DayNumber last, const std::string& channel,
                 double amount);
model::EmailCampaignStats email(const std::string& id, model::Timestamp sent,
                                std::optional<double> sends, std::optional<double> opens,
                                std::optional<double> clicks);

// The issue-2 funnel fixture: contacts and monthly traffic for February and March 2025
// (the hand calculations are in funnel_cases.cpp).
model::Dataset funnelDataset();

json report(const model::Dataset& data, const json& options);

// The value entry of `kpi` for `period` and exactly these dimensions, or null.
const json* findValue(const json& report, const std::string& kpi, const std::string& period,
                      const json& dimensions = json::object());

// Checks value, numerator and denominator (nullopt = JSON null) to 1e-9 relative.
void expectValue(const json& report, const std::string& kpi, const std::string& period,
                 const json& dimensions, std::optional<double> value,
                 std::optional<double> numerator, std::optional<double> denominator);
void expectMissing(const json& report, const std::string& kpi, const std::string& table);

}  // namespace roilens::testing
