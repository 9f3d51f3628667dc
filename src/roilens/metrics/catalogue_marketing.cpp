// KPIS.md §4 (e-mail and nurturing) and §5 (traffic).
#include "roilens/metrics/catalogue_entries.hpp"

namespace roilens::metrics::detail {
namespace {

constexpr DimensionSet kCampaignOnly = {D::kCampaign};

void addEmailRates(KpiCatalogue& c) {
  c.push_back(rate(
      "email_open_rate", 4, {"E-mail open rate", "Taux d'ouverture des e-mails"},
      {"Opens per send (not per contact); a resend A-bis adds its opens to email A.",
       "Ouvertures par envoi (et non par contact) ; une relance A-bis ajoute ses ouvertures à A."},
      {"(opens A + opens A-bis) / sends A × 100", "(ouvertures A + A-bis) / envois de A × 100"},
      "email_opens", "email_sends_with_opens", kEmailDims, "001"));
  c.push_back(rate("email_click_rate", 4, {"E-mail click rate", "Taux de clic des e-mails"},
                   {"Clicks per send; a resend's clicks are added to its original.",
                    "Clics par envoi ; les clics d'une relance s'ajoutent à l'e-mail d'origine."},
                   {"clicks / sends × 100", "clics / envois × 100"}, "email_clicks",
                   "email_sends_with_clicks", kEmailDims, "001"));
  c.push_back(rate("email_click_to_open_rate", 4,
                   {"Click-to-open rate", "Taux de clic sur ouverture"},
                   {"Clicks per open.", "Clics rapportés aux ouvertures."},
                   {"clicks / opens × 100", "clics / ouvertures × 100"}, "email_clicks_with_opens",
                   "email_opens_with_clicks", kEmailDims, "beyond the seeds"));
  c.push_back(asKind(
      rate("download_rate", 4, {"Download rate", "Taux de téléchargement"},
           {"Campaign contacts who downloaded the resource, per contact of the campaign.",
            "Contacts de la campagne ayant téléchargé la ressource, par contact de la campagne."},
           {"contacts who downloaded / contacts of the campaign × 100",
            "contacts ayant téléchargé / contacts de la campagne × 100"},
           "campaign_members_downloading", "campaign_members", kCampaignOnly, "001"),
      KpiKind::kConversion));
  c.push_back(asKind(rate("campaign_qualification_rate", 4,
                          {"Campaign qualification rate", "Taux de qualification de la campagne"},
                          {"Campaign contacts who also went through an \"update contact\" or "
                           "\"update segment\" action.",
                           "Contacts de la campagne passés aussi par « mettre à jour le contact » "
                           "ou « le segment »."},
                          {"contacts updated / contacts of the campaign × 100",
                           "contacts mis à jour / contacts de la campagne × 100"},
                          "campaign_members_updated", "campaign_members", kCampaignOnly, "001"),
                     KpiKind::kConversion));
  c.push_back(asKind(
      rate("campaign_visit_rate", 4, {"Campaign visit rate", "Taux de visite de la campagne"},
           {"Campaign contacts who visited the site after entering the campaign.",
            "Contacts de la campagne ayant visité le site après leur entrée dans la campagne."},
           {"contacts who visited / contacts of the campaign × 100",
            "contacts ayant visité / contacts de la campagne × 100"},
           "campaign_members_visiting", "campaign_members", kCampaignOnly, "001"),
      KpiKind::kConversion));
}

void addProspects(KpiCatalogue& c) {
  const std::string family = "new_prospects_per_month";
  c.push_back(withFamily(
      count("new_prospects_per_month", 4,
            {"New prospects (forms)", "Nouveaux prospects (formulaires)"},
            {"Contacts who submitted a form in the period (definition 1 of 4).",
             "Contacts ayant soumis un formulaire dans la période (définition 1 sur 4)."},
            {"distinct contacts with a form submission",
             "contacts distincts ayant soumis un formulaire"},
            "prospects_by_form", kEventDims, "001"),
      family));
  c.push_back(withFamily(
      count("new_prospects_per_month_segment", 4,
            {"New prospects (segment)", "Nouveaux prospects (segment)"},
            {"Contacts added to the \"Prospects\" segment in the period (definition 2).",
             "Contacts ajoutés au segment « Prospects » dans la période (définition 2)."},
            {"distinct contacts added to a prospect segment",
             "contacts distincts ajoutés au segment prospects"},
            "prospects_by_segment", kEventDims, "001"),
      family));
  c.push_back(
      withFamily(count("new_prospects_per_month_campaign", 4,
                       {"New prospects (campaign)", "Nouveaux prospects (campagne)"},
                       {"Contacts who entered a prospect campaign in the period (definition 3).",
                        "Contacts passés dans une campagne destinée aux prospects dans la période "
                        "(définition 3)."},
                       {"distinct contacts entering a prospect campaign",
                        "contacts distincts entrés en campagne prospects"},
                       "prospects_by_campaign", kEventDims, "001"),
                 family));
  c.push_back(withFamily(
      count("new_prospects_per_month_first_email", 4,
            {"New prospects (first e-mail)", "Nouveaux prospects (premier e-mail)"},
            {"First sends of a prospect e-mail in the period (definition 4).",
             "Envois du premier e-mail destiné aux prospects dans la période (définition 4)."},
            {"contacts whose first prospect e-mail was sent in the period",
             "contacts dont le premier e-mail prospect a été envoyé dans la période"},
            "prospects_by_first_email", kEventDims, "001"),
      family));
  c.push_back(
      withFamily(count("prospects_turned_customers", 4,
                       {"Prospects turned customers (flag)", "Prospects devenus clients (champ)"},
                       {"Customers and former customers flagged \"was a prospect\", dated when "
                        "they became customers.",
                        "Clients et anciens clients avec « a été prospect = oui », datés à leur "
                        "passage client."},
                       {"customers with was_prospect = yes", "clients avec a été prospect = oui"},
                       "flagged_prospect_customers", kFunnelDims, "001"),
                 "prospects_turned_customers"));
  c.push_back(withFamily(
      count("prospects_turned_customers_campaign", 4,
            {"Prospects turned customers (campaign)", "Prospects devenus clients (campagne)"},
            {"Customers who went through a prospect campaign while they were prospects.",
             "Clients passés dans une campagne prospects lorsqu'ils étaient prospects."},
            {"customers who entered a prospect campaign before becoming customers",
             "clients entrés en campagne prospects avant de devenir clients"},
            "campaign_prospect_customers", kFunnelDims, "001"),
      "prospects_turned_customers"));
}

void addTraffic(KpiCatalogue& c) {
  c.push_back(per(
      count("traffic_by_source", 5, {"Traffic by source", "Trafic par source"},
            {"Sessions by origin: organic, direct, social, referral, e-mail, paid...",
             "Sessions par origine : naturel, direct, social, référents, e-mail, payant…"},
            {"Σ sessions per channel", "Σ sessions par canal"}, "sessions", kTrafficDims, "003 §5"),
      D::kChannel));
  c.push_back(
      per(rate("traffic_to_lead_by_source", 5,
               {"Traffic-to-lead by source", "Ratio trafic / leads par source"},
               {"Leads per visitor, for each origin.", "Leads par visiteur, pour chaque origine."},
               {"leads / visitors × 100 per channel", "leads / visiteurs × 100 par canal"}, "leads",
               "visitors", kVisitorLeadDims, "003 §5"),
          D::kChannel));
  c.push_back(
      special("pages_to_fix", 5, {"Pages to fix", "Pages à corriger"},
              {"Pages ranked by highest bounce rate, then lowest lead (key event) rate.",
               "Pages classées par taux de rebond le plus haut, puis taux de contact le plus bas."},
              {"sort by bounces / sessions desc, key events / sessions asc",
               "tri par rebonds / sessions décroissant, conversions / sessions croissant"},
              Output::kRanking, {"traffic"}, "003 §5"));
  c.push_back(
      rate("organic_share", 5, {"Organic share", "Part du trafic naturel"},
           {"Organic search sessions among all sessions.",
            "Sessions de recherche naturelle parmi toutes les sessions."},
           {"organic search sessions / sessions × 100", "sessions naturelles / sessions × 100"},
           "organic_sessions", "sessions", kTrafficDims, "003 §8"));
  c.push_back(
      special("top_entry_pages", 5, {"Top entry pages", "Meilleures pages d'entrée"},
              {"Top 5 landing pages and top 5 blog posts by entrances.",
               "Les 5 meilleures landing pages et les 5 meilleurs articles de blog par entrées."},
              {"sort by entrances desc, keep 5", "tri par entrées décroissant, 5 premiers"},
              Output::kRanking, {"traffic"}, "003 §8"));
}

void addSocialAndMobile(KpiCatalogue& c) {
  c.push_back(withFamily(
      per(count("social_leads", 5, {"Leads per social network", "Leads par réseau social"},
                {"Leads whose original source is each social network.",
                 "Leads dont la source d'origine est chaque réseau social."},
                {"leads per social network", "leads par réseau social"}, "leads", kFunnelDims,
                "003 §9"),
          D::kSocialNetwork),
      "social_kpis"));
  c.push_back(
      withFamily(per(count("social_customers", 5,
                           {"Customers per social network", "Clients par réseau social"},
                           {"New customers whose original source is each social network.",
                            "Nouveaux clients dont la source d'origine est chaque réseau social."},
                           {"customers per social network", "clients par réseau social"},
                           "customers", kFunnelDims, "003 §9"),
                     D::kSocialNetwork),
                 "social_kpis"));
  c.push_back(withFamily(
      rate("social_traffic_share", 5, {"Social traffic share", "Part du trafic social"},
           {"Sessions from social channels (organic and paid) among all sessions.",
            "Sessions issues des réseaux sociaux (naturel et payant) parmi toutes les sessions."},
           {"social sessions / sessions × 100", "sessions sociales / sessions × 100"},
           "social_sessions", "sessions", kTrafficDims, "003 §9"),
      "social_kpis"));
  const std::string mobile = "mobile_kpis";
  c.push_back(withFamily(count("mobile_sessions", 5, {"Mobile traffic", "Trafic mobile"},
                               {"Sessions on mobile devices.", "Sessions sur appareils mobiles."},
                               {"Σ mobile sessions", "Σ sessions mobiles"}, "mobile_sessions",
                               kTrafficDims, "003 §10"),
                         mobile));
  c.push_back(withFamily(
      rate("mobile_traffic_share", 5, {"Mobile traffic share", "Part du trafic mobile"},
           {"Mobile sessions among all sessions.", "Sessions mobiles parmi toutes les sessions."},
           {"mobile sessions / sessions × 100", "sessions mobiles / sessions × 100"},
           "mobile_sessions", "sessions", kTrafficDims, "003 §10"),
      mobile));
  c.push_back(withFamily(
      where(count("mobile_leads", 5, {"Leads from mobile", "Leads sur mobile"},
                  {"Leads whose device is mobile.", "Leads dont l'appareil est un mobile."},
                  {"leads with device = mobile", "leads avec appareil = mobile"}, "leads",
                  kFunnelDims, "003 §10"),
            D::kDevice, "mobile"),
      mobile));
  c.push_back(withFamily(
      where(rate("mobile_bounce_rate", 5, {"Mobile bounce rate", "Taux de rebond mobile"},
                 {"Bounce rate of mobile sessions.", "Taux de rebond des sessions mobiles."},
                 {"mobile bounced sessions / mobile sessions × 100",
                  "rebonds mobiles / sessions mobiles × 100"},
                 "bounced_sessions", "bounce_known_sessions", kTrafficDims, "003 §10",
                 Polarity::kUpIsBad),
            D::kDevice, "mobile"),
      mobile));
  c.push_back(
      withFamily(per(where(rate("mobile_landing_page_conversion_rate", 5,
                                {"Mobile landing-page conversion rate",
                                 "Taux de conversion mobile par landing page"},
                                {"Key events per mobile session, for each landing page.",
                                 "Conversions par session mobile, pour chaque landing page."},
                                {"mobile key events / mobile sessions × 100",
                                 "conversions mobiles / sessions mobiles × 100"},
                                "key_events", "key_event_known_sessions", kTrafficDims, "003 §10"),
                           D::kDevice, "mobile"),
                     D::kLandingPage),
                 mobile));
  c.push_back(
      withFamily(per(count("sessions_by_device", 5, {"Sessions by device", "Sessions par appareil"},
                           {"Most used devices.", "Appareils les plus utilisés."},
                           {"Σ sessions per device", "Σ sessions par appareil"}, "sessions",
                           kTrafficDims, "003 §10"),
                     D::kDevice),
                 mobile));
  c.push_back(rate(
      "bounce_rate", 5, {"Bounce rate", "Taux de rebond"},
      {"Bounced sessions per session (GA4: 1 − engaged sessions / sessions).",
       "Sessions avec rebond par session (GA4 : 1 − sessions avec engagement / sessions)."},
      {"bounced sessions / sessions × 100", "sessions avec rebond / sessions × 100"},
      "bounced_sessions", "bounce_known_sessions", kTrafficDims, "003 §5", Polarity::kUpIsBad));
}

}  // namespace

void addEmailEntries(KpiCatalogue& c) {
  addEmailRates(c);
  addProspects(c);
}

void addTrafficEntries(KpiCatalogue& c) {
  addTraffic(c);
  addSocialAndMobile(c);
}

void addSteeringEntries(KpiCatalogue& c) {
  c.push_back(
      special("goals", 6, {"Goals", "Objectifs"},
              {"A target per KPI, slice and period, with the actual value, progress and status.",
               "Un objectif par KPI, segment et période, avec la valeur réelle, l'avancement et le "
               "statut."},
              {"progress = actual / target × 100", "avancement = réel / objectif × 100"},
              Output::kGoals, {}, "004", Unit::kPercent));
  c.push_back(special(
      "reporting_cadence", 6, {"Reporting cadence", "Cadence de reporting"},
      {"From a start date: weekly for a month, every two weeks for two months, then monthly.",
       "Depuis une date de début : chaque semaine pendant 1 mois, toutes les 2 semaines pendant 2 "
       "mois, puis chaque mois."},
      {"7-day, then 14-day, then monthly periods",
       "périodes de 7 jours, puis 14 jours, puis mensuelles"},
      Output::kCadence, {}, "000"));
  c.push_back(special(
      "ab_test", 6, {"A/B test", "Test A/B"},
      {"Variants (landing page or CTA) compared by conversion rate: two-proportion z-test and "
       "probability that B beats A.",
       "Variantes (landing page ou CTA) comparées par taux de conversion : test z de deux "
       "proportions "
       "et probabilité que B batte A."},
      {"z = (pB − pA) / √(p(1−p)(1/nA + 1/nB))", "z = (pB − pA) / √(p(1−p)(1/nA + 1/nB))"},
      Output::kAbTests, {}, "003 §7", Unit::kPercent));
  c.push_back(special(
      "trend", 6, {"Trend", "Tendance"},
      {"Each KPI against the previous period and the same period a year before.",
       "Chaque KPI comparé à la période précédente et à la même période l'année d'avant."},
      {"(value − previous) / |previous| × 100", "(valeur − précédente) / |précédente| × 100"},
      Output::kTrends, {}, "003", Unit::kPercent));
}

}  // namespace roilens::metrics::detail
