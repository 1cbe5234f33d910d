#!/usr/bin/env node
// Benchmark: the whole import of a generated 100,000-row spreadsheet in headless Chromium, against the
// built app. Prints the time of each phase and the renderer's memory. Not a test: nothing here fails on
// a number; compare the numbers between commits.
//   npm run bench                 # 100,000 rows, XLSX and CSV
//   ROWS=20000 npm run bench      # another size
// The third line imports the same clients again into the store of the first, completing empty fields.
import { spawn, execSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { chromium } from '@playwright/test';

const ROWS = Number(process.env.ROWS ?? 100_000);
const PORT = 4174;
const MARKER = 'node_modules/.cache/clientela-chromium-path';

function checkDigit(body, weights) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(i) - 48) * weights[i];
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}
function cpf(seed) {
  // Scattered like real documents (a sorted file is the best case for the index and hides slow lookups).
  const body = String(100_000_000 + ((seed * 2_654_435_761) % 899_999_999)).slice(0, 9);
  const d1 = checkDigit(body, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = checkDigit(body + d1, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${body}${d1}${d2}`;
}

function buildRows() {
  const header = ['Nome', 'CPF/CNPJ', 'Celular', 'Telefone', 'E-mail', 'Grupo', 'Data de nascimento', 'CEP', 'Logradouro', 'Número', 'Bairro', 'Cidade', 'UF', 'RG', 'Observações'];
  const rows = [header];
  for (let i = 1; i <= ROWS; i++) {
    const doc = cpf(i);
    rows.push([`Cliente ${i}`, `${doc.slice(0, 3)}.${doc.slice(3, 6)}.${doc.slice(6, 9)}-${doc.slice(9)}`, `(11) 9${String(80000000 + (i % 9999999)).padStart(8, '0').replace(/(\d{4})(\d{4})/, '$1-$2')}`, '', `cliente${i}@exemplo.com.br`, `Grupo ${i % 20}`, `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/19${50 + (i % 50)}`, '01310-100', 'Avenida Paulista', String(i % 2000), 'Bela Vista', 'São Paulo', 'SP', '', i % 10 === 0 ? 'Cliente antigo' : '']);
  }
  return rows;
}

function toXlsx(rows) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Clientes');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true });
}
function toCsv(rows) {
  return Buffer.from('\ufeff' + rows.map((r) => r.join(';')).join('\r\n'), 'utf8');
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

/** `context`: an earlier run's browser context, to import into a store that already holds the clients. */
async function measure(browser, name, bytes, context = undefined) {
  const reuse = context !== undefined;
  context ??= await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  await page.goto(`http://127.0.0.1:${PORT}/#/importar`);
  const t = { start: Date.now() };
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Escolher arquivo').click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  await page.getByText('linhas de dados').waitFor({ timeout: 600_000 });
  t.parsed = Date.now();
  await page.getByRole('button', { name: 'Próximo passo' }).click();
  await page.getByRole('button', { name: 'Próximo passo' }).click();
  await page.getByRole('button', { name: 'Iniciar importação' }).waitFor({ timeout: 600_000 });
  t.reviewed = Date.now();
  if (reuse) await page.getByLabel('Completar os campos vazios').check();
  await page.getByRole('button', { name: 'Iniciar importação' }).click();
  await page.getByRole('button', { name: 'Ver logs da migração' }).waitFor({ timeout: 1_200_000 });
  t.imported = Date.now();
  await session.send('HeapProfiler.collectGarbage');
  const metrics = (await session.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const s = (a, b) => ((b - a) / 1000).toFixed(1).padStart(6);
  console.log(`${name.padEnd(14)} ${(bytes.length / 1e6).toFixed(1).padStart(6)} MB | read ${s(t.start, t.parsed)} s | review ${s(t.parsed, t.reviewed)} s | import ${s(t.reviewed, t.imported)} s (${Math.round(ROWS / ((t.imported - t.reviewed) / 1000))} rows/s) | page heap ${(heap / 1e6).toFixed(0)} MB`);
  if (!reuse) return context;
  await context.close();
  return undefined;
}

execSync('npx vite build', { stdio: 'ignore' });
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
try {
  await waitForServer(`http://127.0.0.1:${PORT}/`);
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(MARKER) ? readFileSync(MARKER, 'utf8').trim() : existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
  const rows = buildRows();
  console.log(`Clientela benchmark: ${ROWS.toLocaleString('en')} rows × ${rows[0].length} columns`);
  const first = await measure(browser, `clientes.xlsx`, toXlsx(rows));
  await (await measure(browser, `clientes.csv`, toCsv(rows)))?.close();
  // The same clients again, "Completar os campos vazios": every row is looked up, none has anything to add.
  await measure(browser, `again.csv`, toCsv(rows), first);
  await browser.close();
} finally {
  process.kill(-server.pid);
}
