#include <algorithm>
#include <cmath>

#include "kpi_cases.hpp"

namespace roilens::testing {

model::Timestamp ts(int y, int m, int d, int hour, int minute) {
  return model::timestampFromCivil({y, m, d}, hour, minute);
}

model::DayNumber day(int y, int m, int d) { return model::daysFromCivil({y, m, d}); }

model::Contact contact(const std::string& id, const std::string& channel, Stages s) {
  model::Contact c;
  c.contact_id = id;
  c.email = id + "@example.com";
  c.original_channel = channel;
  c.at(model::Stage::kLead) = s.lead;
  c.at(model::Stage::kMql) = s.mql;
  c.at(model::Stage::kSql) = s.sql;
  c.at(model::Stage::kCustomer) = s.customer;
  return c;
}

model::TrafficAgg traffic(model::DayNumber first, model::DayNumber last, const std::string& channel,
                          std::optional<double> users, std::optional<double> sessions) {
  model::TrafficAgg r;
  r.range_start = first;
  r.range_end = last;
  r.granularity = model::Granularity::kMonth;
  r.channel = channel;
  r.users = users;
  r.sessions = sessions;
  return r;
}

model::Touchpoint touch(const std::string& contact, model::TouchpointType type,
                        model::Timestamp at) {
  model::Touchpoint t;
  t.contact_ref = contact;
  t.type = type;
  t.occurred_at = at;
  return t;
}

model::Transaction sale(const std::string& customer, model::Timestamp at, double amount,
                        model::TransactionStatus status) {
  model::Transaction t;
  t.customer_ref = customer;
  t.kind = model::TransactionKind::kDeal;
  t.closed_at = at;
  t.amount_gross = amount;
  t.status = status;
  t.currency = "EUR";
  return t;
}

model::Cost cost(model::DayNumber first, model::DayNumber last, const std::string& channel,
                 double amount) {
  model::Cost c;
  c.range_start = first;
  c.range_end = last;
  c.channel = channel;
  c.cost = amount;
  c.currency = "EUR";
  return c;
}

model::EmailCampaignStats email(const std::string& id, model::Timestamp sent,
                                std::optional<double> sends, std::optional<double> opens,
                                std::optional<double> clicks) {
  model::EmailCampaignStats e;
  e.campaign_id = id;
  e.name = "Newsletter " + id;
  e.sent_at = sent;
  e.recipients = sends;
  e.unique_opens = opens;
  e.unique_clicks = clicks;
  return e;
}

model::Dataset funnelDataset() {
  model::Dataset d;
  d.contacts = {
      contact("c1", "Organic Search",
              {ts(2025, 3, 3), ts(2025, 3, 10), ts(2025, 3, 20), ts(2025, 3, 25)}),
      contact("c2", "Organic Search", {ts(2025, 3, 5), ts(2025, 3, 12), {}, {}}),
      contact("c3", "Paid Search", {ts(2025, 3, 7), ts(2025, 3, 15), ts(2025, 3, 18), {}}),
      contact("c4", "Paid Search", {ts(2025, 3, 9), {}, {}, {}}),
      contact("c5", "Paid Search",
              {ts(2025, 2, 20), ts(2025, 2, 25), ts(2025, 3, 2), ts(2025, 3, 28)}),
      contact("c6", "Email", {ts(2025, 2, 10), {}, {}, {}}),
  };
  d.traffic = {
      traffic(day(2025, 2, 1), day(2025, 2, 28), "Organic Search", 100, 150),
      traffic(day(2025, 2, 1), day(2025, 2, 28), "Paid Search", 50, 60),
      traffic(day(2025, 2, 1), day(2025, 2, 28), "Email", 10, 12),
      traffic(day(2025, 3, 1), day(2025, 3, 31), "Organic Search", 200, 260),
      traffic(day(2025, 3, 1), day(2025, 3, 31), "Paid Search", 100, 130),
      traffic(day(2025, 3, 1), day(2025, 3, 31), "Email", 0, 0),
  };
  return d;
}

json report(const model::Dataset& data, const json& options) {
  auto parsed = report::parseReportOptions(options);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().describe());
  if (!parsed.ok()) return json::object();
  return report::buildReport(data, parsed.value());
}

const json* findValue(const json& r, const std::string& kpi, const std::string& period,
                      const json& dimensions) {
  for (const json& v : r["values"]) {
    if (v["kpi"] == kpi && v["period"] == period && v["dimensions"] == dimensions) return &v;
  }
  return nullptr;
}

namespace {
void expectNumber(const json& actual, std::optional<double> expected, const std::string& what) {
  if (!expected) {
    EXPECT_TRUE(actual.is_null()) << what << " should be null, is " << actual.dump();
    return;
  }
  ASSERT_TRUE(actual.is_number()) << what << " should be " << *expected << ", is " << actual.dump();
  EXPECT_NEAR(actual.get<double>(), *expected, 1e-9 * std::max(1.0, std::fabs(*expected))) << what;
}
}  // namespace

void expectValue(const json& r, const std::string& kpi, const std::string& period,
                 const json& dimensions, std::optional<double> value,
                 std::optional<double> numerator, std::optional<double> denominator) {
  const json* v = findValue(r, kpi, period, dimensions);
  ASSERT_NE(v, nullptr) << "no value for " << kpi << " " << period << " " << dimensions.dump();
  const std::string where = kpi + " " + period + " " + dimensions.dump();
  expectNumber((*v)["value"], value, where + " value");
  expectNumber((*v)["numerator"], numerator, where + " numerator");
  expectNumber((*v)["denominator"], denominator, where + " denominator");
}

void expectMissing(const json& r, const std::string& kpi, const std::string& table) {
  for (const json& m : r["missing_inputs"]) {
    if (m["kpi"] != kpi) continue;
    const auto& needs = m["needs"];
    EXPECT_NE(std::find(needs.begin(), needs.end(), table), needs.end())
        << kpi << " should need " << table;
    EXPECT_FALSE(m["message"]["en"].get<std::string>().empty());
    EXPECT_FALSE(m["message"]["fr"].get<std::string>().empty());
    for (const json& v : r["values"])
      EXPECT_NE(v["kpi"], kpi) << kpi << " is missing yet has a value";
    return;
  }
  ADD_FAILURE() << kpi << " is not listed in missing_inputs";
}

}  // namespace roilens::testing
