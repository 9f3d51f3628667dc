#pragma once
// The normalised data set every source maps onto (shared/FORMATS.md §15).
// Plain value types; instants are UTC (model/time.hpp); money is in `currency`.
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "roilens/model/time.hpp"

namespace roilens::model {

// Where a record came from, for traceability and error messages.
struct Origin {
  std::string source_system;  // tool id: "hubspot", "ga4", ...
  std::string source_file;
  std::size_t source_row = 0;  // 1-based physical line of the record's first line
};

// Funnel stages in order. Promoters (second purchase) are derived from transactions.
enum class Stage { kSubscriber, kLead, kMql, kSql, kOpportunity, kCustomer, kEvangelist };
inline constexpr std::size_t kStageCount = 7;

struct Contact {
  std::string contact_id;
  std::string email;  // trimmed, case-folded
  std::optional<Timestamp> created_at;
  std::string lifecycle_stage;  // current stage: subscriber, lead, mql, sql, opportunity, customer,
                                // evangelist, other, custom:<id>
  std::array<std::optional<Timestamp>, kStageCount> stage_at{};  // entry date per Stage
  std::string original_channel;                                  // taxonomy channel (§16)
  std::string original_source_raw;
  std::string original_detail_1;
  std::string original_detail_2;
  std::string latest_channel;
  std::string campaign;  // originating campaign, when the source tells it
  std::string device;
  std::string segment;
  std::string owner;
  std::string company_id;
  std::string lead_status;
  std::optional<double> score;
  std::string first_conversion;
  std::optional<Timestamp> first_conversion_at;
  std::optional<double> total_revenue;
  bool was_prospect = false;  // flagged "was a prospect" (seed 001)
  std::map<std::string, std::string> extra;
  Origin origin;

  const std::optional<Timestamp>& at(Stage s) const {
    return stage_at[static_cast<std::size_t>(s)];
  }
  std::optional<Timestamp>& at(Stage s) { return stage_at[static_cast<std::size_t>(s)]; }
};

enum class TouchpointType {
  kVisit,
  kPageView,
  kFormView,
  kFormSubmit,
  kCtaView,
  kCtaClick,
  kEmailSend,
  kEmailOpen,
  kEmailClick,
  kDownload,
  kAdClick,
  kCall,
  kMeeting,
  kKeyEvent,
  kPurchase,
  kSegmentAdd,     // contact added to a segment (value in `segment`)
  kCampaignEnter,  // contact entered a marketing-automation campaign
  kContactUpdate,  // "update contact" / "update segment" action of a campaign
};

struct Touchpoint {
  std::string contact_ref;  // contact id or e-mail
  Timestamp occurred_at = 0;
  TouchpointType type = TouchpointType::kVisit;
  std::string channel;
  std::string source;
  std::string medium;
  std::string campaign;
  std::string content;
  std::string term;
  std::string landing_page;
  std::string cta_id;
  std::string form_id;
  std::string email_id;  // e-mail (campaign) id, for resend merging
  std::string segment;
  std::string device;
  std::optional<double> value;
  std::string currency;
  Origin origin;
};

enum class Granularity { kDay, kWeek, kMonth, kTotal };

// Aggregated web analytics: one row per range × dimensions. Numerators only; rates are recomputed.
struct TrafficAgg {
  DayNumber range_start = 0;  // inclusive
  DayNumber range_end = 0;    // inclusive
  Granularity granularity = Granularity::kTotal;
  std::string channel;
  std::string source;
  std::string medium;
  std::string campaign;
  std::string landing_page;
  std::string page;  // page path / title (pages report)
  std::string device;
  std::string social_network;
  std::string event_name;
  // The event name read as a touchpoint type (page_view, form_submit...) by the sources' event
  // vocabulary, so that event counts per landing page feed the same measures as event logs.
  std::optional<TouchpointType> event_type;
  std::optional<double> sessions;
  std::optional<double> engaged_sessions;
  std::optional<double> users;
  std::optional<double> new_users;
  std::optional<double> bounces;
  std::optional<double> entrances;
  std::optional<double> key_events;
  std::optional<double> revenue;
  std::optional<double> views;
  std::optional<double> event_count;
  std::string currency;
  Origin origin;
};

enum class TransactionKind { kOrder, kCharge, kDeal };
enum class TransactionStatus { kOpen, kWon, kLost, kPaid, kRefunded, kCancelled };

struct Transaction {
  std::string txn_id;
  TransactionKind kind = TransactionKind::kOrder;
  std::string customer_ref;  // e-mail (case-folded), customer id or contact id
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> closed_at;
  TransactionStatus status = TransactionStatus::kPaid;
  std::optional<double> amount_gross;
  double refunds = 0.0;
  double discount = 0.0;
  double tax = 0.0;
  double shipping = 0.0;
  std::optional<double> amount_net;  // gross − refunds when known
  std::string currency;              // ISO code, upper case
  std::string pipeline;
  std::string stage;
  std::string channel;
  std::string utm_source, utm_medium, utm_campaign, utm_content, utm_term;
  bool is_upsell = false;        // upsell / cross-sell (deal type or tag)
  std::optional<double> margin;  // gross margin amount when known
  Origin origin;
};

// Spend per date range × platform × campaign.
struct Cost {
  DayNumber range_start = 0;
  DayNumber range_end = 0;
  std::string platform;  // google_ads, meta_ads, linkedin_ads, manual...
  std::string account;
  std::string campaign_id;
  std::string campaign_name;
  std::string campaign_type;
  std::string channel;
  std::string category;  // advertising, salaries, software, commissions, overhead, programmes
  bool inbound = false;  // cost category split for cac_inbound / cac_outbound
  std::string currency;
  double cost = 0.0;
  std::optional<double> impressions, clicks, interactions, conversions, conversion_value, reach;
  std::string device;
  Origin origin;
};

struct EmailCampaignStats {
  std::string campaign_id;
  std::string name;
  std::string subject;
  std::string audience;
  std::string resend_of;  // campaign id of the original send when this is a resend ("A-bis")
  std::optional<Timestamp> sent_at;
  std::optional<double> recipients, delivered, bounces_hard, bounces_soft, unique_opens,
      total_opens, unique_clicks, total_clicks, unsubscribes, complaints, orders, revenue,
      downloads;
  Origin origin;
};

// Path-aggregated journeys in ChannelAttribution's format: "a > b > c".
struct PathAggregate {
  std::vector<std::string> channels;
  double conversions = 0.0;
  double conversion_value = 0.0;
  double nulls = 0.0;
  Origin origin;
};

// One customer's RFM summary (CLV input), in the file's own time unit.
struct RfmSummary {
  std::string customer;
  double frequency = 0.0;       // x: repeat purchase periods
  double recency = 0.0;         // t_x
  double age = 0.0;             // T
  double monetary_value = 0.0;  // mean repeat purchase value (0 when x = 0)
  Origin origin;
};

struct Dataset {
  std::vector<Contact> contacts;
  std::vector<Touchpoint> touchpoints;
  std::vector<TrafficAgg> traffic;
  std::vector<Transaction> transactions;
  std::vector<Cost> costs;
  std::vector<EmailCampaignStats> emails;
  std::vector<PathAggregate> paths;
  std::vector<RfmSummary> rfm;
};

}  // namespace roilens::model
