#include "roilens/sources/status_vocabulary.hpp"

#include <array>

#include "roilens/sources/label_text.hpp"

namespace roilens::sources {
namespace {

struct Word {
  std::string_view key;  // labelKey form
  std::string_view id;
};

// FORMATS.md §1 lifecycle table: EN labels (D), internal values (I), FR labels (D).
constexpr std::array<Word, 26> kStages = {{
    {"subscriber", "subscriber"},
    {"abonné", "subscriber"},
    {"lead", "lead"},
    {"marketing qualified lead", "mql"},
    {"marketingqualifiedlead", "mql"},
    {"mql", "mql"},
    {"lead qualifié par le marketing", "mql"},
    {"sales qualified lead", "sql"},
    {"salesqualifiedlead", "sql"},
    {"sql", "sql"},
    {"lead qualifié par l'équipe commerciale", "sql"},
    {"lead qualifié par les ventes", "sql"},
    {"opportunity", "opportunity"},
    {"opportunité", "opportunity"},
    {"customer", "customer"},
    {"client", "customer"},
    {"evangelist", "evangelist"},
    {"évangéliste", "evangelist"},
    {"other", "other"},
    {"autre", "other"},
    // Salesforce lead statuses (defaults, I)
    {"open - not contacted", "lead"},
    {"working - contacted", "lead"},
    {"closed - converted", "opportunity"},
    {"closed - not converted", "other"},
    {"contact", "lead"},
    {"prospect", "lead"},
}};

}  // namespace

std::string lifecycleStageId(std::string_view value) {
  const std::string key = labelKey(value);
  if (key.empty()) return "";
  for (const Word& word : kStages) {
    if (word.key == key) return std::string(word.id);
  }
  return "custom:" + std::string(trimText(value));
}

std::optional<model::Stage> stageFromId(std::string_view id) {
  using model::Stage;
  if (id == "subscriber") return Stage::kSubscriber;
  if (id == "lead") return Stage::kLead;
  if (id == "mql") return Stage::kMql;
  if (id == "sql") return Stage::kSql;
  if (id == "opportunity") return Stage::kOpportunity;
  if (id == "customer") return Stage::kCustomer;
  if (id == "evangelist") return Stage::kEvangelist;
  return std::nullopt;
}

model::TransactionStatus dealStatus(std::string_view stage) {
  const std::string key = labelKey(stage);
  if (key == "closed won" || key == "closedwon" || key == "fermé gagné" || key == "conclu gagné" ||
      key == "won" || key == "gagné") {
    return model::TransactionStatus::kWon;
  }
  if (key == "closed lost" || key == "closedlost" || key == "fermé perdu" ||
      key == "conclu perdu" || key == "lost" || key == "perdu") {
    return model::TransactionStatus::kLost;
  }
  return model::TransactionStatus::kOpen;
}

std::optional<model::TransactionStatus> paymentStatus(std::string_view status) {
  using model::TransactionStatus;
  const std::string key = labelKey(status);
  if (key.empty()) return std::nullopt;
  static constexpr std::array<Word, 22> kStatuses = {{
      {"paid", "paid"},
      {"succeeded", "paid"},
      {"completed", "paid"},
      {"processing", "paid"},
      {"partially_refunded", "paid"},
      {"partially refunded", "paid"},
      {"payé", "paid"},
      {"terminée", "paid"},
      {"en cours", "paid"},
      {"refunded", "refunded"},
      {"remboursé", "refunded"},
      {"remboursée", "refunded"},
      {"failed", "cancelled"},
      {"voided", "cancelled"},
      {"cancelled", "cancelled"},
      {"canceled", "cancelled"},
      {"annulée", "cancelled"},
      {"échouée", "cancelled"},
      {"pending", "open"},
      {"on-hold", "open"},
      {"authorized", "open"},
      {"en attente", "open"},
  }};
  for (const Word& word : kStatuses) {
    if (word.key != key) continue;
    if (word.id == "paid") return TransactionStatus::kPaid;
    if (word.id == "refunded") return TransactionStatus::kRefunded;
    if (word.id == "cancelled") return TransactionStatus::kCancelled;
    return TransactionStatus::kOpen;
  }
  return std::nullopt;
}

bool isUpsellDealType(std::string_view deal_type) {
  const std::string key = labelKey(deal_type);
  for (const std::string_view word :
       {"existing business", "existingbusiness", "upsell", "up-sell", "cross-sell", "crosssell",
        "client existant", "vente additionnelle"}) {
    if (key == word) return true;
  }
  return false;
}

bool isTruthy(std::string_view value) {
  const std::string key = labelKey(value);
  return key == "true" || key == "yes" || key == "1" || key == "oui" || key == "vrai";
}

}  // namespace roilens::sources
