#pragma once
// Pieces of buildReport, one file each (report.cpp, rankings.cpp, steering.cpp).
#include <nlohmann/json.hpp>
#include <optional>

#include "roilens/metrics/engine.hpp"
#include "roilens/report/report.hpp"

namespace roilens::report::detail {

// Integral values print as integers (3, not 3.0); null stays null.
nlohmann::json numberJson(const std::optional<double>& v);
nlohmann::json dimensionsJson(const metrics::DimensionKey& key);
nlohmann::json textJson(const std::string& en, const std::string& fr);

// top_entry_pages, top_blog_posts, pages_to_fix over the whole report range.
nlohmann::json rankings(metrics::Engine& engine, const metrics::Period& range,
                        const metrics::DimensionFilter& filters);
bool hasLandingPageTraffic(const model::Dataset& data);

nlohmann::json goals(metrics::Engine& engine, const ReportOptions& options,
                     const std::optional<metrics::Period>& range);
nlohmann::json abTests(metrics::Engine& engine, const ReportOptions& options,
                       const std::optional<metrics::Period>& range);
nlohmann::json cadence(const ReportOptions& options,
                       const std::optional<std::pair<model::DayNumber, model::DayNumber>>& extent);
std::vector<metrics::Period> cadencePeriods(
    const ReportOptions& options,
    const std::optional<std::pair<model::DayNumber, model::DayNumber>>& extent);

}  // namespace roilens::report::detail
