// KPIS.md §4 by hand (seed 001: opens per send with resends merged, campaign rates, the four
// definitions of new prospects and the two recipes of prospects turned customers).
#include "kpi_cases.hpp"

namespace roilens::testing {
namespace {

using Type = model::TouchpointType;

// A: 1000 sends, 200 opens, 50 clicks (03-04); A-bis, a resend of A: 800 sends, 100 opens,
// 20 clicks (03-11); B: 500 sends, opens unknown, 10 clicks (03-20).
void emailRates() {
  model::Dataset d;
  d.emails = {email("A", ts(2025, 3, 4), 1000, 200, 50),
              email("A-bis", ts(2025, 3, 11), 800, 100, 20),
              email("B", ts(2025, 3, 20), 500, std::nullopt, 10)};
  d.emails[1].resend_of = "A";
  const json r = report(d, {{"by", {"email"}}, {"compare", false}});
  // Open rate: (200 + 100) / 1000 = 30 % (A-bis' 800 sends are not new sends; B has no opens).
  expectValue(r, "email_open_rate", "2025-03", json::object(), 30, 300, 1000);
  expectValue(r, "email_open_rate", "2025-03", {{"email", "A"}}, 30, 300, 1000);
  // Click rate: A (50 + 20) / 1000 and B 10 / 500 → 80 / 1500 = 5.333 %.
  expectValue(r, "email_click_rate", "2025-03", json::object(), 80.0 / 1500 * 100, 80, 1500);
  expectValue(r, "email_click_rate", "2025-03", {{"email", "B"}}, 2, 10, 500);
  // Click-to-open: only A knows both: 70 / 300 = 23.33 %.
  expectValue(r, "email_click_to_open_rate", "2025-03", json::object(), 70.0 / 300 * 100, 70, 300);
  // The resend never appears as an e-mail of its own.
  EXPECT_EQ(findValue(r, "email_click_rate", "2025-03", {{"email", "A-bis"}}), nullptr);
}

model::Touchpoint in(const std::string& contact, Type type, model::Timestamp at,
                     const std::string& campaign) {
  model::Touchpoint t = touch(contact, type, at);
  t.campaign = campaign;
  return t;
}

constexpr const char* kNurture = "Nurture Prospects";

model::Dataset campaignDataset() {
  model::Dataset d;
  d.touchpoints = {
      in("p1", Type::kCampaignEnter, ts(2025, 3, 2), kNurture),
      in("p2", Type::kCampaignEnter, ts(2025, 3, 3), kNurture),
      in("p3", Type::kCampaignEnter, ts(2025, 3, 5), kNurture),
      in("p4", Type::kCampaignEnter, ts(2025, 4, 2), kNurture),
      in("c9", Type::kCampaignEnter, ts(2025, 3, 8), "Onboarding"),
      in("p1", Type::kDownload, ts(2025, 3, 6), kNurture),
      in("p2", Type::kDownload, ts(2025, 3, 1), kNurture),  // before p2 entered: not a conversion
      in("p4", Type::kDownload, ts(2025, 4, 3), kNurture),
      in("p3", Type::kContactUpdate, ts(2025, 3, 7), kNurture),
      in("p1", Type::kVisit, ts(2025, 3, 10), ""), in("p2", Type::kPageView, ts(2025, 3, 4), ""),
      // New prospects: forms, segments, first prospect e-mails.
      in("p1", Type::kFormSubmit, ts(2025, 3, 2), ""),
      in("p1", Type::kFormSubmit, ts(2025, 3, 20), ""),
      in("p5", Type::kFormSubmit, ts(2025, 3, 15), ""),
      in("p1", Type::kFormSubmit, ts(2025, 4, 1), ""),
      in("p1", Type::kEmailSend, ts(2025, 3, 2), kNurture),
      in("p1", Type::kEmailSend, ts(2025, 3, 9), kNurture),
      in("p2", Type::kEmailSend, ts(2025, 2, 27), kNurture),
      in("p2", Type::kEmailSend, ts(2025, 3, 5), kNurture),
      in("p3", Type::kEmailSend, ts(2025, 3, 6), kNurture),
      in("p3", Type::kEmailSend, ts(2025, 2, 1), "Newsletter"),  // not a prospect e-mail
  };
  model::Touchpoint prospects = touch("p2", Type::kSegmentAdd, ts(2025, 3, 3));
  prospects.segment = "Prospects";
  model::Touchpoint customers = touch("p3", Type::kSegmentAdd, ts(2025, 3, 4));
  customers.segment = "Customers";
  d.touchpoints.push_back(prospects);
  d.touchpoints.push_back(customers);
  // Contacts for the "prospects turned customers" recipes.
  d.contacts = {contact("p1", "Email", {ts(2025, 3, 2), {}, {}, ts(2025, 3, 25)}),
                contact("p2", "Email", {ts(2025, 3, 3), {}, {}, {}}),
                contact("p3", "Email", {ts(2025, 3, 5), {}, {}, ts(2025, 3, 28)}),
                contact("p4", "Email", {ts(2025, 2, 5), {}, {}, ts(2025, 3, 1)})};
  d.contacts[0].was_prospect = true;
  d.contacts[1].was_prospect = true;
  return d;
}

void campaignRates() {
  const json r = report(campaignDataset(), {{"by", {"campaign"}}, {"compare", false}});
  // March members: p1 p2 p3 (Nurture) + c9 (Onboarding) = 4. Downloads after entry: p1 → 1/4;
  // updates: p3 → 1/4; visits after entry: p1 (03-10), p2 (03-04) → 2/4.
  expectValue(r, "download_rate", "2025-03", json::object(), 25, 1, 4);
  expectValue(r, "campaign_qualification_rate", "2025-03", json::object(), 25, 1, 4);
  expectValue(r, "campaign_visit_rate", "2025-03", json::object(), 50, 2, 4);
  const json nurture = {{"campaign", kNurture}};
  expectValue(r, "download_rate", "2025-03", nurture, 100.0 / 3, 1, 3);
  expectValue(r, "campaign_qualification_rate", "2025-03", nurture, 100.0 / 3, 1, 3);
  expectValue(r, "campaign_visit_rate", "2025-03", nurture, 200.0 / 3, 2, 3);
  expectValue(r, "campaign_visit_rate", "2025-03", {{"campaign", "Onboarding"}}, 0, 0, 1);
  // April: p4 entered 04-02 and downloaded 04-03 → 1/1.
  expectValue(r, "download_rate", "2025-04", nurture, 100, 1, 1);
}

void newProspects() {
  const json r = report(campaignDataset(), {{"compare", false}});
  // 1. Forms: March p1 (twice, counted once) and p5 = 2; April p1 = 1.
  expectValue(r, "new_prospects_per_month", "2025-03", json::object(), 2, 2, std::nullopt);
  expectValue(r, "new_prospects_per_month", "2025-04", json::object(), 1, 1, std::nullopt);
  // 2. Segment "Prospects": p2 (p3's "Customers" does not count) = 1.
  expectValue(r, "new_prospects_per_month_segment", "2025-03", json::object(), 1, 1, std::nullopt);
  // 3. Prospect campaign entries: p1 p2 p3 in March (Onboarding is not a prospect campaign); p4 in
  // April.
  expectValue(r, "new_prospects_per_month_campaign", "2025-03", json::object(), 3, 3, std::nullopt);
  expectValue(r, "new_prospects_per_month_campaign", "2025-04", json::object(), 1, 1, std::nullopt);
  // 4. First prospect e-mail: p1 03-02, p2 02-27 (its 03-05 send is not its first), p3 03-06
  //    (its 02-01 newsletter is not a prospect e-mail) → February 1, March 2.
  expectValue(r, "new_prospects_per_month_first_email", "2025-02", json::object(), 1, 1,
              std::nullopt);
  expectValue(r, "new_prospects_per_month_first_email", "2025-03", json::object(), 2, 2,
              std::nullopt);
}

void prospectsTurnedCustomers() {
  const json r = report(campaignDataset(), {{"compare", false}});
  // Recipe 1 (flag): p1 (customer 03-25, flagged); p2 is flagged but not a customer → 1.
  expectValue(r, "prospects_turned_customers", "2025-03", json::object(), 1, 1, std::nullopt);
  // Recipe 2 (campaign while prospect): p1 entered 03-02 < customer 03-25, p3 entered 03-05 <
  // 03-28; p4 became a customer 03-01, before entering on 04-02 → 2.
  expectValue(r, "prospects_turned_customers_campaign", "2025-03", json::object(), 2, 2,
              std::nullopt);
}

}  // namespace

std::vector<KpiCase> emailCases() {
  return {
      {"EmailRatesWithResends",
       {"email_open_rate", "email_click_rate", "email_click_to_open_rate"},
       emailRates},
      {"CampaignRates",
       {"download_rate", "campaign_qualification_rate", "campaign_visit_rate"},
       campaignRates},
      {"NewProspectsFourDefinitions",
       {"new_prospects_per_month", "new_prospects_per_month_segment",
        "new_prospects_per_month_campaign", "new_prospects_per_month_first_email"},
       newProspects},
      {"ProspectsTurnedCustomers",
       {"prospects_turned_customers", "prospects_turned_customers_campaign"},
       prospectsTurnedCustomers},
  };
}

}  // namespace roilens::testing
