#!/usr/bin/env node
// Benchmark (a command, never a test: nothing here fails on a number). Builds the app, serves it, and
// drives headless Chromium through the real UI with seeded spreadsheets of Brazilian clients (16
// columns, ~2% invalid). For each file: the time of each phase, rows/s, the peak memory of every
// browser process (and the idle floor: the app open, no file yet), the longest main-thread task from
// upload to done, and — in the same run, the same Chromium — the baseline: SheetJS's dense parse of the
// same file plus one Dexie bulkAdd of the same records into the app's schema, in a worker
// (scripts/bench/baseline*.ts), with its own peak memory. Then the Clientes screen over the largest
// store. Prints a table (scripts/bench/report.mjs) and writes bench-report.json.
//   npm run bench                    # 10k and 100k XLSX, 100k CSV, the register with 100k clients
//   npm run bench -- --large         # and a 1,000,000-row CSV
//   npm run bench -- --rows 2000     # smaller files (a quick check that the bench works): N/10, N, N
//   npm run bench -- --quick         # same as --rows 2000
//   npm run bench -- --only csv      # only the files whose name contains the text (here: the CSVs)
//   npm run bench -- --repeat 3      # each file 3 times, app and baseline alternated: medians, the ratio's range
//   npm run bench -- --no-baseline   # the app's imports only (a 1M-row run takes long enough without it)
//   npm run bench -- --sync          # and team sync: machine A imports the CSV, until machine B has it all (bench/sync.mjs)
import { spawn, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { buildRows, toCsv, toXlsx } from './bench/generate.mjs';
import { browserMemory, samplePeak } from './bench/memory.mjs';
import { appRun, baselineRun, printTable, summarizeFile } from './bench/report.mjs';
import { benchSync, printSync, startCouch } from './bench/sync.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const ROWS = Number(option('--rows') ?? (args.includes('--quick') ? 2000 : 100_000));
const LARGE = args.includes('--large');
const PORT = Number(option('--port') ?? process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4174);
const REPORT = resolve(option('--report') ?? 'bench-report.json');
const CACHE = resolve('node_modules/.cache/clientela-bench');
const MARKER = 'node_modules/.cache/clientela-chromium-path';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const LONG = 600_000;
const SYNC = args.includes('--sync');
const COUCH_PORT = Number(process.env.BENCH_COUCH_PORT ?? 5987);
const REPEAT = Math.max(1, Math.floor(Number(option('--repeat') ?? 1)) || 1);
const NO_BASELINE = args.includes('--no-baseline');

const ONLY = option('--only');
const FILES = [
  { name: `clientes-${ROWS / 10}.xlsx`, rows: Math.max(100, Math.round(ROWS / 10)), format: 'xlsx' },
  { name: `clientes-${ROWS}.xlsx`, rows: ROWS, format: 'xlsx', register: true },
  { name: `clientes-${ROWS}.csv`, rows: ROWS, format: 'csv' },
  ...(LARGE ? [{ name: `clientes-${ROWS * 10}.csv`, rows: ROWS * 10, format: 'csv' }] : []),
].filter((spec) => ONLY === undefined || spec.name.includes(ONLY));

/**
 * The seeded file, generated once into node_modules/.cache under the name the app will show. Handed to
 * the page by path: a Buffer would be rebuilt by Playwright inside the page, on its main thread, and
 * show up as the app's longest task.
 */
function seededFile(spec) {
  const dir = resolve(CACHE, `v1-${spec.rows}`);
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, spec.name);
  if (!existsSync(path)) {
    const rows = buildRows(spec.rows);
    writeFileSync(path, spec.format === 'xlsx' ? toXlsx(rows) : toCsv(rows));
  }
  return { path, size: statSync(path).size };
}

// ---- long tasks: a PerformanceObserver installed before the app's own scripts ----------------------
// And the long animation frames, whose entries say which scripts ran (what called them, for how long):
// what the report tells of the longest task.
const LONG_TASKS = () => {
  window.__longTasks = [];
  window.__longFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.blockingDuration <= 0) continue;
      const scripts = e.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName || '?'} @${s.sourceURL.split('/').pop()}:${s.sourceCharPosition} ${Math.round(s.duration)} ms`);
      window.__longFrames.push({ start: e.startTime, end: e.startTime + e.duration, text: `frame ${Math.round(e.duration)} ms (render ${Math.round(e.startTime + e.duration - e.renderStart)} ms): ${scripts.join('; ') || 'no script'}` });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
};
const pageNow = (page) => page.evaluate(() => performance.now());
/** The longest main-thread task that started between two moments of the page's clock (ms). */
const longestTask = (page, from, to = Infinity) =>
  page.evaluate(([a, b]) => Math.round(Math.max(0, ...window.__longTasks.filter(([s]) => s >= a && s <= b).map(([, d]) => d))), [from, to]);
/** What ran in the longest task from a moment on: the long animation frame around it (null: no long task). */
const longestTaskWhere = (page, from) =>
  page.evaluate((a) => {
    const [start] = window.__longTasks.filter(([s]) => s >= a).reduce((best, t) => (t[1] > best[1] ? t : best), [0, 0]);
    return start === 0 ? null : window.__longFrames.find((f) => f.start <= start + 1 && start <= f.end)?.text ?? 'outside any animation frame';
  }, from);

async function newContext(browser) {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'pt-BR' });
  await context.addInitScript(LONG_TASKS);
  return context;
}

// ---- one import through the UI ---------------------------------------------------------------------
/** `prepare(page)`: what the page does before it opens Importar (the sync scenario connects it). */
async function importThroughUi(browser, spec, file, prepare = async () => {}) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await prepare(page);
  await page.goto(`${ORIGIN}/#/importar`);
  await page.getByText('Escolher arquivo').waitFor();
  // The floor the file's import starts from: the browser with the app open on Importar, no file chosen yet.
  const idle = browserMemory();
  const peak = samplePeak();
  const t = { start: Date.now() };
  const from = await pageNow(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Escolher arquivo').click();
  await (await chooser).setFiles(file.path);
  const marks = [from];
  await page.getByText('linhas de dados').waitFor({ timeout: LONG });
  t.read = Date.now();
  marks.push(await pageNow(page));
  await page.getByRole('button', { name: 'Próximo passo' }).click();
  await page.getByLabel(/^Dado do sistema para .*\(coluna A\)$/).waitFor({ timeout: LONG });
  t.map = Date.now();
  marks.push(await pageNow(page));
  await page.getByRole('button', { name: 'Próximo passo' }).click();
  await page.getByRole('button', { name: 'Iniciar importação' }).waitFor({ timeout: LONG });
  t.review = Date.now();
  marks.push(await pageNow(page));
  await page.getByRole('button', { name: 'Iniciar importação' }).click();
  // On a profile on disk a million rows took over 40 min to write on this machine under load: the wait grows
  // with the file, and a long write says how far it got every minute (rows written, the browser's memory now).
  const tell = setInterval(() => {
    page.evaluate(() => String(document.querySelector('progress[aria-label="Progresso da importação"]')?.value ?? '?'))
      .then((done) => console.log(`${spec.name}: writing, ${Math.round((Date.now() - t.review) / 60_000)} min, ${done} rows, ${Math.round(browserMemory().pss / 1e6)} MB`), () => {});
  }, 60_000);
  await page.getByRole('button', { name: 'Ver logs da migração' }).waitFor({ timeout: Math.max(4, spec.rows / 25_000) * LONG }).finally(() => clearInterval(tell));
  t.write = Date.now();
  marks.push(await pageNow(page));
  const phases = { read: t.read - t.start, map: t.map - t.read, review: t.review - t.map, write: t.write - t.review, total: t.write - t.start };
  // Where the main thread was busy: the longest task of each phase.
  const longestTaskByPhase = {};
  for (const [i, name] of ['read', 'map', 'review', 'write'].entries()) longestTaskByPhase[name] = await longestTask(page, marks[i], marks[i + 1]);
  return { context, page, phases, writeStartedAt: t.review, idle, peak: peak(), longestTaskMs: await longestTask(page, from), longestTaskByPhase, longestTaskWhere: await longestTaskWhere(page, from) };
}

async function baseline(browser, file) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/bench/baseline.html`);
  await page.locator('#file').setInputFiles(file.path);
  // Sampled the way the app's import is: from the page ready with its file to the end of the work.
  const idle = browserMemory();
  const stop = samplePeak();
  let memory;
  const result = await page.evaluate(() => window.runBaseline()).finally(() => { memory = stop(); });
  await context.close();
  return { parse: Math.round(result.parseMs), write: Math.round(result.writeMs), total: Math.round(result.parseMs + result.writeMs), idle, peak: memory };
}

// ---- the Clientes screen over the store just imported ----------------------------------------------
async function timeRegister(page) {
  const list = page.getByRole('region', { name: 'Clientes' });
  const count = page.getByText(/ de [\d.]+ clientes/);
  const result = {};
  const step = async (name, act, until) => {
    const from = await pageNow(page);
    await act();
    const acted = await pageNow(page);
    await until();
    const to = await pageNow(page);
    result[name] = { ms: Math.round(to - acted), longestTaskMs: await longestTask(page, from, to) };
  };
  await step('firstRows', () => page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click(), () => list.getByRole('link').first().waitFor({ timeout: LONG }));
  const registered = (await count.textContent()).match(/ de ([\d.]+)/)[1];
  const all = registered.replace(/\./g, '\\.');
  // A CPF typed key by key, with its punctuation: timed from the last key to its one result.
  const cpf = await page.evaluate(() => document.querySelector('[role=region] [role=listitem] span')?.textContent ?? '');
  await page.getByLabel('Buscar').click();
  await step('searchCpf', () => page.keyboard.type(cpf, { delay: 40 }), () => page.getByText(new RegExp(`^1 de ${all} clientes`)).waitFor({ timeout: LONG }));
  await page.getByLabel('Buscar').fill('');
  await page.getByText(new RegExp(`^${all} de`)).waitFor({ timeout: LONG });
  const total = Number(registered.replace(/\./g, ''));
  await step('scrollToEnd', () => list.evaluate((el) => el.scrollTo({ top: el.scrollHeight })), () =>
    page.waitForFunction((last) => [...document.querySelectorAll('[role=region] [role=listitem]')].some((li) => li.getAttribute('aria-posinset') === last && li.querySelector('a')), String(total), { timeout: LONG }));
  await step('filterGroup', () => page.getByLabel('Grupo').selectOption({ label: 'Grupo 07' }), () =>
    page.getByText(new RegExp(`^(?!${all} )[\\d.]+ de ${all} clientes`)).waitFor({ timeout: LONG }));
  return { clients: Number(registered.replace(/\./g, '')), steps: result };
}

console.log(`Building the app and the baseline page…`);
execSync('npx vite build', { stdio: 'ignore' });
await build({ configFile: false, root: resolve('scripts/bench'), base: '/bench/', logLevel: 'warn', build: { outDir: resolve('dist/bench'), emptyOutDir: true, rollupOptions: { input: resolve('scripts/bench/baseline.html') } }, worker: { format: 'es' } });
// With --sync the preview forwards /couchdb to the test server, as the e2e's does (vite.config.ts).
const couch = SYNC ? await startCouch(COUCH_PORT) : undefined;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true, env: couch ? { ...process.env, COUCH_PROXY_TARGET: couch.url } : process.env });
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${ORIGIN}/bench/baseline.html`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(MARKER) ? readFileSync(MARKER, 'utf8').trim() : existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const launch = { executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] };
  const report = {
    date: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD').toString().trim(),
    command: `npm run bench -- ${args.join(' ')}`.trim(),
    machine: { cpu: os.cpus()[0]?.model ?? '?', cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 1e9), os: `${os.type()} ${os.release()}` },
    browser: null,
    repeat: REPEAT,
    imports: [],
    register: null,
    sync: null,
  };
  /**
   * Each measured thing (one import through the app, one baseline, the sync scenario) gets a browser of its
   * own, closed after it, so that each starts from the same floor whatever ran before and in what order: a
   * new temporary profile, the same empty IndexedDB, the same set of processes. Until now the baseline ran
   * in the browser the app's import had used. Measured here at 50k rows (01/12/2026) that browser gave the
   * memory back (162 MB 3 s after the app's context closed; the baseline page's idle 234 MB vs 235 MB in a
   * fresh one), but nothing promises it at 100k or 1M, where one leftover would count against whichever
   * ran second. The launch (~1 s) is outside every timing.
   */
  const withBrowser = async (use) => {
    const browser = await chromium.launch(launch);
    report.browser ??= `Chromium ${browser.version()}`;
    try {
      return await use(browser);
    } finally {
      await browser.close();
    }
  };
  /**
   * An import and a baseline run in a browser with a profile on disk, as an office's browser is: a context
   * of `browser.newContext()` is incognito-like, and Chromium keeps its IndexedDB in memory. Measured here
   * (01/12/2026, raw IndexedDB, 300,000 client-like records, 20,000 per transaction): in memory the browser
   * process grew from 80 MB to 858 MB; on disk it stayed at 110–130 MB. Only --sync, which needs two
   * computers in one browser, still uses incognito contexts. `use` gets what it needs of a browser: contexts
   * (the profile's one, every time).
   */
  const withProfile = async (use) => {
    report.browser ??= await withBrowser(async () => report.browser);
    const dir = mkdtempSync(resolve(os.tmpdir(), 'clientela-bench-'));
    const context = await chromium.launchPersistentContext(dir, { ...launch, acceptDownloads: true, locale: 'pt-BR' });
    try {
      return await use({ newContext: async () => context });
    } finally {
      await context.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const importOnce = (spec, file, timeRegisterToo) => withProfile(async (browser) => {
    const run = await importThroughUi(browser, spec, file);
    if (timeRegisterToo) {
      console.log(`${spec.name}: the Clientes screen…`);
      report.register = await timeRegister(run.page);
    }
    await run.context.close();
    return appRun(run);
  });
  // The baseline may not cope with a file the app does (SheetJS's string parse of a 1M-row CSV): said, not fatal.
  const baselineOnce = (file) => withProfile((browser) => baseline(browser, file)).then(baselineRun, (error) => ({ error: String(error?.message ?? error).split('\n')[0] }));
  for (const spec of FILES) {
    console.log(`${spec.name}: generating…`);
    const file = seededFile(spec);
    readFileSync(file.path); // into the page cache: the first run reads the file as warm as the later ones
    const runs = [];
    for (let i = 0; i < REPEAT; i++) {
      const of = REPEAT > 1 ? ` (${i + 1} of ${REPEAT})` : '';
      // Alternated (app first, then baseline first, …) so that a drift of the disk or the machine hits both.
      const run = { order: i % 2 === 0 ? 'app first' : 'baseline first' };
      for (const what of (i % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app']).filter((w) => w === 'app' || !NO_BASELINE)) {
        console.log(`${spec.name}: ${what === 'app' ? 'importing through the app' : 'baseline'}${of}…`);
        if (what === 'app') run.app = await importOnce(spec, file, spec.register && i === 0);
        else run.baseline = await baselineOnce(file);
      }
      run.baseline ??= { error: 'not run (--no-baseline)' };
      run.ratio = run.baseline.error ? null : run.app.phases.total / run.baseline.total;
      runs.push(run);
    }
    report.imports.push(summarizeFile(spec, file, runs));
    writeFileSync(REPORT, JSON.stringify(report, null, 2));
  }
  if (SYNC) {
    const spec = { name: `clientes-${ROWS}.csv`, rows: ROWS, format: 'csv' };
    console.log(`${spec.name}: team sync, machine A to machine B…`);
    const syncOff = report.imports.find((r) => r.file === spec.name);
    report.sync = await withBrowser((browser) => benchSync({ browser, origin: ORIGIN, couch: couch.url, spec, file: seededFile(spec), syncOff, helpers: { importThroughUi, newContext, longestTask, samplePeak }, timeout: 4 * LONG }));
    writeFileSync(REPORT, JSON.stringify(report, null, 2));
  }
  printTable(report, { printSync, reportPath: REPORT });
} finally {
  process.kill(-server.pid);
  couch?.stop();
}
