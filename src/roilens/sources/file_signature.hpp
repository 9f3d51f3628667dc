#pragma once
// Which tool exported a file (FORMATS.md §17), where its table starts, and what its preamble says.
// Works on the first lines of the decoded text only, so that ingestion can stream the rest.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "roilens/io/text_decoder.hpp"
#include "roilens/model/time.hpp"
#include "roilens/sources/field_catalogue.hpp"

namespace roilens::sources {

// The layout before the table: how many physical lines precede the header, and what they said.
struct Preamble {
  enum class Kind {
    kNone,
    kGa4Standard,   // "# ----", "# <Report>: <Dim>", "# Start date: YYYYMMDD"
    kGaSectioned,   // "# ----", two names, "# YYYYMMDD-YYYYMMDD", "# ----", blank (UA or GA4 expl.)
    kGa4ReportCsv,  // "# Report CSV Export" variant of GA4 explorations
    kGoogleAdsTitle,  // report name, date range line
    kTitleBlock,      // LinkedIn "Campaign Performance Report" block, or another title block
  };
  Kind kind = Kind::kNone;
  std::size_t header_index = 0;  // 0-based index of the header among the lines
  std::optional<std::pair<model::DayNumber, model::DayNumber>> period;
  std::string title;  // report name when the preamble tells it
};

// lines: the first physical lines of the file (line ends removed). Finds the header: after a
// known preamble, else the first non-blank line, else (re-detection, FORMATS §0) the first line
// among the first 30 whose cells match at least two known column names when the first line
// matches none.
Preamble locatePreamble(const std::vector<std::string>& lines);

struct Recognition {
  std::string tool;  // tool id, "generic", or "" when nothing fits
  Table table = Table::kContacts;
  double confidence = 0.0;  // 0..1
  std::string variant;      // e.g. "contacts", "deals", "exploration", "pivot", "visits"
};

struct SignatureInput {
  const Preamble& preamble;
  const std::vector<std::string>& header;  // header cells as parsed
  std::string_view raw_header_line;
  const std::vector<std::string>& following_lines;  // raw lines after the header (a few)
  io::Encoding encoding;
};

Recognition recognise(const SignatureInput& input);

// Recognition for a forced tool id (FileOptions::tool): the table follows from the header.
Recognition recogniseAs(std::string_view tool, const SignatureInput& input);

// Generic mapping: the table whose fields the header names best; nullopt below two fields.
std::optional<Recognition> recogniseGeneric(const std::vector<std::string>& header);

// The table a set of explicitly mapped fields belongs to (manual mapping, column indexes).
Table tableForFields(const std::vector<Field>& fields);

bool isKnownTool(std::string_view tool);

}  // namespace roilens::sources
