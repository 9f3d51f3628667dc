// KPIS.md §2 (revenue) and §3 (cost, CAC, CLV, ROI).
#include "roilens/metrics/catalogue_entries.hpp"

namespace roilens::metrics::detail {

void addRevenueEntries(KpiCatalogue& c) {
  c.push_back(sum("revenue", 2, {"Revenue", "Chiffre d'affaires"},
                  {"Sum of won transaction values in the period (monthly revenue at month grain).",
                   "Somme des transactions gagnées de la période (CA mensuel au grain mois)."},
                  {"Σ won transaction values", "Σ valeur des transactions gagnées"}, "revenue",
                  kSaleDims, "000"));
  c.push_back(per(sum("revenue_per_campaign", 2, {"Revenue per campaign", "CA par campagne"},
                      {"Transactions of the customers originating from each campaign.",
                       "Somme des transactions des clients provenant d'une même campagne."},
                      {"Σ transactions of customers from the campaign",
                       "Σ transactions des clients issus de la campagne"},
                      "revenue", kSaleDims, "000"),
                  D::kCampaign));
  c.push_back(per(sum("revenue_per_channel", 2, {"Revenue per channel", "CA par canal"},
                      {"Revenue each channel generated (the customer's original channel).",
                       "CA réellement généré par chaque canal (canal d'origine du client)."},
                      {"Σ transactions of customers from the channel",
                       "Σ transactions des clients issus du canal"},
                      "revenue", kSaleDims, "004"),
                  D::kChannel));
  c.push_back(quotient("revenue_per_customer", 2, {"Revenue per customer", "CA par client"},
                       {"Revenue divided by the new customers of the same period.",
                        "CA divisé par les nouveaux clients de la même période."},
                       {"revenue / customers", "CA / nombre de clients"}, "revenue", "customers",
                       Unit::kCurrency, kFunnelDims.intersect(kSaleDims), "000"));
  c.push_back(quotient("revenue_per_lead", 2, {"Revenue per lead", "CA par lead"},
                       {"Revenue divided by the leads of the same period.",
                        "CA divisé par les leads de la même période."},
                       {"revenue / leads", "CA / nombre de leads"}, "revenue", "leads",
                       Unit::kCurrency, kFunnelDims.intersect(kSaleDims), "000"));
  KpiDefinition attributed =
      special("attributed_revenue", 2, {"Attributed revenue", "CA attribué"},
              {"Revenue credited to touchpoints by an attribution model (first, last, linear, time "
               "decay, U/W, Markov).",
               "CA crédité aux points de contact par un modèle d'attribution (premier, dernier, "
               "linéaire, U/W, Markov)."},
              {"Σ conversion value × credit of the touchpoint",
               "Σ valeur de conversion × crédit du point de contact"},
              // The tables attribution reads; which combination suffices is stated once, in
              // attribution/inputs.hpp (the report asks it).
              Output::kExternal, {"paths", "touchpoints", "contacts", "transactions"}, "003 §1",
              Unit::kCurrency);
  attributed.provider = "attribution";
  attributed.dimensions = {D::kChannel, D::kCampaign};
  c.push_back(attributed);
}

namespace {

KpiDefinition cacEntry(std::string id, Text label, Text description, Text formula,
                       std::string cost) {
  return withFamily(quotient(std::move(id), 3, std::move(label), std::move(description),
                             std::move(formula), std::move(cost), "customers", Unit::kCurrency,
                             kCostDims, "002, 003 §2", Polarity::kUpIsBad),
                    "cac");
}

void addCac(KpiCatalogue& c) {
  c.push_back(cacEntry("cac",
                       {"Customer acquisition cost (CAC)", "Coût d'acquisition client (CAC)"},
                       {"Sales and marketing cost of the period per new customer.",
                        "Coûts marketing et commerciaux de la période par nouveau client."},
                       {"cost / new customers", "coûts / nouveaux clients"}, "cost"));
  c.push_back(cacEntry(
      "cac_inbound", {"Inbound CAC", "CAC inbound"},
      {"Inbound cost (labour, software, overhead) per new customer.",
       "Coûts inbound (main d'œuvre, logiciels, frais généraux) par nouveau client."},
      {"inbound cost / new customers", "coûts inbound / nouveaux clients"}, "cost_inbound"));
  c.push_back(cacEntry(
      "cac_outbound", {"Outbound CAC", "CAC outbound"},
      {"Outbound cost (advertising, distribution, labour, overhead) per new customer.",
       "Coûts outbound (publicité, diffusion, main d'œuvre, frais généraux) par nouveau client."},
      {"outbound cost / new customers", "coûts outbound / nouveaux clients"}, "cost_outbound"));
  c.push_back(per(
      cacEntry(
          "cac_by_channel", {"CAC by channel", "CAC par canal"},
          {"Cost and new customers sliced by channel.", "Coûts et nouveaux clients par canal."},
          {"channel cost / channel's new customers", "coûts du canal / nouveaux clients du canal"},
          "cost"),
      D::kChannel));
  c.push_back(per(
      cacEntry(
          "cac_by_campaign", {"CAC by campaign", "CAC par campagne"},
          {"Cost and new customers sliced by campaign.", "Coûts et nouveaux clients par campagne."},
          {"campaign cost / campaign's new customers", "coûts de la campagne / nouveaux clients"},
          "cost"),
      D::kCampaign));
  KpiDefinition cost = withFamily(
      per(sum("marketing_cost", 3, {"Cost by category", "Coûts par catégorie"},
              {"Sales and marketing cost per category (advertising, salaries, software...).",
               "Coûts marketing et commerciaux par catégorie (publicité, salaires, logiciels…)."},
              {"Σ cost", "Σ coûts"}, "cost", kCostDims, "003 §2"),
          D::kCategory),
      "cac");
  cost.polarity = Polarity::kUpIsBad;
  c.push_back(cost);
}

void addClv(KpiCatalogue& c) {
  const DimensionSet dims = kSaleDims;
  c.push_back(withFamily(
      quotient("clv", 3, {"Customer lifetime value (historical)", "Valeur vie client (historique)"},
               {"Average order value × purchase frequency × lifespan, over the observed period "
                "(use grain "
                "'all' for the whole history): revenue per buying customer.",
                "Panier moyen × fréquence d'achat × durée de vie, sur la période observée (grain « "
                "all » "
                "pour tout l'historique) : CA par client acheteur."},
               {"(revenue / orders) × (orders / buyers) = revenue / buyers",
                "(CA / commandes) × (commandes / acheteurs) = CA / acheteurs"},
               "revenue", "buyers", Unit::kCurrency, dims, "002, 003 §3"),
      "clv"));
  c.push_back(withFamily(
      quotient("clv_margin", 3, {"Customer lifetime value (margin)", "Valeur vie client (marge)"},
               {"Margin-based CLV: gross margin per buying customer over the period.",
                "CLV sur la marge : marge brute par client acheteur sur la période."},
               {"gross margin / buyers", "marge brute / acheteurs"}, "margin", "margin_buyers",
               Unit::kCurrency, dims, "003 §3"),
      "clv"));
  c.push_back(withFamily(quotient("average_order_value", 3, {"Average order value", "Panier moyen"},
                                  {"Revenue per won order (CLV factor).",
                                   "CA par commande gagnée (facteur de la CLV)."},
                                  {"revenue / orders", "CA / commandes"}, "revenue", "orders",
                                  Unit::kCurrency, dims, "003 §3"),
                         "clv"));
  c.push_back(withFamily(
      quotient("purchase_frequency", 3, {"Purchase frequency", "Fréquence d'achat"},
               {"Won orders per buying customer over the period (CLV factor).",
                "Commandes gagnées par client acheteur sur la période (facteur de la CLV)."},
               {"orders / buyers", "commandes / acheteurs"}, "orders", "buyers", Unit::kRatio, dims,
               "003 §3"),
      "clv"));
  KpiDefinition predictive =
      special("clv_predictive", 3,
              {"Customer lifetime value (predictive)", "Valeur vie client (prédictive)"},
              {"Expected future revenue per customer from BG/NBD + Gamma-Gamma.",
               "CA futur attendu par client selon BG/NBD + Gamma-Gamma."},
              {"E[transactions] × E[spend]", "E[transactions] × E[panier]"}, Output::kExternal,
              {"transactions"}, "beyond the seeds", Unit::kCurrency);
  predictive.provider = "clv";
  predictive.family = "clv";
  c.push_back(predictive);
}

void addReturns(KpiCatalogue& c) {
  KpiDefinition ltv =
      quotient("ltv_to_cac", 3, {"LTV:CAC ratio", "Ratio LTV / CAC"},
               {"Historical CLV divided by CAC (read CLV with CAC).",
                "CLV historique divisée par le CAC (lire la CLV avec le CAC)."},
               {"clv / cac", "CLV / CAC"}, "clv", "cac", Unit::kRatio, kCostDims, "002");
  ltv.kind = KpiKind::kDerived;
  ltv.combine = Combine::kKpiRatio;
  c.push_back(ltv);
  KpiDefinition monthly = withFamily(
      quotient("monthly_revenue_per_customer", 3,
               {"Monthly revenue per customer", "CA mensuel par client"},
               {"Revenue per buying customer per month of the period.",
                "CA par client acheteur et par mois de la période."},
               {"revenue / buyers / months in the period", "CA / acheteurs / mois de la période"},
               "revenue", "buyers", Unit::kCurrency, kCostDims, "beyond the seeds"),
      "cac_payback_months");
  monthly.kind = KpiKind::kDerived;
  monthly.combine = Combine::kMonthlyRatio;
  c.push_back(monthly);
  KpiDefinition payback =
      quotient("cac_payback_months", 3, {"CAC payback (months)", "Retour sur CAC (mois)"},
               {"Months of a customer's revenue needed to pay back its acquisition cost.",
                "Mois de CA d'un client nécessaires pour rembourser son coût d'acquisition."},
               {"cac / monthly revenue per customer", "CAC / CA mensuel par client"}, "cac",
               "monthly_revenue_per_customer", Unit::kRatio, kCostDims, "beyond the seeds",
               Polarity::kUpIsBad);
  payback.kind = KpiKind::kDerived;
  payback.combine = Combine::kKpiRatio;
  payback.family = "cac_payback_months";
  c.push_back(payback);
  KpiDefinition roi =
      rate("roi", 3, {"Return on investment (ROI)", "Retour sur investissement (ROI)"},
           {"(Revenue credited to the slice − its cost) / cost; revenue by the customer's original "
            "channel/campaign (first touch) until an attribution model is chosen.",
            "(CA crédité − coûts) / coûts ; CA selon le canal/la campagne d'origine du client "
            "(premier contact) tant qu'aucun modèle d'attribution n'est choisi."},
           {"(revenue − cost) / cost × 100", "(CA − coûts) / coûts × 100"}, "revenue", "cost",
           kCostDims, "003 §4, 004");
  roi.kind = KpiKind::kDerived;
  roi.combine = Combine::kReturn;
  c.push_back(roi);
  c.push_back(
      quotient("roas", 3, {"Return on ad spend (ROAS)", "Retour sur dépenses publicitaires (ROAS)"},
               {"Revenue per unit of advertising spend.", "CA par unité de dépense publicitaire."},
               {"revenue / advertising spend", "CA / dépenses publicitaires"}, "revenue",
               "ad_spend", Unit::kRatio, kCostDims, "beyond the seeds"));
}

}  // namespace

void addCostEntries(KpiCatalogue& c) {
  addCac(c);
  addClv(c);
  addReturns(c);
}

}  // namespace roilens::metrics::detail
