// Rankings of landing pages over the whole report range (KPIS.md §5: top_entry_pages,
// pages_to_fix), computed by the engine so filters and the time zone apply as everywhere else.
#include <algorithm>
#include <map>

#include "roilens/metrics/measure.hpp"
#include "roilens/report/report_parts.hpp"

namespace roilens::report::detail {
namespace {

using nlohmann::json;

constexpr std::size_t kTopCount = 5;
constexpr std::size_t kPagesToFixCount = 10;

struct PageStats {
  double entrances = 0, sessions = 0, bounced = 0, bounce_known = 0, key_events = 0, key_known = 0;
};

std::optional<double> rate(double n, double d) {
  return d > 0 ? std::optional<double>(n / d * 100.0) : std::nullopt;
}

std::map<std::string, PageStats> pageStats(metrics::Engine& engine, const metrics::Period& range,
                                           const metrics::DimensionFilter& filters) {
  std::map<std::string, PageStats> pages;
  const std::pair<const char*, double PageStats::*> columns[] = {
      {"entrances", &PageStats::entrances},
      {"sessions", &PageStats::sessions},
      {"bounced_sessions", &PageStats::bounced},
      {"bounce_known_sessions", &PageStats::bounce_known},
      {"key_events", &PageStats::key_events},
      {"key_event_known_sessions", &PageStats::key_known}};
  for (const auto& [measure, field] : columns) {
    metrics::KpiDefinition k;  // an ad-hoc sum per landing page, not a catalogue entry
    k.id = measure;
    k.numerator = measure;
    k.breakdown = {metrics::Dimension::kLandingPage};
    for (const auto& v : engine.evaluate(k, {range}, {}, filters)) {
      pages[v.dimensions.front().second].*field += v.value.value_or(0.0);
    }
  }
  return pages;
}

json pageJson(const std::string& page, const PageStats& s) {
  return {{"page", page},
          {"entrances", numberJson(s.entrances)},
          {"sessions", numberJson(s.sessions)},
          {"bounce_rate", numberJson(rate(s.bounced, s.bounce_known))},
          {"lead_rate", numberJson(rate(s.key_events, s.key_known))}};
}

bool isBlogPost(const std::string& page) {
  return metrics::detail::lowerCase(page).find("/blog") != std::string::npos;
}

json topByEntrances(const std::map<std::string, PageStats>& pages, bool blog_only) {
  std::vector<std::pair<std::string, PageStats>> list;
  for (const auto& [page, s] : pages) {
    if (!blog_only || isBlogPost(page)) list.emplace_back(page, s);
  }
  std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return a.second.entrances > b.second.entrances;
  });
  json out = json::array();
  for (std::size_t i = 0; i < list.size() && i < kTopCount; ++i)
    out.push_back(pageJson(list[i].first, list[i].second));
  return out;
}

// Highest bounce rate first; among equal bounce rates, the lowest lead rate first.
json pagesToFix(const std::map<std::string, PageStats>& pages) {
  struct Row {
    std::string page;
    PageStats s;
    double bounce;
    std::optional<double> lead;
  };
  std::vector<Row> rows;
  for (const auto& [page, s] : pages) {
    if (const auto b = rate(s.bounced, s.bounce_known))
      rows.push_back({page, s, *b, rate(s.key_events, s.key_known)});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.bounce != b.bounce) return a.bounce > b.bounce;
    return a.lead.value_or(-1.0) < b.lead.value_or(-1.0);
  });
  json out = json::array();
  for (std::size_t i = 0; i < rows.size() && i < kPagesToFixCount; ++i)
    out.push_back(pageJson(rows[i].page, rows[i].s));
  return out;
}

}  // namespace

bool hasLandingPageTraffic(const model::Dataset& data) {
  return std::any_of(data.traffic.begin(), data.traffic.end(), [](const model::TrafficAgg& r) {
    return !r.landing_page.empty() && r.event_name.empty();
  });
}

json rankings(metrics::Engine& engine, const metrics::Period& range,
              const metrics::DimensionFilter& filters) {
  const auto pages = pageStats(engine, range, filters);
  return {{"top_entry_pages", topByEntrances(pages, false)},
          {"top_blog_posts", topByEntrances(pages, true)},
          {"pages_to_fix", pagesToFix(pages)}};
}

}  // namespace roilens::report::detail
