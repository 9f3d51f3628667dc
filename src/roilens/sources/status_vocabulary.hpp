#pragma once
// Tool vocabularies for stages and statuses → the model's values (FORMATS.md §1, §9, §12-§14).
#include <optional>
#include <string>
#include <string_view>

#include "roilens/model/dataset.hpp"

namespace roilens::sources {

// HubSpot / Mautic / Salesforce lifecycle stage (EN label, internal value, FR label) →
// "subscriber", "lead", "mql", "sql", "opportunity", "customer", "evangelist", "other"; anything
// else (custom stages, numeric ids) → "custom:<value as written>"; "" for an empty cell.
std::string lifecycleStageId(std::string_view value);

// The Stage a lifecycle id names, if it is a funnel stage.
std::optional<model::Stage> stageFromId(std::string_view stage_id);

// Deal / opportunity stage → won, lost or open ("Closed Won", closedwon, "Fermé gagné"...).
model::TransactionStatus dealStatus(std::string_view stage);

// Payment / order status (Stripe, Shopify financial status, WooCommerce) → model status;
// nullopt when the cell is empty or unknown.
std::optional<model::TransactionStatus> paymentStatus(std::string_view status);

// Deal type naming a sale to an existing customer (upsell / cross-sell): HubSpot
// "Existing Business" / existingbusiness, Salesforce "Existing Business", "Upsell", "Cross-sell".
bool isUpsellDealType(std::string_view deal_type);

// "true", "yes", "1", "oui", "vrai" (any case).
bool isTruthy(std::string_view value);

}  // namespace roilens::sources
