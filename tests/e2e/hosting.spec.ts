import { execFileSync } from 'node:child_process';
import { test, expect } from './support/guarded';
import { startStaticServer } from './support/staticServer';
import { ImportPage } from './pages/importPage';
import { readStoredClients } from './pages/storedClients';
import { buildCsv } from '../support/spreadsheets/text';
import { formatCpf, makeCpf } from '../support/brazil';
import type { Page } from '@playwright/test';

const NEXT_BUILD = 'node_modules/.cache/clientela-next-build';

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null, undefined, { timeout: 60_000 });
  // The first visit installs the service worker; from the next load on it serves the files.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
}

test('served from a sub-path of a plain static host: loads, imports a file, and keeps working offline there', async ({ page, context }) => {
  const host = await startStaticServer('/escritorio/clientela/', 'dist');
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Importar dados', level: 1 })).toBeVisible();
    await waitForServiceWorker(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(host.url);

    await context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', './manifest.webmanifest');

    const wizard = new ImportPage(page);
    const file = buildCsv([['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'], ['Bia Subpasta', formatCpf(makeCpf(4242)), '(11) 98765-4321', 'bia@exemplo.com.br', 'Intranet']]);
    await wizard.upload('subpasta.csv', Buffer.from(file), 'text/csv');
    await wizard.next();
    await wizard.next();
    await wizard.startImport();
    expect((await readStoredClients(page)).map((c) => c.name)).toEqual(['Bia Subpasta']);
  } finally {
    await context.setOffline(false);
    await host.close();
  }
});

test('a new version published on the host shows "Nova versão disponível"; Atualizar reloads into it', async ({ page }) => {
  test.setTimeout(240_000);
  // A second build of the same code with another version string: what publishing an update looks like.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', NEXT_BUILD, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, CLIENTELA_BUILD: 'nova' },
    stdio: 'inherit',
  });
  const host = await startStaticServer('/clientela/', 'dist');
  try {
    await page.goto(host.url);
    await waitForServiceWorker(page);
    const footer = page.getByRole('contentinfo');
    await expect(footer).toHaveText(/Clientela \d+\.\d+\.\d+$/);
    await expect(page.getByText('Nova versão disponível')).toHaveCount(0);

    host.serve(NEXT_BUILD);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await expect(page.getByText('Nova versão disponível')).toBeVisible({ timeout: 60_000 });
    // Until the user chooses, the page stays on the version it has.
    await expect(footer).toHaveText(/Clientela \d+\.\d+\.\d+$/);
    await page.getByRole('button', { name: 'Atualizar' }).click();
    await expect(footer).toHaveText(/Clientela \d+\.\d+\.\d+\+nova$/, { timeout: 60_000 });
    await expect(page.getByText('Nova versão disponível')).toHaveCount(0);
  } finally {
    await host.close();
  }
});
