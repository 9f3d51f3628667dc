// Page labels in English and French. KPI labels, formulas and model definitions come from the
// engine's catalogue, never from here.
const LABELS = {
  tagline: ['Marketing ROI from your own exports, computed in your browser. Nothing is uploaded.',
    'Le ROI marketing à partir de vos exports, calculé dans votre navigateur. Rien n’est envoyé.'],
  language: ['Français', 'English'],
  languageHint: ['Afficher en français', 'Show in English'],
  dropTitle: ['Drop your exports here', 'Déposez vos exports ici'],
  dropHint: ['CSV, JSON or XLSX from HubSpot, GA4, Google Ads, Meta, Mailchimp, Shopify, Stripe…',
    'CSV, JSON ou XLSX de HubSpot, GA4, Google Ads, Meta, Mailchimp, Shopify, Stripe…'],
  pickFiles: ['Choose files', 'Choisir des fichiers'],
  pickFolder: ['Choose a folder', 'Choisir un dossier'],
  trySamples: ['Try with sample data', 'Essayer avec des données d’exemple'],
  clearAll: ['Remove all files', 'Retirer tous les fichiers'],
  busy: ['Working…', 'Calcul en cours…'],
  reading: ['Reading', 'Lecture de'],
  ready: ['Ready', 'Prêt'],
  engineLoading: ['Loading the engine…', 'Chargement du moteur…'],
  filesTitle: ['Files', 'Fichiers'],
  noFiles: ['No file yet. Drop exports above or try the sample data.',
    'Aucun fichier pour l’instant. Déposez des exports ci-dessus ou essayez les données d’exemple.'],
  tool: ['Tool', 'Outil'],
  confidence: ['confidence', 'confiance'],
  tables: ['Fed', 'Alimente'],
  rowsRead: ['read', 'lues'],
  rowsKept: ['kept', 'gardées'],
  rowsRejected: ['rejected', 'rejetées'],
  rowsSkipped: ['skipped', 'ignorées'],
  rows: ['Rows', 'Lignes'],
  dateRange: ['Dates', 'Dates'],
  currency: ['Currency', 'Devise'],
  warnings: ['Warnings', 'Avertissements'],
  firstRejections: ['First rejected rows', 'Premières lignes rejetées'],
  line: ['line', 'ligne'],
  column: ['column', 'colonne'],
  notRecognised: ['Not recognised', 'Non reconnu'],
  fixMapping: ['Fix the mapping', 'Corriger l’association'],
  mappingTitle: ['Tell roilens what this file is', 'Dites à roilens ce qu’est ce fichier'],
  mappingTool: ['Exported by', 'Exporté par'],
  mappingAuto: ['Recognise automatically', 'Reconnaître automatiquement'],
  mappingColumns: ['Or map each column to a field', 'Ou associez chaque colonne à un champ'],
  mappingIgnore: ['(ignore)', '(ignorer)'],
  mappingApply: ['Apply and re-read', 'Appliquer et relire'],
  mappingForget: ['Forget this mapping', 'Oublier cette association'],
  mappingCancel: ['Cancel', 'Annuler'],
  mappingRemembered: ['Mapping remembered for files with this header.',
    'Association mémorisée pour les fichiers ayant cet en-tête.'],
  fileError: ['Could not read this file', 'Impossible de lire ce fichier'],
  remove: ['Remove', 'Retirer'],
  periodTitle: ['Period', 'Période'],
  grain: ['Grain', 'Granularité'],
  grainDay: ['Day', 'Jour'],
  grainWeek: ['Week', 'Semaine'],
  grainMonth: ['Month', 'Mois'],
  grainQuarter: ['Quarter', 'Trimestre'],
  grainYear: ['Year', 'Année'],
  grainAll: ['All time', 'Toute la période'],
  from: ['From', 'Du'],
  to: ['To', 'Au'],
  breakdown: ['Breakdown', 'Ventilation'],
  none: ['None', 'Aucune'],
  dimChannel: ['Channel', 'Canal'],
  dimSource: ['Source', 'Source'],
  dimCampaign: ['Campaign', 'Campagne'],
  dimLandingPage: ['Landing page', 'Page d’atterrissage'],
  dimDevice: ['Device', 'Appareil'],
  selectedPeriod: ['Showing', 'Affichage'],
  tilesTitle: ['Key figures', 'Chiffres clés'],
  vsPrevious: ['vs previous period', 'vs période précédente'],
  funnelTitle: ['Funnel', 'Entonnoir'],
  funnelStep: ['Step', 'Étape'],
  funnelCount: ['Count', 'Nombre'],
  funnelDropOff: ['Drop-off', 'Perte'],
  funnelFromPrevious: ['From previous step', 'Depuis l’étape précédente'],
  funnelFromEntry: ['From entry', 'Depuis l’entrée'],
  funnelNote: ['Counts are stage transitions dated in the period, so a step can exceed the one before.',
    'Les nombres sont des passages d’étape datés dans la période : une étape peut dépasser la précédente.'],
  perPeriodTitle: ['Funnel KPIs per period', 'Indicateurs de l’entonnoir par période'],
  perChannelTitle: ['Per channel', 'Par canal'],
  perSourceTitle: ['Per source', 'Par source'],
  perCampaignTitle: ['Per campaign', 'Par campagne'],
  perLandingPageTitle: ['Per landing page', 'Par page d’atterrissage'],
  perDeviceTitle: ['Per device', 'Par appareil'],
  allChannels: ['All channels', 'Tous les canaux'],
  kpi: ['KPI', 'Indicateur'],
  catalogueTitle: ['All KPIs', 'Tous les indicateurs'],
  formula: ['Formula', 'Formule'],
  numerator: ['Numerator', 'Numérateur'],
  denominator: ['Denominator', 'Dénominateur'],
  seed: ['Source article', 'Article source'],
  needs: ['needs', 'nécessite'],
  notApplicable: ['not available for this breakdown', 'non disponible pour cette ventilation'],
  seeBelow: ['see the sections below', 'voir les sections ci-dessous'],
  median: ['Median', 'Médiane'],
  mean: ['Mean', 'Moyenne'],
  contactsCount: ['Contacts', 'Contacts'],
  notAvailable: ['not available (zero denominator)', 'non disponible (dénominateur nul)'],
  noValue: ['no value for this period', 'pas de valeur pour cette période'],
  sectionFunnel: ['Funnel and conversion', 'Entonnoir et conversion'],
  sectionRevenue: ['Revenue', 'Chiffre d’affaires'],
  sectionCost: ['Cost, CAC, CLV, ROI', 'Coûts, CAC, CLV, ROI'],
  sectionEmail: ['Email and nurturing', 'E-mail et nurturing'],
  sectionTraffic: ['Traffic', 'Trafic'],
  sectionSteering: ['Steering', 'Pilotage'],
  attributionTitle: ['Revenue attribution', 'Attribution du chiffre d’affaires'],
  attributionModel: ['Model', 'Modèle'],
  attributionCompare: ['Compare all models', 'Comparer tous les modèles'],
  attributionMeasure: ['Show', 'Afficher'],
  conversions: ['Conversions', 'Conversions'],
  value: ['Value', 'Valeur'],
  channel: ['Channel', 'Canal'],
  definitions: ['Model definitions', 'Définitions des modèles'],
  clvTitle: ['Customer lifetime value', 'Valeur vie client (CLV)'],
  clvDistribution: ['Predicted CLV distribution', 'Distribution de la CLV prédite'],
  clvTop: ['Top customers by predicted CLV', 'Meilleurs clients par CLV prédite'],
  customer: ['Customer', 'Client'],
  pAlive: ['P(alive)', 'P(actif)'],
  expectedPurchases: ['Expected purchases', 'Achats attendus'],
  cohorts: ['Cohorts (share still buying)', 'Cohortes (part qui achète encore)'],
  cohort: ['Cohort', 'Cohorte'],
  ltvCac: ['LTV:CAC per channel', 'LTV:CAC par canal'],
  averageOrderValue: ['Average order value', 'Panier moyen'],
  purchaseFrequency: ['Purchases per customer per month', 'Achats par client et par mois'],
  lifespanMonths: ['Lifespan (months)', 'Durée de vie (mois)'],
  newCustomers: ['New customers', 'Nouveaux clients'],
  historicalClv: ['Historical CLV', 'CLV historique'],
  predictedClvMean: ['Predicted CLV (mean)', 'CLV prédite (moyenne)'],
  customersCount: ['Customers', 'Clients'],
  modelFit: ['Model fit', 'Ajustement du modèle'],
  unavailable: ['Not available', 'Non disponible'],
  errorTitle: ['Something went wrong', 'Un problème est survenu'],
  dismiss: ['Dismiss', 'Fermer'],
  engineMissing: ['The computation engine is not built yet: run `npm run build:wasm`.',
    'Le moteur de calcul n’est pas encore construit : lancez `npm run build:wasm`.'],
  privacy: ['Your files never leave this browser: roilens makes no network request besides its own files.',
    'Vos fichiers ne quittent jamais ce navigateur : roilens ne fait aucune requête réseau hors de ses propres fichiers.'],
  visitorsBasis: ['Visitors counted from', 'Visiteurs comptés à partir des'],
  basisUsers: ['users', 'utilisateurs'],
  basisSessions: ['sessions (no user counts in the files)', 'sessions (pas de nombre d’utilisateurs dans les fichiers)'],
};

export const LANGUAGES = ['en', 'fr'];

// "Label: value" in English, "Libellé : valeur" in French (a space before the colon).
export function colon(lang) {
  return lang === 'fr' ? '\u00a0: ' : ': ';
}

export function t(key, lang) {
  const entry = LABELS[key];
  if (!entry) return key;
  return entry[lang === 'fr' ? 1 : 0];
}

// A {en, fr} pair from the engine, or a plain string.
export function pick(pair, lang) {
  if (pair === null || pair === undefined) return '';
  if (typeof pair === 'string') return pair;
  return pair[lang] ?? pair.en ?? pair.fr ?? '';
}

// Refreshes every static element that carries data-i18n (text) or data-i18n-title (tooltip).
export function translateStatic(root, lang) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n, lang);
  for (const node of root.querySelectorAll('[data-i18n-title]')) {
    node.title = t(node.dataset.i18nTitle, lang);
    node.setAttribute('aria-label', node.title);
  }
}
