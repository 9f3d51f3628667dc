// The model fields of the mapping panel in words (English, French). The engine lists the fields
// (Session.fields(): table, name, kind); its field catalogue carries no labels, so the words a
// marketer reads live here, keyed by the engine's field name. A field missing here shows its
// name with spaces (never an empty option).
const FIELD_LABELS = {
  // shared dimensions
  date: ['Date', 'Date'],
  range_start: ['Start of the period', 'Début de la période'],
  range_end: ['End of the period', 'Fin de la période'],
  channel: ['Channel', 'Canal'],
  source_medium: ['Source / medium', 'Source / support'],
  source: ['Source', 'Source'],
  medium: ['Medium', 'Support'],
  campaign: ['Campaign', 'Campagne'],
  content: ['Ad content', 'Contenu de l’annonce'],
  term: ['Keyword', 'Mot-clé'],
  landing_page: ['Landing page', 'Page d’atterrissage'],
  page: ['Page', 'Page'],
  device: ['Device', 'Appareil'],
  event_name: ['Event name', 'Nom de l’événement'],
  referrer_type: ['Referrer type', 'Type de référent'],
  referrer_name: ['Referrer', 'Référent'],
  currency: ['Currency', 'Devise'],
  email: ['E-mail address', 'Adresse e-mail'],
  created_at: ['Creation date', 'Date de création'],
  status: ['Status', 'Statut'],
  campaign_id: ['Campaign ID', 'ID de campagne'],
  campaign_type: ['Campaign type', 'Type de campagne'],
  account: ['Account', 'Compte'],
  // traffic
  sessions: ['Sessions', 'Sessions'],
  engaged_sessions: ['Engaged sessions', 'Sessions avec engagement'],
  users: ['Users (visitors)', 'Utilisateurs (visiteurs)'],
  new_users: ['New users', 'Nouveaux utilisateurs'],
  bounces: ['Bounces', 'Rebonds'],
  key_events: ['Key events (conversions)', 'Événements clés (conversions)'],
  revenue: ['Revenue', 'Chiffre d’affaires'],
  views: ['Page views', 'Pages vues'],
  event_count: ['Event count', 'Nombre d’événements'],
  entrances: ['Entrances', 'Entrées'],
  day_index: ['Day number', 'Numéro du jour'],
  year_month: ['Year and month', 'Année et mois'],
  // contacts
  contact_id: ['Contact ID', 'ID du contact'],
  lifecycle_stage: ['Lifecycle stage', 'Phase du cycle de vie'],
  original_source: ['Original source', 'Source d’origine'],
  original_detail_1: ['Original source detail 1', 'Détail 1 de la source d’origine'],
  original_detail_2: ['Original source detail 2', 'Détail 2 de la source d’origine'],
  latest_source: ['Latest source', 'Dernière source'],
  stage_subscriber: ['Became a subscriber (date)', 'Devenu abonné (date)'],
  stage_lead: ['Became a lead (date)', 'Devenu lead (date)'],
  stage_mql: ['Became an MQL (date)', 'Devenu MQL (date)'],
  stage_sql: ['Became an SQL (date)', 'Devenu SQL (date)'],
  stage_opportunity: ['Became an opportunity (date)', 'Devenu opportunité (date)'],
  stage_customer: ['Became a customer (date)', 'Devenu client (date)'],
  stage_evangelist: ['Became an evangelist (date)', 'Devenu ambassadeur (date)'],
  lead_status: ['Lead status', 'Statut du lead'],
  owner: ['Owner', 'Propriétaire'],
  company_id: ['Company ID', 'ID de l’entreprise'],
  score: ['Lead score', 'Score du lead'],
  first_conversion: ['First conversion', 'Première conversion'],
  first_conversion_at: ['First conversion date', 'Date de la première conversion'],
  total_revenue: ['Total revenue of the contact', 'Chiffre d’affaires total du contact'],
  converted_at: ['Conversion date', 'Date de conversion'],
  // transactions
  txn_id: ['Order or deal ID', 'ID de la commande ou de la transaction'],
  customer_id: ['Customer ID', 'ID du client'],
  closed_at: ['Close date', 'Date de clôture'],
  deal_stage: ['Deal stage', 'Étape de la transaction'],
  pipeline: ['Pipeline', 'Pipeline'],
  amount: ['Amount', 'Montant'],
  refunds: ['Refunds', 'Remboursements'],
  discount: ['Discount', 'Remise'],
  tax: ['Tax', 'Taxes'],
  shipping: ['Shipping', 'Livraison'],
  cancelled_at: ['Cancellation date', 'Date d’annulation'],
  deal_type: ['Deal type', 'Type de transaction'],
  is_won: ['Won (yes/no)', 'Gagnée (oui/non)'],
  is_closed: ['Closed (yes/no)', 'Clôturée (oui/non)'],
  paid_at: ['Payment date', 'Date de paiement'],
  line_item_name: ['Product', 'Produit'],
  payment_mode: ['Payment mode (live/test)', 'Mode de paiement (réel/test)'],
  // costs
  cost: ['Cost (spend)', 'Coût (dépense)'],
  impressions: ['Impressions', 'Impressions'],
  clicks: ['Clicks', 'Clics'],
  interactions: ['Interactions', 'Interactions'],
  conversions: ['Conversions', 'Conversions'],
  conversion_value: ['Conversion value', 'Valeur des conversions'],
  reach: ['Reach', 'Couverture'],
  // e-mail campaigns
  email_name: ['E-mail campaign name', 'Nom de la campagne e-mail'],
  subject: ['Subject line', 'Objet'],
  audience: ['Audience (list)', 'Audience (liste)'],
  sent_at: ['Send date', 'Date d’envoi'],
  recipients: ['Recipients', 'Destinataires'],
  delivered: ['Delivered', 'Délivrés'],
  bounces_hard: ['Hard bounces', 'Rebonds définitifs'],
  bounces_soft: ['Soft bounces', 'Rebonds temporaires'],
  bounces_total: ['Bounces (total)', 'Rebonds (total)'],
  unique_opens: ['Unique opens', 'Ouvertures uniques'],
  total_opens: ['Opens (total)', 'Ouvertures (total)'],
  unique_clicks: ['Unique clicks', 'Clics uniques'],
  total_clicks: ['Clicks (total)', 'Clics (total)'],
  unsubscribes: ['Unsubscribes', 'Désabonnements'],
  complaints: ['Spam complaints', 'Plaintes pour spam'],
  orders: ['Orders', 'Commandes'],
  // paths and RFM summaries
  path: ['Journey (channels in order)', 'Parcours (canaux dans l’ordre)'],
  path_conversions: ['Conversions of the journey', 'Conversions du parcours'],
  path_value: ['Value of the journey', 'Valeur du parcours'],
  path_nulls: ['Journeys without conversion', 'Parcours sans conversion'],
  rfm_customer: ['Customer', 'Client'],
  frequency: ['Repeat purchases (frequency)', 'Achats répétés (fréquence)'],
  recency: ['Age at last purchase (recency)', 'Âge au dernier achat (récence)'],
  age: ['Customer age (T)', 'Ancienneté du client (T)'],
  monetary_value: ['Average repeat purchase (monetary value)', 'Achat répété moyen (valeur monétaire)'],
  // touchpoints (event logs)
  cta_id: ['Call to action (CTA)', 'Appel à l’action (CTA)'],
  form_id: ['Form', 'Formulaire'],
};

// The model tables, as the file cards and the mapping panel name them.
const TABLE_LABELS = {
  contacts: ['contacts', 'contacts'], traffic: ['traffic', 'trafic'],
  transactions: ['transactions', 'transactions'], costs: ['costs', 'coûts'],
  emails: ['email campaigns', 'campagnes e-mail'], touchpoints: ['touchpoints', 'points de contact'],
  paths: ['journeys', 'parcours'], rfm: ['RFM summary', 'synthèse RFM'],
};

const inLanguage = (pair, lang) => pair[lang === 'fr' ? 1 : 0];

export function fieldLabel(name, lang) {
  const pair = FIELD_LABELS[name];
  return pair ? inLanguage(pair, lang) : String(name).replaceAll('_', ' ');
}

export function tableLabel(table, lang) {
  const pair = TABLE_LABELS[table];
  return pair ? inLanguage(pair, lang) : String(table).replaceAll('_', ' ');
}
