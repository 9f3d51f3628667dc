// KPIS.md §5 by hand. March 2025, one month row each.
// Acquisition rows (channel, device: sessions, users, bounced):
//   Organic Search desktop 300, 250, engaged 240 → bounced 60
//   Organic Search mobile  200, 180, engaged 120 → bounced 80
//   Paid Social (linkedin.com) desktop 100, 90, bounces 30
//   Organic Social (Facebook) mobile 50, 45, bounce unknown
//   Direct desktop 150, 140, engaged 100 → bounced 50
//   sessions 800, users 705; bounce known on 300 + 200 + 100 + 150 = 750 sessions.
// Landing-page rows (page, device: sessions, entrances, key events, bounces):
//   /pricing m 40 40 2 20 · /pricing d 60 60 6 12 · /blog/seo-tips d 120 110 1 90
//   /blog/roi m 30 30 0 6 · /home d 200 200 10 40 · /contact m 10 10 3 1 · /blog/a d 5 5 0 5
// Leads: l1 Organic Search mobile, l2 Organic Search desktop, l3 Paid Social LinkedIn mobile
//   (customer 03-20), l4 and l5 Organic Social Facebook.
#include "kpi_cases.hpp"

namespace roilens::testing {
namespace {

model::TrafficAgg row(const std::string& channel, const std::string& device, double sessions,
                      std::optional<double> users) {
  model::TrafficAgg r = traffic(day(2025, 3, 1), day(2025, 3, 31), channel, users, sessions);
  r.device = device;
  r.origin.source_file = "acquisition.csv";
  return r;
}

model::TrafficAgg page(const std::string& lp, const std::string& device, double sessions,
                       double entrances, double key_events, double bounces) {
  model::TrafficAgg r = row("", device, sessions, std::nullopt);
  r.landing_page = lp;
  r.origin.source_file = "landing-pages.csv";  // a separate report of the same visits
  r.entrances = entrances;
  r.key_events = key_events;
  r.bounces = bounces;
  return r;
}

model::Dataset trafficDataset() {
  model::Dataset d;
  model::TrafficAgg organic_desktop = row("Organic Search", "desktop", 300, 250);
  organic_desktop.engaged_sessions = 240;
  model::TrafficAgg organic_mobile = row("Organic Search", "mobile", 200, 180);
  organic_mobile.engaged_sessions = 120;
  model::TrafficAgg linkedin = row("Paid Social", "desktop", 100, 90);
  linkedin.source = "linkedin.com";
  linkedin.social_network = "LinkedIn";
  linkedin.bounces = 30;
  model::TrafficAgg facebook = row("Organic Social", "mobile", 50, 45);
  facebook.social_network = "Facebook";
  model::TrafficAgg direct = row("Direct", "desktop", 150, 140);
  direct.engaged_sessions = 100;
  d.traffic = {organic_desktop,
               organic_mobile,
               linkedin,
               facebook,
               direct,
               page("/pricing", "mobile", 40, 40, 2, 20),
               page("/pricing", "desktop", 60, 60, 6, 12),
               page("/blog/seo-tips", "desktop", 120, 110, 1, 90),
               page("/blog/roi", "mobile", 30, 30, 0, 6),
               page("/home", "desktop", 200, 200, 10, 40),
               page("/contact", "mobile", 10, 10, 3, 1),
               page("/blog/a", "desktop", 5, 5, 0, 5)};
  d.contacts = {contact("l1", "Organic Search", {ts(2025, 3, 2), {}, {}, {}}),
                contact("l2", "Organic Search", {ts(2025, 3, 5), {}, {}, {}}),
                contact("l3", "Paid Social", {ts(2025, 3, 6), {}, {}, ts(2025, 3, 20)}),
                contact("l4", "Organic Social", {ts(2025, 3, 7), {}, {}, {}}),
                contact("l5", "Organic Social", {ts(2025, 3, 8), {}, {}, {}})};
  d.contacts[0].device = "Mobile";
  d.contacts[1].device = "desktop";
  d.contacts[2].device = "mobile";
  d.contacts[2].original_detail_1 = "LinkedIn";
  d.contacts[3].original_detail_1 = "Facebook";
  d.contacts[4].original_detail_1 = "Facebook";
  return d;
}

json marchReport() { return report(trafficDataset(), {{"compare", false}}); }

void sources() {
  const json r = marchReport();
  EXPECT_EQ(r["visitors_basis"], "users");
  expectValue(r, "traffic_by_source", "2025-03", {{"channel", "Organic Search"}}, 500, 500,
              std::nullopt);
  expectValue(r, "traffic_by_source", "2025-03", {{"channel", "Direct"}}, 150, 150, std::nullopt);
  // Leads / users per channel: Organic Search 2 / (250 + 180) = 0.4651 %; Organic Social 2 / 45;
  // Direct 0 / 140 = 0 %.
  expectValue(r, "traffic_to_lead_by_source", "2025-03", {{"channel", "Organic Search"}},
              2.0 / 430 * 100, 2, 430);
  expectValue(r, "traffic_to_lead_by_source", "2025-03", {{"channel", "Organic Social"}},
              2.0 / 45 * 100, 2, 45);
  expectValue(r, "traffic_to_lead_by_source", "2025-03", {{"channel", "Direct"}}, 0, 0, 140);
  expectValue(r, "organic_share", "2025-03", json::object(), 62.5, 500, 800);  // 500 / 800
  // Bounced 60 + 80 + 30 + 50 = 220 over the 750 sessions that know bounces = 29.33 %.
  expectValue(r, "bounce_rate", "2025-03", json::object(), 220.0 / 750 * 100, 220, 750);
}

void social() {
  const json r = marchReport();
  expectValue(r, "social_leads", "2025-03", {{"social_network", "Facebook"}}, 2, 2, std::nullopt);
  expectValue(r, "social_leads", "2025-03", {{"social_network", "LinkedIn"}}, 1, 1, std::nullopt);
  expectValue(r, "social_customers", "2025-03", {{"social_network", "LinkedIn"}}, 1, 1,
              std::nullopt);
  expectValue(r, "social_traffic_share", "2025-03", json::object(), 18.75, 150,
              800);  // (100 + 50) / 800
}

void mobile() {
  const json r = marchReport();
  expectValue(r, "mobile_sessions", "2025-03", json::object(), 250, 250, std::nullopt);  // 200 + 50
  expectValue(r, "mobile_traffic_share", "2025-03", json::object(), 31.25, 250, 800);  // 250 / 800
  // The built-in device = mobile filter is part of the KPI, not of the slice: dimensions {}.
  expectValue(r, "mobile_leads", "2025-03", json::object(), 2, 2, std::nullopt);  // l1 "Mobile", l3
  expectValue(r, "mobile_bounce_rate", "2025-03", json::object(), 40, 80, 200);  // Facebook unknown
  expectValue(r, "sessions_by_device", "2025-03", {{"device", "desktop"}}, 550, 550,
              std::nullopt);  // 300+100+150
  expectValue(r, "sessions_by_device", "2025-03", {{"device", "mobile"}}, 250, 250, std::nullopt);
  // Landing-page rows, mobile: /pricing 2 / 40 = 5 %, /contact 3 / 10 = 30 %, /blog/roi 0 / 30.
  expectValue(r, "mobile_landing_page_conversion_rate", "2025-03", {{"landing_page", "/pricing"}},
              5, 2, 40);
  expectValue(r, "mobile_landing_page_conversion_rate", "2025-03", {{"landing_page", "/contact"}},
              30, 3, 10);
  expectValue(r, "mobile_landing_page_conversion_rate", "2025-03", {{"landing_page", "/blog/roi"}},
              0, 0, 30);
  // Desktop-only pages have no mobile value at all.
  EXPECT_EQ(
      findValue(r, "mobile_landing_page_conversion_rate", "2025-03", {{"landing_page", "/home"}}),
      nullptr);
}

std::vector<std::string> pages(const json& list) {
  std::vector<std::string> out;
  for (const json& p : list) out.push_back(p["page"].get<std::string>());
  return out;
}

void rankings() {
  const json r = marchReport();
  const json& rk = r["rankings"];
  // Entrances: /home 200, /blog/seo-tips 110, /pricing 40 + 60 = 100, /blog/roi 30, /contact 10,
  // /blog/a 5 → the first five.
  EXPECT_EQ(
      pages(rk["top_entry_pages"]),
      (std::vector<std::string>{"/home", "/blog/seo-tips", "/pricing", "/blog/roi", "/contact"}));
  EXPECT_EQ(rk["top_entry_pages"][2]["entrances"], 100);
  EXPECT_EQ(pages(rk["top_blog_posts"]),
            (std::vector<std::string>{"/blog/seo-tips", "/blog/roi", "/blog/a"}));
  // Bounce rates: /blog/a 5/5 = 100 %, /blog/seo-tips 90/120 = 75 %, /pricing 32/100 = 32 %,
  // /blog/roi 6/30 = 20 % and /home 40/200 = 20 % (tie: lower lead rate first, 0 % < 10/200 = 5 %),
  // /contact 1/10 = 10 %.
  EXPECT_EQ(pages(rk["pages_to_fix"]),
            (std::vector<std::string>{"/blog/a", "/blog/seo-tips", "/pricing", "/blog/roi", "/home",
                                      "/contact"}));
  EXPECT_EQ(rk["pages_to_fix"][1]["bounce_rate"], 75);
  EXPECT_NEAR(rk["pages_to_fix"][1]["lead_rate"].get<double>(), 100.0 / 120, 1e-12);  // 1 / 120
  EXPECT_EQ(rk["pages_to_fix"][2]["lead_rate"], 8);  // (2 + 6) / 100
}

}  // namespace

std::vector<KpiCase> trafficCases() {
  return {
      {"SourcesOrganicBounce",
       {"traffic_by_source", "traffic_to_lead_by_source", "organic_share", "bounce_rate"},
       sources},
      {"SocialKpis", {"social_leads", "social_customers", "social_traffic_share"}, social},
      {"MobileKpis",
       {"mobile_sessions", "mobile_traffic_share", "mobile_leads", "mobile_bounce_rate",
        "mobile_landing_page_conversion_rate", "sessions_by_device"},
       mobile},
      {"Rankings", {"top_entry_pages", "pages_to_fix"}, rankings},
  };
}

}  // namespace roilens::testing
