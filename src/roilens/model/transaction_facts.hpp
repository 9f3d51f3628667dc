#pragma once
// What a transaction says about a purchase, read the same way by the KPI engine, attribution and
// CLV: whether it counts as a purchase, when it happened and how much it brought.
#include <optional>

#include "roilens/model/dataset.hpp"
#include "roilens/model/time.hpp"

namespace roilens::model {

// A purchase is a won deal or a paid order/charge. Open, lost, refunded and cancelled
// transactions brought no money (a partial refund stays a purchase: see netAmount).
bool isPurchase(const Transaction& t);

// The instant a purchase happened: when it was won or paid (closed_at) if the source tells it,
// else when it was created. nullopt when the source gives neither.
std::optional<Timestamp> purchaseInstant(const Transaction& t);

// Net amount: amount_net when the source gives it, else gross minus refunds; nullopt without any
// amount.
std::optional<double> netAmount(const Transaction& t);

}  // namespace roilens::model
