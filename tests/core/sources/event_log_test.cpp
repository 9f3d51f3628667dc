// Event logs (one row per page view, form or CTA event) and GA4 event counts per landing page:
// our own fixtures in tests/core/fixtures/sources/ (generic_event_log*.csv, the GA4 exploration
// layout of FORMATS.md §3). Expected values are counted by hand off the fixture text.
#include <gtest/gtest.h>

#include <map>

#include "ingest_support.hpp"
#include "roilens/model/time.hpp"
#include "roilens/sources/event_vocabulary.hpp"

namespace roilens::sources {
namespace {

using Type = model::TouchpointType;

struct Loaded {
  FileReport report;
  model::Dataset data;
};

Loaded loadBytes(const std::string& name, std::string_view bytes) {
  Ingest ingest;
  FileReport report = test_support::ingestBytes(ingest, name, bytes, 7);  // 7-byte chunks
  return Loaded{report, ingest.dataset()};
}

Loaded loadFixture(const std::string& name) {
  return loadBytes(name, test_support::readBytes(test_support::fixture(name)));
}

std::map<Type, int> countByType(const model::Dataset& data) {
  std::map<Type, int> out;
  for (const model::Touchpoint& t : data.touchpoints) ++out[t.type];
  return out;
}

TEST(EventVocabulary, ApiNamesEnglishAndFrenchLabelsAgree) {
  for (const char* label : {"page_view", "Page view", "page-view", "PAGEVIEW", "Vue de page"}) {
    EXPECT_EQ(touchpointTypeFromEvent(label), Type::kPageView) << label;
  }
  for (const char* label : {"form_submit", "Form submission", "Soumission de formulaire"}) {
    EXPECT_EQ(touchpointTypeFromEvent(label), Type::kFormSubmit) << label;
  }
  // GA4 enhanced measurement / recommended events.
  EXPECT_EQ(touchpointTypeFromEvent("form_start"), Type::kFormView);
  EXPECT_EQ(touchpointTypeFromEvent("view_promotion"), Type::kCtaView);
  EXPECT_EQ(touchpointTypeFromEvent("select_promotion"), Type::kCtaClick);
  EXPECT_EQ(touchpointTypeFromEvent("click"), Type::kCtaClick);
  EXPECT_EQ(touchpointTypeFromEvent("Clic sur CTA"), Type::kCtaClick);
  EXPECT_EQ(touchpointTypeFromEvent("Ouverture d’e-mail"), Type::kEmailOpen);  // typographic ’
  EXPECT_EQ(touchpointTypeFromEvent("Téléchargement"), Type::kDownload);
  EXPECT_EQ(touchpointTypeFromEvent("scroll"), std::nullopt);
  EXPECT_EQ(touchpointTypeFromEvent("generate_lead"), std::nullopt);  // sent with form_submit
  EXPECT_EQ(touchpointTypeFromEvent("  "), std::nullopt);
}

TEST(EventLog, EveryEventBecomesATypedTouchpoint) {
  const Loaded f = loadFixture("generic_event_log.csv");
  EXPECT_EQ(f.report.tool, "generic");
  ASSERT_EQ(f.report.tables, std::vector<std::string>{"touchpoints"});
  // 18 data lines (file lines 2..19): 17 kept, the 'scroll' on line 17 rejected, none skipped.
  EXPECT_EQ(f.report.rows_read, 18u);
  EXPECT_EQ(f.report.rows_kept, 17u);
  EXPECT_EQ(f.report.rows_rejected, 1u);
  EXPECT_EQ(f.report.rows_skipped, 0u);
  EXPECT_EQ(f.report.rows_read,
            f.report.rows_kept + f.report.rows_rejected + f.report.rows_skipped);
  // Counted off the fixture: page_view ann, bob, cy, dan, eve = 5; cta_view ann, bob ×2, cy,
  // eve = 5; cta_click ann, bob = 2; form_view ann = 1; form_submit ann, dan = 2; email_open
  // cy = 1; download cy = 1 → 17.
  const std::map<Type, int> expected = {
      {Type::kPageView, 5},   {Type::kCtaView, 5},   {Type::kCtaClick, 2}, {Type::kFormView, 1},
      {Type::kFormSubmit, 2}, {Type::kEmailOpen, 1}, {Type::kDownload, 1}};
  EXPECT_EQ(countByType(f.data), expected);

  const model::Touchpoint& click = f.data.touchpoints.at(2);  // line 4
  EXPECT_EQ(click.type, Type::kCtaClick);
  EXPECT_EQ(click.contact_ref, "ann@example.com");
  EXPECT_EQ(click.occurred_at, model::timestampFromCivil({2026, 3, 2}, 9, 0, 20));
  EXPECT_EQ(click.landing_page, "/offer");
  EXPECT_EQ(click.cta_id, "cta-demo");
  EXPECT_EQ(click.device, "mobile");
  EXPECT_EQ(click.channel, "Paid Search");                     // utm google / cpc
  const model::Touchpoint& submit = f.data.touchpoints.at(4);  // line 6
  EXPECT_EQ(submit.type, Type::kFormSubmit);
  EXPECT_EQ(submit.form_id, "demo-form");
  EXPECT_EQ(f.data.touchpoints.at(5).channel, "Email");  // newsletter / email

  ASSERT_EQ(f.report.rejections.size(), 1u);
  const Rejection& r = f.report.rejections.front();
  EXPECT_EQ(r.line, 17u);
  EXPECT_EQ(r.column, "event");
  EXPECT_NE(r.reason_en.find("line 17"), std::string::npos) << r.reason_en;
  EXPECT_NE(r.reason_en.find("unknown event 'scroll'"), std::string::npos) << r.reason_en;
  EXPECT_NE(r.reason_fr.find("ligne 17"), std::string::npos) << r.reason_fr;
  EXPECT_NE(r.reason_fr.find("événement inconnu 'scroll'"), std::string::npos) << r.reason_fr;
}

TEST(EventLog, FrenchHeadersAndEventLabels) {
  const Loaded f = loadFixture("generic_event_log_fr.csv");  // ';' separated, French headers
  EXPECT_EQ(f.report.mapping.at("type d'événement"), "event_name");
  EXPECT_EQ(f.report.mapping.at("horodatage"), "created_at");
  EXPECT_EQ(f.report.mapping.at("page de destination"), "landing_page");
  EXPECT_EQ(f.report.mapping.at("bouton"), "cta_id");
  EXPECT_EQ(f.report.mapping.at("formulaire"), "form_id");
  // 9 data lines: 8 kept, 'Défilement' (scroll) on line 10 rejected.
  EXPECT_EQ(f.report.rows_read, 9u);
  EXPECT_EQ(f.report.rows_kept, 8u);
  EXPECT_EQ(f.report.rows_rejected, 1u);
  // Vue de page ×3, Vue de CTA ×2, Clic sur CTA, Vue de formulaire, Soumission de formulaire.
  const std::map<Type, int> expected = {{Type::kPageView, 3},
                                        {Type::kCtaView, 2},
                                        {Type::kCtaClick, 1},
                                        {Type::kFormView, 1},
                                        {Type::kFormSubmit, 1}};
  EXPECT_EQ(countByType(f.data), expected);
  EXPECT_EQ(f.data.touchpoints.at(0).channel, "Paid Search");  // canal "Recherche payante"
  ASSERT_EQ(f.report.rejections.size(), 1u);
  EXPECT_EQ(f.report.rejections[0].line, 10u);
  EXPECT_EQ(f.report.rejections[0].column, "type d'événement");
  EXPECT_NE(f.report.rejections[0].reason_fr.find("'Défilement'"), std::string::npos);
}

TEST(EventLog, EmptyEventCellIsRejectedNotDropped) {
  const Loaded f = loadBytes("events.csv",
                             "date,email,event type,page\n"
                             "2026-03-02,ann@example.com,page_view,/a\n"
                             "2026-03-02,bob@example.com,,/a\n");
  EXPECT_EQ(f.report.rows_read, 2u);
  EXPECT_EQ(f.report.rows_kept, 1u);
  ASSERT_EQ(f.report.rejections.size(), 1u);
  EXPECT_EQ(f.report.rejections[0].line, 3u);
  EXPECT_NE(f.report.rejections[0].reason_en.find("no event type"), std::string::npos);
  ASSERT_EQ(f.data.touchpoints.size(), 1u);
  EXPECT_EQ(f.data.touchpoints[0].landing_page, "/a");  // "page" read as the landing page
}

TEST(Ga4EventCounts, ExplorationRowsCarryEventTypeAndCount) {
  const Loaded f = loadFixture("ga4_exploration_events_by_landing_page.csv");
  EXPECT_EQ(f.report.tool, "ga4");
  EXPECT_EQ(f.report.variant, "exploration");
  // 17 lines: 5 '#' preamble lines, 1 blank, the header (not a row), the Grand total, 8 data
  // lines → read 15 = kept 8 + skipped 7 (6 preamble and blank, 1 totals).
  EXPECT_EQ(f.report.rows_read, 15u);
  EXPECT_EQ(f.report.rows_kept, 8u);
  EXPECT_EQ(f.report.rows_skipped, 7u);
  EXPECT_EQ(f.report.skipped_by_reason.at("totals"), 1u);
  ASSERT_EQ(f.data.traffic.size(), 8u);
  const model::TrafficAgg& views = f.data.traffic[0];
  EXPECT_EQ(views.event_name, "page_view");
  EXPECT_EQ(views.event_type, Type::kPageView);
  EXPECT_EQ(views.landing_page, "/offer");
  EXPECT_EQ(views.event_count, 400);
  EXPECT_EQ(views.range_start, model::daysFromCivil({2026, 3, 1}));  // preamble 20260301-20260331
  EXPECT_EQ(views.range_end, model::daysFromCivil({2026, 3, 31}));
  EXPECT_EQ(f.data.traffic[1].event_type, std::nullopt);       // scroll: kept, not a KPI event
  EXPECT_EQ(f.data.traffic[2].event_type, Type::kFormView);    // form_start
  EXPECT_EQ(f.data.traffic[3].event_type, Type::kCtaClick);    // click
  EXPECT_EQ(f.data.traffic[4].event_type, Type::kFormSubmit);  // form_submit
}

TEST(Ga4EventCounts, FrenchExplorationByPagePath) {
  const Loaded f =
      loadBytes("Exploration.csv",
                "# ----------------------------------------\n"
                "# Propriété exemple\n"
                "# Pages-Forme libre 1\n"
                "# 20260301-20260331\n"
                "# ----------------------------------------\n"
                "\n"
                "Nom de l’événement,Chemin de la page et classe de l’écran,Nombre d’événements\n"
                ",,130,Grand total\n"
                "page_view,/tarifs,120\n"
                "form_submit,/tarifs,10\n");
  EXPECT_EQ(f.report.tool, "ga4");
  EXPECT_EQ(f.report.rows_kept, 2u);
  EXPECT_EQ(f.report.rows_rejected, 0u);
  ASSERT_EQ(f.data.traffic.size(), 2u);
  EXPECT_EQ(f.data.traffic[0].page, "/tarifs");
  EXPECT_EQ(f.data.traffic[0].event_type, Type::kPageView);
  EXPECT_EQ(f.data.traffic[1].event_type, Type::kFormSubmit);
  EXPECT_EQ(f.data.traffic[1].event_count, 10);
}

}  // namespace
}  // namespace roilens::sources
