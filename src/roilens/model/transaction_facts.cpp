#include "roilens/model/transaction_facts.hpp"

namespace roilens::model {

bool isPurchase(const Transaction& t) {
  return t.status == TransactionStatus::kWon || t.status == TransactionStatus::kPaid;
}

std::optional<Timestamp> purchaseInstant(const Transaction& t) {
  return t.closed_at ? t.closed_at : t.created_at;
}

std::optional<double> netAmount(const Transaction& t) {
  if (t.amount_net) return t.amount_net;
  if (t.amount_gross) return *t.amount_gross - t.refunds;
  return std::nullopt;
}

}  // namespace roilens::model
