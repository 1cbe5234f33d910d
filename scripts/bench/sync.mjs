// The bench's team-sync scenario (`npm run bench -- --sync`, the speed gate of issue 12): two browser contexts
// stand for two machines of one office, both connected through "Trabalho em equipe" to the same new database
// of the tests' CouchDB-protocol server (scripts/couch-test-server.mjs, in memory, loopback). Machine A
// imports the bench's CSV through the real UI with sync on; the bench times A's phases (as in the sync-off
// run), until A's header says everything is sent, and until machine B's Clientes shows every client — both
// from A's click on "Iniciar importação" — and B's longest main-thread task while it receives. The browser
// helpers are scripts/bench.mjs's own, handed in (`helpers`), so both scenarios measure the same way.
import { spawn } from 'node:child_process';

const ADMIN = { name: 'admin', password: 'admin-senha' };
const EDITOR = { name: 'bench-editor', password: 'bench-senha' };
const basic = (user) => ({ Authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}` });

/** Starts the CouchDB-protocol test server on `port`; resolves once it answers. `stop()` ends it. */
export async function startCouch(port) {
  const server = spawn(process.execPath, ['scripts/couch-test-server.mjs'], { env: { ...process.env, E2E_COUCH_PORT: String(port) }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => { if (server.exitCode === null) server.kill('SIGTERM'); };
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop };
    } catch { /* not up yet */ }
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`The CouchDB-protocol test server did not start on port ${port}.`);
}

/** A new office database as README "Trabalho em equipe" sets one up: an admin, an editor, its members. */
async function createOffice(couch, database) {
  // A fresh in-memory server is in "admin party": the first PUT makes the admin. Every later call signs in
  // (pouchdb-server 4.2 crashes on an anonymous PUT of a database).
  await fetch(`${couch}/_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password), headers: { 'Content-Type': 'application/json' } });
  const put = async (path, body) => {
    const r = await fetch(`${couch}${path}`, { method: 'PUT', headers: { ...basic(ADMIN), 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!r.ok && r.status !== 409) throw new Error(`PUT ${path}: ${r.status} ${await r.text()}`);
  };
  await put(`/${database}`);
  await put(`/_users/org.couchdb.user:${EDITOR.name}`, { name: EDITOR.name, password: EDITOR.password, roles: ['editor'], type: 'user' });
  await put(`/${database}/_security`, { admins: { names: [], roles: [] }, members: { names: [EDITOR.name], roles: [] } });
}

/** "Trabalho em equipe" → "Conectar", as a person does it, through the app's /couchdb proxy (same origin). */
async function connect(page, origin, database) {
  await page.goto(`${origin}/`);
  await page.getByRole('navigation').getByRole('link', { name: 'Trabalho em equipe' }).click();
  await page.getByLabel('Endereço do servidor').fill(`${origin}/couchdb`);
  await page.getByLabel('Banco de dados').fill(database);
  await page.getByLabel('Usuário').fill(EDITOR.name);
  await page.getByLabel('Senha').fill(EDITOR.password);
  await page.getByRole('button', { name: 'Conectar' }).click();
  await page.getByRole('heading', { name: 'Conectado' }).waitFor({ timeout: 60_000 });
}

/**
 * Records in the page, every 100 ms, each change of a text (the header's sync state, the Clientes count) with
 * the wall clock and the page's clock: the moment something showed is read afterwards, not when Node asks.
 */
async function watchText(page, name, source) {
  await page.evaluate(([key, kind]) => {
    const read = () => kind === 'state'
      ? document.querySelector('[role=status][aria-label="Sincronização"]')?.textContent?.trim() ?? ''
      : [...document.querySelectorAll('p')].map((p) => p.textContent ?? '').find((t) => / de [\d.]+ clientes/.test(t)) ?? '';
    window.__watched ??= {};
    const log = (window.__watched[key] = []);
    let last;
    setInterval(() => {
      const text = read();
      if (text !== last) log.push([Date.now(), performance.now(), (last = text)]);
    }, 100);
  }, [name, source]);
}
const watched = (page, name) => page.evaluate((key) => window.__watched[key], name);
const registeredIn = (text) => Number(/ de ([\d.]+) clientes/.exec(text)?.[1]?.replace(/\./g, '') ?? NaN);

/**
 * The scenario. `helpers` are bench.mjs's importThroughUi, newContext, longestTask and samplePeak; `syncOff`
 * is the same file's sync-off import of this run (or undefined). Returns the report's `sync` object.
 */
export async function benchSync({ browser, origin, couch, spec, file, syncOff, helpers, timeout }) {
  const { importThroughUi, newContext, longestTask, samplePeak } = helpers;
  const database = `bench-${Date.now()}`;
  await createOffice(couch, database);
  const contextB = await newContext(browser);
  const peak = samplePeak();
  let run;
  try {
    const b = await contextB.newPage();
    await connect(b, origin, database);
    await b.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
    await watchText(b, 'count', 'count');
    run = await importThroughUi(browser, spec, file, async (page) => {
      await connect(page, origin, database);
      await watchText(page, 'state', 'state');
    });
    const a = run.page;
    const clickedAt = run.writeStartedAt;
    // Everything sent: A's header turned "Sincronizado" for the last time (it may flicker while chunks land).
    await a.getByRole('status', { name: 'Sincronização' }).getByText(/^Sincronizado/).waitFor({ timeout });
    const states = await watched(a, 'state');
    const sentAt = states.findLast(([, , text]) => !text.startsWith('Sincronizado'))?.[0];
    const sent = states.find(([at, , text]) => at > (sentAt ?? 0) && text.startsWith('Sincronizado'))?.[0] ?? Date.now();
    // What A registered is what B must show.
    await a.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
    await a.getByText(/ de [\d.]+ clientes/).waitFor({ timeout });
    const clients = registeredIn(await a.getByText(/ de [\d.]+ clientes/).textContent());
    const all = clients.toLocaleString('pt-BR').replace(/\./g, '\\.');
    await b.getByText(new RegExp(`^${all} de ${all} clientes`)).waitFor({ timeout });
    const counts = await watched(b, 'count');
    const [receivedAt, receivedPageTime] = counts.find(([, , text]) => registeredIn(text) === clients) ?? [Date.now(), await b.evaluate(() => performance.now())];
    const memory = peak();
    const clickedPageTime = receivedPageTime - (receivedAt - clickedAt);
    return {
      file: spec.name, rows: spec.rows, clients, phases: run.phases,
      rowsPerSecond: Math.round(spec.rows / (run.phases.total / 1000)),
      writeVsSyncOff: syncOff ? run.phases.write / syncOff.phases.write : null,
      sentMs: sent - clickedAt,
      secondMachineMs: receivedAt - clickedAt,
      longestTaskMs: run.longestTaskMs,
      secondMachineLongestTaskMs: await longestTask(b, clickedPageTime, receivedPageTime),
      peakMb: Math.round(memory.pss / 1e6), peakRssMb: Math.round(memory.rss / 1e6),
    };
  } finally {
    peak();
    await run?.context.close();
    await contextB.close();
  }
}

/** The printed table's lines for the scenario (`s`: ms as seconds, bench.mjs's). */
export function printSync(sync, s) {
  const p = sync.phases;
  console.log(`\nTeam sync (two machines, ${sync.file}, ${sync.clients.toLocaleString('en')} clients)`);
  console.log(`  A's import with sync on      read ${s(p.read)} map ${s(p.map)} review ${s(p.review)} write ${s(p.write)} total ${s(p.total)} s | ${sync.rowsPerSecond} rows/s | long task ${sync.longestTaskMs} ms`);
  console.log(`  write vs sync off            ${sync.writeVsSyncOff === null ? 'no sync-off run of this file' : `${sync.writeVsSyncOff.toFixed(2)}×`}`);
  console.log(`  A has sent everything        ${s(sync.sentMs)} s after "Iniciar importação"`);
  console.log(`  B shows every client         ${s(sync.secondMachineMs)} s after "Iniciar importação" | B's longest task ${sync.secondMachineLongestTaskMs} ms`);
  console.log(`  peak MB (PSS/RSS)            ${sync.peakMb}/${sync.peakRssMb}`);
}
