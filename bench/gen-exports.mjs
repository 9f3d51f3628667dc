#!/usr/bin/env node
// Seeded generator of the four exports a marketer drops on roilens, in their real shapes:
// HubSpot contacts and deals, a GA4 sessions export, ad-platform costs. Used by the scaling
// benchmark (bench/scaling.mjs); no dependency beyond Node.
//
//   node bench/gen-exports.mjs --contacts 10k                  # -> build/bench/data/10k/
//   node bench/gen-exports.mjs --contacts 1m --seed 7 --out /tmp/exports
//
// Same seed and size => byte-identical files: only 32-bit integer arithmetic and V8's
// fdlibm-based Math.log / exp / cos are used. manifest.json records each file's rows, bytes
// and sha256, and the true counts the generator drew (for cross-checks, not for timing).
//
// Shapes (columns by their export names; cells quoted as RFC 4180 only when needed):
//   contacts.csv  Record ID, First Name, Last Name, Email, Company Name, Job Title, City,
//                 Country/Region, Create Date, Lifecycle Stage, Original Source,
//                 Original Source Drill-Down 1, Original Source Drill-Down 2, Became a Lead Date,
//                 Became a Marketing Qualified Lead Date, Became a Sales Qualified Lead Date,
//                 Became a Customer Date, Message
//   deals.csv     Deal ID, Deal Name, Pipeline, Deal Stage, Amount, Close Date,
//                 Associated Contact ID
//   sessions.csv  Date (YYYYMMDD), Channel, Landing page, Device category, Sessions,
//                 Engaged sessions
//   costs.csv     Date, Channel (the ad platform), Campaign, Cost, Impressions, Clicks
// Real-world noise on purpose: accented names, commas, doubled quotes and line breaks inside
// quoted cells, contacts imported from before the period, skipped funnel stages, open and lost
// deals, repeat purchases, deals with no contact or with a contact missing from the export.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ------------------------------------------------------------------------------------------
// Random numbers: xoshiro128** seeded through splitmix32 from an FNV-1a hash of a text key.

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function splitmix32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function makeRandom(key) {
  const seedWord = splitmix32(fnv1a(key));
  const s = [seedWord(), seedWord(), seedWord(), seedWord()];
  const rotl = (x, k) => (x << k) | (x >>> (32 - k));
  const nextWord = () => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const uniform = () => nextWord() / 4294967296; // [0, 1)
  const below = (n) => Math.floor(uniform() * n);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return {
    uniform,
    below,
    chance: (p) => uniform() < p,
    pick: (items) => items[below(items.length)],
    exponential: (mean) => -Math.log(1 - uniform()) * mean,
    normal,
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean >= 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
      const limit = Math.exp(-mean); // Knuth: multiply uniforms until below e^-mean
      let k = 0;
      for (let p = uniform(); p > limit; p *= uniform()) k++;
      return k;
    },
  };
}

/** Draws from a fixed list of [item, weight] pairs with one uniform number. */
function weightedTable(pairs) {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  const bounds = [];
  let acc = 0;
  for (const [item, w] of pairs) bounds.push([(acc += w) / total, item]);
  return (random) => {
    const u = random.uniform();
    for (const [bound, item] of bounds) if (u < bound) return item;
    return bounds[bounds.length - 1][1];
  };
}

// ------------------------------------------------------------------------------------------
// Dates (UTC milliseconds) and their export formats.

const MINUTE = 60_000;
const DAY = 86_400_000;
const PERIOD_START = Date.UTC(2024, 0, 1);
const PERIOD_END = Date.UTC(2026, 0, 1); // exclusive: the day of the export
const PERIOD_DAYS = (PERIOD_END - PERIOD_START) / DAY;
const IMPORT_START = Date.UTC(2023, 0, 1); // contacts imported from an older CRM

const two = (n) => (n < 10 ? '0' : '') + n;
const isoDay = (d) => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
const hubspotTime = (ms) => {
  const d = new Date(ms);
  return `${isoDay(d)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
};
const adDay = (ms) => isoDay(new Date(ms));
const ga4Day = (ms) => adDay(ms).replaceAll('-', '');
const toMinute = (ms) => ms - (ms % MINUTE);

// ------------------------------------------------------------------------------------------
// CSV output: cells quoted only when needed, written in ~1 MB blocks, hashed on the way.

const needsQuotes = /[",\n\r]/;
const csvCell = (v) => {
  const text = v === null || v === undefined ? '' : String(v);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

class CsvFile {
  constructor(file, header) {
    this.name = path.basename(file);
    this.fd = openSync(file, 'w');
    this.hash = createHash('sha256');
    this.pending = [];
    this.pendingChars = 0;
    this.rows = 0;
    this.bytes = 0;
    this.write(header);
    this.rows = 0; // the header is not a row
  }

  write(cells) {
    const line = cells.map(csvCell).join(',') + '\n';
    this.pending.push(line);
    this.pendingChars += line.length;
    this.rows++;
    if (this.pendingChars >= 1 << 20) this.flush();
  }

  flush() {
    const block = Buffer.from(this.pending.join(''), 'utf8');
    writeSync(this.fd, block);
    this.hash.update(block);
    this.bytes += block.length;
    this.pending = [];
    this.pendingChars = 0;
  }

  close() {
    this.flush();
    closeSync(this.fd);
    return { file: this.name, rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

// ------------------------------------------------------------------------------------------
// Vocabularies (invented; accents, apostrophes, commas and quotes on purpose).

const FIRST_NAMES = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Mathéo', 'Inès', 'Zoé', 'Noah', 'Jürgen', 'Søren',
  'Agnieszka', 'Bartłomiej', 'María José', 'João', 'Siobhán', 'Eóin', 'Ayşe', 'Çağrı', 'Dávid', 'Ilona',
  'Kenji', 'Mei', 'Anh', 'Ravi', 'Aditi', 'Olufemi', 'Amara', 'Hannah', 'Oliver', 'Grace', 'Ethan', 'Sofia',
  'Björk', 'Åsa', 'Nikolaï', 'Théo', 'Manon', 'Émile', 'Renée', 'Jean-Luc'];
const LAST_NAMES = ['Martin', 'Bernard', 'Lefèvre', 'Müller', 'Schäfer', 'Kowalczyk', 'Wiśniewski', 'Pérez',
  'Gonçalves', "O'Connor", "D'Souza", 'Nørgaard', 'Åberg', 'Öztürk', 'Horváth', 'Dvořáková', 'Tanaka', 'Chen',
  'Trần', 'Sharma', 'Adeyemi', 'Okafor', 'Smith', 'Johnson', 'Williams', 'de la Cruz', 'van Dijk', 'Le Gall',
  'García Márquez', 'Ibáñez'];
const COMPANIES = ['Brightwave', 'Northwind Traders', 'Contoso', 'Fabrikam', 'Tailspin Toys', 'Litware',
  'Proseware', 'Adventure Works', 'Wingtip', 'Lucerne Publishing', 'Coho Winery', 'Alpine Ski House',
  'Blue Yonder Airlines', 'Fourth Coffee', 'Graphic Design Institute', 'Humongous Insurance', 'Margie\'s Travel',
  'Boulangerie Dupré', 'Brasserie "Le Zinc"', 'Über Möbel', 'Żabka Partners', 'Ñandú Studio', 'Öko Energie',
  'Les Ateliers Réunis', 'Maison Hélène, Paris'];
const LEGAL_FORMS = ['', 'Inc.', 'Ltd', 'LLC', 'SAS', 'SARL', 'GmbH', 'AG', 'S.L.', 'B.V.', 'Oy', 'AB'];
const JOB_TITLES = ['', '', 'Marketing Manager', 'Head of Marketing', 'CMO', 'Growth Lead', 'CEO, Founder',
  'Directrice marketing', 'Responsable acquisition', 'Chef de projet digital', 'Demand Gen Specialist',
  'Sales Director', 'Operations Manager, EMEA', 'Marketing "Ops" Analyst', 'Geschäftsführerin', 'Owner'];
const PLACES = [['Paris', 'France'], ['Lyon', 'France'], ['Montréal', 'Canada'], ['Québec', 'Canada'],
  ['Genève', 'Switzerland'], ['Köln', 'Germany'], ['Berlin', 'Germany'], ['Wrocław', 'Poland'],
  ['Göteborg', 'Sweden'], ['Århus', 'Denmark'], ['Sevilla', 'Spain'], ['Porto', 'Portugal'],
  ['Cork', 'Ireland'], ['Manchester', 'United Kingdom'], ['Boston', 'United States'],
  ['St. Louis, MO', 'United States'], ['Medellín', 'Colombia'], ['Osaka', 'Japan'], ['Hà Nội', 'Vietnam'],
  ['Pune', 'India']];
const MAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example', 'corp.example'];
const MESSAGES = ['', '', '', '', '', '', 'Could we book a demo next week?', 'Price for 20 users, please',
  'We currently use spreadsheets, "a lot of them"', 'Is there an API? We need exports, daily',
  'Found you on a webinar — very useful', 'Do you host data in the EU?', 'Merci de me rappeler'];
const MULTILINE_MESSAGES = ['Hello,\nplease send the brochure.\nBest', 'Two questions:\n1. SSO?\n2. "SCIM"?',
  'Bonjour,\nun devis SVP'];

// Original Source: [label, weight, P(MQL | lead), P(SQL | MQL), P(customer | SQL), deal size,
// drill-down 1 values, drill-down 2 values]
const SOURCES = [
  ['Organic Search', 29, 0.33, 0.41, 0.45, 1.0, ['google', 'bing', 'ecosia'], ['', 'Unknown keywords (SSL)']],
  ['Direct Traffic', 16, 0.29, 0.39, 0.43, 0.9, ['Unknown', ''], ['']],
  ['Paid Search', 13, 0.41, 0.47, 0.43, 1.2, ['google', 'bing'], ['brand', 'generic, exact', 'competitors']],
  ['Paid Social', 10, 0.25, 0.35, 0.37, 0.8, ['facebook', 'linkedin', 'instagram'], ['lookalike', 'retargeting']],
  ['Social Media', 8, 0.21, 0.33, 0.35, 0.7, ['LinkedIn', 'Twitter', 'YouTube'], ['']],
  ['Email Marketing', 9, 0.46, 0.49, 0.51, 1.05, ['newsletter', 'nurture'], ['Webinar "Pipeline 101"', 'Q3, EMEA']],
  ['Referrals', 7, 0.43, 0.53, 0.56, 1.3, ['partner.example', 'review-site.example'], ['']],
  ['Other Campaigns', 4, 0.31, 0.41, 0.41, 1.0, ['trade show', 'event, Lyon'], ['']],
  ['Offline Sources', 3, 0.49, 0.56, 0.51, 1.4, ['IMPORT', 'CRM_UI', 'INTEGRATION'], ['']],
  ['AI Referrals', 1, 0.36, 0.44, 0.46, 1.1, ['chatgpt.example', 'perplexity.example'], ['']],
];
const pickSource = weightedTable(SOURCES.map((s) => [s, s[1]]));

const GA4_CHANNELS = [['Organic Search', 37], ['Direct', 23], ['Paid Search', 12], ['Paid Social', 8],
  ['Organic Social', 7], ['Email', 5], ['Referral', 5], ['Unassigned', 2], ['Display', 1]];
const DEVICES = [['desktop', 56], ['mobile', 41], ['tablet', 3]];
const PAGE_PATHS = ['/', '/pricing', '/product', '/demo', '/contact', '/blog/what-is-cac',
  '/blog/funnel-benchmarks-2025', '/blog/clv-for-saas', '/customers', '/integrations/hubspot',
  '/integrations/ga4', '/fr/tarifs', '/de/preise', '/es/precios', '/webinars/pipeline-101',
  '/guides/attribution', '/lp/free-trial', '/lp/compare', '/docs/quickstart', '/security', '/about',
  '/careers', '/partners', '/changelog', '/events/lyon-2025'];

const AD_PLATFORMS = [['Google Ads', 44], ['Meta Ads', 26], ['LinkedIn Ads', 19], ['Microsoft Ads', 11]];
const CAMPAIGNS = ['Brand – exact', 'Generic, CRM reporting', 'Competitors "vs" pages', 'Retargeting, 30 days',
  'Lookalike 2%', 'Webinar – Pipeline 101', 'DACH | Leads', 'Trial, US & CA', 'Guide "Attribution"',
  'Performance Max', 'Video – awareness', 'Job titles: CMO, Head of Growth', 'Demo abandoners', 'Soldes d\'hiver',
  'Black Friday', 'LATAM – Español', 'France — leads', 'Nordics ABM', 'App installs', 'Q4 push, EMEA'];

const OPEN_STAGES = ['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled',
  'Decision Maker Bought-In', 'Contract Sent'];
const PRODUCTS = ['Starter plan', 'Team plan', 'Business plan', 'Enterprise', 'Onboarding', 'Extra seats, 10',
  'Renewal'];

// ------------------------------------------------------------------------------------------
// The generator. Sizes follow the number of contacts; pages and campaigns grow with it, as a
// larger company has a larger site and more campaigns.

/** Bumped whenever the same seed and size would give other bytes: cached data sets are then remade. */
export const GENERATOR_VERSION = 1;

/** "1k" → 1000, "2.5m" → 2500000, "750" → 750. */
export function parseCount(text) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(String(text).trim());
  if (!m) throw new Error(`not a number of contacts: "${text}" (expected e.g. 1k, 10k, 1m, 25000)`);
  return Math.round(Number(m[1]) * { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()]);
}

/** One contact's funnel: the minute it entered each stage, or null; later stages need earlier ones. */
function drawFunnel(random, created, source) {
  const [, , pMql, pSql, pCustomer] = source;
  const stages = { lead: null, mql: null, sql: null, customer: null };
  if (!random.chance(0.8)) return stages;
  stages.lead = random.chance(0.65) ? created : toMinute(created + random.exponential(3 * DAY));
  if (random.chance(pMql)) stages.mql = toMinute(stages.lead + random.exponential(10 * DAY));
  if (stages.mql !== null && random.chance(pSql)) stages.sql = toMinute(stages.mql + random.exponential(15 * DAY));
  if (stages.sql !== null && random.chance(pCustomer)) {
    stages.customer = toMinute(stages.sql + random.exponential(30 * DAY));
  }
  // A stage reached after the export day is not in the export, nor anything after it.
  const order = ['lead', 'mql', 'sql', 'customer'];
  const firstFuture = order.findIndex((k) => stages[k] !== null && stages[k] >= PERIOD_END);
  if (firstFuture >= 0) for (const k of order.slice(firstFuture)) stages[k] = null;
  return stages;
}

function lifecycleStage(random, stages) {
  if (stages.customer !== null) return 'Customer';
  if (stages.sql !== null) return random.chance(0.35) ? 'Opportunity' : 'Sales Qualified Lead';
  if (stages.mql !== null) return 'Marketing Qualified Lead';
  if (stages.lead !== null) return random.chance(0.04) ? 'Other' : 'Lead';
  return random.chance(0.9) ? 'Subscriber' : ''; // imported without a stage
}

const asciiFold = (text) => text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();

function writeContacts(random, count, outDir, truth) {
  const csv = new CsvFile(path.join(outDir, 'contacts.csv'), ['Record ID', 'First Name', 'Last Name', 'Email',
    'Company Name', 'Job Title', 'City', 'Country/Region', 'Create Date', 'Lifecycle Stage', 'Original Source',
    'Original Source Drill-Down 1', 'Original Source Drill-Down 2', 'Became a Lead Date',
    'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date', 'Became a Customer Date',
    'Message']);
  const buyers = []; // [contact id, customer minute, deal size]
  const opportunities = []; // [contact id, SQL minute, deal size]: SQLs that did not buy
  const time = (ms) => (ms === null ? '' : hubspotTime(ms));
  let id = 5_100_000_000;
  for (let i = 0; i < count; i++) {
    id += 1 + random.below(40); // ids have gaps: contacts were deleted or merged
    const created = random.chance(0.03)
      ? toMinute(IMPORT_START + random.uniform() * (PERIOD_START - IMPORT_START))
      : toMinute(PERIOD_START + Math.sqrt(random.uniform()) * (PERIOD_END - PERIOD_START)); // growing
    const source = pickSource(random);
    const sourceLabel = random.chance(0.003) ? '' : source[0];
    const stages = drawFunnel(random, created, source);
    // HubSpot lets people skip stages: a missing date between two present ones.
    const mqlShown = stages.sql !== null && random.chance(0.02) ? null : stages.mql;
    const sqlShown = stages.customer !== null && random.chance(0.02) ? null : stages.sql;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const [city, country] = random.pick(PLACES);
    const form = random.pick(LEGAL_FORMS);
    const company = random.pick(COMPANIES) + (form === '' ? '' : random.chance(0.4) ? `, ${form}` : ` ${form}`);
    const message = random.chance(0.002) ? random.pick(MULTILINE_MESSAGES) : random.pick(MESSAGES);
    csv.write([id, first, last, `${asciiFold(first)}.${asciiFold(last)}.${i}@${random.pick(MAIL_DOMAINS)}`,
      company, random.pick(JOB_TITLES), city, country, hubspotTime(created), lifecycleStage(random, stages),
      sourceLabel, random.pick(source[6]), random.pick(source[7]), time(stages.lead), time(mqlShown),
      time(sqlShown), time(stages.customer), message]);
    for (const [key, shown] of [['leads', stages.lead], ['mqls', mqlShown], ['sqls', sqlShown],
      ['customers', stages.customer]]) if (shown !== null) truth[key]++;
    if (stages.customer !== null) buyers.push([id, stages.customer, source[5]]);
    else if (stages.sql !== null) opportunities.push([id, stages.sql, source[5]]);
  }
  return { info: csv.close(), buyers, opportunities, lastId: id };
}

function dealAmount(random, size) {
  const amount = random.lognormal(2200 * size, 0.85);
  return random.chance(0.55) ? String(Math.round(amount / 50) * 50) : amount.toFixed(2);
}

function drawDeals(random, buyers, opportunities, lastContactId) {
  const deals = []; // [contact id or '', amount text, close minute or null, stage, product, pipeline]
  for (const [contact, since, size] of buyers) {
    deals.push([contact, dealAmount(random, size), since, 'Closed Won', random.pick(PRODUCTS), 'Sales Pipeline']);
    let at = since;
    for (let more = random.chance(0.3) ? 1 + random.below(3) : 0; more > 0; more--) { // repeat purchases
      at = toMinute(at + DAY + random.exponential(120 * DAY));
      if (at >= PERIOD_END) {
        if (random.chance(0.5)) deals.push([contact, dealAmount(random, 0.6 * size), null,
          random.pick(OPEN_STAGES), 'Renewal', 'Renewals']);
        break;
      }
      deals.push([contact, dealAmount(random, 0.6 * size), at, 'Closed Won', random.pick(PRODUCTS), 'Renewals']);
    }
    if (random.chance(0.07)) deals.push([contact, dealAmount(random, size), toMinute(since + random.exponential(50 * DAY)),
      'Closed Lost', random.pick(PRODUCTS), 'Sales Pipeline']);
  }
  for (const [contact, since, size] of opportunities) {
    if (!random.chance(0.55)) continue;
    const close = toMinute(since + random.exponential(40 * DAY));
    const lost = close < PERIOD_END && random.chance(0.75);
    deals.push([contact, lost || random.chance(0.85) ? dealAmount(random, size) : '',
      !lost && random.chance(0.1) ? null : close, lost ? 'Closed Lost' : random.pick(OPEN_STAGES),
      random.pick(PRODUCTS), 'Sales Pipeline']);
  }
  const orphans = Math.round(deals.length / 100); // no contact, or one deleted from the CRM since
  for (let k = 0; k < orphans; k++) {
    const contact = random.chance(0.5) ? '' : lastContactId + 1 + random.below(1_000_000);
    deals.push([contact, dealAmount(random, 1), toMinute(PERIOD_START + random.uniform() * PERIOD_DAYS * DAY),
      random.chance(0.5) ? 'Closed Won' : 'Closed Lost', random.pick(PRODUCTS), 'Sales Pipeline']);
  }
  for (let k = deals.length - 1; k > 0; k--) { // an export is not ordered by contact
    const j = random.below(k + 1);
    [deals[k], deals[j]] = [deals[j], deals[k]];
  }
  return deals;
}

function writeDeals(random, deals, knownContacts, outDir, truth) {
  const csv = new CsvFile(path.join(outDir, 'deals.csv'),
    ['Deal ID', 'Deal Name', 'Pipeline', 'Deal Stage', 'Amount', 'Close Date', 'Associated Contact ID']);
  let id = 9_800_000_000;
  for (const [contact, amount, close, stage, product, pipeline] of deals) {
    id += 1 + random.below(12);
    const year = random.chance(0.25) ? ` ${2024 + random.below(2)}` : '';
    csv.write([id, `${random.pick(COMPANIES)} – ${product}${year}`, pipeline, stage, amount,
      close === null ? '' : hubspotTime(close), contact]);
    if (stage === 'Closed Won' && close !== null && knownContacts.has(contact)) {
      truth.won_deals++;
      truth.won_revenue_cents += Math.round(Number(amount) * 100);
    }
  }
  return csv.close();
}

function writeSessions(random, pageCount, dailyMean, outDir, truth) {
  const csv = new CsvFile(path.join(outDir, 'sessions.csv'),
    ['Date', 'Channel', 'Landing page', 'Device category', 'Sessions', 'Engaged sessions']);
  const pages = Array.from({ length: pageCount }, (_, p) => p < PAGE_PATHS.length ? PAGE_PATHS[p]
    : `${PAGE_PATHS[p % PAGE_PATHS.length].replace(/\/$/, '')}/${Math.floor(p / PAGE_PATHS.length)}` +
      (p % 5 === 0 ? '?utm_source=newsletter&utm_medium=email' : ''));
  if (pageCount > 4) pages[4] = '(not set)';
  const pageShare = pages.map((_, p) => 1 / (p + 1)); // a few pages take most landings
  const pageTotal = pageShare.reduce((a, b) => a + b, 0);
  const channelTotal = GA4_CHANNELS.reduce((a, [, w]) => a + w, 0);
  const deviceTotal = DEVICES.reduce((a, [, w]) => a + w, 0);
  for (let d = 0; d < PERIOD_DAYS; d++) {
    const day = PERIOD_START + d * DAY;
    const weekday = new Date(day).getUTCDay();
    const seasonal = (weekday === 0 || weekday === 6 ? 0.6 : 1.16) * (0.5 + d / PERIOD_DAYS);
    const today = dailyMean * seasonal * (0.85 + 0.3 * random.uniform());
    const date = ga4Day(day);
    for (const [channel, cw] of GA4_CHANNELS) {
      for (let p = 0; p < pages.length; p++) {
        for (const [device, dw] of DEVICES) {
          const sessions = random.poisson(today * (cw / channelTotal) * (pageShare[p] / pageTotal) * (dw / deviceTotal));
          if (sessions === 0) continue; // GA4 omits empty rows
          const engaged = Math.min(sessions, Math.round(sessions * (0.55 + 0.15 * random.uniform())));
          csv.write([date, channel, pages[p], device, sessions, engaged]);
          truth.sessions += sessions;
        }
      }
    }
  }
  return csv.close();
}

function writeCosts(random, campaignCount, totalSpend, outDir, truth) {
  const csv = new CsvFile(path.join(outDir, 'costs.csv'), ['Date', 'Channel', 'Campaign', 'Cost', 'Impressions', 'Clicks']);
  const pickPlatform = weightedTable(AD_PLATFORMS.map(([name, w]) => [name, w]));
  const campaigns = Array.from({ length: campaignCount }, (_, c) => {
    const first = random.chance(0.35) ? 0 : random.below(PERIOD_DAYS - 45);
    const last = random.chance(0.5) ? PERIOD_DAYS : Math.min(PERIOD_DAYS, first + 45 + random.below(330));
    const name = CAMPAIGNS[c % CAMPAIGNS.length] + (c >= CAMPAIGNS.length ? ` (${1 + Math.floor(c / CAMPAIGNS.length)})` : '');
    return { platform: pickPlatform(random), name, first, last, weight: random.lognormal(1, 0.6) };
  });
  const weightDays = campaigns.reduce((a, c) => a + c.weight * (c.last - c.first), 0);
  for (let d = 0; d < PERIOD_DAYS; d++) {
    const date = adDay(PERIOD_START + d * DAY);
    for (const c of campaigns) {
      if (d < c.first || d >= c.last || random.chance(0.04)) continue; // not running, or paused that day
      const cost = (totalSpend * c.weight / weightDays) * (0.65 + 0.7 * random.uniform());
      const impressions = Math.max(1, Math.round((cost / (3 + 22 * random.uniform())) * 1000));
      const clicks = Math.round(impressions * (0.003 + 0.035 * random.uniform()));
      const costText = cost.toFixed(2);
      csv.write([date, c.platform, c.name, costText, impressions, clicks]);
      truth.cost_cents += Math.round(Number(costText) * 100);
    }
  }
  return csv.close();
}

/**
 * Writes contacts.csv, deals.csv, sessions.csv, costs.csv and manifest.json into outDir.
 * Returns the manifest: files (rows, bytes, sha256), total bytes, and `truth`: what the
 * generator drew (funnel dates present in the export, won deals of known contacts with a close
 * date and their revenue, sessions, cost) as an independent check of a reader's totals.
 */
export function generateExports({ contacts, seed = 1, outDir }) {
  const count = typeof contacts === 'number' ? contacts : parseCount(contacts);
  mkdirSync(outDir, { recursive: true });
  const random = makeRandom(`roilens-exports/${seed}/${count}`);
  const truth = { leads: 0, mqls: 0, sqls: 0, customers: 0, won_deals: 0, won_revenue_cents: 0, sessions: 0, cost_cents: 0 };
  const pageCount = count <= 20_000 ? 8 : count <= 200_000 ? 20 : 60;
  const campaignCount = count <= 20_000 ? 6 : count <= 200_000 ? 15 : 32;

  const people = writeContacts(random, count, outDir, truth);
  const known = new Set([...people.buyers, ...people.opportunities].map(([id]) => id));
  const deals = drawDeals(random, people.buyers, people.opportunities, people.lastId);
  const files = {
    contacts: people.info,
    deals: writeDeals(random, deals, known, outDir, truth),
    sessions: writeSessions(random, pageCount, (count * 40) / PERIOD_DAYS, outDir, truth),
    costs: writeCosts(random, campaignCount, count * 9, outDir, truth),
  };
  const manifest = {
    generator: 'bench/gen-exports.mjs',
    generator_version: GENERATOR_VERSION,
    contacts: count,
    seed,
    period: [adDay(PERIOD_START), adDay(PERIOD_END - DAY)],
    files,
    total_bytes: Object.values(files).reduce((a, f) => a + f.bytes, 0),
    truth,
  };
  writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

// ------------------------------------------------------------------------------------------

function parseArguments(argv) {
  const options = { contacts: [], seed: 1, out: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
      return argv[++i];
    };
    switch (argv[i]) {
      case '--contacts': options.contacts.push(...value().split(',')); break;
      case '--seed': options.seed = Number(value()); break;
      case '--out': options.out = value(); break;
      case '--help': case '-h':
        console.log('usage: node bench/gen-exports.mjs [--contacts 1k,10k,100k,1m] [--seed N] [--out DIR]');
        process.exit(0);
        break;
      default: throw new Error(`unknown argument ${argv[i]} (see --help)`);
    }
  }
  if (!Number.isInteger(options.seed)) throw new Error('--seed takes an integer');
  if (options.contacts.length === 0) options.contacts = ['1k', '10k'];
  if (options.out && options.contacts.length > 1) throw new Error('--out takes a single --contacts size');
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const options = parseArguments(process.argv.slice(2));
    for (const size of options.contacts) {
      const outDir = path.resolve(options.out ?? path.join(root, 'build', 'bench', 'data', size.toLowerCase()));
      const m = generateExports({ contacts: size, seed: options.seed, outDir });
      const rows = Object.entries(m.files).map(([k, f]) => `${k} ${f.rows}`).join(', ');
      console.log(`${size}: ${(m.total_bytes / 1e6).toFixed(1)} MB (${rows}) -> ${path.relative(process.cwd(), outDir) || '.'}`);
    }
  } catch (e) {
    console.error(`gen-exports: ${e.message}`);
    process.exit(2);
  }
}
