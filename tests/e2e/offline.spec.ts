import { test, expect } from './support/guarded';
import { ImportPage } from './pages/importPage';
import { readStoredClients } from './pages/storedClients';
import { buildCsv } from '../support/spreadsheets/text';
import { formatCpf, makeCpf } from '../support/brazil';

test('once loaded, the app works offline: reload, read a spreadsheet in the worker, import; no request leaves the origin', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });

  await page.goto('/');
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
  // The first visit registers the service worker; from the next load on it serves the files.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);

  const wizard = new ImportPage(page);
  await wizard.open();
  const file = buildCsv([['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'], ['Ana Offline', formatCpf(makeCpf(777)), '(11) 98765-4321', 'ana@exemplo.com.br', 'Sem rede']]);
  await wizard.upload('sem-rede.csv', Buffer.from(file), 'text/csv');
  await wizard.next();
  await wizard.next();
  await wizard.startImport();
  expect((await readStoredClients(page)).map((c) => c.name)).toEqual(['Ana Offline']);
  expect(foreign).toEqual([]);
});
