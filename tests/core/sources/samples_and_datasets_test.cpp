// The lead's demo exports (web/samples, hand counts in web/samples/EXPECTED.md) and the shared
// reference data sets the other modules use (ChannelAttribution paths, CDNOW log and summaries).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "ingest_support.hpp"
#include "roilens/model/time.hpp"

namespace roilens::sources {
namespace {

using model::Stage;

std::filesystem::path samples() { return std::filesystem::path(ROILENS_SAMPLES_DIR); }

std::filesystem::path shared(const std::string& relative) {
  return std::filesystem::path(ROILENS_SHARED_DIR) / "datasets" / relative;
}

FileReport loadInto(Ingest& ingest, const std::filesystem::path& path, FileOptions options = {}) {
  return test_support::ingestBytes(ingest, path.filename().string(), test_support::readBytes(path),
                                   64 * 1024, std::move(options));
}

bool inMonth(const std::optional<model::Timestamp>& t, int year, int month) {
  if (!t) return false;
  const model::CivilDate d = model::civilFromDays(model::localDay(*t, 0));
  return d.year == year && d.month == month;
}

TEST(Samples, HubSpotContactsFeedTheFunnel) {
  const auto path = samples() / "hubspot-crm-exports-all-contacts-2025-04-01.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "samples not generated";
  Ingest ingest;
  const FileReport r = loadInto(ingest, path);
  EXPECT_EQ(r.tool, "hubspot");
  EXPECT_EQ(r.rows_kept, 60u);  // 60 contacts (manifest.json)
  EXPECT_EQ(r.rows_rejected, 0u);
  const auto& contacts = ingest.dataset().contacts;
  // EXPECTED.md, February 2025, all channels: leads 21, MQLs 15, SQLs 8, customers 4;
  // Organic Search leads 6, Email leads 3.
  auto count = [&](Stage stage, const char* channel) {
    return std::count_if(contacts.begin(), contacts.end(), [&](const model::Contact& c) {
      return inMonth(c.at(stage), 2025, 2) && (channel == nullptr || c.original_channel == channel);
    });
  };
  EXPECT_EQ(count(Stage::kLead, nullptr), 21);
  EXPECT_EQ(count(Stage::kMql, nullptr), 15);
  EXPECT_EQ(count(Stage::kSql, nullptr), 8);
  EXPECT_EQ(count(Stage::kCustomer, nullptr), 4);
  EXPECT_EQ(count(Stage::kLead, "Organic Search"), 6);
  EXPECT_EQ(count(Stage::kLead, "Email"), 3);
}

TEST(Samples, Ga4DailyTrafficByChannel) {
  const auto path =
      samples() / "Traffic_acquisition_Session_primary_channel_group_(Default_Channel_Group).csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "samples not generated";
  Ingest ingest;
  const FileReport r = loadInto(ingest, path);
  EXPECT_EQ(r.tool, "ga4");
  EXPECT_EQ(r.skipped_by_reason.at("preamble"), 9u);
  EXPECT_EQ(r.rows_kept, 540u);  // wc -l = 550: 9 preamble lines, 1 header
  double organic = 0;
  double all = 0;
  for (const auto& t : ingest.dataset().traffic) {
    EXPECT_EQ(t.granularity, model::Granularity::kDay);
    const model::CivilDate d = model::civilFromDays(t.range_start);
    if (d.year != 2025 || d.month != 2) continue;
    all += t.users.value_or(0);
    if (t.channel == "Organic Search") organic += t.users.value_or(0);
  }
  // EXPECTED.md: February visitors (Total users), Organic Search 946, all channels 2491.
  EXPECT_DOUBLE_EQ(organic, 946);
  EXPECT_DOUBLE_EQ(all, 2491);
}

TEST(Samples, DealsCampaignsAndMailchimp) {
  const auto deals = samples() / "hubspot-crm-exports-all-deals-2025-04-01.csv";
  if (!std::filesystem::exists(deals)) GTEST_SKIP() << "samples not generated";
  Ingest ingest;
  const FileReport d = loadInto(ingest, deals);
  EXPECT_EQ(d.tool, "hubspot");
  EXPECT_EQ(d.variant, "deals");
  EXPECT_EQ(d.rows_kept, 16u);
  double won = 0;
  int won_count = 0;
  for (const auto& t : ingest.dataset().transactions) {
    if (t.status != model::TransactionStatus::kWon) continue;
    won += *t.amount_gross;
    ++won_count;
  }
  // awk -F'","' 'NR>1 && $3=="Closed Won" {s+=$4; n++} END{printf "%.2f %d", s, n}' → 98002.67 12
  EXPECT_NEAR(won, 98002.67, 1e-6);
  EXPECT_EQ(won_count, 12);

  const FileReport g = loadInto(ingest, samples() / "Campaign_report_2025-01.csv");
  EXPECT_EQ(g.tool, "google_ads");
  EXPECT_EQ(g.rows_kept, 5u);
  EXPECT_EQ(g.skipped_by_reason.at("totals"), 5u);
  double cost = 0;
  for (const auto& c : ingest.dataset().costs) cost += c.cost;
  EXPECT_NEAR(cost, 1388.76, 1e-6);  // the file's own "Total: Campaigns" row
  EXPECT_EQ(ingest.dataset().costs.front().range_start, model::daysFromCivil({2025, 1, 1}));
  EXPECT_EQ(ingest.dataset().costs.front().range_end, model::daysFromCivil({2025, 1, 31}));
  EXPECT_EQ(ingest.dataset().costs.front().channel, "Paid Search");  // "Brand - Search FR"

  const FileReport m = loadInto(ingest, samples() / "mailchimp-reports-export-2025-q1.csv");
  EXPECT_EQ(m.tool, "mailchimp");
  EXPECT_EQ(m.rows_kept, 6u);  // wc -l = 7: header + 6 campaigns
  const auto& first = ingest.dataset().emails.front();
  EXPECT_EQ(first.name, "Newsletter janvier");
  EXPECT_EQ(first.delivered, 1170);  // Successful Deliveries
  EXPECT_EQ(first.unique_opens, 290);
  EXPECT_EQ(first.unique_clicks, 32);
  EXPECT_EQ(first.orders, 0);
  EXPECT_FALSE(first.revenue.has_value() && *first.revenue != 0);
}

TEST(SharedDatasets, ChannelAttributionPaths) {
  const auto path = shared("attribution/Data.csv");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared datasets not present";
  Ingest ingest;
  const FileReport r = loadInto(ingest, path);
  EXPECT_EQ(r.tool, "paths");
  EXPECT_EQ(r.rows_kept, 10000u);
  double conversions = 0;
  double value = 0;
  double nulls = 0;
  std::size_t longest = 0;
  for (const auto& p : ingest.dataset().paths) {
    conversions += p.conversions;
    value += p.conversion_value;
    nulls += p.nulls;
    longest = std::max(longest, p.channels.size());
  }
  // attribution/README.md: 19,785 conversions, value 74,802.972, 68,602 nulls; length up to 89.
  EXPECT_DOUBLE_EQ(conversions, 19785);
  // The README rounds the value to 3 decimals; awk -F';' 'NR>1{s+=$3} END{printf "%.6f", s}'
  // Data.csv → 74802.971587.
  EXPECT_NEAR(value, 74802.971587, 1e-6);
  EXPECT_DOUBLE_EQ(nulls, 68602);
  EXPECT_EQ(longest, 89u);
}

TEST(SharedDatasets, CdnowLogByColumnIndexes) {
  const auto path = shared("cdnow/CDNOW_sample.txt");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared datasets not present";
  FileOptions options;
  options.column_indexes = {{"customer", 2}, {"date", 3}, {"amount", 5}};
  Ingest ingest;
  const FileReport r = loadInto(ingest, path, options);
  EXPECT_EQ(r.tool, "generic");
  EXPECT_EQ(r.rows_read, 6919u);  // cdnow/README.md: 6,919 rows
  EXPECT_EQ(r.rows_kept, 6919u);
  double total = 0;
  std::set<std::string> customers;
  for (const auto& t : ingest.dataset().transactions) {
    total += *t.amount_gross;
    customers.insert(t.customer_ref);
  }
  // awk '{s+=$5} END{printf "%.2f", s}' CDNOW_sample.txt → 244091.94
  EXPECT_NEAR(total, 244091.94, 1e-6);
  EXPECT_EQ(customers.size(), 2357u);  // README: 2,357 customers
  EXPECT_EQ(*r.first_day, model::daysFromCivil({1997, 1, 1}));
  EXPECT_EQ(*r.last_day, model::daysFromCivil({1998, 6, 30}));
}

TEST(SharedDatasets, CdnowRfmSummariesBothNamings) {
  const auto lifetimes = shared("cdnow/cdnow_customers_summary.csv");
  const auto papers = shared("cdnow/cdnow_customers_summary_with_transactions.csv");
  if (!std::filesystem::exists(papers)) GTEST_SKIP() << "shared datasets not present";
  Ingest ingest;
  const FileReport a = loadInto(ingest, lifetimes);
  EXPECT_EQ(a.tool, "rfm");
  EXPECT_EQ(a.rows_kept, 2357u);
  Ingest second;
  const FileReport b = loadInto(second, papers);  // ID,x,t_x,T,zbar
  EXPECT_EQ(b.tool, "rfm");
  EXPECT_EQ(b.rows_kept, 2357u);
  const auto& rfm = second.dataset().rfm;
  // README: 946 customers have x > 0; customer 1: x 2, t_x 30.43, T 38.86, zbar 22.35.
  EXPECT_EQ(std::count_if(rfm.begin(), rfm.end(), [](auto& s) { return s.frequency > 0; }), 946);
  EXPECT_EQ(rfm[0].customer, "1");
  EXPECT_DOUBLE_EQ(rfm[0].recency, 30.43);
  EXPECT_DOUBLE_EQ(rfm[0].age, 38.86);
  EXPECT_DOUBLE_EQ(rfm[0].monetary_value, 22.35);
}

}  // namespace
}  // namespace roilens::sources
