// Money measures: won transactions (revenue, orders, buyers, promoters, upsells) and costs.
#include <algorithm>
#include <array>
#include <map>

#include "roilens/metrics/measure.hpp"
#include "roilens/metrics/measure_dimensions.hpp"
#include "roilens/model/transaction_facts.hpp"

namespace roilens::metrics::detail {
namespace {

using model::Dataset;
using model::Transaction;

using model::isPurchase;
using model::netAmount;
using model::purchaseInstant;

// A won sale with a date and an amount; others cannot be placed in a period or summed.
bool isCountedSale(const Transaction& t) {
  return isPurchase(t) && purchaseInstant(t) && netAmount(t);
}

// Channel and campaign of the customer who bought: the contact's original ones when the buyer is
// a known contact (seed 000: "customers originating from that campaign"), else the sale's UTM.
Fact saleFact(const Transaction& t, const ContactIndex& contacts, const MeasureContext& ctx,
              double amount) {
  Fact f = dayFact(model::localDay(*purchaseInstant(t), ctx.utc_offset_minutes), amount);
  f.origin = &t.origin;
  if (const model::Contact* c = contacts.find(t.customer_ref)) fillContactDimensions(*c, f.dims);
  std::string& channel = at(f.dims, Dimension::kChannel);
  if (channel.empty()) channel = t.channel;
  std::string& campaign = at(f.dims, Dimension::kCampaign);
  if (campaign.empty()) campaign = t.utm_campaign;
  at(f.dims, Dimension::kSource) = t.utm_source;
  return f;
}

// One key per person: a buyer referenced by e-mail in one file and by contact id in another is
// the same customer when both resolve to the same contact.
std::string customerKey(const Transaction& t, const ContactIndex& contacts) {
  if (const model::Contact* c = contacts.find(t.customer_ref))
    return "contact:" + c->contact_id + c->email;
  return lowerCase(t.customer_ref);
}

enum class SaleAmount { kRevenue, kOrder, kMargin, kBuyer, kMarginBuyer, kUpsellBuyer };

template <SaleAmount kWhat>
std::vector<Fact> sales(const Dataset& data, const MeasureContext& ctx) {
  std::optional<ContactIndex> own;
  const ContactIndex& contacts = contactIndexOf(data, ctx, own);
  std::vector<Fact> out;
  for (const Transaction& t : data.transactions) {
    if (!isCountedSale(t)) continue;
    if ((kWhat == SaleAmount::kMargin || kWhat == SaleAmount::kMarginBuyer) && !t.margin) continue;
    if (kWhat == SaleAmount::kUpsellBuyer && !t.is_upsell) continue;
    const double amount = kWhat == SaleAmount::kRevenue  ? *netAmount(t)
                          : kWhat == SaleAmount::kMargin ? *t.margin
                                                         : 1.0;
    Fact f = saleFact(t, contacts, ctx, amount);
    if (kWhat == SaleAmount::kBuyer || kWhat == SaleAmount::kMarginBuyer ||
        kWhat == SaleAmount::kUpsellBuyer) {
      f.entity = customerKey(t, contacts);
    }
    out.push_back(std::move(f));
  }
  return out;
}

// Seed 000 (Kombiz): a customer becomes a promoter on their second purchase.
std::vector<Fact> promoters(const Dataset& data, const MeasureContext& ctx) {
  std::optional<ContactIndex> own;
  const ContactIndex& contacts = contactIndexOf(data, ctx, own);
  std::map<std::string, std::vector<const Transaction*>> by_customer;
  for (const Transaction& t : data.transactions) {
    if (isCountedSale(t) && !t.customer_ref.empty())
      by_customer[customerKey(t, contacts)].push_back(&t);
  }
  std::vector<Fact> out;
  for (auto& [customer, list] : by_customer) {
    if (list.size() < 2) continue;
    std::sort(list.begin(), list.end(), [](const Transaction* a, const Transaction* b) {
      return *purchaseInstant(*a) < *purchaseInstant(*b);
    });
    Fact f = saleFact(*list[1], contacts, ctx, 1.0);
    f.entity = customer;
    out.push_back(std::move(f));
  }
  return out;
}

bool hasSales(const Dataset& d) {
  return std::any_of(d.transactions.begin(), d.transactions.end(), isCountedSale);
}
bool hasMargins(const Dataset& d) {
  return std::any_of(d.transactions.begin(), d.transactions.end(),
                     [](const Transaction& t) { return isCountedSale(t) && t.margin; });
}

enum class CostPart { kAll, kInbound, kOutbound, kAdvertising };

// Ad-platform exports carry no category: their spend is advertising.
bool isAdvertising(const model::Cost& c) {
  return c.category.empty() || lowerCase(c.category) == "advertising";
}

template <CostPart kPart>
std::vector<Fact> costs(const Dataset& data, const MeasureContext&) {
  std::vector<Fact> out;
  for (const model::Cost& c : data.costs) {
    if (kPart == CostPart::kInbound && !c.inbound) continue;
    if (kPart == CostPart::kOutbound && c.inbound) continue;
    if (kPart == CostPart::kAdvertising && !isAdvertising(c)) continue;
    Fact f;
    f.first = c.range_start;
    f.last = c.range_end;
    f.amount = c.cost;
    f.origin = &c.origin;
    at(f.dims, Dimension::kChannel) = c.channel;
    at(f.dims, Dimension::kCampaign) = !c.campaign_name.empty() ? c.campaign_name : c.campaign_id;
    at(f.dims, Dimension::kDevice) = lowerCase(c.device);
    at(f.dims, Dimension::kCategory) = c.category.empty() ? "advertising" : lowerCase(c.category);
    out.push_back(std::move(f));
  }
  return out;
}

bool hasCosts(const Dataset& d) { return !d.costs.empty(); }
// Sources that do not flag upsells or inbound costs would otherwise show a confident 0.
bool hasUpsellFlags(const Dataset& d) {
  return std::any_of(d.transactions.begin(), d.transactions.end(),
                     [](const Transaction& t) { return isCountedSale(t) && t.is_upsell; });
}
bool hasInboundCosts(const Dataset& d) {
  return std::any_of(d.costs.begin(), d.costs.end(),
                     [](const model::Cost& c) { return c.inbound; });
}

constexpr std::string_view kSaleNeed = "won transactions with a date and an amount";
constexpr std::string_view kSaleNeedFr = "transactions gagnées avec une date et un montant";

constexpr MeasureDefinition saleMeasure(std::string_view id, bool distinct, bool money,
                                        FactSource facts) {
  return {id,        "transactions", "",    kSaleNeed, kSaleNeedFr,
          kSaleDims, distinct,       money, hasSales,  facts};
}
constexpr MeasureDefinition costMeasure(std::string_view id, FactSource facts) {
  return {id,
          "costs",
          "",
          "spend rows (ad platforms or a cost file)",
          "lignes de dépenses (régies publicitaires ou fichier de coûts)",
          kCostRowDims,
          false,
          true,
          hasCosts,
          facts};
}

const std::array kMeasures = {
    saleMeasure("revenue", false, true, sales<SaleAmount::kRevenue>),
    saleMeasure("orders", false, false, sales<SaleAmount::kOrder>),
    saleMeasure("buyers", true, false, sales<SaleAmount::kBuyer>),
    saleMeasure("promoters", true, false, promoters),
    MeasureDefinition{"upsell_buyers", "transactions", "",
                      "won transactions flagged as upsell or cross-sell",
                      "des transactions gagnées marquées vente additionnelle ou croisée", kSaleDims,
                      true, false, hasUpsellFlags, sales<SaleAmount::kUpsellBuyer>},
    MeasureDefinition{"margin", "transactions", "", "a gross margin on won transactions",
                      "une marge brute sur les transactions gagnées", kSaleDims, false, true,
                      hasMargins, sales<SaleAmount::kMargin>},
    MeasureDefinition{"margin_buyers", "transactions", "", "a gross margin on won transactions",
                      "une marge brute sur les transactions gagnées", kSaleDims, true, false,
                      hasMargins, sales<SaleAmount::kMarginBuyer>},
    costMeasure("cost", costs<CostPart::kAll>),
    MeasureDefinition{
        "cost_inbound", "costs", "", "inbound costs (labour, software, overhead) in a cost file",
        "des coûts inbound (main d'œuvre, logiciels, frais généraux) dans un fichier de coûts",
        kCostRowDims, false, true, hasInboundCosts, costs<CostPart::kInbound>},
    costMeasure("cost_outbound", costs<CostPart::kOutbound>),
    costMeasure("ad_spend", costs<CostPart::kAdvertising>),
};

}  // namespace

std::span<const MeasureDefinition> moneyMeasures() { return kMeasures; }

}  // namespace roilens::metrics::detail
