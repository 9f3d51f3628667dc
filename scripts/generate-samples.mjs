#!/usr/bin/env node
// Deterministic generator of small, realistic marketing exports (the "try with sample data" set).
//
//   node scripts/generate-samples.mjs --seed 42 --out web/samples [--contacts 60]
//
// Writes, in the real formats of ../shared/FORMATS.md: HubSpot contacts and deals (§1), a GA4
// "Traffic acquisition" report with a Date dimension (§3), one Google Ads campaign report per
// month (§6) and a Mailchimp reports export (§10), plus manifest.json. The same seed always gives
// byte-identical files: one seeded PRNG, no clock, no locale-dependent formatting.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// mulberry32: tiny, well-known 32-bit PRNG; enough for demo data and fully reproducible.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const weighted = (entries) => {
    const total = entries.reduce((sum, e) => sum + e.weight, 0);
    let r = next() * total;
    for (const e of entries) {
      r -= e.weight;
      if (r < 0) return e;
    }
    return entries[entries.length - 1];
  };
  return { next, int, pick, weighted, chance: (p) => next() < p };
}

// The demo quarter. Times of day stay between 08:00 and 18:59 so that no UTC offset up to ±5 h
// moves an event to another day (HubSpot dates are in the portal's local time).
const PERIOD_START = Date.UTC(2025, 0, 1);
const PERIOD_END = Date.UTC(2025, 2, 31, 23, 59);
const DAY_MS = 86400000;
const MONTHS = [
  { index: 0, name: 'January', short: 'Jan', days: 31 },
  { index: 1, name: 'February', short: 'Feb', days: 28 },
  { index: 2, name: 'March', short: 'Mar', days: 31 },
];

// HubSpot "Original Source" label, its GA4 channel (FORMATS.md §16) and demo traffic weights.
const SOURCES = [
  { label: 'Organic search', channel: 'Organic Search', weight: 28, usersPerDay: 38,
    drillDown: ['roi marketing', 'calcul cac', 'marketing kpi dashboard', 'taux de conversion lead'] },
  { label: 'Paid search', channel: 'Paid Search', weight: 22, usersPerDay: 18,
    drillDown: ['brand-search-fr', 'generic-roi-software'] },
  { label: 'Email marketing', channel: 'Email', weight: 12, usersPerDay: 6,
    drillDown: ['newsletter-janvier', 'newsletter-fevrier', 'newsletter-mars'] },
  { label: 'Organic social', channel: 'Organic Social', weight: 14, usersPerDay: 12,
    drillDown: ['LinkedIn', 'Facebook', 'Instagram'] },
  { label: 'Referrals', channel: 'Referral', weight: 10, usersPerDay: 5,
    drillDown: ['blog.example.org', 'partenaires.example.fr'] },
  { label: 'Direct traffic', channel: 'Direct', weight: 14, usersPerDay: 22,
    drillDown: ['https://www.example.com/', 'https://www.example.com/tarifs'] },
];

const FIRST_NAMES = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Emma', 'Théo', 'Inès', 'Jules',
  'Manon', 'Sarah', 'Noah', 'Olivia', 'James', 'Zoé', 'Louis', 'Amélie', 'Gabriel', 'Anaïs', 'Tom'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard', "O'Connor",
  'Fontaine', 'Rousseau', 'Smith', 'Garnier', 'Faure', 'Chevalier', 'Brown', 'Lambert', 'Bonnet'];
const COMPANIES = ['Atelier Nord', 'Boulangerie Saint-Roch', 'Cabinet Vidal', 'Dentiste Lumière',
  'Éditions Clair', 'Ferme du Val', 'Garage Central', 'Hôtel des Arts', 'Imprimerie Moderne',
  'Jardins & Co', 'Kiné Santé', 'Librairie Page'];

const pad = (n, width = 2) => String(n).padStart(width, '0');
const isoDay = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const hubspotDateTime = (ms) => {
  const d = new Date(ms);
  return `${isoDay(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};
const csvQuoteAll = (cells) => cells.map((c) => `"${String(c).replaceAll('"', '""')}"`).join(',');
const csvMinimal = (cells) =>
  cells
    .map((c) => {
      const s = String(c);
      return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(',');
// English grouping with commas, as Google Ads writes counts ("12,480"), fixed decimals.
const grouped = (value, decimals = 0) => {
  const [whole, frac] = value.toFixed(decimals).split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? withCommas : `${withCommas}.${frac}`;
};
const quoteIfGrouped = (s) => (s.includes(',') ? `"${s}"` : s);

// A time of day inside working hours on a day of the quarter.
function workingTime(rnd, dayMs) {
  return dayMs + (rnd.int(8, 18) * 60 + rnd.int(0, 59)) * 60000;
}

// Next stage date: `minDays`..`maxDays` after `fromMs`, or null when it would leave the quarter.
function laterStage(rnd, fromMs, minDays, maxDays) {
  const day = Math.floor(fromMs / DAY_MS) * DAY_MS + rnd.int(minDays, maxDays) * DAY_MS;
  const at = workingTime(rnd, day);
  return at > PERIOD_END ? null : at;
}

function generateContacts(rnd, count) {
  const contacts = [];
  for (let i = 0; i < count; i += 1) {
    const source = rnd.weighted(SOURCES);
    const created = workingTime(rnd, PERIOD_START + rnd.int(0, 89) * DAY_MS);
    const stages = { lead: null, mql: null, sql: null, customer: null };
    if (rnd.chance(0.85)) {
      stages.lead = created;
      if (rnd.chance(0.55)) stages.mql = laterStage(rnd, stages.lead, 1, 10);
      if (stages.mql && rnd.chance(0.6)) stages.sql = laterStage(rnd, stages.mql, 2, 14);
      if (stages.sql && rnd.chance(0.6)) stages.customer = laterStage(rnd, stages.sql, 3, 20);
    }
    const first = rnd.pick(FIRST_NAMES);
    const last = rnd.pick(LAST_NAMES);
    contacts.push({
      created, source, stages, first, last, company: rnd.pick(COMPANIES),
      drillDown: rnd.pick(source.drillDown),
    });
  }
  contacts.sort((a, b) => a.created - b.created);
  contacts.forEach((c, i) => {
    c.id = String(51001 + i * 3);
    const local = `${c.first}.${c.last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();
    c.email = `${local}${i + 1}@example.com`;
  });
  return contacts;
}

function lifecycleLabel(stages) {
  if (stages.customer) return 'Customer';
  if (stages.sql) return 'Sales Qualified Lead';
  if (stages.mql) return 'Marketing Qualified Lead';
  if (stages.lead) return 'Lead';
  return 'Subscriber';
}

function hubspotContactsCsv(contacts) {
  const header = ['Record ID', 'First Name', 'Last Name', 'Email', 'Create Date', 'Lifecycle Stage',
    'Original Source', 'Original Source Drill-Down 1', 'Became a Lead Date',
    'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date',
    'Became a Customer Date'];
  const when = (ms) => (ms ? hubspotDateTime(ms) : '');
  const rows = contacts.map((c) => csvQuoteAll([c.id, c.first, c.last, c.email,
    hubspotDateTime(c.created), lifecycleLabel(c.stages), c.source.label, c.drillDown,
    when(c.stages.lead), when(c.stages.mql), when(c.stages.sql), when(c.stages.customer)]));
  return [csvQuoteAll(header), ...rows].join('\n') + '\n';
}

function hubspotDealsCsv(rnd, contacts) {
  const header = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date',
    'Pipeline', 'Associated Contact IDs'];
  const deals = [];
  const amount = () => (rnd.int(150000, 1200000) / 100).toFixed(2);
  for (const c of contacts.filter((x) => x.stages.sql)) {
    const created = c.stages.sql;
    if (c.stages.customer) {
      deals.push({ name: `${c.company} – abonnement annuel`, stage: 'Closed Won', amount: amount(),
        close: c.stages.customer, created, contact: c.id });
      // A few customers buy again (upsell): the second won deal makes them "promoters".
      const again = rnd.chance(0.4) ? laterStage(rnd, c.stages.customer, 5, 30) : null;
      if (again) {
        deals.push({ name: `${c.company} – module CLV`, stage: 'Closed Won', amount: amount(),
          close: again, created: c.stages.customer, contact: c.id });
      }
    } else {
      const lost = rnd.chance(0.5);
      const close = laterStage(rnd, created, 5, 25) ?? PERIOD_END - 5 * 3600000;
      deals.push({ name: `${c.company} – abonnement annuel`,
        stage: lost ? 'Closed Lost' : rnd.pick(['Presentation Scheduled', 'Contract Sent']),
        amount: amount(), close, created, contact: c.id });
    }
  }
  deals.sort((a, b) => a.created - b.created);
  const rows = deals.map((d, i) => csvQuoteAll([String(80001 + i * 2), d.name, d.stage, d.amount,
    hubspotDateTime(d.close), hubspotDateTime(d.created), 'Sales Pipeline', d.contact]));
  return [csvQuoteAll(header), ...rows].join('\n') + '\n';
}

function ga4TrafficCsv(rnd) {
  const lines = [
    '# ----------------------------------------',
    '# Traffic acquisition: Session primary channel group (Default Channel Group)',
    '# Account: Example SAS',
    '# Property: www.example.com',
    '# ----------------------------------------',
    '# ',
    '# All Users',
    '# Start date: 20250101',
    '# End date: 20250331',
    'Date,Session primary channel group (Default Channel Group),Sessions,Engaged sessions,' +
      'Total users,New users,Key events,Total revenue',
  ];
  for (let day = PERIOD_START; day <= PERIOD_END; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    const weekendFactor = weekday === 0 || weekday === 6 ? 0.6 : 1;
    for (const s of SOURCES) {
      const users = Math.max(1, Math.round(s.usersPerDay * weekendFactor * (0.7 + rnd.next() * 0.6)));
      const sessions = users + Math.round(users * (0.15 + rnd.next() * 0.3));
      const engaged = Math.round(sessions * (0.5 + rnd.next() * 0.3));
      const newUsers = Math.round(users * (0.65 + rnd.next() * 0.25));
      const keyEvents = rnd.chance(0.35) ? rnd.int(1, 3) : 0;
      lines.push([isoDay(day).replaceAll('-', ''), s.channel, sessions, engaged, users, newUsers,
        keyEvents, 0].join(','));
    }
  }
  return lines.join('\n') + '\n';
}

const GOOGLE_ADS_CAMPAIGNS = [
  { name: 'Brand - Search FR', type: 'Search', cpc: 0.85, clicksPerMonth: 420, ctr: 0.11 },
  { name: 'Generic - ROI software', type: 'Search', cpc: 2.4, clicksPerMonth: 260, ctr: 0.035 },
  { name: 'PMax - Prospecting', type: 'Performance Max', cpc: 0.6, clicksPerMonth: 380, ctr: 0.012 },
  { name: 'Remarketing - Display', type: 'Display', cpc: 0.35, clicksPerMonth: 300, ctr: 0.004 },
];

function googleAdsCsv(rnd, month) {
  const header = 'Campaign status,Campaign,Campaign type,Impr.,CTR,Currency code,Cost,Clicks,' +
    'Conv. rate,Conversions,Avg. CPC';
  const rows = [];
  const totals = new Map();
  const add = (key, impr, cost, clicks, conv) => {
    const t = totals.get(key) ?? { impr: 0, cost: 0, clicks: 0, conv: 0 };
    totals.set(key, { impr: t.impr + impr, cost: t.cost + cost, clicks: t.clicks + clicks,
      conv: t.conv + conv });
  };
  const row = (label, type, t) => {
    const ctr = t.impr ? `${(100 * t.clicks / t.impr).toFixed(2)}%` : ' --';
    const convRate = t.clicks ? `${(100 * t.conv / t.clicks).toFixed(2)}%` : ' --';
    const cpc = t.clicks ? (t.cost / t.clicks).toFixed(2) : ' --';
    return [label, type, quoteIfGrouped(grouped(t.impr)), ctr, 'EUR', t.cost.toFixed(2),
      quoteIfGrouped(grouped(t.clicks)), convRate, quoteIfGrouped(grouped(t.conv, 2)), cpc];
  };
  for (const c of GOOGLE_ADS_CAMPAIGNS) {
    const clicks = Math.round(c.clicksPerMonth * (0.8 + rnd.next() * 0.4) * month.days / 30);
    const impr = Math.round(clicks / c.ctr);
    const cost = Math.round(clicks * c.cpc * (0.9 + rnd.next() * 0.2) * 100) / 100;
    const conv = Math.round(clicks * (0.01 + rnd.next() * 0.03) * 100) / 100;
    add(c.type, impr, cost, clicks, conv);
    add('all', impr, cost, clicks, conv);
    rows.push(['Enabled', c.name, ...row(c.type, c.type, { impr, cost, clicks, conv }).slice(1)]
      .join(','));
  }
  // A paused campaign: no impressions, so rates are " --" as in real exports.
  rows.push(['Paused', 'Competitor - Search', 'Search', '0', ' --', 'EUR', '0.00', '0', ' --',
    '0.00', ' --'].join(','));
  const all = totals.get('all');
  const footer = [
    ['Total: Campaigns', ' --', ...row('', '', all).slice(2)].join(','),
    ['Total: Account', '', ...row('', '', all).slice(2)].join(','),
    ...['Search', 'Performance Max', 'Display'].map((type) =>
      [`Total: ${type}`, type, ...row('', '', totals.get(type)).slice(2)].join(',')),
  ];
  const range = `"${month.name} 1, 2025 - ${month.name} ${month.days}, 2025"`;
  return ['Campaign report', range, header, ...rows, ...footer].join('\n') + '\n';
}

const MAILCHIMP_HEADER = ['Title', 'Subject', 'List', 'Send Date', 'Send Weekday',
  'Total Recipients', 'Successful Deliveries', 'Soft Bounces', 'Hard Bounces', 'Total Bounces',
  'Times Forwarded', 'Forwarded Opens', 'Unique Opens', 'Open Rate', 'Total Opens',
  'Unique Clicks', 'Click Rate', 'Total Clicks', 'Unsubscribes', 'Abuse Complaints',
  'Times Liked on Facebook', 'Folder Id', 'Unique Id', 'Total Orders', 'Total Gross Sales',
  'Total Revenue', 'Analytics ROI', 'Campaign Cost', 'Revenue Created', 'Visits', 'New Visits',
  'Pages/Visit', 'Bounce Rate', 'Time on Site', 'Goal Conversion Rate', 'Per Visit Goal Value',
  'Transactions', 'Ecommerce Conversion Rate', 'Per Visit Value', 'Average Value'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function mailchimpCsv(rnd) {
  const sends = [
    { title: 'Newsletter janvier', subject: 'Vos KPI marketing de janvier', month: 0, day: 14 },
    { title: 'Webinar ROI', subject: 'Webinar : mesurer le ROI de vos campagnes', month: 0, day: 28 },
    { title: 'Newsletter février', subject: 'Février : le CAC expliqué simplement', month: 1, day: 11 },
    { title: 'Guide CLV', subject: 'Téléchargez le guide de la valeur client', month: 1, day: 25 },
    { title: 'Newsletter mars', subject: 'Mars : 5 tableaux de bord à copier', month: 2, day: 11 },
    { title: 'Offre printemps', subject: '-20 % sur l’abonnement annuel', month: 2, day: 25 },
  ];
  const percent = (num, den) => `${(100 * num / den).toFixed(2)}%`;
  const rows = sends.map((s, i) => {
    const sendMs = Date.UTC(2025, s.month, s.day, 9 + (i % 3), 15 + i * 5);
    const d = new Date(sendMs);
    const hour12 = ((d.getUTCHours() + 11) % 12) + 1;
    const ampm = d.getUTCHours() < 12 ? 'am' : 'pm';
    const sendDate = `${MONTHS[s.month].short} ${pad(d.getUTCDate())}, 2025 ` +
      `${pad(hour12)}:${pad(d.getUTCMinutes())} ${ampm}`;
    const recipients = 1180 + i * 35 + rnd.int(0, 30);
    const soft = rnd.int(2, 9);
    const hard = rnd.int(0, 4);
    const delivered = recipients - soft - hard;
    const opens = Math.round(delivered * (0.24 + rnd.next() * 0.12));
    const clicks = Math.round(opens * (0.08 + rnd.next() * 0.1));
    const totalOpens = opens + rnd.int(40, 160);
    const totalClicks = clicks + rnd.int(5, 40);
    const uniqueId = (0x1a2b3c4d5e + i * 7919).toString(16).slice(0, 10);
    return csvMinimal([s.title, s.subject, 'Clients et prospects', sendDate,
      WEEKDAYS[d.getUTCDay()], recipients, delivered, soft, hard, soft + hard, rnd.int(0, 5), 0,
      opens, percent(opens, delivered), totalOpens, clicks, percent(clicks, delivered),
      totalClicks, rnd.int(1, 8), rnd.int(0, 1), 0, 0, uniqueId, 0, 0, 0,
      'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a',
      'n/a']);
  });
  return [csvMinimal(MAILCHIMP_HEADER), ...rows].join('\n') + '\n';
}

// Generates every file; returns [{name, tool, content, description}] without touching the disk.
export function generateSamples({ seed = 42, contacts = 60 } = {}) {
  const rnd = makeRandom(seed);
  const people = generateContacts(rnd, contacts);
  const files = [
    { name: 'hubspot-crm-exports-all-contacts-2025-04-01.csv', tool: 'hubspot',
      content: hubspotContactsCsv(people),
      description: { en: 'HubSpot contacts with lifecycle-stage dates',
        fr: 'Contacts HubSpot avec les dates des phases du cycle de vie' } },
    { name: 'hubspot-crm-exports-all-deals-2025-04-01.csv', tool: 'hubspot',
      content: hubspotDealsCsv(rnd, people),
      description: { en: 'HubSpot deals (won, lost, open)',
        fr: 'Transactions HubSpot (gagnées, perdues, en cours)' } },
    { name: 'Traffic_acquisition_Session_primary_channel_group_(Default_Channel_Group).csv',
      tool: 'ga4', content: ga4TrafficCsv(rnd),
      description: { en: 'GA4 traffic acquisition by day and channel',
        fr: 'Acquisition de trafic GA4 par jour et par canal' } },
    ...MONTHS.map((m) => ({
      name: `Campaign_report_2025-${pad(m.index + 1)}.csv`, tool: 'google_ads',
      content: googleAdsCsv(rnd, m),
      description: { en: `Google Ads campaign costs, ${m.name} 2025`,
        fr: `Coûts des campagnes Google Ads, ${['janvier', 'février', 'mars'][m.index]} 2025` },
    })),
    { name: 'mailchimp-reports-export-2025-q1.csv', tool: 'mailchimp', content: mailchimpCsv(rnd),
      description: { en: 'Mailchimp campaign reports', fr: 'Rapports de campagnes Mailchimp' } },
  ];
  return files;
}

export function manifestFor(files, seed, contacts) {
  return JSON.stringify({
    generator: 'scripts/generate-samples.mjs',
    seed,
    contacts,
    files: files.map(({ name, tool, description }) => ({ name, tool, description })),
  }, null, 2) + '\n';
}

function parseArgs(argv) {
  const options = { seed: 42, out: 'web/samples', contacts: 60 };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--seed') options.seed = Number.parseInt(value, 10);
    else if (flag === '--out') options.out = value;
    else if (flag === '--contacts') options.contacts = Number.parseInt(value, 10);
    else throw new Error(`unknown option ${flag}`);
    i += 1;
  }
  if (!Number.isInteger(options.seed)) throw new Error('--seed needs an integer');
  if (!Number.isInteger(options.contacts) || options.contacts < 1) {
    throw new Error('--contacts needs a positive integer');
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { seed, out, contacts } = parseArgs(process.argv.slice(2));
  const files = generateSamples({ seed, contacts });
  mkdirSync(out, { recursive: true });
  for (const f of files) writeFileSync(join(out, f.name), f.content);
  writeFileSync(join(out, 'manifest.json'), manifestFor(files, seed, contacts));
  console.log(`wrote ${files.length} files and manifest.json to ${out} (seed ${seed})`);
}
