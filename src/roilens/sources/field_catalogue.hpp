#pragma once
// The model fields a column can feed, the model tables, and the header aliases that name each
// field in exports (FORMATS.md §0 "Header matching": EN label, FR label, internal API name).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roilens::sources {

enum class Table {
  kContacts,
  kTouchpoints,
  kTraffic,
  kTransactions,
  kCosts,
  kEmails,
  kPaths,
  kRfm
};

std::string_view tableName(Table table);  // "contacts", "traffic", ...

enum class Field {
  // dimensions shared by several tables
  kDate,
  kRangeStart,
  kRangeEnd,
  kChannel,
  kSourceMedium,
  kSource,
  kMedium,
  kCampaign,
  kContent,
  kTerm,
  kLandingPage,
  kPage,
  kDevice,
  kEventName,
  kReferrerType,
  kReferrerName,
  kCurrency,
  kEmail,
  kCreatedAt,
  kStatus,
  kCampaignId,
  kCampaignType,
  kAccount,
  // traffic
  kSessions,
  kEngagedSessions,
  kUsers,
  kNewUsers,
  kBounces,
  kKeyEvents,
  kRevenue,
  kViews,
  kEventCount,
  kEntrances,
  kDayIndex,
  kYearMonth,
  // contacts
  kContactId,
  kLifecycleStage,
  kOriginalSource,
  kOriginalDetail1,
  kOriginalDetail2,
  kLatestSource,
  kStageSubscriber,
  kStageLead,
  kStageMql,
  kStageSql,
  kStageOpportunity,
  kStageCustomer,
  kStageEvangelist,
  kLeadStatus,
  kOwner,
  kCompanyId,
  kScore,
  kFirstConversion,
  kFirstConversionAt,
  kTotalRevenue,
  kConvertedAt,
  // transactions
  kTxnId,
  kCustomerId,
  kClosedAt,
  kDealStage,
  kPipeline,
  kAmount,
  kRefunds,
  kDiscount,
  kTax,
  kShipping,
  kCancelledAt,
  kDealType,
  kIsWon,
  kIsClosed,
  kPaidAt,
  kLineItemName,
  kPaymentMode,
  // costs
  kCost,
  kImpressions,
  kClicks,
  kInteractions,
  kConversions,
  kConversionValue,
  kReach,
  // e-mail campaigns
  kEmailName,
  kSubject,
  kAudience,
  kSentAt,
  kRecipients,
  kDelivered,
  kBouncesHard,
  kBouncesSoft,
  kBouncesTotal,
  kUniqueOpens,
  kTotalOpens,
  kUniqueClicks,
  kTotalClicks,
  kUnsubscribes,
  kComplaints,
  kOrders,
  // paths and RFM summaries
  kPath,
  kPathConversions,
  kPathValue,
  kPathNulls,
  kRfmCustomer,
  kFrequency,
  kRecency,
  kAge,
  kMonetary,
  // touchpoints (event logs)
  kCtaId,
  kFormId,
  kCount  // number of fields, not a field
};

// Stable snake_case name ("amount", "stage_lead"): used by FileOptions::columns and
// FileOptions::column_indexes and in reports.
std::string_view fieldName(Field field);
std::optional<Field> fieldFromName(std::string_view name);

// How a field's cells are read.
enum class FieldKind { kText, kNumber, kDate };
FieldKind fieldKind(Field field);

// Whole counts (sessions, clicks, recipients...): "1,234" in such a column can only be grouping.
bool isCountField(Field field);
// Money amounts (cost, amount, revenue...): a currency in their header names the file's currency.
bool isMoneyField(Field field);

// The fields a table can be fed from (used for generic recognition and manual mapping).
const std::vector<Field>& tableFields(Table table);

// A header cell → a field of `table` for a file of `tool` ("" = any). Tool-specific aliases win
// over shared ones. Currency codes written in the header ("Amount spent (INR)") are removed first
// and returned in header_currency.
struct HeaderMatch {
  std::optional<Field> field;
  std::string header_currency;  // "INR" for "Amount spent (INR)", else ""
};
HeaderMatch matchHeader(std::string_view header_cell, std::string_view tool, Table table);

}  // namespace roilens::sources
