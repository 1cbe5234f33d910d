// The bench's report: one file's runs (app and baseline, --repeat N pairs) summed up as medians, and the
// printed table. With one run the medians are that run's numbers, so the table reads as it always did.

const mb = (bytes) => Math.round(bytes / 1e6);
const s = (ms) => (ms / 1000).toFixed(1);

/** The median of the finite values (the mean of the two middle ones for an even count); null if none. */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const max = (values) => (values.some(Number.isFinite) ? Math.max(...values.filter(Number.isFinite)) : null);
const min = (values) => (values.some(Number.isFinite) ? Math.min(...values.filter(Number.isFinite)) : null);
/** `{ key: median }` of the same keys across objects. */
const medianOf = (objects, keys) => Object.fromEntries(keys.map((key) => [key, Math.round(median(objects.map((o) => o[key])))]));
const PHASES = ['read', 'map', 'review', 'write', 'total'];

/** One app import as the report keeps it. */
export function appRun(run) {
  return {
    phases: run.phases, idleMb: mb(run.idle.pss), idleRssMb: mb(run.idle.rss), peakMb: mb(run.peak.pss), peakRssMb: mb(run.peak.rss),
    longestTaskMs: run.longestTaskMs, longestTaskByPhase: run.longestTaskByPhase, longestTaskWhere: run.longestTaskWhere,
  };
}

/** One baseline as the report keeps it (or its error). */
export function baselineRun(result) {
  if (result.error) return result;
  return { parse: result.parse, write: result.write, total: result.total, idleMb: mb(result.idle.pss), peakMb: mb(result.peak.pss), peakRssMb: mb(result.peak.rss) };
}

/** A file's entry of `imports`: the medians (ratio: of the per-pair ratios, with its range) and every run. */
export function summarizeFile(spec, file, runs) {
  const apps = runs.map((r) => r.app);
  const bases = runs.map((r) => r.baseline).filter((b) => !b.error);
  const ratios = runs.map((r) => r.ratio);
  const phases = medianOf(apps.map((a) => a.phases), PHASES);
  return {
    file: spec.name, rows: spec.rows, sizeMb: Math.round(file.size / 1e6), repeat: runs.length,
    phases, rowsPerSecond: Math.round(spec.rows / (phases.total / 1000)),
    idleMb: Math.round(median(apps.map((a) => a.idleMb))), idleRssMb: Math.round(median(apps.map((a) => a.idleRssMb))),
    peakMb: Math.round(median(apps.map((a) => a.peakMb))), peakMaxMb: max(apps.map((a) => a.peakMb)), peakRssMb: Math.round(median(apps.map((a) => a.peakRssMb))),
    longestTaskMs: Math.round(median(apps.map((a) => a.longestTaskMs))), longestTaskMaxMs: max(apps.map((a) => a.longestTaskMs)),
    longestTaskByPhase: medianOf(apps.map((a) => a.longestTaskByPhase), PHASES.slice(0, -1)),
    baseline: bases.length === 0
      ? { error: runs[0].baseline.error }
      : {
        ...medianOf(bases, ['parse', 'write', 'total', 'idleMb', 'peakMb', 'peakRssMb']), peakMaxMb: max(bases.map((b) => b.peakMb)),
        ...(bases.length < runs.length ? { failed: runs.length - bases.length } : {}),
      },
    ratio: median(ratios), ratioMin: min(ratios), ratioMax: max(ratios),
    runs,
  };
}

/** The table: medians of every run; with N > 1 the ratio's range and peak memory as median/max. */
export function printTable(report, { printSync, reportPath }) {
  const repeat = Math.max(1, ...report.imports.map((r) => r.repeat));
  console.log(`\nClientela benchmark — ${report.machine.cpus} × ${report.machine.cpu}, ${report.machine.memoryGb} GB, ${report.browser}`);
  if (repeat > 1) console.log(`Medians of ${repeat} runs (app and baseline alternated, a fresh browser for each); ratio: median (min–max) of the per-run ratios; memory: median/max`);
  const peakHead = repeat > 1 ? 'peak MB (med/max)' : 'peak MB (PSS/RSS)';
  console.log(`file                    MB | read   map review  write  total | rows/s | idle MB | ${peakHead} | long task | baseline (parse+write) | base peak MB | ratio`);
  for (const r of report.imports) {
    const p = r.phases;
    const b = r.baseline;
    const peak = repeat > 1 ? `${r.peakMb}/${r.peakMaxMb}` : `${r.peakMb}/${r.peakRssMb}`;
    const base = b.error ? `failed: ${b.error}` : `${s(b.total).padStart(5)} s (${s(b.parse)}+${s(b.write)}) | ${(repeat > 1 ? `${b.peakMb}/${b.peakMaxMb}` : String(b.peakMb)).padStart(12)} | ${ratioText(r)}`;
    console.log(`${r.file.padEnd(22)} ${String(r.sizeMb).padStart(3)} | ${[p.read, p.map, p.review, p.write, p.total].map((v) => s(v).padStart(5)).join(' ')} | ${String(r.rowsPerSecond).padStart(6)} | ${String(r.idleMb).padStart(7)} | ${peak.padStart(17)} | ${String(r.longestTaskMs).padStart(6)} ms | ${base}`);
  }
  console.log('idle MB: every browser process with the app open on Importar, before the file is chosen; all memory is PSS unless said.');
  for (const r of report.imports) for (const run of r.runs) if (run.app.longestTaskWhere) console.log(`longest task, ${r.file}: ${run.app.longestTaskWhere}`);
  if (report.register) {
    console.log(`\nClientes with ${report.register.clients.toLocaleString('en')} clients       ms | longest task`);
    for (const [name, v] of Object.entries(report.register.steps)) console.log(`  ${name.padEnd(28)} ${String(v.ms).padStart(6)} | ${v.longestTaskMs} ms`);
  }
  if (report.sync) printSync(report.sync, s);
  console.log(`\nReport: ${reportPath}`);
}

function ratioText(r) {
  if (r.ratio === null) return '—';
  return r.repeat > 1 ? `${r.ratio.toFixed(2)}× (${r.ratioMin.toFixed(2)}–${r.ratioMax.toFixed(2)})` : `${r.ratio.toFixed(2)}×`;
}
