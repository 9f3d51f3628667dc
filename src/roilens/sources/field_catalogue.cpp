#include "roilens/sources/field_catalogue.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "roilens/sources/label_text.hpp"

namespace roilens::sources {
namespace {

struct FieldInfo {
  Field field;
  std::string_view name;
  FieldKind kind;
};

constexpr std::array<FieldInfo, static_cast<std::size_t>(Field::kCount)> kFields = {{
    {Field::kDate, "date", FieldKind::kDate},
    {Field::kRangeStart, "range_start", FieldKind::kDate},
    {Field::kRangeEnd, "range_end", FieldKind::kDate},
    {Field::kChannel, "channel", FieldKind::kText},
    {Field::kSourceMedium, "source_medium", FieldKind::kText},
    {Field::kSource, "source", FieldKind::kText},
    {Field::kMedium, "medium", FieldKind::kText},
    {Field::kCampaign, "campaign", FieldKind::kText},
    {Field::kContent, "content", FieldKind::kText},
    {Field::kTerm, "term", FieldKind::kText},
    {Field::kLandingPage, "landing_page", FieldKind::kText},
    {Field::kPage, "page", FieldKind::kText},
    {Field::kDevice, "device", FieldKind::kText},
    {Field::kEventName, "event_name", FieldKind::kText},
    {Field::kReferrerType, "referrer_type", FieldKind::kText},
    {Field::kReferrerName, "referrer_name", FieldKind::kText},
    {Field::kCurrency, "currency", FieldKind::kText},
    {Field::kEmail, "email", FieldKind::kText},
    {Field::kCreatedAt, "created_at", FieldKind::kDate},
    {Field::kStatus, "status", FieldKind::kText},
    {Field::kCampaignId, "campaign_id", FieldKind::kText},
    {Field::kCampaignType, "campaign_type", FieldKind::kText},
    {Field::kAccount, "account", FieldKind::kText},
    {Field::kSessions, "sessions", FieldKind::kNumber},
    {Field::kEngagedSessions, "engaged_sessions", FieldKind::kNumber},
    {Field::kUsers, "users", FieldKind::kNumber},
    {Field::kNewUsers, "new_users", FieldKind::kNumber},
    {Field::kBounces, "bounces", FieldKind::kNumber},
    {Field::kKeyEvents, "key_events", FieldKind::kNumber},
    {Field::kRevenue, "revenue", FieldKind::kNumber},
    {Field::kViews, "views", FieldKind::kNumber},
    {Field::kEventCount, "event_count", FieldKind::kNumber},
    {Field::kEntrances, "entrances", FieldKind::kNumber},
    {Field::kDayIndex, "day_index", FieldKind::kNumber},
    {Field::kYearMonth, "year_month", FieldKind::kText},
    {Field::kContactId, "contact_id", FieldKind::kText},
    {Field::kLifecycleStage, "lifecycle_stage", FieldKind::kText},
    {Field::kOriginalSource, "original_source", FieldKind::kText},
    {Field::kOriginalDetail1, "original_detail_1", FieldKind::kText},
    {Field::kOriginalDetail2, "original_detail_2", FieldKind::kText},
    {Field::kLatestSource, "latest_source", FieldKind::kText},
    {Field::kStageSubscriber, "stage_subscriber", FieldKind::kDate},
    {Field::kStageLead, "stage_lead", FieldKind::kDate},
    {Field::kStageMql, "stage_mql", FieldKind::kDate},
    {Field::kStageSql, "stage_sql", FieldKind::kDate},
    {Field::kStageOpportunity, "stage_opportunity", FieldKind::kDate},
    {Field::kStageCustomer, "stage_customer", FieldKind::kDate},
    {Field::kStageEvangelist, "stage_evangelist", FieldKind::kDate},
    {Field::kLeadStatus, "lead_status", FieldKind::kText},
    {Field::kOwner, "owner", FieldKind::kText},
    {Field::kCompanyId, "company_id", FieldKind::kText},
    {Field::kScore, "score", FieldKind::kNumber},
    {Field::kFirstConversion, "first_conversion", FieldKind::kText},
    {Field::kFirstConversionAt, "first_conversion_at", FieldKind::kDate},
    {Field::kTotalRevenue, "total_revenue", FieldKind::kNumber},
    {Field::kConvertedAt, "converted_at", FieldKind::kDate},
    {Field::kTxnId, "txn_id", FieldKind::kText},
    {Field::kCustomerId, "customer_id", FieldKind::kText},
    {Field::kClosedAt, "closed_at", FieldKind::kDate},
    {Field::kDealStage, "deal_stage", FieldKind::kText},
    {Field::kPipeline, "pipeline", FieldKind::kText},
    {Field::kAmount, "amount", FieldKind::kNumber},
    {Field::kRefunds, "refunds", FieldKind::kNumber},
    {Field::kDiscount, "discount", FieldKind::kNumber},
    {Field::kTax, "tax", FieldKind::kNumber},
    {Field::kShipping, "shipping", FieldKind::kNumber},
    {Field::kCancelledAt, "cancelled_at", FieldKind::kDate},
    {Field::kDealType, "deal_type", FieldKind::kText},
    {Field::kIsWon, "is_won", FieldKind::kText},
    {Field::kIsClosed, "is_closed", FieldKind::kText},
    {Field::kPaidAt, "paid_at", FieldKind::kDate},
    {Field::kLineItemName, "line_item_name", FieldKind::kText},
    {Field::kPaymentMode, "payment_mode", FieldKind::kText},
    {Field::kCost, "cost", FieldKind::kNumber},
    {Field::kImpressions, "impressions", FieldKind::kNumber},
    {Field::kClicks, "clicks", FieldKind::kNumber},
    {Field::kInteractions, "interactions", FieldKind::kNumber},
    {Field::kConversions, "conversions", FieldKind::kNumber},
    {Field::kConversionValue, "conversion_value", FieldKind::kNumber},
    {Field::kReach, "reach", FieldKind::kNumber},
    {Field::kEmailName, "email_name", FieldKind::kText},
    {Field::kSubject, "subject", FieldKind::kText},
    {Field::kAudience, "audience", FieldKind::kText},
    {Field::kSentAt, "sent_at", FieldKind::kDate},
    {Field::kRecipients, "recipients", FieldKind::kNumber},
    {Field::kDelivered, "delivered", FieldKind::kNumber},
    {Field::kBouncesHard, "bounces_hard", FieldKind::kNumber},
    {Field::kBouncesSoft, "bounces_soft", FieldKind::kNumber},
    {Field::kBouncesTotal, "bounces_total", FieldKind::kNumber},
    {Field::kUniqueOpens, "unique_opens", FieldKind::kNumber},
    {Field::kTotalOpens, "total_opens", FieldKind::kNumber},
    {Field::kUniqueClicks, "unique_clicks", FieldKind::kNumber},
    {Field::kTotalClicks, "total_clicks", FieldKind::kNumber},
    {Field::kUnsubscribes, "unsubscribes", FieldKind::kNumber},
    {Field::kComplaints, "complaints", FieldKind::kNumber},
    {Field::kOrders, "orders", FieldKind::kNumber},
    {Field::kPath, "path", FieldKind::kText},
    {Field::kPathConversions, "path_conversions", FieldKind::kNumber},
    {Field::kPathValue, "path_value", FieldKind::kNumber},
    {Field::kPathNulls, "path_nulls", FieldKind::kNumber},
    {Field::kRfmCustomer, "rfm_customer", FieldKind::kText},
    {Field::kFrequency, "frequency", FieldKind::kNumber},
    {Field::kRecency, "recency", FieldKind::kNumber},
    {Field::kAge, "age", FieldKind::kNumber},
    {Field::kMonetary, "monetary_value", FieldKind::kNumber},
    {Field::kCtaId, "cta_id", FieldKind::kText},
    {Field::kFormId, "form_id", FieldKind::kText},
}};

constexpr bool fieldsInEnumOrder() {
  for (std::size_t i = 0; i < kFields.size(); ++i) {
    if (static_cast<std::size_t>(kFields[i].field) != i) return false;
  }
  return true;
}
static_assert(fieldsInEnumOrder(), "kFields must list the fields in enum order");

// Header aliases in labelKey() form, '|'-separated. `tools` restricts an entry to files of those
// tools ('|'-separated ids; empty = any file, including generic ones). Sources: FORMATS.md §1-§14
// (EN labels V/D, FR labels D/I, internal API names D/S). Tool-specific entries come first so
// that they win over shared ones ("name" is a Shopify order number but not a generic field).
struct Alias {
  Field field;
  std::string_view tools;
  std::string_view names;
};

constexpr Alias kAliases[] = {
    // --- tool-specific meanings
    {Field::kTxnId, "shopify", "name"},
    {Field::kStatus, "shopify", "financial status"},
    {Field::kTxnId, "stripe", "id"},
    {Field::kPaymentMode, "stripe", "mode|livemode"},
    {Field::kContactId, "mautic|hubspot", "id|hs_object_id"},
    {Field::kLifecycleStage, "mautic", "stage"},
    {Field::kScore, "mautic", "points"},
    {Field::kCreatedAt, "mautic", "date_added|date added"},
    {Field::kEmailName, "mailchimp", "title"},
    {Field::kEmailName, "mautic|brevo", "name|campaign name|nom de la campagne"},
    {Field::kRecipients, "brevo", "sent|envoyés|recipients|destinataires"},
    {Field::kDelivered, "brevo", "delivered|délivrés"},
    {Field::kUniqueOpens, "brevo", "unique opens|uniqueviews|ouvertures uniques|opened|ouverts"},
    {Field::kTotalOpens, "brevo", "viewed|total opens|ouvertures"},
    {Field::kUniqueClicks, "brevo", "uniqueclicks|unique clicks|clickers|cliqueurs|clics uniques"},
    {Field::kSentAt, "brevo", "sentdate|sent date|date d'envoi"},
    {Field::kCampaignId, "mautic|brevo", "id"},
    {Field::kCustomerId, "salesforce", "account name|nom du compte"},
    {Field::kDayIndex, "", "nth day|day index|nième jour"},
    {Field::kYearMonth, "", "year month|yearmonth|month of year|année et mois|mois de l'année"},
    {Field::kDate, "ga4", "date + hour (yyyymmddhh)|date et heure (aaaammjjhh)|datehour"},
    {Field::kDate, "matomo", "date"},
    {Field::kCreatedAt, "matomo", "lastactiondatetime"},
    {Field::kContactId, "matomo", "visitorid|idvisit"},
    {Field::kDevice, "matomo", "devicetype"},
    // "label" holds the report's dimension; in Referrers.getReferrerType (the channel report)
    // it is the referrer type, read as a channel when it names one (record_mapper).
    {Field::kReferrerType, "matomo", "referrertype|label|libellé|bezeichnung|nom"},
    {Field::kReferrerName, "matomo", "referrername"},
    {Field::kTerm, "matomo", "referrerkeyword"},
    {Field::kTxnId, "woocommerce", "order #|commande n°|n° de commande"},
    {Field::kAmount, "woocommerce", "n. revenue (formatted)|n. revenue|net sales|ventes nettes"},
    {Field::kCustomerId, "woocommerce", "customer|client"},
    {Field::kChannel, "woocommerce", "attribution"},
    {Field::kTxnId, "hubspot", "record id"},
    {Field::kStageLead, "salesforce", "create date|created date|date de création"},
    {Field::kStageOpportunity, "salesforce", "converted date|date de conversion"},
    {Field::kContactId, "salesforce", "lead id|contact id|id du lead"},
    {Field::kTxnId, "salesforce", "opportunity id|id de l'opportunité"},
    {Field::kEmailName, "salesforce", "opportunity name|nom de l'opportunité"},
    {Field::kCampaign, "google_ads|linkedin_ads|meta_ads",
     "campaign|campaign name|nom de la campagne|campagne"},
    {Field::kRangeStart, "linkedin_ads", "start date (in utc)|start date"},
    {Field::kRangeEnd, "linkedin_ads", "end date (in utc)|end date"},
    {Field::kDate, "google_ads|meta_ads|linkedin_ads", "day|jour"},
    {Field::kCost, "linkedin_ads", "total spent|dépenses totales"},
    {Field::kConversionValue, "linkedin_ads", "total conversion value"},
    {Field::kClicks, "linkedin_ads", "clicks|clics"},
    {Field::kClicks, "meta_ads", "link clicks|clics sur un lien"},
    {Field::kConversions, "meta_ads", "purchases|achats"},
    {Field::kChannel, "ua", "default channel grouping|regroupement de canaux par défaut"},
    {Field::kDealStage, "salesforce", "stage|stagename|étape"},
    {Field::kUsers, "matomo",
     "nb_uniq_visitors|unique visitors|visiteurs uniques|eindeutige besucher"},
    {Field::kSessions, "matomo", "nb_visits|visits|visites|besuche"},
    {Field::kBounces, "matomo", "bounce_count|bounces|rebonds|absprünge"},
    {Field::kViews, "matomo", "nb_actions|actions|aktionen"},
    {Field::kKeyEvents, "matomo",
     "nb_visits_converted|visits with conversions|visites avec conversions|besuche mit "
     "konversionen"},
    {Field::kRfmCustomer, "rfm", "id|customer|customer_id|cust"},
    {Field::kFrequency, "rfm", "frequency|x"},
    {Field::kRecency, "rfm", "recency|t_x"},
    {Field::kAge, "rfm", "t"},
    {Field::kMonetary, "rfm", "monetary_value|zbar|m_x"},
    {Field::kPath, "paths", "path"},
    {Field::kPathConversions, "paths", "total_conversions"},
    {Field::kPathValue, "paths", "total_conversion_value"},
    {Field::kPathNulls, "paths", "total_null"},
    // --- shared meanings (any tool, generic files)
    {Field::kDate, "", "date|day|jour|ga:date|datum"},
    {Field::kRangeStart, "",
     "reporting starts|début des rapports|range_start|start date|date de début"},
    {Field::kRangeEnd, "", "reporting ends|fin des rapports|range_end|end date|date de fin"},
    {Field::kChannel, "",
     "session primary channel group (default channel group)|session default channel group|"
     "first user primary channel group (default channel group)|first user default channel group|"
     "default channel group|primary channel group (default channel group)|channel|canal|"
     "groupe de canaux principal de la session (groupe de canaux par défaut)|"
     "groupe de canaux par défaut de la session|groupe de canaux par défaut|channel group"},
    {Field::kSourceMedium, "",
     "session source / medium|source / medium|first user source / medium|"
     "source/support de la session|source / support|source/support"},
    {Field::kSource, "",
     "session source|source|utm source|utm_source|first user source|source de la session"},
    {Field::kMedium, "",
     "session medium|medium|utm medium|utm_medium|support de la session|support"},
    {Field::kCampaign, "",
     "session campaign|campaign|utm campaign|utm_campaign|campagne de la session|campagne"},
    {Field::kContent, "", "session manual ad content|utm content|utm_content|content"},
    {Field::kTerm, "", "session manual term|utm term|utm_term|term|keyword|mot clé"},
    {Field::kLandingPage, "",
     "landing page|landing page + query string|page de destination|"
     "page de destination + chaîne de requête"},
    {Field::kPage, "",
     "page path and screen class|page title and screen class|page path + query string|page path|"
     "page title|chemin de la page et classe de l'écran|titre de la page et classe de "
     "l'écran|page"},
    {Field::kDevice, "",
     "device category|device platform|device|catégorie d'appareil|appareil|plate-forme de "
     "l'appareil"},
    // "event" / "event type": the event column of an event log (event_vocabulary.hpp).
    {Field::kEventName, "",
     "event name|nom de l'événement|event|event type|type d'événement|événement|type "
     "d'évènement|évènement"},
    {Field::kCtaId, "",
     "cta|cta id|cta name|call to action|button|bouton|id du cta|nom du cta|appel à l'action"},
    {Field::kFormId, "", "form|form id|form name|formulaire|id du formulaire|nom du formulaire"},
    {Field::kCurrency, "", "currency|currency code|code de la devise|devise|currency_code"},
    {Field::kEmail, "",
     "email|e-mail|email address|customer email|adresse e-mail|courriel|contact email"},
    {Field::kCreatedAt, "",
     "create date|created|created at|created date|created date (utc)|created (utc)|createdate|"
     "date de création|date added|createddate|creation date|order date|date de commande|date|"
     "timestamp|horodatage|event date|event time|date de l'événement|occurred at"},
    {Field::kStatus, "", "status|statut|financial status"},
    {Field::kCampaignId, "", "campaign id|campaign_id|id de campagne|unique id"},
    {Field::kCampaignType, "", "campaign type|type de campagne|advertising channel type"},
    {Field::kAccount, "", "account|account name|compte|nom du compte"},
    {Field::kSessions, "", "sessions|visits|visites|ga:sessions"},
    {Field::kEngagedSessions, "", "engaged sessions|sessions avec engagement"},
    {Field::kUsers, "",
     "total users|users|active users|utilisateurs|utilisateurs actifs|nombre total d'utilisateurs|"
     "ga:users|visitors|visiteurs|nb_users"},
    {Field::kNewUsers, "", "new users|nouveaux utilisateurs|ga:newusers"},
    {Field::kBounces, "", "bounces|rebonds"},
    {Field::kKeyEvents, "", "key events|conversions|événements clés|goal completions"},
    {Field::kRevenue, "", "total revenue|revenus totaux|revenue|revenu|chiffre d'affaires"},
    {Field::kViews, "", "views|vues|pageviews|pages vues|screen page views"},
    {Field::kEventCount, "", "event count|nombre d'événements"},
    {Field::kEntrances, "", "entrances|entrées"},
    {Field::kContactId, "",
     "record id|contact id|contact_id|hs_object_id|lead id|id de fiche d'informations|"
     "id de l'enregistrement|id du contact|identifiant du contact|visitor id"},
    {Field::kLifecycleStage, "",
     "lifecycle stage|lifecyclestage|phase du cycle de vie|étape du cycle de vie"},
    {Field::kOriginalSource, "",
     "original source|original traffic source|hs_analytics_source|source d'origine|"
     "source de trafic d'origine|lead source|leadsource|origine de la piste|source du lead"},
    {Field::kOriginalDetail1, "",
     "original source drill-down 1|original source data 1|original traffic source drill-down 1|"
     "hs_analytics_source_data_1|informations sur la source d'origine 1|"
     "données de la source d'origine 1"},
    {Field::kOriginalDetail2, "",
     "original source drill-down 2|original source data 2|original traffic source drill-down 2|"
     "hs_analytics_source_data_2|informations sur la source d'origine 2|"
     "données de la source d'origine 2"},
    {Field::kLatestSource, "",
     "latest source|latest traffic source|hs_latest_source|dernière source"},
    {Field::kStageSubscriber, "",
     "became a subscriber date|hs_lifecyclestage_subscriber_date|"
     "date entered \"subscriber (lifecycle stage pipeline)\"|hs_v2_date_entered_subscriber|"
     "hs_date_entered_subscriber|date de conversion en abonné"},
    {Field::kStageLead, "",
     "became a lead date|hs_lifecyclestage_lead_date|date entered \"lead (lifecycle stage "
     "pipeline)\"|"
     "hs_v2_date_entered_lead|hs_date_entered_lead|date de conversion en lead"},
    {Field::kStageMql, "",
     "became a marketing qualified lead date|hs_lifecyclestage_marketingqualifiedlead_date|"
     "date entered \"marketing qualified lead (lifecycle stage pipeline)\"|"
     "hs_v2_date_entered_marketingqualifiedlead|hs_date_entered_marketingqualifiedlead|"
     "date de conversion en lead qualifié par le marketing|mql date"},
    {Field::kStageSql, "",
     "became a sales qualified lead date|hs_lifecyclestage_salesqualifiedlead_date|"
     "date entered \"sales qualified lead (lifecycle stage pipeline)\"|"
     "hs_v2_date_entered_salesqualifiedlead|hs_date_entered_salesqualifiedlead|"
     "date de conversion en lead qualifié par l'équipe commerciale|sql date"},
    {Field::kStageOpportunity, "",
     "became an opportunity date|hs_lifecyclestage_opportunity_date|"
     "date entered \"opportunity (lifecycle stage pipeline)\"|hs_v2_date_entered_opportunity|"
     "hs_date_entered_opportunity|date de conversion en opportunité"},
    {Field::kStageCustomer, "",
     "became a customer date|hs_lifecyclestage_customer_date|"
     "date entered \"customer (lifecycle stage pipeline)\"|hs_v2_date_entered_customer|"
     "hs_date_entered_customer|date de conversion en client|customer date"},
    {Field::kStageEvangelist, "",
     "became an evangelist date|hs_lifecyclestage_evangelist_date|"
     "date entered \"evangelist (lifecycle stage pipeline)\"|hs_v2_date_entered_evangelist|"
     "hs_date_entered_evangelist|date de conversion en évangéliste"},
    {Field::kLeadStatus, "", "lead status|hs_lead_status|statut du lead|statut de la piste"},
    {Field::kOwner, "",
     "contact owner|hubspot_owner_id|propriétaire du contact|lead owner|owner|propriétaire|"
     "opportunity owner|deal owner"},
    {Field::kCompanyId, "", "primary associated company id|associatedcompanyid|company id"},
    {Field::kScore, "", "score|hubspotscore|points|lead score"},
    {Field::kFirstConversion, "",
     "first conversion|first_conversion_event_name|première conversion"},
    {Field::kFirstConversionAt, "",
     "first conversion date|first_conversion_date|date de première conversion"},
    {Field::kTotalRevenue, "", "total revenue (contact)|total_revenue"},
    {Field::kConvertedAt, "", "converted date|converteddate|date de conversion"},
    {Field::kTxnId, "",
     "deal id|order id|order number|transaction id|charge id|txn_id|invoice id|référence|"
     "n° de commande|numéro de commande|id de commande"},
    {Field::kCustomerId, "",
     "customer id|customer_id|associated contact ids|client id|account id|customer|client"},
    {Field::kClosedAt, "", "close date|closedate|date de clôture|closed date|closed at"},
    {Field::kDealStage, "", "deal stage|dealstage|phase de la transaction"},
    {Field::kPipeline, "", "pipeline"},
    {Field::kAmount, "",
     "amount|montant|total|order total|amount (eur)|gross amount|price|sales|net sales"},
    {Field::kRefunds, "", "amount refunded|refunded amount|refunds|montant remboursé"},
    {Field::kDiscount, "", "discount amount|discount|remise"},
    {Field::kTax, "", "taxes|tax|tva"},
    {Field::kShipping, "", "shipping|frais de port|livraison"},
    {Field::kCancelledAt, "", "cancelled at|annulée le"},
    {Field::kDealType, "", "deal type|dealtype|type|type de transaction"},
    {Field::kIsWon, "", "won|iswon|gagné"},
    {Field::kIsClosed, "", "closed|isclosed|fermé"},
    {Field::kPaidAt, "", "paid at|payée le"},
    {Field::kLineItemName, "", "lineitem name"},
    {Field::kCost, "",
     "cost|amount spent|spend|coût|montant dépensé|total spent|dépenses|ad spend|cost (eur)"},
    {Field::kImpressions, "", "impr.|impressions|impr"},
    {Field::kClicks, "", "clicks|clics|link clicks"},
    {Field::kInteractions, "", "interactions"},
    {Field::kConversions, "", "conversions|conv.|conversions (toutes)"},
    {Field::kConversionValue, "",
     "conv. value|conversion value|valeur de conv.|valeur de conversion"},
    {Field::kReach, "", "reach|couverture"},
    {Field::kEmailName, "", "campaign name|email name|title|titre|nom de la campagne"},
    {Field::kSubject, "", "subject|objet|subject line"},
    {Field::kAudience, "", "audience|list|liste"},
    {Field::kSentAt, "",
     "send date|sent date|date sent|date d'envoi|delivery date/time|sent "
     "at|sent_at|senddate|sentdate"},
    {Field::kRecipients, "",
     "total recipients|recipients|sent|sent count|destinataires|envoyés|emails sent"},
    {Field::kDelivered, "", "successful deliveries|delivered|délivrés|distribués"},
    {Field::kBouncesHard, "", "hard bounces|hardbounces|rebonds durs|hard bounce"},
    {Field::kBouncesSoft, "", "soft bounces|softbounces|rebonds doux|soft bounce"},
    {Field::kBouncesTotal, "", "total bounces|bounced|rebonds"},
    {Field::kUniqueOpens, "",
     "unique opens|uniqueviews|read count|ouvertures uniques|opens (unique)|unique opened|openers"},
    {Field::kTotalOpens, "", "total opens|viewed|opens|ouvertures"},
    {Field::kUniqueClicks, "",
     "unique clicks|uniqueclicks|clickers|clics uniques|click-through count"},
    {Field::kTotalClicks, "", "total clicks|clics totaux|clicks|clics"},
    {Field::kUnsubscribes, "",
     "unsubscribes|unsubscribed|unsubscriptions|désinscriptions|désabonnements"},
    {Field::kComplaints, "", "abuse complaints|complaints|plaintes|spam complaints"},
    {Field::kOrders, "", "total orders|orders|commandes"},
    {Field::kRevenue, "", "total revenue|revenu total"},
    {Field::kPath, "", "path|chemin"},
};

bool toolListHas(std::string_view list, std::string_view tool) {
  if (list.empty()) return true;
  for (const std::string_view item : splitText(list, '|')) {
    if (item == tool) return true;
  }
  return false;
}

bool isUpperCode(std::string_view text) {
  return text.size() == 3 && std::isupper(static_cast<unsigned char>(text[0])) &&
         std::isupper(static_cast<unsigned char>(text[1])) &&
         std::isupper(static_cast<unsigned char>(text[2]));
}

}  // namespace

std::string_view tableName(Table table) {
  switch (table) {
    case Table::kContacts:
      return "contacts";
    case Table::kTouchpoints:
      return "touchpoints";
    case Table::kTraffic:
      return "traffic";
    case Table::kTransactions:
      return "transactions";
    case Table::kCosts:
      return "costs";
    case Table::kEmails:
      return "emails";
    case Table::kPaths:
      return "paths";
    case Table::kRfm:
      return "rfm";
  }
  return "";
}

std::string_view fieldName(Field field) { return kFields[static_cast<std::size_t>(field)].name; }

std::optional<Field> fieldFromName(std::string_view name) {
  for (const FieldInfo& info : kFields) {
    if (info.name == name) return info.field;
  }
  return std::nullopt;
}

FieldKind fieldKind(Field field) { return kFields[static_cast<std::size_t>(field)].kind; }

bool isCountField(Field field) {
  using F = Field;
  switch (field) {
    case F::kSessions:
    case F::kEngagedSessions:
    case F::kUsers:
    case F::kNewUsers:
    case F::kBounces:
    case F::kViews:
    case F::kEventCount:
    case F::kEntrances:
    case F::kImpressions:
    case F::kClicks:
    case F::kInteractions:
    case F::kReach:
    case F::kRecipients:
    case F::kDelivered:
    case F::kBouncesHard:
    case F::kBouncesSoft:
    case F::kBouncesTotal:
    case F::kUniqueOpens:
    case F::kTotalOpens:
    case F::kUniqueClicks:
    case F::kTotalClicks:
    case F::kUnsubscribes:
    case F::kComplaints:
    case F::kOrders:
    case F::kPathNulls:
    case F::kDayIndex:
      return true;
    default:
      return false;
  }
}

bool isMoneyField(Field field) {
  using F = Field;
  return field == F::kCost || field == F::kAmount || field == F::kRevenue ||
         field == F::kConversionValue || field == F::kRefunds || field == F::kTotalRevenue ||
         field == F::kDiscount || field == F::kTax || field == F::kShipping;
}

const std::vector<Field>& tableFields(Table table) {
  using F = Field;
  static const std::vector<Field> kContacts = {F::kContactId,
                                               F::kEmail,
                                               F::kCreatedAt,
                                               F::kLifecycleStage,
                                               F::kOriginalSource,
                                               F::kOriginalDetail1,
                                               F::kOriginalDetail2,
                                               F::kLatestSource,
                                               F::kStageSubscriber,
                                               F::kStageLead,
                                               F::kStageMql,
                                               F::kStageSql,
                                               F::kStageOpportunity,
                                               F::kStageCustomer,
                                               F::kStageEvangelist,
                                               F::kLeadStatus,
                                               F::kOwner,
                                               F::kCompanyId,
                                               F::kScore,
                                               F::kFirstConversion,
                                               F::kFirstConversionAt,
                                               F::kTotalRevenue,
                                               F::kConvertedAt,
                                               F::kCampaign,
                                               F::kDevice};
  static const std::vector<Field> kTouchpoints = {
      F::kContactId,    F::kEmail,        F::kCreatedAt, F::kChannel,     F::kSource,
      F::kMedium,       F::kCampaign,     F::kTerm,      F::kLandingPage, F::kDevice,
      F::kReferrerType, F::kReferrerName, F::kRevenue,   F::kEventName,   F::kPage,
      F::kCtaId,        F::kFormId};
  static const std::vector<Field> kTraffic = {
      F::kDate,     F::kRangeStart, F::kRangeEnd,     F::kChannel,     F::kSourceMedium,
      F::kSource,   F::kMedium,     F::kCampaign,     F::kLandingPage, F::kPage,
      F::kDevice,   F::kEventName,  F::kReferrerType, F::kSessions,    F::kEngagedSessions,
      F::kUsers,    F::kNewUsers,   F::kBounces,      F::kKeyEvents,   F::kRevenue,
      F::kViews,    F::kEventCount, F::kEntrances,    F::kCurrency,    F::kDayIndex,
      F::kYearMonth};
  static const std::vector<Field> kTransactions = {
      F::kTxnId,     F::kEmail,        F::kCustomerId,  F::kCreatedAt, F::kClosedAt, F::kStatus,
      F::kDealStage, F::kPipeline,     F::kAmount,      F::kRefunds,   F::kDiscount, F::kTax,
      F::kShipping,  F::kCurrency,     F::kCancelledAt, F::kDealType,  F::kIsWon,    F::kIsClosed,
      F::kPaidAt,    F::kSource,       F::kMedium,      F::kCampaign,  F::kContent,  F::kTerm,
      F::kChannel,   F::kLineItemName, F::kPaymentMode};
  static const std::vector<Field> kCosts = {
      F::kDate,        F::kYearMonth,  F::kRangeStart,   F::kRangeEnd,    F::kAccount,
      F::kCampaign,    F::kCampaignId, F::kCampaignType, F::kCurrency,    F::kCost,
      F::kImpressions, F::kClicks,     F::kInteractions, F::kConversions, F::kConversionValue,
      F::kReach,       F::kDevice,     F::kChannel};
  static const std::vector<Field> kEmails = {
      F::kCampaignId,  F::kEmailName,  F::kSubject,      F::kAudience,    F::kSentAt,
      F::kRecipients,  F::kDelivered,  F::kBouncesHard,  F::kBouncesSoft, F::kBouncesTotal,
      F::kUniqueOpens, F::kTotalOpens, F::kUniqueClicks, F::kTotalClicks, F::kUnsubscribes,
      F::kComplaints,  F::kOrders,     F::kRevenue};
  static const std::vector<Field> kPaths = {F::kPath, F::kPathConversions, F::kPathValue,
                                            F::kPathNulls};
  static const std::vector<Field> kRfm = {F::kRfmCustomer, F::kFrequency, F::kRecency, F::kAge,
                                          F::kMonetary};
  switch (table) {
    case Table::kContacts:
      return kContacts;
    case Table::kTouchpoints:
      return kTouchpoints;
    case Table::kTraffic:
      return kTraffic;
    case Table::kTransactions:
      return kTransactions;
    case Table::kCosts:
      return kCosts;
    case Table::kEmails:
      return kEmails;
    case Table::kPaths:
      return kPaths;
    case Table::kRfm:
      return kRfm;
  }
  return kContacts;
}

namespace {

std::optional<Field> lookupAlias(const std::string& key, std::string_view tool,
                                 const std::vector<Field>& eligible) {
  for (const Alias& alias : kAliases) {
    if (!toolListHas(alias.tools, tool)) continue;
    if (alias.tools.empty() && (tool == "rfm" || tool == "paths")) continue;
    if (std::find(eligible.begin(), eligible.end(), alias.field) == eligible.end()) continue;
    for (const std::string_view name : splitText(alias.names, '|')) {
      if (name == key) return alias.field;
    }
  }
  return std::nullopt;
}

}  // namespace

HeaderMatch matchHeader(std::string_view header_cell, std::string_view tool, Table table) {
  const std::vector<Field>& eligible = tableFields(table);
  HeaderMatch match;
  std::string_view text = trimText(header_cell);
  // "Amount spent (INR)", "Cost (EUR)": the code is the column's currency.
  if (text.size() > 6 && text.back() == ')' && text[text.size() - 5] == '(' &&
      isUpperCode(text.substr(text.size() - 4, 3))) {
    match.header_currency = std::string(text.substr(text.size() - 4, 3));
    text = trimText(text.substr(0, text.size() - 5));
  }
  std::string key = labelKey(text);
  if (auto field = lookupAlias(key, tool, eligible)) {
    match.field = field;
    return match;
  }
  // Snake-case API names ("order_id", "created_at"): retry with spaces.
  std::replace(key.begin(), key.end(), '_', ' ');
  match.field = lookupAlias(key, tool, eligible);
  return match;
}

}  // namespace roilens::sources
