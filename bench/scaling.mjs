#!/usr/bin/env node
// Ingest + report scaling benchmark: the four generated exports (bench/gen-exports.mjs) at
// 1k, 10k, 100k and 1M contacts, through the native Release CLI and through the wasm module in
// Node, on the same command lines:
//   inspect  <contacts deals sessions costs>                              (ingest alone)
//   report   <contacts deals sessions costs> --by channel --grain month   (ingest + report)
// Every run is a fresh process. Time is wall-clock around the process (native) or around reading
// the files + runCli + writing the output (wasm, bench/wasm-cli-run.mjs). Memory: native peak
// RSS (`/usr/bin/time -v`, "Maximum resident set size"); wasm: the process's peak RSS growth
// during the command (VmHWM after /proc/self/clear_refs) and the wasm heap's final size.
// Median of N runs. No assertion on time: the numbers are read as ratios within one run.
//
//   node bench/scaling.mjs                                  # 1k,10k,100k,1m; 3 runs (1 at >= 1M)
//   node bench/scaling.mjs --scales 1k,10k --runs 5 --modes native
//   bash scripts/bench.sh scaling [same options]            # builds what it needs first
//
// Writes build/bench/scaling.json (every run) and build/bench/scaling.md (the table).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, generateExports, parseCount } from './gen-exports.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const FILES = ['contacts.csv', 'deals.csv', 'sessions.csv', 'costs.csv'];
const COMMANDS = {
  inspect: (files) => ['inspect', ...files, '--format', 'json'],
  report: (files) => ['report', ...files, '--by', 'channel', '--grain', 'month', '--format', 'json'],
};
const LARGE = 1_000_000; // from this many contacts on, --large-runs applies

const USAGE = `usage: node bench/scaling.mjs [options]
  --scales LIST      contacts per data set (default 1k,10k,100k,1m)
  --runs N           runs per cell, median reported (default 3)
  --large-runs N     runs per cell at >= 1M contacts (default 1)
  --modes LIST       native,wasm (default both)
  --commands LIST    inspect,report (default both)
  --seed N           generator seed (default 1)
  --data DIR         where the data sets live / are generated (default build/bench/data)
  --cli FILE         the native CLI (default build/bench/roilens, a Release build)
  --timeout S        seconds before a run is killed and recorded as failed (default 900)
  --out FILE         JSON results (default build/bench/scaling.json); the table goes beside it (.md)`;

function parseArguments(argv) {
  const o = {
    scales: ['1k', '10k', '100k', '1m'], runs: 3, largeRuns: 1, modes: ['native', 'wasm'],
    commands: ['inspect', 'report'], seed: 1, data: path.join(root, 'build', 'bench', 'data'),
    cli: path.join(root, 'build', 'bench', 'roilens'), timeout: 900,
    out: path.join(root, 'build', 'bench', 'scaling.json'),
  };
  const list = (text, allowed, name) => {
    const items = text.split(',').filter(Boolean);
    for (const item of items) if (allowed && !allowed.includes(item)) throw new Error(`${name}: unknown "${item}" (expected ${allowed.join(', ')})`);
    return items;
  };
  const count = (text, name) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a positive integer, not "${text}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
      return argv[++i];
    };
    switch (name) {
      case '--scales': o.scales = list(value()); o.scales.forEach(parseCount); break;
      case '--runs': o.runs = count(value(), name); break;
      case '--large-runs': o.largeRuns = count(value(), name); break;
      case '--modes': o.modes = list(value(), ['native', 'wasm'], name); break;
      case '--commands': o.commands = list(value(), Object.keys(COMMANDS), name); break;
      case '--seed': o.seed = count(value(), name); break;
      case '--data': o.data = path.resolve(value()); break;
      case '--cli': o.cli = path.resolve(value()); break;
      case '--timeout': o.timeout = count(value(), name); break;
      case '--out': o.out = path.resolve(value()); break;
      case '--help': case '-h': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown option ${name}\n${USAGE}`);
    }
  }
  return o;
}

// ------------------------------------------------------------------------------------------

/** The data set of one scale, generated when absent or made with another seed or generator. */
function dataSet(options, scale) {
  const dir = path.join(options.data, scale.toLowerCase());
  let manifest = null;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  } catch {
    // not generated yet
  }
  const complete = manifest && FILES.every((f) => existsSync(path.join(dir, f)));
  if (!complete || manifest.seed !== options.seed || manifest.contacts !== parseCount(scale) ||
    manifest.generator_version !== GENERATOR_VERSION) {
    console.log(`[${scale}] generating ${path.relative(process.cwd(), dir)} (seed ${options.seed}) ...`);
    manifest = generateExports({ contacts: scale, seed: options.seed, outDir: dir });
  }
  return { scale, dir, manifest, files: FILES.map((f) => path.join(dir, f)) };
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const firstLine = (text) => String(text ?? '').trim().split('\n')[0].slice(0, 300);

function runNative(options, args, stdoutFile) {
  const out = openSync(stdoutFile, 'w'); // the report goes to a file, as a user's would
  const start = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-v', options.cli, ...args], {
    stdio: ['ignore', out, 'pipe'], maxBuffer: 1 << 26, timeout: options.timeout * 1000, killSignal: 'SIGKILL',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(out);
  const stderr = child.stderr?.toString() ?? '';
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const timing = stderr.indexOf('\tCommand being timed:');
  const cliStderr = timing >= 0 ? stderr.slice(0, timing) : stderr;
  const run = { ok: child.status === 0, ms, peak_bytes: peak ? Number(peak[1]) * 1024 : null };
  if (!run.ok) run.error = child.error ? `${child.error.code ?? child.error.message}` : `exit ${child.status ?? child.signal}: ${firstLine(cliStderr)}`;
  return run;
}

function runWasm(options, args, stdoutFile) {
  const child = spawnSync(process.execPath, ['--expose-gc', path.join(here, 'wasm-cli-run.mjs'),
    '--stdout', stdoutFile, '--', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26, timeout: options.timeout * 1000, killSignal: 'SIGKILL',
  });
  let m = null;
  try {
    m = JSON.parse(child.stdout.toString().trim().split('\n').pop());
  } catch {
    return { ok: false, error: child.error ? String(child.error.code ?? child.error.message) : `no measurement (exit ${child.status ?? child.signal}): ${firstLine(child.stderr)}` };
  }
  if (m.error) return { ok: false, error: m.error };
  const run = {
    ok: m.ok, ms: m.ms, init_ms: m.init_ms,
    peak_bytes: m.rss_peak_bytes - m.rss_before_bytes, // growth during the command, see wasm-cli-run.mjs
    wasm_heap_bytes: m.wasm_heap_bytes, wasm_heap_before_bytes: m.wasm_heap_before_bytes,
    heap_in_use_bytes: m.heap_in_use_bytes,
    rss_before_bytes: m.rss_before_bytes, rss_after_bytes: m.rss_after_bytes, peak_reset: m.peak_reset,
  };
  if (!run.ok) run.error = `exit ${m.exit_code}: ${firstLine(m.stderr)}`;
  return run;
}

const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Totals a report gives for the whole data set (the sum over periods of the unsliced values),
 * beside what the generator drew. A difference is a finding about reading these files, not a
 * benchmark failure: it is printed and kept in the JSON.
 */
function reportTotals(reportFile, truth) {
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch (e) {
    return { error: `report output is not JSON: ${e.message}` };
  }
  const sums = {};
  for (const v of report.values ?? []) {
    if (Object.keys(v.dimensions ?? {}).length !== 0) continue;
    const part = v.kpi === 'cac' ? v.numerator : v.value; // cost is cac's numerator
    if (part == null) continue;
    const key = v.kpi === 'cac' ? 'cost' : v.kpi;
    sums[key] = (sums[key] ?? 0) + part;
  }
  const pairs = [['leads', 'leads', 1], ['mqls', 'mqls', 1], ['sqls', 'sqls', 1], ['customers', 'customers', 1],
    ['visitors', 'sessions', 1], ['revenue', 'won_revenue_cents', 100], ['cost', 'cost_cents', 100]];
  const rows = pairs.map(([kpi, field, scale]) => {
    const expected = truth[field] / scale;
    const got = sums[kpi] ?? null;
    const same = got !== null && Math.abs(got - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
    return { kpi, roilens: got, generator: expected, same };
  });
  return { rows, visitors_basis: report.visitors_basis ?? null };
}

// ------------------------------------------------------------------------------------------
// Output

const fmt = (x, digits = 0) => (x === null || x === undefined || Number.isNaN(x) ? '–'
  : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const mb = (bytes) => (bytes == null ? null : bytes / 1e6);

function markdown(results, meta) {
  const head = ['contacts', 'input MB', 'command', 'runtime', 'median ms', 'MB/s', 'peak memory MB',
    'memory / input', 'wasm heap MB', 'wasm / native time', 'runs ok'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 2 || i === 3 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const cell of results) {
    const native = results.find((c) => c.scale === cell.scale && c.command === cell.command && c.mode === 'native');
    const ratio = cell.mode === 'wasm' && native?.median_ms && cell.median_ms ? cell.median_ms / native.median_ms : null;
    const ok = cell.runs.filter((r) => r.ok).length;
    const failure = cell.runs.find((r) => !r.ok);
    lines.push(`| ${[cell.scale, fmt(mb(cell.input_bytes), 1), cell.command, cell.mode === 'native' ? 'native' : 'wasm (Node)',
      fmt(cell.median_ms, cell.median_ms !== null && cell.median_ms < 100 ? 1 : 0),
      cell.median_ms ? fmt(mb(cell.input_bytes) / (cell.median_ms / 1000), 1) : '–',
      fmt(mb(cell.median_peak_bytes), 0),
      cell.median_peak_bytes ? `${fmt(cell.median_peak_bytes / cell.input_bytes, 2)}×` : '–',
      cell.mode === 'wasm' ? fmt(mb(cell.median_wasm_heap_bytes), 0) : '',
      ratio ? `${fmt(ratio, 2)}×` : '',
      `${ok}/${cell.runs.length}${failure ? `: ${failure.error}` : ''}`].join(' | ')} |`);
  }
  const checks = results.filter((c) => c.totals?.rows?.some((r) => !r.same));
  return [
    `Scaling run ${meta.date} · commit ${meta.commit} · ${meta.cpu} · load average ${meta.load_before} → ${meta.load_after}`,
    `\`${meta.command}\``,
    '',
    ...lines,
    '',
    'Time: median of the runs, each a fresh process; native = the Release CLI, wall clock; wasm = the module in Node,',
    'reading the files + runCli + writing the output (instantiation excluded). MB = 10^6 bytes of CSV (all four files).',
    'Peak memory: native = maximum RSS of the process (`/usr/bin/time -v`); wasm = the Node process\'s peak RSS growth',
    'during the command (VmHWM after clear_refs minus VmRSS before: touched wasm heap + file buffers + output).',
    'wasm heap = the module\'s memory.buffer.byteLength at the end (it only grows; 4 GiB is the ceiling).',
    ...(checks.length ? ['', 'Report totals that differ from what the generator drew (see scaling.json "totals"):',
      ...checks.map((c) => `- ${c.scale} ${c.mode}: ${c.totals.rows.filter((r) => !r.same)
        .map((r) => `${r.kpi} ${fmt(r.roilens, 2)} vs ${fmt(r.generator, 2)}`).join('; ')}`)] : []),
  ].join('\n') + '\n';
}

function gitCommit() {
  const r = spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  const dirty = spawnSync('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'bindings'], { encoding: 'utf8' });
  return (r.stdout || '?').trim() + (dirty.stdout?.trim() ? '+dirty' : '');
}

// ------------------------------------------------------------------------------------------

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.modes.includes('native')) {
    if (!existsSync(options.cli)) throw new Error(`no native CLI at ${options.cli}: run \`bash scripts/bench.sh scaling\` (builds it) or pass --cli`);
    if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing (Debian package "time")');
  }
  if (options.modes.includes('wasm') && !existsSync(path.join(root, 'web', 'wasm', 'roilens.mjs'))) {
    throw new Error('no wasm build at web/wasm/roilens.mjs: run `bash scripts/build.sh wasm`');
  }
  mkdirSync(path.dirname(options.out), { recursive: true });
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'roilens-scaling-'));
  const meta = {
    date: new Date().toISOString(), commit: gitCommit(), node: process.version,
    cpu: `${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}`, mem_gib: +(os.totalmem() / 2 ** 30).toFixed(1),
    load_before: os.loadavg().map((x) => x.toFixed(1)).join(' '),
    command: `node bench/scaling.mjs ${process.argv.slice(2).join(' ')}`.trim(), options: { ...options },
  };
  const results = [];
  try {
    for (const scale of options.scales) {
      const data = dataSet(options, scale);
      const runs = parseCount(scale) >= LARGE ? options.largeRuns : options.runs;
      for (const command of options.commands) {
        const outputs = {};
        for (const mode of options.modes) {
          const cell = { scale, command, mode, input_bytes: data.manifest.total_bytes, args: COMMANDS[command](data.files), runs: [] };
          for (let i = 0; i < runs; i++) {
            const stdoutFile = path.join(scratch, `${scale}-${command}-${mode}.out`);
            const run = (mode === 'native' ? runNative : runWasm)(options, cell.args, stdoutFile);
            if (run.ok && i === 0) {
              outputs[mode] = sha256(stdoutFile);
              if (command === 'report') cell.totals = reportTotals(stdoutFile, data.manifest.truth);
            }
            rmSync(stdoutFile, { force: true });
            cell.runs.push(run);
            console.log(`[${scale}] ${command} ${mode} run ${i + 1}/${runs}: ` + (run.ok
              ? `${fmt(run.ms, 1)} ms, peak ${fmt(mb(run.peak_bytes), 0)} MB` +
                (run.wasm_heap_bytes ? `, wasm heap ${fmt(mb(run.wasm_heap_bytes), 0)} MB` : '')
              : `FAILED ${run.error}`));
          }
          const ok = cell.runs.filter((r) => r.ok);
          cell.median_ms = median(ok.map((r) => r.ms));
          cell.median_peak_bytes = median(ok.map((r) => r.peak_bytes).filter((x) => x != null));
          if (mode === 'wasm') cell.median_wasm_heap_bytes = median(ok.map((r) => r.wasm_heap_bytes).filter((x) => x != null));
          for (const r of cell.totals?.rows ?? []) {
            if (!r.same) console.log(`[${scale}] ${mode} report total ${r.kpi}: roilens ${r.roilens} vs generator ${r.generator}`);
          }
          results.push(cell);
        }
        if (outputs.native && outputs.wasm) {
          const same = outputs.native === outputs.wasm;
          for (const cell of results.filter((c) => c.scale === scale && c.command === command)) cell.native_wasm_same_output = same;
          if (!same) console.log(`[${scale}] ${command}: native and wasm outputs DIFFER`);
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  meta.load_after = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  const md = markdown(results, meta);
  writeFileSync(options.out, JSON.stringify({ meta, results }, null, 1) + '\n');
  const mdFile = options.out.replace(/\.json$/, '') + '.md';
  writeFileSync(mdFile, md);
  console.log(`\n${md}\nwritten: ${path.relative(process.cwd(), options.out)}, ${path.relative(process.cwd(), mdFile)}`);
  if (results.some((c) => c.runs.some((r) => !r.ok))) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`scaling: ${e.message}`);
  process.exit(2);
});
