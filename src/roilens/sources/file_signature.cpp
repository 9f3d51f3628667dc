#include "roilens/sources/file_signature.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "roilens/io/date_parser.hpp"
#include "roilens/sources/label_text.hpp"

namespace roilens::sources {
namespace {

constexpr std::array<std::string_view, 17> kToolIds = {
    "hubspot",     "mautic",       "ga4",        "ua",        "matomo", "google_ads",
    "meta_ads",    "linkedin_ads", "salesforce", "mailchimp", "brevo",  "shopify",
    "woocommerce", "stripe",       "generic",    "paths",     "rfm"};

constexpr Table kAllTables[] = {Table::kContacts,     Table::kTouchpoints, Table::kTraffic,
                                Table::kTransactions, Table::kCosts,       Table::kEmails};

bool isBlankLine(std::string_view line) { return trimText(line).empty(); }

std::string stripHash(std::string_view line) {  // "# Start date: 1" → "Start date: 1"
  line.remove_prefix(1);
  return std::string(trimText(line));
}

std::string unquote(std::string_view text) {
  text = trimText(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  return std::string(text);
}

// Naive cell split for header candidates (quotes removed, no embedded delimiters expected).
std::vector<std::string> roughCells(std::string_view line) {
  char best = ',';
  std::size_t best_count = 0;
  for (const char delimiter : {',', '\t', ';', '|'}) {
    const auto count = static_cast<std::size_t>(std::count(line.begin(), line.end(), delimiter));
    if (count > best_count) {
      best = delimiter;
      best_count = count;
    }
  }
  std::vector<std::string> cells;
  for (const std::string_view cell : splitText(line, best)) cells.push_back(unquote(cell));
  return cells;
}

std::size_t knownHeaderCount(const std::vector<std::string>& cells) {
  std::size_t known = 0;
  for (const std::string& cell : cells) {
    const bool matched = std::any_of(std::begin(kAllTables), std::end(kAllTables), [&](Table t) {
      return matchHeader(cell, "", t).field.has_value();
    });
    if (matched) ++known;
  }
  return known;
}

bool hasDelimiterOutsideQuotes(std::string_view line) {
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == ',' || c == '\t' || c == ';')) return true;
  }
  return false;
}

void readHashPreamble(const std::vector<std::string>& lines, Preamble& out) {
  std::size_t i = 0;
  std::string start;
  std::string end;
  bool report_csv = false;
  while (i < lines.size() && lines[i].starts_with("#")) {
    const std::string text = stripHash(lines[i]);
    const std::string key = labelKey(text);
    // "Start date: 20260322" (EN) / "Date de début : 20260322" (FR UI, I): the value follows ':'.
    const std::string value = text.find(':') == std::string::npos
                                  ? ""
                                  : std::string(trimText(text.substr(text.find(':') + 1)));
    if (key.starts_with("start date") || key.starts_with("date de début")) start = value;
    if (key.starts_with("end date") || key.starts_with("date de fin")) end = value;
    if (key == "report csv export") report_csv = true;
    if (!key.starts_with("account:") && !key.starts_with("property:") &&
        !key.starts_with("compte") && !key.starts_with("propriété") &&
        text.find(": ") != std::string::npos && start.empty() && end.empty() && out.title.empty()) {
      out.title = text;  // "Traffic acquisition: Session source / medium"
    }
    if (const auto range = io::parseDateRange(text); range && !out.period) out.period = range;
    ++i;
  }
  if (!start.empty() && !end.empty()) out.period = io::parseDateRange(start + "-" + end);
  if (report_csv) {
    out.kind = Preamble::Kind::kGa4ReportCsv;
  } else if (!start.empty()) {
    out.kind = Preamble::Kind::kGa4Standard;
  } else {
    out.kind = Preamble::Kind::kGaSectioned;
  }
  while (i < lines.size() && isBlankLine(lines[i])) ++i;
  out.header_index = i;
}

// LinkedIn-style block: title lines until a blank line; "Report Start: …" lines give the period.
void readTitleBlock(const std::vector<std::string>& lines, Preamble& out) {
  out.kind = Preamble::Kind::kTitleBlock;
  out.title = unquote(lines[0]);
  std::optional<model::DayNumber> start;
  std::optional<model::DayNumber> end;
  std::size_t i = 0;
  while (i < lines.size() && !isBlankLine(lines[i])) {
    const std::vector<std::string> cells = roughCells(lines[i]);
    const std::string key = labelKey(cells[0]);
    std::string value = cells.size() > 1 ? cells[1] : std::string();
    if (value.empty() && key.find(':') != std::string::npos) {
      value = std::string(trimText(cells[0].substr(cells[0].find(':') + 1)));
    }
    const io::DateColumnFormat us_dates{};  // LinkedIn writes M/D/YYYY (I)
    if (key.starts_with("report start")) {
      if (auto d = io::parseCivilDate(value, us_dates)) start = model::daysFromCivil(*d);
    } else if (key.starts_with("report end")) {
      if (auto d = io::parseCivilDate(value, us_dates)) end = model::daysFromCivil(*d);
    }
    ++i;
  }
  if (start && end) out.period = std::make_pair(*start, *end);
  while (i < lines.size() && isBlankLine(lines[i])) ++i;
  out.header_index = i;
}

bool looksLikeGoogleAdsTitle(const std::vector<std::string>& lines) {
  if (lines.size() < 3 || hasDelimiterOutsideQuotes(lines[0]) ||
      hasDelimiterOutsideQuotes(lines[1]) || isBlankLine(lines[0])) {
    return false;
  }
  const std::string range = unquote(lines[1]);
  if (labelKey(range) != "all time" && !io::parseDateRange(range)) return false;
  const std::vector<std::string> header = roughCells(lines[2]);
  return std::any_of(header.begin(), header.end(), [](const std::string& cell) {
    const std::string key = labelKey(cell);
    return key == "currency code" || key == "impr." || key == "cost" || key == "campaign" ||
           key == "code de la devise" || key == "coût" || key == "campagne";  // FR UI (I)
  });
}

}  // namespace

Preamble locatePreamble(const std::vector<std::string>& lines) {
  Preamble out;
  if (lines.empty()) return out;
  if (lines[0].starts_with("#")) {
    readHashPreamble(lines, out);
    return out;
  }
  if (looksLikeGoogleAdsTitle(lines)) {
    out.kind = Preamble::Kind::kGoogleAdsTitle;
    out.title = unquote(lines[0]);
    const std::string range = unquote(lines[1]);
    out.period = io::parseDateRange(range);
    out.header_index = 2;
    return out;
  }
  if (labelKey(unquote(lines[0])).starts_with("campaign performance report")) {
    readTitleBlock(lines, out);
    return out;
  }
  std::size_t first = 0;
  while (first < lines.size() && isBlankLine(lines[first])) ++first;
  out.header_index = first;
  if (first >= lines.size() || knownHeaderCount(roughCells(lines[first])) > 0) return out;
  // Re-detect the header: the first line among the next 30 naming two known columns.
  for (std::size_t i = first + 1; i < lines.size() && i < first + 30; ++i) {
    if (knownHeaderCount(roughCells(lines[i])) >= 2) {
      out.kind = Preamble::Kind::kTitleBlock;
      out.title = unquote(lines[first]);
      out.header_index = i;
      return out;
    }
  }
  return out;
}

namespace {

class HeaderSet {
 public:
  explicit HeaderSet(const std::vector<std::string>& header) {
    for (const std::string& cell : header) keys_.insert(labelKey(cell));
    if (!header.empty()) first_ = labelKey(header.front());
  }
  bool has(std::string_view key) const { return keys_.count(std::string(key)) > 0; }
  bool any(std::initializer_list<std::string_view> keys) const {
    return std::any_of(keys.begin(), keys.end(), [&](std::string_view k) { return has(k); });
  }
  std::size_t count(std::initializer_list<std::string_view> keys) const {
    return static_cast<std::size_t>(
        std::count_if(keys.begin(), keys.end(), [&](std::string_view k) { return has(k); }));
  }
  bool anyStartsWith(std::string_view prefix) const {
    return std::any_of(keys_.begin(), keys_.end(),
                       [&](const std::string& k) { return k.starts_with(prefix); });
  }
  const std::string& first() const { return first_; }

 private:
  std::set<std::string> keys_;
  std::string first_;
};

std::size_t uaOnlyCount(const HeaderSet& h) {
  return h.count({"% new sessions", "pages / session", "pages/session", "avg. session duration",
                  "default channel grouping", "pageviews", "unique pageviews", "avg. time on page",
                  "goal conversion rate", "ecommerce conversion rate", "goal completions", "% exit",
                  "day index", "hour index"});
}

std::size_t ga4OnlyCount(const HeaderSet& h) {
  return h.count({"event count", "engaged sessions", "engagement rate", "active users",
                  "key events", "total users", "views", "session source / medium", "nth day",
                  "page path + query string", "event name", "total revenue",
                  "session primary channel group (default channel group)",
                  "session default channel group", "average engagement time per session",
                  "nombre d'événements", "utilisateurs actifs", "vues", "nom de l'événement"});
}

bool allCellsQuoted(std::string_view raw, std::size_t cells) {
  raw = trimText(raw);
  if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"') return false;
  std::size_t separators = 0;
  for (std::size_t at = raw.find("\",\""); at != std::string_view::npos;
       at = raw.find("\",\"", at + 3)) {
    ++separators;
  }
  return separators + 1 == cells;
}

bool hasGroupedQuotedNumber(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    for (std::size_t at = line.find('"'); at != std::string::npos; at = line.find('"', at + 1)) {
      std::size_t i = at + 1;
      std::size_t digits = 0;
      while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i, ++digits;
      if (digits >= 1 && digits <= 3 && i + 4 < line.size() && line[i] == ',' &&
          std::isdigit(static_cast<unsigned char>(line[i + 1])) &&
          std::isdigit(static_cast<unsigned char>(line[i + 3]))) {
        return true;
      }
    }
  }
  return false;
}

Recognition make(std::string tool, Table table, double confidence, std::string variant = {}) {
  return Recognition{std::move(tool), table, confidence, std::move(variant)};
}

Recognition hubspotTable(const HeaderSet& h, double confidence) {
  const bool deals = h.any({"amount", "deal name", "deal stage", "dealname", "dealstage",
                            "pipeline", "close date", "closedate", "montant"});
  return deals ? make("hubspot", Table::kTransactions, confidence, "deals")
               : make("hubspot", Table::kContacts, confidence, "contacts");
}

Recognition matomoTable(const HeaderSet& h, double confidence) {
  if (h.has("idvisit") || h.has("referrertype")) {
    return make("matomo", Table::kTouchpoints, confidence, "visits");
  }
  const bool has_metric =
      h.any({"nb_visits", "nb_uniq_visitors", "visits", "visites", "besuche", "unique visitors",
             "visiteurs uniques", "eindeutige besucher", "nb_actions"});
  return make("matomo", Table::kTraffic, confidence, has_metric ? "report" : "pivot");
}

Recognition salesforceTable(const HeaderSet& h, double confidence) {
  const bool opportunities = h.any({"opportunity name", "opportunity owner", "probability (%)",
                                    "stagename", "nom de l'opportunité"}) ||
                             (h.has("stage") && h.has("amount"));
  return opportunities ? make("salesforce", Table::kTransactions, confidence, "opportunities")
                       : make("salesforce", Table::kContacts, confidence, "leads");
}

std::optional<Recognition> byHeaderSignature(const SignatureInput& in, const HeaderSet& h) {
  const bool quoted = allCellsQuoted(in.raw_header_line, in.header.size());
  const bool utf16 = in.encoding == io::Encoding::kUtf16Le || in.encoding == io::Encoding::kUtf16Be;
  if (h.has("path") && h.has("total_conversions")) return make("paths", Table::kPaths, 0.95);
  if ((h.has("frequency") && h.has("recency") && h.has("t")) ||
      (h.has("x") && h.has("t_x") && h.has("t"))) {
    return make("rfm", Table::kRfm, 0.9);
  }
  if (h.has("reporting starts") && h.anyStartsWith("amount spent")) {
    return make("meta_ads", Table::kCosts, 0.95);
  }
  if (h.has("total spent") && (h.has("campaign name") || h.has("campaign group name"))) {
    const bool titled = labelKey(in.preamble.title).starts_with("campaign performance report");
    return make("linkedin_ads", Table::kCosts, titled ? 0.85 : 0.6);
  }
  if (h.first() == "record id" || h.first() == "hs_object_id") {
    return hubspotTable(h, quoted ? 0.95 : 0.8);
  }
  if (h.any({"lifecycle stage", "lifecyclestage", "phase du cycle de vie", "original source",
             "source d'origine"}) ||
      h.anyStartsWith("became a ") || h.anyStartsWith("date entered \"")) {
    return hubspotTable(h, 0.7);
  }
  if (h.has("id") && h.has("firstname") && h.has("lastname") && h.has("email")) {
    return make("mautic", Table::kContacts, in.encoding == io::Encoding::kUtf8Bom ? 0.9 : 0.75,
                "contacts");
  }
  if (h.has("subject") && h.has("sent count"))
    return make("mautic", Table::kEmails, 0.85, "emails");
  const bool matomo_headers =
      h.any({"label", "nb_visits", "nb_uniq_visitors", "idvisit", "visits", "visites", "besuche",
             "unique visitors", "visiteurs uniques", "eindeutige besucher"});
  if (utf16 && matomo_headers) return matomoTable(h, 0.9);
  if (h.any({"nb_visits", "nb_uniq_visitors"}) || (h.has("idvisit") && h.has("referrertype"))) {
    return matomoTable(h, 0.8);
  }
  if (h.has("name") && h.has("email") && h.has("financial status") && h.has("paid at")) {
    return make("shopify", Table::kTransactions, 0.95);
  }
  if (h.has("id") && h.any({"created date (utc)", "created (utc)"}) && h.has("amount")) {
    return make("stripe", Table::kTransactions, 0.95);
  }
  if (h.has("title") && h.has("subject") && h.any({"audience", "list"}) && h.has("send date")) {
    return make("mailchimp", Table::kEmails, 0.95);
  }
  if (h.has("date") && h.any({"order #", "commande n°"}) &&
      h.any({"n. revenue (formatted)", "net sales", "ventes nettes"})) {
    return make("woocommerce", Table::kTransactions, 0.95);
  }
  if (h.any({"lead owner", "lead source", "opportunity name", "opportunity owner",
             "propriétaire du lead", "nom de l'opportunité"})) {
    return salesforceTable(h, quoted ? 0.85 : 0.75);
  }
  if (h.any({"uniqueviews", "hardbounces", "softbounces", "unsubscriptions", "trackableviews"})) {
    return make("brevo", Table::kEmails, 0.75);
  }
  if (uaOnlyCount(h) >= 1) return make("ua", Table::kTraffic, 0.8);
  if (ga4OnlyCount(h) >= 2) return make("ga4", Table::kTraffic, 0.6);
  if (h.any({"sessions", "users"}) && hasGroupedQuotedNumber(in.following_lines)) {
    // UA formats counts in the UI locale ("2,533"); GA4 writes raw numbers (FORMATS §4).
    return make("ua", Table::kTraffic, 0.6);
  }
  return std::nullopt;
}

}  // namespace

Recognition recognise(const SignatureInput& in) {
  const HeaderSet h(in.header);
  using Kind = Preamble::Kind;
  const Kind kind = in.preamble.kind;
  if (kind == Kind::kGa4Standard || kind == Kind::kGa4ReportCsv) {
    return make(
        "ga4", Table::kTraffic, 0.95,
        kind == Kind::kGa4ReportCsv ? "exploration" : (h.has("event name") ? "events" : "report"));
  }
  if (kind == Kind::kGaSectioned) {
    const bool grand_total = !in.following_lines.empty() &&
                             trimText(in.following_lines.front()).ends_with(",Grand total");
    if (grand_total || ga4OnlyCount(h) > uaOnlyCount(h)) {
      return make("ga4", Table::kTraffic, 0.9, "exploration");
    }
    return make("ua", Table::kTraffic, 0.85);
  }
  if (kind == Kind::kGoogleAdsTitle) return make("google_ads", Table::kCosts, 0.95);
  if (auto found = byHeaderSignature(in, h)) return *found;
  if (auto generic = recogniseGeneric(in.header)) return *generic;
  return make("", Table::kContacts, 0.0);
}

Recognition recogniseAs(std::string_view tool, const SignatureInput& in) {
  const HeaderSet h(in.header);
  if (tool == "hubspot") return hubspotTable(h, 1.0);
  if (tool == "matomo") return matomoTable(h, 1.0);
  if (tool == "salesforce") return salesforceTable(h, 1.0);
  if (tool == "mautic") {
    return h.has("subject") ? make("mautic", Table::kEmails, 1.0, "emails")
                            : make("mautic", Table::kContacts, 1.0, "contacts");
  }
  if (tool == "ga4" || tool == "ua") return make(std::string(tool), Table::kTraffic, 1.0);
  if (tool == "google_ads" || tool == "meta_ads" || tool == "linkedin_ads") {
    return make(std::string(tool), Table::kCosts, 1.0);
  }
  if (tool == "mailchimp" || tool == "brevo") return make(std::string(tool), Table::kEmails, 1.0);
  if (tool == "shopify" || tool == "woocommerce" || tool == "stripe") {
    return make(std::string(tool), Table::kTransactions, 1.0);
  }
  if (tool == "paths") return make("paths", Table::kPaths, 1.0);
  if (tool == "rfm") return make("rfm", Table::kRfm, 1.0);
  if (auto generic = recogniseGeneric(in.header)) {
    generic->confidence = 1.0;
    return *generic;
  }
  return make("generic", Table::kContacts, 1.0);
}

std::optional<Recognition> recogniseGeneric(const std::vector<std::string>& header) {
  std::optional<Recognition> best;
  std::size_t best_count = 0;
  for (const Table table : kAllTables) {
    std::set<Field> fields;
    for (const std::string& cell : header) {
      if (auto match = matchHeader(cell, "generic", table); match.field)
        fields.insert(*match.field);
    }
    if (fields.size() > best_count) {
      best_count = fields.size();
      best = make("generic", table, std::min(0.6, 0.3 + 0.05 * static_cast<double>(fields.size())));
    }
  }
  if (best_count < 2) return std::nullopt;
  return best;
}

Table tableForFields(const std::vector<Field>& fields) {
  Table best = Table::kTransactions;
  std::size_t best_count = 0;
  for (const Table table : {Table::kTransactions, Table::kContacts, Table::kTraffic, Table::kCosts,
                            Table::kEmails, Table::kTouchpoints, Table::kPaths, Table::kRfm}) {
    const std::vector<Field>& eligible = tableFields(table);
    const auto count =
        static_cast<std::size_t>(std::count_if(fields.begin(), fields.end(), [&](Field f) {
          return std::find(eligible.begin(), eligible.end(), f) != eligible.end();
        }));
    if (count > best_count) {
      best = table;
      best_count = count;
    }
  }
  return best;
}

bool isKnownTool(std::string_view tool) {
  return std::find(kToolIds.begin(), kToolIds.end(), tool) != kToolIds.end();
}

}  // namespace roilens::sources
