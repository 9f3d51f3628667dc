#include "roilens/sources/record_mapper.hpp"

#include <algorithm>
#include <array>

#include "roilens/core/hash.hpp"
#include "roilens/sources/channel_taxonomy.hpp"
#include "roilens/sources/event_vocabulary.hpp"
#include "roilens/sources/label_text.hpp"
#include "roilens/sources/record_mapper_support.hpp"
#include "roilens/sources/status_vocabulary.hpp"

namespace roilens::sources {
namespace {

using mapper_support::currencyFromSign;
using mapper_support::upper;
using mapper_support::widen;
using model::DayNumber;

model::Granularity granularityOf(DayNumber from, DayNumber to) {
  const DayNumber span = to - from + 1;
  if (span == 1) return model::Granularity::kDay;
  if (span == 7) return model::Granularity::kWeek;
  const model::CivilDate start = model::civilFromDays(from);
  const model::CivilDate next = model::civilFromDays(to + 1);
  if (start.day == 1 && next.day == 1 && span >= 28 && span <= 31)
    return model::Granularity::kMonth;
  return model::Granularity::kTotal;
}

void addTo(std::optional<double>& into, const std::optional<double>& from) {
  if (from) into = into.value_or(0.0) + *from;
}

// The words that mark a row as not data ("#" section heads, "Total", "Grand total", "No data
// available.") start with these letters: other cells need not be normalised to be ruled out.
bool mayBeMarker(std::string_view cell) {
  const std::string_view text = trimText(cell);
  if (text.empty()) return false;
  const char c = static_cast<char>(text.front() | 0x20);
  return text.front() == '#' || c == 't' || c == 'g' || c == 'n';
}

}  // namespace

// Rows with the same dimensions are one aggregate: their numerators are added, so that a long
// export of repeated keys (a raw daily log per channel) takes the memory of its distinct keys.
void RecordMapper::appendTraffic(const model::TrafficAgg& row, RowSink& out) {
  using model::DictField;
  using model::TrafficAgg;
  model::TrafficTable& table = out.tables.traffic;
  const auto r = static_cast<model::RowIndex::Row>(table.size());
  table.append(row, out.file, out.strings);
  // The row's key: its range and the codes its dimensions were given.
  const auto key = [&](model::RowIndex::Row i) {
    return std::array<std::uint32_t, 11>{
        static_cast<std::uint32_t>(
            table.field<model::ValueField<&TrafficAgg::range_start>>().at(i)),
        static_cast<std::uint32_t>(table.field<model::ValueField<&TrafficAgg::range_end>>().at(i)),
        table.field<DictField<&TrafficAgg::channel>>().at(i),
        table.field<DictField<&TrafficAgg::source>>().at(i),
        table.field<DictField<&TrafficAgg::medium>>().at(i),
        table.field<DictField<&TrafficAgg::campaign>>().at(i),
        table.field<DictField<&TrafficAgg::landing_page>>().at(i),
        table.field<DictField<&TrafficAgg::page>>().at(i),
        table.field<DictField<&TrafficAgg::device>>().at(i),
        table.field<DictField<&TrafficAgg::event_name>>().at(i),
        table.field<DictField<&TrafficAgg::currency>>().at(i)};
  };
  const auto mine = key(r);
  const std::uint64_t hash =
      hashBytes(std::string_view(reinterpret_cast<const char*>(mine.data()), sizeof mine));
  const auto found =
      traffic_index_.findOrInsert(hash, r, [&](model::RowIndex::Row i) { return key(i) == mine; });
  if (!found) return;
  table.popBack();
  TrafficAgg into = table.values(*found, out.strings);
  addTo(into.sessions, row.sessions);
  addTo(into.engaged_sessions, row.engaged_sessions);
  addTo(into.users, row.users);
  addTo(into.new_users, row.new_users);
  addTo(into.bounces, row.bounces);
  addTo(into.entrances, row.entrances);
  addTo(into.key_events, row.key_events);
  addTo(into.revenue, row.revenue);
  addTo(into.views, row.views);
  addTo(into.event_count, row.event_count);
  table.assign(*found, into, out.strings);
}

RecordMapper::RecordMapper(MappingContext context, ColumnBinding binding, ColumnFormats formats)
    : context_(std::move(context)), binding_(std::move(binding)), formats_(std::move(formats)) {}

bool RecordMapper::dimensionsEmpty(const io::RecordView& record) const {
  // The dimension cells are those left of the first numeric column (UA: Browser, OS...; Meta:
  // Campaign name, Device platform). A totals row leaves them all empty.
  std::size_t first_metric = binding_.fields.size();
  for (std::size_t col = 0; col < binding_.fields.size(); ++col) {
    const auto& field = binding_.fields[col];
    if (field && fieldKind(*field) == FieldKind::kNumber) {
      first_metric = col;
      break;
    }
  }
  if (first_metric == 0 || first_metric == binding_.fields.size()) return false;
  bool any_dimension = false;
  for (std::size_t col = 0; col < first_metric; ++col) {
    // Period and currency cells are repeated on a total row (Meta Ads Manager puts "Reporting
    // starts/ends" first): they are not dimensions.
    const auto& field = binding_.fields[col];
    if (field && (*field == Field::kRangeStart || *field == Field::kRangeEnd ||
                  *field == Field::kCurrency)) {
      continue;
    }
    any_dimension = true;
    if (col < record.fields.size() && !trimText(record.fields[col]).empty()) return false;
  }
  return any_dimension;
}

std::optional<std::string> RecordMapper::skipReason(const io::RecordView& record) {
  if (record.isBlank()) {
    // A blank line after data ends the table in tools that append footers or further sections.
    if (data_rows_seen_ > 0 && (context_.tool == "salesforce" || context_.tool == "ga4" ||
                                context_.tool == "ua" || context_.tool == "linkedin_ads")) {
      in_footer_ = true;
    }
    return "blank";
  }
  if (in_footer_) return context_.tool == "salesforce" ? "footer" : "section";
  const std::string first =
      mayBeMarker(record.fields.front()) ? labelKey(record.fields.front()) : std::string();
  if (first.starts_with("#") && (context_.tool == "ga4" || context_.tool == "ua")) {
    return "section";  // a further table's preamble
  }
  if (context_.tool == "google_ads" &&
      (first.starts_with("total:") || first.starts_with("total :"))) {
    return "totals";  // "Total: Campaigns", "Total: Account"... (FR UI "Total :", I)
  }
  if (context_.tool == "ga4" && (first == "grand total" || first == "total général")) {
    return "totals";  // accepted if a standard report ever carries one (FORMATS §3, I)
  }
  if (context_.tool == "mautic" && first == "totals") return "totals";
  if ((context_.tool == "linkedin_ads" || context_.tool == "salesforce") &&
      (first == "total" || first == "grand total" || first == "totals")) {
    return "totals";
  }
  if (record.fields.size() > binding_.header.size() &&
      labelKey(record.fields.back()) == "grand total") {
    return "totals";  // GA4 exploration: ",4311,Grand total"
  }
  if (context_.tool == "meta_ads") {
    if (record.fields.size() == 1 && labelKey(record.fields[0]) == "no data available.") {
      return "no_data";
    }
    if (data_rows_seen_ == 0 && dimensionsEmpty(record)) return "totals";  // account total
  }
  if (context_.tool == "ua" && dimensionsEmpty(record)) return "totals";
  return std::nullopt;
}

void RecordMapper::checkContradiction(const io::RecordView& record, std::size_t line) {
  const int col = formats_.contradictedColumn(record);
  if (col < 0 || contradicted_columns_.count(col) > 0) return;
  contradicted_columns_.insert(col);
  const std::string& name = binding_.header[static_cast<std::size_t>(col)];
  warnings_.push_back({"column '" + name + "': line " + groupedLine(line) +
                           " is written in another format than the first rows, from which the "
                           "column's format was decided",
                       "colonne '" + name + "' : la ligne " + groupedLine(line) +
                           " est écrite dans un autre format que les premières lignes, qui ont "
                           "décidé du format de la colonne"});
}

RowOutcome RecordMapper::map(const io::RecordView& record, std::size_t line, RowSink& out) {
  RowOutcome outcome;
  if (auto reason = skipReason(record)) {
    outcome.fate = RowFate::kSkipped;
    outcome.skip_reason = *reason;
    return outcome;
  }
  ++data_rows_seen_;
  if (data_rows_seen_ > ColumnFormats::kBlockRows) checkContradiction(record, line);
  CellReader cells(record, line, binding_, formats_, context_.utc_offset_minutes);
  // Ragged rows. More cells than the header: rejected unless the extra cells are empty (values
  // would be shifted: we cannot tell which belongs where). Fewer: kept, the missing trailing
  // cells read as empty, and counted in a warning.
  if (record.fields.size() > binding_.header.size()) {
    const bool extras_empty =
        std::all_of(record.fields.begin() + static_cast<long>(binding_.header.size()),
                    record.fields.end(), [](std::string_view f) { return trimText(f).empty(); });
    if (!extras_empty) {
      const std::string counts = std::to_string(record.fields.size()) +
                                 " cells but the header has " +
                                 std::to_string(binding_.header.size());
      cells.fail("", "the row has " + counts,
                 "la ligne a " + std::to_string(record.fields.size()) +
                     " cellules mais l'en-tête en a " + std::to_string(binding_.header.size()));
    }
  } else if (record.fields.size() < binding_.header.size()) {
    ++short_rows_;
  }
  if (!cells.failed()) {
    switch (context_.table) {
      case Table::kTraffic:
        mapTraffic(cells, out, outcome);
        break;
      case Table::kCosts:
        mapCost(cells, out, outcome);
        break;
      case Table::kContacts:
        mapContact(cells, record, out, outcome);
        break;
      case Table::kTransactions:
        mapTransaction(cells, out, outcome);
        break;
      case Table::kEmails:
        mapEmail(cells, out, outcome);
        break;
      case Table::kTouchpoints:
        mapTouchpoint(cells, out, outcome);
        break;
      case Table::kPaths:
        mapPath(cells, out);
        break;
      case Table::kRfm:
        mapRfm(cells, out);
        break;
    }
  }
  if (cells.failed()) {
    outcome.fate = RowFate::kRejected;
    outcome.column = cells.failureColumn();
    outcome.reason_en = cells.failureEn();
    outcome.reason_fr = cells.failureFr();
  } else if (outcome.fate == RowFate::kKept) {
    for (const std::string& sign : cells.currencySigns()) {
      dollar_sign_read_ = dollar_sign_read_ || sign == "$";
      if (auto code = currencyFromSign(sign); !code.empty()) outcome.currencies.insert(code);
    }
  }
  return outcome;
}

std::vector<Warning> RecordMapper::warnings() const {
  std::vector<Warning> out = warnings_;
  if (short_rows_ > 0) {
    const std::string n = std::to_string(short_rows_);
    out.push_back({n + " row(s) had fewer cells than the header: the missing cells were read as "
                       "empty",
                   n + " ligne(s) avaient moins de cellules que l'en-tête : les cellules "
                       "manquantes ont été lues vides"});
  }
  if (dollar_sign_read_) {
    out.push_back(
        {"amounts written with '$' were read as US dollars (USD); add a currency column "
         "if they are another dollar",
         "les montants écrits avec '$' ont été lus en dollars américains (USD) ; "
         "ajoutez une colonne de devise s'il s'agit d'un autre dollar"});
  }
  for (const std::string& label : unknown_channels_) {
    out.push_back({"channel '" + label + "' is not a GA4 default channel: kept as written",
                   "le canal '" + label + "' n'est pas un canal GA4 par défaut : gardé tel quel"});
  }
  return out;
}

std::optional<std::pair<DayNumber, DayNumber>> RecordMapper::rowRange(CellReader& cells) {
  if (binding_.has(Field::kDate)) {
    const std::string_view text = cells.text(Field::kDate);
    // Matomo multi-period exports write a week as "2009-12-28,2010-01-03".
    if (const auto comma = text.find(',');
        comma != std::string_view::npos && context_.tool == "matomo") {
      const io::DateColumnFormat iso{};
      const auto from = io::parseCivilDate(text.substr(0, comma), iso);
      const auto to = io::parseCivilDate(text.substr(comma + 1), iso);
      if (from && to) return std::make_pair(model::daysFromCivil(*from), model::daysFromCivil(*to));
      cells.fail(binding_.header[static_cast<std::size_t>(binding_.columnOf(Field::kDate))],
                 "'" + std::string(text) + "' is not a date range",
                 "'" + std::string(text) + "' n'est pas une période");
      return std::nullopt;
    }
    // GA4 "Date + hour" (YYYYMMDDHH): the day is the first 8 digits.
    if (text.size() == 10 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const io::DateColumnFormat yyyymmdd{io::DayOrder::kMonthFirst, false,
                                          io::NumericDate::kYyyymmdd};
      if (const auto d = io::parseCivilDate(text.substr(0, 8), yyyymmdd)) {
        const DayNumber day = model::daysFromCivil(*d);
        return std::make_pair(day, day);
      }
    }
    if (const auto day = cells.day(Field::kDate)) return std::make_pair(*day, *day);
  }
  if (binding_.has(Field::kYearMonth)) {
    // GA4 "Year month" = YYYYMM: the whole calendar month.
    const std::string_view text = cells.text(Field::kYearMonth);
    const io::DateColumnFormat yyyymmdd{io::DayOrder::kMonthFirst, false,
                                        io::NumericDate::kYyyymmdd};
    const auto first =
        text.size() == 6 ? io::parseCivilDate(std::string(text) + "01", yyyymmdd) : std::nullopt;
    if (!first) {
      cells.fail(binding_.header[static_cast<std::size_t>(binding_.columnOf(Field::kYearMonth))],
                 "'" + std::string(text) + "' is not a year and month (YYYYMM)",
                 "'" + std::string(text) + "' n'est pas une année et un mois (AAAAMM)");
      return std::nullopt;
    }
    const model::CivilDate next = first->month == 12
                                      ? model::CivilDate{first->year + 1, 1, 1}
                                      : model::CivilDate{first->year, first->month + 1, 1};
    return std::make_pair(model::daysFromCivil(*first), model::daysFromCivil(next) - 1);
  }
  if (binding_.has(Field::kDayIndex) && context_.period) {
    if (const auto index = cells.number(Field::kDayIndex)) {
      const DayNumber day = context_.period->first + static_cast<DayNumber>(*index);
      return std::make_pair(day, day);
    }
  }
  const auto start = cells.day(Field::kRangeStart);
  const auto end = cells.day(Field::kRangeEnd);
  if (start) return std::make_pair(*start, end ? *end : *start);
  if (!cells.failed() && context_.period) return context_.period;
  if (!cells.failed()) {
    cells.fail("",
               "no date: the file has no date column and no period line; re-export it with "
               "a date range or the Date dimension",
               "pas de date : le fichier n'a ni colonne de date ni ligne de période ; "
               "exportez-le avec une période ou la dimension Date");
  }
  return std::nullopt;
}

std::string RecordMapper::trafficChannel(CellReader& cells) {
  if (binding_.has(Field::kChannel)) {
    const std::string_view label = cells.text(Field::kChannel);
    const std::string& found = channel_memo_.get(label, [&] {
      std::string c = context_.tool == "ua" ? channelFromUaGrouping(label) : std::string();
      return c.empty() ? channelFromGa4Label(label) : c;
    });
    if (found.empty() && !label.empty()) {
      unknown_channels_.insert(std::string(label));
      return std::string(label);
    }
    return found;
  }
  if (binding_.has(Field::kReferrerType)) {
    return channelFromMatomoReferrerType(cells.text(Field::kReferrerType));
  }
  if (binding_.has(Field::kSourceMedium)) {
    const std::string_view sm = cells.text(Field::kSourceMedium);
    const std::string_view campaign = cells.text(Field::kCampaign);
    return channel_memo_.get({sm, campaign}, [&] { return channelFromSourceMedium(sm, campaign); });
  }
  if (binding_.has(Field::kSource) || binding_.has(Field::kMedium)) {
    const std::string_view source = cells.text(Field::kSource);
    const std::string_view medium = cells.text(Field::kMedium);
    const std::string_view campaign = cells.text(Field::kCampaign);
    return channel_memo_.get({source, medium, campaign},
                             [&] { return channelFromUtm(source, medium, campaign); });
  }
  return "";  // the report is not split by channel
}

std::string RecordMapper::rowCurrency(const CellReader& cells) {
  if (binding_.has(Field::kCurrency) && !cells.text(Field::kCurrency).empty()) {
    return upper(cells.text(Field::kCurrency));
  }
  return binding_.header_currency;
}

void RecordMapper::mapTraffic(CellReader& cells, RowSink& out, RowOutcome& outcome) {
  if (context_.variant == "pivot") {
    cells.fail("", "a pivot table (one column per dimension value) has no column roilens can read",
               "un tableau croisé (une colonne par valeur) n'a pas de colonne lisible par roilens");
    return;
  }
  model::TrafficAgg& row = traffic_row_;
  model::TrafficTable::reset(row);
  const auto range = rowRange(cells);
  if (!range) return;
  row.range_start = range->first;
  row.range_end = range->second;
  row.granularity = granularityOf(range->first, range->second);
  row.channel = trafficChannel(cells);
  if (binding_.has(Field::kSourceMedium)) {
    const std::string_view sm = cells.text(Field::kSourceMedium);
    const std::size_t slash = sm.find(" / ");
    row.source = sm.substr(0, slash);
    if (slash != std::string_view::npos) row.medium = sm.substr(slash + 3);
  } else {
    row.source = cells.text(Field::kSource);
    row.medium = cells.text(Field::kMedium);
  }
  row.campaign = cells.text(Field::kCampaign);
  row.landing_page = cells.text(Field::kLandingPage);
  row.page = cells.text(Field::kPage);
  row.device = cells.text(Field::kDevice);
  row.event_name = cells.text(Field::kEventName);
  row.event_type = touchpointTypeFromEvent(row.event_name);
  row.sessions = cells.number(Field::kSessions);
  row.engaged_sessions = cells.number(Field::kEngagedSessions);
  row.users = cells.number(Field::kUsers);
  row.new_users = cells.number(Field::kNewUsers);
  row.bounces = cells.number(Field::kBounces);
  row.entrances = cells.number(Field::kEntrances);
  row.key_events = cells.number(Field::kKeyEvents);
  row.revenue = cells.number(Field::kRevenue);
  row.views = cells.number(Field::kViews);
  row.event_count = cells.number(Field::kEventCount);
  row.currency = rowCurrency(cells);
  row.origin.source_row = cells.line();
  if (cells.failed()) return;
  widen(outcome, row.range_start);
  widen(outcome, row.range_end);
  appendTraffic(row, out);
}

void RecordMapper::mapCost(CellReader& cells, RowSink& out, RowOutcome& outcome) {
  model::Cost row;
  const auto range = rowRange(cells);
  if (!range) return;
  row.range_start = range->first;
  row.range_end = range->second;
  row.platform = context_.tool == "generic" ? "manual" : context_.tool;
  row.account = cells.text(Field::kAccount);
  row.campaign_id = cells.text(Field::kCampaignId);
  row.campaign_name = cells.text(Field::kCampaign);
  row.campaign_type = cells.text(Field::kCampaignType);
  row.device = cells.text(Field::kDevice);
  row.category = "advertising";
  if (context_.tool == "google_ads") {
    row.channel = channelFromGoogleAdsCampaignType(row.campaign_type);
  } else if (context_.tool == "meta_ads" || context_.tool == "linkedin_ads") {
    row.channel = std::string(channel::kPaidSocial);
  } else {
    row.channel = channelFromGa4Label(cells.text(Field::kChannel));
  }
  row.currency = rowCurrency(cells);
  // An empty spend cell means nothing was spent (Meta leaves it empty, Google Ads writes 0.00).
  row.cost = cells.number(Field::kCost).value_or(0.0);
  if (row.currency.empty() && cells.currencySigns().size() == 1) {
    row.currency = currencyFromSign(*cells.currencySigns().begin());
  }
  row.impressions = cells.number(Field::kImpressions);
  row.clicks = cells.number(Field::kClicks);
  row.interactions = cells.number(Field::kInteractions);
  row.conversions = cells.number(Field::kConversions);
  row.conversion_value = cells.number(Field::kConversionValue);
  row.reach = cells.number(Field::kReach);
  row.origin.source_row = cells.line();
  if (cells.failed()) return;
  widen(outcome, row.range_start);
  widen(outcome, row.range_end);
  if (!row.currency.empty()) outcome.currencies.insert(row.currency);
  out.tables.costs.append(row, out.file, out.strings);
}

}  // namespace roilens::sources
