// KPIS.md §1: funnel and conversion.
#include "roilens/metrics/catalogue_entries.hpp"

namespace roilens::metrics::detail {

void addFunnelEntries(KpiCatalogue& c) {
  c.push_back(count(
      "visitors", 1, {"Visitors", "Visiteurs"},
      {"Unique visitors (users) of the period; sessions when only sessions are known.",
       "Visiteurs uniques (utilisateurs) de la période ; sessions si seules les sessions sont "
       "connues."},
      {"users (or sessions)", "utilisateurs (ou sessions)"}, "visitors", kTrafficDims, "000, 003"));
  const Text stage_formulas[] = {
      {"contacts who became leads in the period", "contacts devenus leads dans la période"},
      {"contacts who became MQLs in the period", "contacts devenus MQL dans la période"},
      {"contacts who became SQLs in the period", "contacts devenus SQL dans la période"},
      {"contacts who became customers in the period", "contacts devenus clients dans la période"}};
  c.push_back(count("leads", 1, {"Leads", "Leads"},
                    {"Contacts whose transition into the lead stage is dated in the period.",
                     "Contacts dont le passage au stade lead est daté dans la période."},
                    stage_formulas[0], "leads", kFunnelDims, "000, 001, 002"));
  c.push_back(count("mqls", 1,
                    {"Marketing qualified leads (MQL)", "Leads qualifiés marketing (MQL)"},
                    {"Contacts whose transition into the MQL stage is dated in the period.",
                     "Contacts dont le passage au stade MQL est daté dans la période."},
                    stage_formulas[1], "mqls", kFunnelDims, "000, 001, 002"));
  c.push_back(count("sqls", 1, {"Sales qualified leads (SQL)", "Leads qualifiés commerciaux (SQL)"},
                    {"Contacts whose transition into the SQL stage is dated in the period.",
                     "Contacts dont le passage au stade SQL est daté dans la période."},
                    stage_formulas[2], "sqls", kFunnelDims, "000, 001, 002"));
  c.push_back(count("customers", 1, {"New customers", "Nouveaux clients"},
                    {"Contacts whose transition into the customer stage is dated in the period.",
                     "Contacts dont le passage au stade client est daté dans la période."},
                    stage_formulas[3], "customers", kFunnelDims, "000, 001, 002"));
  c.push_back(
      count("promoters", 1, {"Promoters", "Promoteurs"},
            {"Customers who made a second purchase in the period (Kombiz's definition).",
             "Clients ayant effectué un second achat dans la période (définition de Kombiz)."},
            {"customers whose 2nd won purchase is in the period",
             "clients dont le 2e achat est dans la période"},
            "promoters", kSaleDims, "000"));
  c.push_back(rate("lead_conversion_rate", 1,
                   {"Lead conversion rate", "Taux de conversion en leads"},
                   {"Share of visitors who became leads (traffic-to-lead ratio).",
                    "Part des visiteurs devenus prospects (ratio trafic / leads)."},
                   {"leads / visitors × 100", "nombre de leads / nombre de visiteurs × 100"},
                   "leads", "visitors", kVisitorLeadDims, "000, 003 §5"));
  c.push_back(per(
      rate("cta_click_rate", 1, {"CTA click rate", "Taux de clic par CTA"},
           {"Clicks on a call to action per view of it. Counted from an event log (cta_view, "
            "cta_click) or from event counts per landing page: GA4 has no CTA view event, so "
            "send view_promotion / select_promotion or custom cta_view / cta_click events; "
            "GA4's enhanced-measurement click (outbound link) counts as a CTA click. Both counts "
            "come from one source: the event log when it holds CTA events, else GA4.",
            "Clics sur un CTA rapportés à ses vues. Compté depuis un journal d'événements "
            "(vue de CTA, clic sur CTA) ou depuis les nombres d'événements par landing page : "
            "GA4 n'a pas d'événement de vue de CTA, envoyez view_promotion / select_promotion "
            "ou des événements cta_view / cta_click ; le click de la mesure améliorée de GA4 "
            "(lien sortant) compte comme un clic sur CTA. Les deux nombres viennent d'une seule "
            "source : le journal d'événements s'il contient des événements de CTA, sinon GA4."},
           {"CTA clicks / CTA views × 100", "clics par CTA / vues par CTA × 100"}, "cta_clicks",
           "cta_views", kEventDims, "000"),
      D::kCta));
  c.push_back(
      per(rate("form_fill_rate", 1, {"Form fill rate", "Taux de remplissage des formulaires"},
               {"Forms submitted on a landing page per view of that page. Counted from an "
                "event log (page_view, form_submit) or from a GA4 exploration of Event count by "
                "Event name and Landing page (or Page path and screen class): form_submit "
                "events / page_view events per page (form_start, a form view, is not used). "
                "Both counts come from one source: the event log when it holds page views or "
                "form submissions, else the GA4 event counts.",
                "Formulaires remplis sur une landing page rapportés à ses pages vues. Compté "
                "depuis un journal d'événements (vue de page, soumission de formulaire) ou "
                "depuis une exploration GA4 du Nombre d'événements par Nom de l'événement et "
                "Page de destination (ou Chemin de la page et classe de l'écran) : événements "
                "form_submit / événements page_view par page (form_start, une vue de "
                "formulaire, n'est pas utilisé). Les deux nombres viennent d'une seule source : "
                "le journal d'événements s'il contient des vues de page ou des soumissions de "
                "formulaire, sinon les nombres d'événements GA4."},
               {"forms submitted / landing-page views × 100",
                "formulaires remplis / pages vues de la LP × 100"},
               "form_submissions", "landing_page_views", kEventDims, "000, 003 §7"),
          D::kLandingPage));
  c.push_back(rate(
      "qualified_lead_rate", 1, {"Qualified lead rate", "Taux de conversion en leads qualifiés"},
      {"Share of leads who became marketing qualified.", "Part des leads devenus qualifiés (MQL)."},
      {"MQLs / leads × 100", "leads qualifiés / leads × 100"}, "mqls", "leads", kFunnelDims,
      "000, 003 §6"));
  c.push_back(rate("mql_to_sql_rate", 1, {"MQL to SQL rate", "Taux de passage MQL → SQL"},
                   {"Share of MQLs accepted by sales as SQLs.",
                    "Part des MQL acceptés par les commerciaux (SQL)."},
                   {"SQLs / MQLs × 100", "SQL / MQL × 100"}, "sqls", "mqls", kFunnelDims, "002"));
  c.push_back(rate(
      "customer_conversion_rate", 1, {"Customer conversion rate", "Taux de conversion en clients"},
      {"Customers per qualified lead (MQL).", "Clients rapportés aux leads qualifiés (MQL)."},
      {"customers / qualified leads × 100", "clients / leads qualifiés × 100"}, "customers", "mqls",
      kFunnelDims, "000"));
  c.push_back(
      rate("lead_to_customer_rate", 1,
           {"Lead to customer rate", "Taux de transformation leads → clients"},
           {"Customers per lead (close rate).", "Clients rapportés aux leads (taux de closing)."},
           {"customers / leads × 100", "clients / leads × 100"}, "customers", "leads", kFunnelDims,
           "003 §6"));
  c.push_back(rate("promoter_rate", 1, {"Promoter rate", "Taux de conversion en promoteurs"},
                   {"Promoters (second purchase) per new customer: loyalty.",
                    "Promoteurs (second achat) rapportés aux nouveaux clients : fidélisation."},
                   {"promoters / customers × 100", "promoteurs / clients × 100"}, "promoters",
                   "customers", kFunnelDims, "000"));
  c.push_back(
      rate("upsell_rate", 1, {"Upsell rate", "Taux de vente additionnelle"},
           {"Customers with an upsell or cross-sell purchase per new customer.",
            "Clients ayant fait un achat additionnel ou croisé rapportés aux nouveaux clients."},
           {"customers with an upsell / customers × 100",
            "clients avec vente additionnelle / clients × 100"},
           "upsell_buyers", "customers", kFunnelDims, "002"));
  KpiDefinition velocity =
      special("stage_velocity", 1, {"Stage velocity", "Vélocité entre étapes"},
              {"Median and mean days between two funnel stages, for contacts reaching the later "
               "stage in the period.",
               "Jours médians et moyens entre deux étapes, pour les contacts atteignant la seconde "
               "dans la période."},
              {"median and mean of (date of stage B − date of stage A)",
               "médiane et moyenne de (date étape B − date étape A)"},
              Output::kStageVelocity, {"contacts"}, "beyond the seeds", Unit::kDays);
  velocity.dimensions = kFunnelDims;
  velocity.polarity = Polarity::kUpIsBad;
  c.push_back(velocity);
}

}  // namespace roilens::metrics::detail
