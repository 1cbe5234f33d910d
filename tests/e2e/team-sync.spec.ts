import { test, expect } from './support/guarded';
import type { Browser, Page } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { ClientsPage } from './pages/clientsPage';
import { TeamPage } from './pages/teamPage';
import { buildClients1000 } from './fixtures/clients1000';
import { countServerClients, createOffice, EDITORS, READER, type OfficeUser } from './support/couch';

/** The office's server as a machine reaches it: through the app's own origin (the preview's /couchdb proxy). */
function serverAddress(baseURL: string | undefined): string {
  return `${baseURL ?? 'http://127.0.0.1:4173'}/couchdb`;
}

let office = '';
test.beforeEach(async ({}, testInfo) => {
  office = `escritorio-${testInfo.testId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
  await createOffice(office);
});

async function machine(browser: Browser, baseURL: string | undefined, user: OfficeUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => console.log('[page]', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
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

test('A imports 1,000 clients and B, another machine, sees all of them', async ({ browser, baseURL }) => {
  const a = await machine(browser, baseURL, EDITORS[0]!);
  const imported = await importClients1000(a);
  await new TeamPage(a).expectSynced();
  expect(await countServerClients(office)).toBe(imported);

  const b = await machine(browser, baseURL, EDITORS[1]!);
  await new TeamPage(b).expectSynced();
  const list = new ClientsPage(b);
  await list.open();
  await list.expectCount(imported, imported);
  void READER;
});
