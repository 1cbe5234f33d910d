import { test, expect } from './support/guarded';
import type { Browser, Page } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { ClientsPage } from './pages/clientsPage';
import { TeamPage } from './pages/teamPage';
import { ClientRecordPage } from './pages/clientRecord';
import { buildClients1000 } from './fixtures/clients1000';
import { formatCpf, makeCpf } from '../support/brazil';
import { countServerClients, createOffice, LAWYER, READER, SECRETARY, type OfficeUser } from './support/couch';
import { ENGINE_LOCK } from '../../src/storage/sync/leader';

/** The office's server as a machine reaches it: through the app's own origin (the preview's /couchdb proxy). */
function serverAddress(baseURL: string | undefined): string {
  return `${baseURL ?? 'http://127.0.0.1:4173'}/couchdb`;
}

let office = '';
test.beforeEach(async ({ browserName: _browser }, testInfo) => {
  office = `escritorio-${testInfo.testId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
  await createOffice(office, { readOnly: testInfo.title.includes('read-only') });
});

async function machine(browser: Browser, baseURL: string | undefined, user: OfficeUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await new TeamPage(page).connect(serverAddress(baseURL), office, user);
  return page;
}

async function importClients1000(page: Page): Promise<number> {
  const file = buildClients1000();
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('clientes-1000.xlsx', file.bytes);
  await wizard.next();
  await wizard.next();
  await wizard.startImport();
  return 1000 - file.rejected.size - file.duplicates.size;
}

test('two machines: A imports 1,000 and B sees them; offline edits merge; the same field is a conflict resolved in Conflitos; B reloads offline; A undoes and B keeps what it edited', async ({ browser, baseURL }) => {
  const a = await machine(browser, baseURL, SECRETARY);
  const imported = await importClients1000(a);
  await new TeamPage(a).expectSynced();
  expect(await countServerClients(office)).toBe(imported);

  const b = await machine(browser, baseURL, LAWYER);
  await new TeamPage(b).expectSynced();
  const list = new ClientsPage(b);
  await list.open();
  await list.expectCount(imported, imported);

  // Both offline: different fields of one client on each machine; back online, both have both changes.
  await a.context().setOffline(true);
  await b.context().setOffline(true);
  await expect(new TeamPage(a).state).toHaveText(/^Offline/);
  await new ClientRecordPage(a).edit('Cliente Número 7', { Cidade: 'Campinas' });
  await new ClientRecordPage(b).edit('Cliente Número 7', { Observações: 'Prefere WhatsApp' });
  await a.context().setOffline(false);
  await b.context().setOffline(false);
  for (const page of [a, b]) {
    await new TeamPage(page).expectSynced();
    const record = new ClientRecordPage(page);
    await record.open('Cliente Número 7');
    await expect(record.field('Cidade')).toHaveText('Campinas', { timeout: 60_000 });
    await expect(record.field('Observações')).toHaveText('Prefere WhatsApp', { timeout: 60_000 });
  }

  // Both offline again, the same field: listed in Conflitos on both, picked on one, settled on both.
  await a.context().setOffline(true);
  await b.context().setOffline(true);
  await new ClientRecordPage(a).edit('Cliente Número 8', { Cidade: 'Santos' });
  await new ClientRecordPage(b).edit('Cliente Número 8', { Cidade: 'Sorocaba' });
  await a.context().setOffline(false);
  await b.context().setOffline(false);
  for (const page of [a, b]) {
    await new TeamPage(page).open();
    await expect(page.getByRole('group', { name: 'Valores de Cidade de Cliente Número 8' })).toBeVisible({ timeout: 60_000 });
  }
  await a.getByRole('button', { name: 'Manter "Sorocaba"' }).click();
  for (const page of [a, b]) {
    await expect(page.getByText('Nenhum conflito.')).toBeVisible({ timeout: 60_000 });
    const record = new ClientRecordPage(page);
    await record.open('Cliente Número 8');
    await expect(record.field('Cidade')).toHaveText('Sorocaba', { timeout: 60_000 });
  }

  // B, offline, reloads: the service worker serves the app and B's register has everything.
  await b.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
  await b.reload();
  await b.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await b.context().setOffline(true);
  expect((await b.reload())?.fromServiceWorker()).toBe(true);
  await expect(new TeamPage(b).state).toHaveText(/^Offline/);
  await list.open();
  await list.expectCount(imported, imported);
  await b.context().setOffline(false);
  await new TeamPage(b).expectSynced();

  // A undoes its import: the clients nobody changed go (on both machines); those edited since stay, and A is told which.
  await a.getByRole('navigation').getByRole('link', { name: 'Logs de migração' }).click();
  await a.getByRole('link', { name: /clientes-1000\.xlsx/ }).first().click();
  await a.getByRole('button', { name: 'Desfazer importação' }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Desfazer importação' }).click();
  await expect(a.getByText('2 clientes ficaram como estava')).toBeVisible({ timeout: 60_000 });
  await expect(a.getByRole('link', { name: 'Cliente Número 7' })).toBeVisible();
  await expect(a.getByRole('link', { name: 'Cliente Número 8' })).toBeVisible();
  await new TeamPage(a).expectSynced();
  await list.open();
  await list.expectCount(2, 2);
  await new TeamPage(b).expectSynced();
  expect(await countServerClients(office)).toBe(2);
});

test('both machines register the same CPF offline: they end with one client, its differing fields listed in Conflitos', async ({ browser, baseURL }) => {
  const a = await machine(browser, baseURL, SECRETARY);
  const b = await machine(browser, baseURL, LAWYER);
  for (const page of [a, b]) await new TeamPage(page).expectSynced();
  await a.context().setOffline(true);
  await b.context().setOffline(true);
  const cpf = formatCpf(makeCpf(4242));
  const client = { 'Nome/Razão Social': 'Joana Prado', 'CPF/CNPJ': cpf, Celular: '(11) 98765-4321', Grupo: 'Trabalhista' };
  await new ClientRecordPage(a).create({ ...client, 'E-mail principal': 'joana@escritorio-a.com.br' });
  await new ClientRecordPage(b).create({ ...client, 'E-mail principal': 'joana@escritorio-b.com.br' });
  await a.context().setOffline(false);
  await b.context().setOffline(false);
  for (const page of [a, b]) {
    await new TeamPage(page).open();
    await expect(page.getByRole('group', { name: 'Valores de E-mail principal de Joana Prado' })).toBeVisible({ timeout: 60_000 });
    const list = new ClientsPage(page);
    await list.open();
    await list.expectCount(1, 1);
  }
  expect(await countServerClients(office)).toBe(1);
});

test('a read-only member sees the register but cannot change it: the app says so and the server refuses', async ({ browser, baseURL }) => {
  const a = await machine(browser, baseURL, SECRETARY);
  await new ClientRecordPage(a).create({ 'Nome/Razão Social': 'Paulo Reis', 'CPF/CNPJ': formatCpf(makeCpf(5151)), Celular: '(11) 98765-4321', 'E-mail principal': 'paulo@exemplo.com.br', Grupo: 'Tributário' });
  await new TeamPage(a).expectSynced();

  const reader = await machine(browser, baseURL, READER);
  await expect(new TeamPage(reader).state).toContainText('Somente leitura');
  const record = new ClientRecordPage(reader);
  await record.open('Paulo Reis');
  await expect(reader.getByText(/^Somente leitura: o seu usuário pode consultar o cadastro/)).toBeVisible();
  await expect(reader.getByRole('button', { name: 'Editar' })).toBeDisabled();

  // The server refuses the same change from this user, whatever the app does.
  const url = `${serverAddress(baseURL)}/${office}/client:${makeCpf(5151)}`;
  const auth = { Authorization: `Basic ${Buffer.from(`${READER.name}:${READER.password}`).toString('base64')}` };
  const current = (await (await reader.request.get(url, { headers: auth })).json()) as Record<string, unknown>;
  const refused = await reader.request.put(url, { headers: { ...auth, 'Content-Type': 'application/json' }, data: { ...current, city: 'Recife' } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { reason: string }).reason).toContain('Somente leitura');
});

/** How many tabs of this machine hold the sync engine's Web Lock, and how many wait for it. */
async function engineLocks(page: Page): Promise<{ held: number; waiting: number }> {
  return page.evaluate(async (name) => {
    const { held = [], pending = [] } = await navigator.locks.query();
    return { held: held.filter((l) => l.name === name).length, waiting: pending.filter((l) => l.name === name).length };
  }, ENGINE_LOCK);
}

test('one machine, two tabs: one sync engine, both tabs say "Sincronizado", an edit in the other tab reaches B, and it takes over when the first tab closes', async ({ browser, baseURL }) => {
  const first = await machine(browser, baseURL, SECRETARY);
  await new TeamPage(first).expectSynced();
  const second = await first.context().newPage();
  await second.goto('/');
  await new TeamPage(second).expectSynced();
  expect(await engineLocks(second)).toEqual({ held: 1, waiting: 1 });

  const b = await machine(browser, baseURL, LAWYER);
  await new ClientRecordPage(second).create({ 'Nome/Razão Social': 'Rita Campos', 'CPF/CNPJ': formatCpf(makeCpf(6161)), Celular: '(11) 98765-4321', 'E-mail principal': 'rita@exemplo.com.br', Grupo: 'Cível' });
  const onB = new ClientsPage(b);
  await onB.open();
  await onB.expectCount(1, 1);

  // The leading tab goes: the other one runs the engine now, and its edits still reach B.
  await first.close();
  await expect.poll(() => engineLocks(second), { timeout: 30_000 }).toEqual({ held: 1, waiting: 0 });
  await new ClientRecordPage(second).edit('Rita Campos', { Cidade: 'Campinas' });
  await new TeamPage(second).expectSynced();
  const record = new ClientRecordPage(b);
  await record.open('Rita Campos');
  await expect(record.field('Cidade')).toHaveText('Campinas', { timeout: 60_000 });
});
