// The record mapper for people and money: contacts, transactions, e-mail campaigns, touchpoints,
// paths and RFM summaries (traffic and costs are in record_mapper.cpp).
#include "roilens/sources/channel_taxonomy.hpp"
#include "roilens/sources/event_vocabulary.hpp"
#include "roilens/sources/label_text.hpp"
#include "roilens/sources/record_mapper.hpp"
#include "roilens/sources/record_mapper_support.hpp"
#include "roilens/sources/status_vocabulary.hpp"

namespace roilens::sources {

using mapper_support::currencyFromSign;
using mapper_support::dayOf;
using mapper_support::widen;

void RecordMapper::mapContact(CellReader& cells, const io::RecordView& record, RowSink& out,
                              RowOutcome& outcome) {
  model::Contact& row = contact_row_;
  model::ContactTable::reset(row);
  row.contact_id = cells.text(Field::kContactId);
  row.email = emailKey(cells.text(Field::kEmail));
  if (row.contact_id.empty() && row.email.empty()) {
    cells.fail("", "no contact id and no e-mail: the row cannot be joined to anything",
               "ni identifiant ni e-mail : la ligne ne peut être reliée à rien");
    return;
  }
  const int offset = context_.utc_offset_minutes;
  if (auto created = cells.dateTime(Field::kCreatedAt)) row.created_at = created->utc;
  const std::string_view stage = cells.text(Field::kLifecycleStage);
  row.lifecycle_stage =
      contact_memo_.get({"stage", stage}, [&] { return lifecycleStageId(stage); });
  constexpr Field kStageFields[model::kStageCount] = {
      Field::kStageSubscriber,  Field::kStageLead,     Field::kStageMql,       Field::kStageSql,
      Field::kStageOpportunity, Field::kStageCustomer, Field::kStageEvangelist};
  for (std::size_t s = 0; s < model::kStageCount; ++s) {
    if (auto at = cells.dateTime(kStageFields[s])) row.stage_at[s] = at->utc;
  }
  if (!row.created_at) row.created_at = row.at(model::Stage::kLead);
  row.original_source_raw = cells.text(Field::kOriginalSource);
  row.original_detail_1 = cells.text(Field::kOriginalDetail1);
  row.original_detail_2 = cells.text(Field::kOriginalDetail2);
  if (!row.original_source_raw.empty()) {
    row.original_channel = contact_memo_.get(
        {"source", row.original_source_raw, row.original_detail_1, row.original_detail_2}, [&] {
          std::string channel = channelFromHubSpotSource(
              row.original_source_raw, row.original_detail_1, row.original_detail_2);
          if (channel.empty()) channel = channelFromGa4Label(row.original_source_raw);
          if (channel.empty()) channel = channelFromUtm(row.original_source_raw, "");
          return channel;
        });
  }
  if (binding_.has(Field::kLatestSource)) {
    row.latest_channel = channelFromHubSpotSource(cells.text(Field::kLatestSource));
  }
  row.campaign = cells.text(Field::kCampaign);
  if (row.campaign.empty()) {
    row.campaign = contact_memo_.get(
        {"campaign", row.original_source_raw, row.original_detail_1, row.original_detail_2}, [&] {
          return campaignFromHubSpotDrillDown(row.original_source_raw, row.original_detail_1,
                                              row.original_detail_2);
        });
  }
  row.device = cells.text(Field::kDevice);
  row.owner = cells.text(Field::kOwner);
  row.company_id = cells.text(Field::kCompanyId);
  row.lead_status = cells.text(Field::kLeadStatus);
  row.score = cells.number(Field::kScore);
  row.first_conversion = cells.text(Field::kFirstConversion);
  if (auto at = cells.dateTime(Field::kFirstConversionAt)) row.first_conversion_at = at->utc;
  row.total_revenue = cells.number(Field::kTotalRevenue);
  row.origin.source_row = cells.line();
  if (cells.failed()) return;
  if (row.created_at) widen(outcome, dayOf(*row.created_at, offset));
  for (const auto& at : row.stage_at) {
    if (at) widen(outcome, dayOf(*at, offset));
  }
  const std::size_t r = out.tables.contacts.size();
  out.tables.contacts.append(row, out.file, out.strings);
  // Cells of columns no field takes travel with the contact (Contact::extra), coded directly.
  if (header_codes_.empty()) {
    for (const std::string& h : binding_.header) header_codes_.push_back(out.strings.intern(h));
  }
  auto& extra = out.tables.contacts.field<model::ExtraField<&model::Contact::extra>>();
  for (std::size_t col = 0; col < binding_.header.size() && col < record.fields.size(); ++col) {
    if (!binding_.fields[col] && !trimText(record.fields[col]).empty()) {
      extra.column(header_codes_[col]).set(r, out.strings.intern(record.fields[col]));
    }
  }
}

void RecordMapper::mapTransaction(CellReader& cells, RowSink& out, RowOutcome& outcome) {
  const std::string_view name = cells.text(Field::kTxnId);
  if (context_.tool == "shopify") {
    // One row per line item: only an order's first row carries the order cells (FORMATS §12).
    // Rule: a row repeating the previous row's order Name with empty Financial Status and Total
    // is a line item of an order already counted → skipped ("line_item"), never kept twice.
    if (!name.empty() && name == last_order_name_ && cells.isEmpty(Field::kStatus) &&
        cells.isEmpty(Field::kAmount)) {
      outcome.fate = RowFate::kSkipped;
      outcome.skip_reason = "line_item";
      return;
    }
    last_order_name_ = std::string(name);
  }
  // Stripe test-mode charges are not revenue: skipped ("test_mode"), never kept.
  const std::string mode = labelKey(cells.text(Field::kPaymentMode));
  if (mode == "test" || mode == "false") {
    outcome.fate = RowFate::kSkipped;
    outcome.skip_reason = "test_mode";
    return;
  }
  model::Transaction& row = transaction_row_;
  model::TransactionTable::reset(row);
  row.txn_id = std::string(name);
  const bool deal = context_.tool == "hubspot" || context_.tool == "salesforce";
  row.kind = deal ? model::TransactionKind::kDeal
                  : (context_.tool == "stripe" ? model::TransactionKind::kCharge
                                               : model::TransactionKind::kOrder);
  const std::string email = emailKey(cells.text(Field::kEmail));
  row.customer_ref = !email.empty() ? email : std::string(cells.text(Field::kCustomerId));
  if (auto at = cells.dateTime(Field::kCreatedAt)) row.created_at = at->utc;
  if (auto at = cells.dateTime(Field::kClosedAt)) row.closed_at = at->utc;
  if (auto at = cells.dateTime(Field::kPaidAt); at && !row.closed_at) row.closed_at = at->utc;
  row.amount_gross = cells.number(Field::kAmount);
  row.refunds = cells.number(Field::kRefunds).value_or(0.0);
  row.discount = cells.number(Field::kDiscount).value_or(0.0);
  row.tax = cells.number(Field::kTax).value_or(0.0);
  row.shipping = cells.number(Field::kShipping).value_or(0.0);
  if (row.amount_gross) row.amount_net = *row.amount_gross - row.refunds;
  row.currency = rowCurrency(cells);
  if (row.currency.empty() && cells.currencySigns().size() == 1) {
    row.currency = currencyFromSign(*cells.currencySigns().begin());  // "$1,250.00"
  }
  row.pipeline = cells.text(Field::kPipeline);
  row.stage = cells.text(Field::kDealStage);
  row.status = transactionStatus(cells, deal, row.stage);
  row.is_upsell = isUpsellDealType(cells.text(Field::kDealType));
  setTransactionChannel(cells, row);
  if (row.txn_id.empty() && !row.amount_gross) {
    cells.fail("", "no transaction id and no amount", "ni identifiant de transaction ni montant");
  }
  row.origin.source_row = cells.line();
  if (cells.failed()) return;
  const int offset = context_.utc_offset_minutes;
  if (row.created_at) widen(outcome, dayOf(*row.created_at, offset));
  if (row.closed_at) widen(outcome, dayOf(*row.closed_at, offset));
  if (!row.currency.empty()) outcome.currencies.insert(row.currency);
  out.tables.transactions.append(row, out.file, out.strings);
}

model::TransactionStatus RecordMapper::transactionStatus(CellReader& cells, bool deal,
                                                         const std::string& stage) const {
  using model::TransactionStatus;
  if (deal) {
    // Deal stage words first; Salesforce's Won / Closed flags refine an open stage.
    const TransactionStatus by_stage = dealStatus(stage);
    if (binding_.has(Field::kIsWon) && isTruthy(cells.text(Field::kIsWon))) {
      return TransactionStatus::kWon;
    }
    if (binding_.has(Field::kIsClosed) && isTruthy(cells.text(Field::kIsClosed)) &&
        by_stage == TransactionStatus::kOpen) {
      return TransactionStatus::kLost;
    }
    return by_stage;
  }
  if (!cells.isEmpty(Field::kCancelledAt)) return TransactionStatus::kCancelled;
  // An order or charge without a status column is a completed sale (Stripe "Paid" by default).
  return paymentStatus(cells.text(Field::kStatus)).value_or(TransactionStatus::kPaid);
}

void RecordMapper::setTransactionChannel(const CellReader& cells, model::Transaction& row) const {
  row.utm_source = cells.text(Field::kSource);
  row.utm_medium = cells.text(Field::kMedium);
  row.utm_campaign = cells.text(Field::kCampaign);
  row.utm_content = cells.text(Field::kContent);
  row.utm_term = cells.text(Field::kTerm);
  if (context_.tool == "shopify") {
    row.channel = channelFromShopifySource(row.utm_source);
    row.utm_source.clear();  // Shopify's Source is the sales channel, not a UTM source
  } else if (context_.tool == "woocommerce") {
    row.channel = channelFromWooCommerceOrigin(cells.text(Field::kChannel));
  } else if (!row.utm_source.empty() || !row.utm_medium.empty()) {
    row.channel = channelFromUtm(row.utm_source, row.utm_medium, row.utm_campaign);
  }
}

void RecordMapper::mapEmail(CellReader& cells, RowSink& out, RowOutcome& outcome) {
  model::EmailCampaignStats row;
  row.campaign_id = cells.text(Field::kCampaignId);
  row.name = cells.text(Field::kEmailName);
  row.subject = cells.text(Field::kSubject);
  row.audience = cells.text(Field::kAudience);
  if (row.campaign_id.empty() && row.name.empty() && row.subject.empty()) {
    cells.fail("", "no campaign id, name or subject",
               "ni identifiant, ni nom, ni objet de campagne");
    return;
  }
  if (auto at = cells.dateTime(Field::kSentAt)) row.sent_at = at->utc;
  row.recipients = cells.number(Field::kRecipients);
  row.delivered = cells.number(Field::kDelivered);
  row.bounces_hard = cells.number(Field::kBouncesHard);
  row.bounces_soft = cells.number(Field::kBouncesSoft);
  const auto bounces_total = cells.number(Field::kBouncesTotal);
  // Mautic reports sent and bounced but not delivered: delivered = sent − bounced.
  if (!row.delivered && row.recipients && bounces_total)
    row.delivered = *row.recipients - *bounces_total;
  row.unique_opens = cells.number(Field::kUniqueOpens);
  row.total_opens = cells.number(Field::kTotalOpens);
  row.unique_clicks = cells.number(Field::kUniqueClicks);
  row.total_clicks = cells.number(Field::kTotalClicks);
  row.unsubscribes = cells.number(Field::kUnsubscribes);
  row.complaints = cells.number(Field::kComplaints);
  row.orders = cells.number(Field::kOrders);
  row.revenue = cells.number(Field::kRevenue);
  row.origin.source_row = cells.line();
  if (cells.failed()) return;
  if (row.sent_at) widen(outcome, dayOf(*row.sent_at, context_.utc_offset_minutes));
  out.tables.emails.append(row, out.file, out.strings);
}

// A visit log (Matomo Live) or an event log: one row per visit or event. A file with an event
// column gives each row the type its event names; an event no vocabulary entry knows is
// rejected (a silently dropped form submission would lower the form fill rate).
void RecordMapper::mapTouchpoint(CellReader& cells, RowSink& out, RowOutcome& outcome) {
  model::Touchpoint row;
  if (!touchpointType(cells, row.type)) return;
  row.contact_ref = emailKey(cells.text(Field::kEmail));
  if (row.contact_ref.empty()) row.contact_ref = cells.text(Field::kContactId);
  const auto at = cells.dateTime(Field::kCreatedAt);
  if (!at) {
    if (!cells.failed()) {
      cells.fail("", "no date for this visit or event",
                 "pas de date pour cette visite ou cet événement");
    }
    return;
  }
  row.occurred_at = at->utc;
  row.source = cells.text(Field::kReferrerName);
  if (row.source.empty()) row.source = cells.text(Field::kSource);
  row.medium = cells.text(Field::kMedium);
  row.campaign = cells.text(Field::kCampaign);
  row.term = cells.text(Field::kTerm);
  row.landing_page = cells.text(Field::kLandingPage);
  // An event log names the page the event happened on: that page is the one the LP rates read.
  if (row.landing_page.empty()) row.landing_page = cells.text(Field::kPage);
  row.cta_id = cells.text(Field::kCtaId);
  row.form_id = cells.text(Field::kFormId);
  row.device = cells.text(Field::kDevice);
  if (binding_.has(Field::kChannel)) {
    row.channel = trafficChannel(cells);
  } else if (binding_.has(Field::kReferrerType)) {
    row.channel =
        channelFromMatomoReferrerType(cells.text(Field::kReferrerType), row.source, row.medium);
  } else {
    row.channel = channelFromUtm(row.source, row.medium, row.campaign);
  }
  row.value = cells.number(Field::kRevenue);
  row.origin.source_row = cells.line();
  if (cells.failed()) return;
  widen(outcome, dayOf(row.occurred_at, context_.utc_offset_minutes));
  out.tables.touchpoints.append(row, out.file, out.strings);
}

// Without an event column every row is a visit (Matomo Live); with one, the cell must name an
// event of the vocabulary (event_vocabulary.hpp).
bool RecordMapper::touchpointType(CellReader& cells, model::TouchpointType& type) {
  if (!binding_.has(Field::kEventName)) {
    type = model::TouchpointType::kVisit;
    return true;
  }
  const std::string_view label = cells.text(Field::kEventName);
  if (const auto known = touchpointTypeFromEvent(label)) {
    type = *known;
    return true;
  }
  const std::string shown(label);
  const std::string column =
      binding_.header[static_cast<std::size_t>(binding_.columnOf(Field::kEventName))];
  cells.fail(column,
             label.empty() ? "no event type in this row"
                           : "unknown event '" + shown +
                                 "' (expected e.g. page_view, form_view, form_submit, cta_view, "
                                 "cta_click, email_open, download)",
             label.empty() ? "pas de type d'événement sur cette ligne"
                           : "événement inconnu '" + shown +
                                 "' (attendu par ex. vue de page, vue de formulaire, soumission "
                                 "de formulaire, vue de CTA, clic sur CTA, ouverture d'e-mail, "
                                 "téléchargement)");
  return false;
}

void RecordMapper::mapPath(CellReader& cells, RowSink& out) {
  model::PathAggregate row;
  for (const std::string_view step : splitText(cells.text(Field::kPath), '>')) {
    if (!trimText(step).empty()) row.channels.emplace_back(trimText(step));
  }
  if (row.channels.empty()) {
    cells.fail("path", "empty path", "chemin vide");
    return;
  }
  row.conversions = cells.number(Field::kPathConversions).value_or(0.0);
  row.conversion_value = cells.number(Field::kPathValue).value_or(0.0);
  row.nulls = cells.number(Field::kPathNulls).value_or(0.0);
  row.origin.source_row = cells.line();
  if (!cells.failed()) out.tables.paths.append(row, out.file, out.strings);
}

void RecordMapper::mapRfm(CellReader& cells, RowSink& out) {
  model::RfmSummary row;
  row.customer = cells.text(Field::kRfmCustomer);
  const auto frequency = cells.number(Field::kFrequency);
  const auto recency = cells.number(Field::kRecency);
  const auto age = cells.number(Field::kAge);
  if (!cells.failed() && (!frequency || !recency || !age)) {
    cells.fail("", "frequency, recency and T are all needed",
               "fréquence, récence et T sont requis");
  }
  if (cells.failed()) return;
  row.frequency = *frequency;
  row.recency = *recency;
  row.age = *age;
  row.monetary_value = cells.number(Field::kMonetary).value_or(0.0);
  row.origin.source_row = cells.line();
  if (!cells.failed()) out.tables.rfm.append(row, out.file, out.strings);
}

}  // namespace roilens::sources
