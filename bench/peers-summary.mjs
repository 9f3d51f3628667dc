#!/usr/bin/env node
// The summary on top of build/bench/peers.md (scripts/bench-peers.sh): roilens's time and memory
// as ratios to the peers of the same run of the shared harness, and where its rows differ from
// the reference peer's (JOB.md definitions), column by column.
//
//   node bench/peers-summary.mjs RUN.json LATEST.md "COMMAND" COMMIT > build/bench/peers.md
//
// RUN.json is the harness's results/run-<stamp>.json (or build/bench/peers.json); the
// rows-<scale>-<peer>.json files are read from its folder or from peer-rows/ beside it.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [runFile, latestFile, command = 'bash scripts/bench-peers.sh', commit = '?'] = process.argv.slice(2);
if (!runFile || !latestFile) {
  console.error('usage: node bench/peers-summary.mjs RUN.json LATEST.md [COMMAND] [COMMIT]');
  process.exit(2);
}
const run = JSON.parse(readFileSync(runFile, 'utf8'));
const latest = readFileSync(latestFile, 'utf8');
const resultsDir = path.dirname(runFile);

// Targets of issue 9 ("Done when"), as ratios within one run.
const TARGETS = { duckdb: 1 / 3, papaparse: 1 / 10, memoryOverInput: 1.25 };
const COUNTS = ['visitors', 'leads', 'mqls', 'sqls', 'customers', 'paying_customers', 'repeat_customers'];
const SUMS = ['cost', 'revenue'];
const RATIOS = ['cr_visit_lead', 'cr_lead_mql', 'cr_mql_sql', 'cr_sql_customer', 'revenue_per_lead',
  'revenue_per_customer', 'cac', 'promoter_rate', 'clv'];
const RTOL = 1e-9; // JOB.md's tolerance for non-count numbers

const fmt = (x, digits = 0) => (x === null || x === undefined || !Number.isFinite(x) ? '–'
  : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const ratio = (a, b) => (a && b ? a / b : null);
const cell = (peer, scale) => run.summary.find((r) => r.peer === peer && r.scale === scale);

// roilens and its variants (the harness's peers/_roilens-mapped.js): every peer named roilens*.
const roilensPeers = [...new Set(run.summary.map((r) => r.peer))].filter((p) => /^_?roilens/.test(p));

function timeTable() {
  const head = ['peer', 'contacts', 'input MB', 'peer ms', 'DuckDB-WASM ms', 'PapaParse + JS ms', 'floor ms',
    `peer / DuckDB (target ≤ ${fmt(TARGETS.duckdb, 2)})`, `peer / PapaParse (target ≤ ${fmt(TARGETS.papaparse, 2)})`,
    '× floor', 'peak RSS Δ MB', `memory / input (target ≤ ${TARGETS.memoryOverInput})`,
    'DuckDB peak RSS Δ MB', 'verify'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' ---: ').join('|')}|`];
  const scales = Object.keys(run.inputBytes);
  for (const peer of roilensPeers) for (const scale of scales) {
    const r = cell(peer, scale) ?? {};
    const d = cell('duckdb', scale) ?? {};
    const p = cell('papaparse', scale) ?? {};
    const floor = run.summary.find((x) => x.scale === scale && x.peer.startsWith('floor: decode'));
    const mb = run.inputBytes[scale] / 1e6;
    const failed = r.n === 0 && r.fails?.length ? ` (${r.fails[0]})` : '';
    lines.push(`| ${[peer, scale, fmt(mb, 1), fmt(r.ms) + failed, fmt(d.ms), fmt(p.ms), fmt(floor?.ms, 1),
      fmt(ratio(r.ms, d.ms), 2), fmt(ratio(r.ms, p.ms), 2), fmt(r.ratio, 1), fmt(r.rssPeak),
      fmt(r.rssPeak != null ? r.rssPeak / mb : null, 2), fmt(d.rssPeak), r.verify ?? '–'].join(' | ')} |`);
  }
  return lines.join('\n');
}

/** A peer's rows beside the run file (the harness's results/) or in peer-rows/ (build/bench/). */
function readRows(scale, peer) {
  const name = `rows-${scale}-${peer}.json`;
  const file = [path.join(resultsDir, name), path.join(resultsDir, 'peer-rows', name)].find(existsSync);
  return file ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** Column by column: how many (channel, month) rows differ, and the column's total on each side. */
function differences(scale, reference, peer) {
  const ref = readRows(scale, reference);
  const got = readRows(scale, peer);
  if (!ref || !got) return null;
  const key = (r) => `${r.channel}\u0000${r.month}`;
  const refBy = new Map(ref.map((r) => [key(r), r]));
  const gotBy = new Map(got.map((r) => [key(r), r]));
  const onlyRef = ref.filter((r) => !gotBy.has(key(r)));
  const onlyGot = got.filter((r) => !refBy.has(key(r)));
  const both = ref.filter((r) => gotBy.has(key(r)));
  const same = (k, x, y) => {
    if (x === null || y === null) return x === y;
    if (COUNTS.includes(k)) return x === y;
    return Math.abs(x - y) <= RTOL * Math.max(1, Math.abs(x), Math.abs(y));
  };
  const columns = [...COUNTS, ...SUMS, ...RATIOS].map((k) => {
    const diff = both.filter((r) => !same(k, r[k], gotBy.get(key(r))[k]));
    const total = (rows) => rows.reduce((a, r) => a + (r[k] ?? 0), 0);
    const example = diff[0] ? `${diff[0].channel} ${diff[0].month}: ${fmt(gotBy.get(key(diff[0]))[k], 4)} vs ${fmt(diff[0][k], 4)}` : '';
    return { k, rows: diff.length, refTotal: total(ref), gotTotal: total(got), example };
  });
  const perChannel = (rows) => [...new Set(rows.map((r) => r.channel))].sort().join(', ');
  return { ref, got, both, onlyRef, onlyGot, columns, perChannel };
}

function differencesSection(reference) {
  const out = [];
  for (const peer of roilensPeers) for (const scale of Object.keys(run.inputBytes)) {
    const d = differences(scale, reference, peer);
    if (!d) continue;
    out.push(`### ${scale}: ${peer} rows vs ${reference} (JOB.md definitions)`, '',
      `${d.got.length} ${peer} rows, ${d.ref.length} reference rows, ${d.both.length} (channel, month) in both; ` +
      `${d.onlyRef.length} only in the reference${d.onlyRef.length ? ` (channels ${d.perChannel(d.onlyRef)})` : ''}, ` +
      `${d.onlyGot.length} only in ${peer}${d.onlyGot.length ? ` (channels ${d.perChannel(d.onlyGot)})` : ''}.`, '',
      `| column | rows that differ | ${peer} total | reference total | first difference (${peer} vs reference) |`,
      '| --- | ---: | ---: | ---: | --- |',
      ...d.columns.map((c) => `| ${c.k} | ${c.rows} | ${RATIOS.includes(c.k) ? '' : fmt(c.gotTotal, 2)} | ` +
        `${RATIOS.includes(c.k) ? '' : fmt(c.refTotal, 2)} | ${c.example} |`), '');
  }
  return out.join('\n');
}

const when = run.env?.date ?? new Date().toISOString();
process.stdout.write([
  `# roilens beside its peers — ${when}`, '',
  `Commit ${commit}; \`${command.trim()}\`; load average when summarised ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} ` +
    `on ${run.env?.cpu ?? '?'}. Cold runs, median of ${run.args?.runs ?? '?'} (each in a fresh browser).`, '',
  timeTable(), '',
  'Ratios are between peers of this one run (same machine, same moment). memory / input = the renderer\'s peak RSS',
  'growth during the timed run (MB) over the four files\' size (MB). "verify" = every run\'s rows equal the reference',
  'peer\'s under JOB.md\'s rules; the differences are detailed below.', '',
  differencesSection(run.reference ?? 'papaparse'),
  '---', '', '## The harness\'s own report (results/latest.md)', '',
  latest.replace(/^# /m, '### '),
].join('\n'));
