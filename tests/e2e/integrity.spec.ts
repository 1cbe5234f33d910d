import { test, expect, type Page } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { readStoredClients } from './pages/storedClients';
import { buildCsv } from '../support/spreadsheets/text';
import { formatCpf, makeCpf } from '../support/brazil';

/** `count` valid clients from `firstSeed` on, as a CSV (group "Integridade"). */
function clientsCsv(count: number, firstSeed = 1): { buffer: Buffer; documents: string[] } {
  const header = ['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'];
  const seeds = Array.from({ length: count }, (_, i) => firstSeed + i);
  const rows = seeds.map((seed) => [`Cliente ${seed}`, formatCpf(makeCpf(seed)), '(11) 98765-4321', `c${seed}@exemplo.com.br`, 'Integridade']);
  return { buffer: Buffer.from(buildCsv([header, ...rows])), documents: seeds.map((s) => makeCpf(s)) };
}

/** A valid backup with nothing in it: restoring it would wipe everything. */
const EMPTY_BACKUP = Buffer.from(JSON.stringify({ format: 'clientela-backup', version: 1, exportedAt: 1, clients: [], groups: [], runs: [], runLogs: [], mappings: [] }));

async function toReview(page: Page, name: string, buffer: Buffer): Promise<void> {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload(name, buffer, 'text/csv');
  await wizard.next();
  await wizard.next();
  await expect(page.getByRole('button', { name: 'Iniciar importação' })).toBeEnabled({ timeout: 60_000 });
}

async function restoreBackup(page: Page, buffer: Buffer): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Cópia de segurança' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Restaurar cópia', { exact: true }).click();
  await (await chooser).setFiles({ name: 'clientela-backup.json', mimeType: 'application/json', buffer });
  await page.getByRole('dialog').getByRole('button', { name: 'Restaurar cópia' }).click();
}

/** Every client's group exists (no client left without its group, no half-restored state). */
async function groupsOfClientsExist(page: Page): Promise<boolean> {
  return page.evaluate(() => new Promise<boolean>((resolve, reject) => {
    const open = indexedDB.open('clientela');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['clients', 'groups']);
      const clients = tx.objectStore('clients').getAll();
      const groups = tx.objectStore('groups').getAllKeys();
      tx.oncomplete = () => {
        const ids = new Set(groups.result.map(String));
        resolve((clients.result as { groupId: string }[]).every((c) => ids.has(c.groupId)));
        open.result.close();
      };
    };
  }));
}

test('two tabs: while one imports, a restore and a second import in the other are refused naming the import, and both end consistent', async ({ page, context }) => {
  test.setTimeout(240_000);
  const ROWS = 40_000;
  const big = clientsCsv(ROWS);
  const other = await context.newPage();
  // The other tab gets its own small file ready to import before the big import starts.
  await toReview(other, 'poucos-clientes.csv', clientsCsv(5, 900_000).buffer);

  await toReview(page, 'muitos-clientes.csv', big.buffer);
  await page.getByRole('button', { name: 'Iniciar importação' }).click();
  // A first chunk in: the import holds the writer lock.
  await expect(page.getByText(/Importando [1-9][\d.]* de/)).toBeVisible({ timeout: 60_000 });

  await other.getByRole('button', { name: 'Iniciar importação' }).click();
  await expect(other.getByRole('alert')).toContainText(/Uma importação está em andamento em outra aba: [\d.]+ de 40\.000 linhas/);
  // Refused, the other tab is back at its review, able to try again later.
  await expect(other.getByRole('button', { name: 'Iniciar importação' })).toBeEnabled();

  await restoreBackup(other, EMPTY_BACKUP);
  await expect(other.getByRole('alert')).toContainText(/Uma importação está em andamento em outra aba: [\d.]+ de 40\.000 linhas/);

  await expect(page.getByRole('button', { name: 'Ver logs da migração' })).toBeVisible({ timeout: 180_000 });
  await expect(page.getByText('Importação concluída.')).toBeVisible();
  const stored = await readStoredClients(page);
  expect(stored).toHaveLength(ROWS);
  expect(await groupsOfClientsExist(page)).toBe(true);

  // Once the import is over the other tab's restore goes through, whole.
  await restoreBackup(other, EMPTY_BACKUP);
  await expect(other.getByRole('status').filter({ hasText: 'Cópia restaurada' })).toContainText('0 clientes');
  expect(await readStoredClients(page)).toHaveLength(0);
  expect(await groupsOfClientsExist(other)).toBe(true);
});

test('an import that fills the storage ends as failed with the storage message, and resumed after space is freed ends as an uninterrupted run', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const ROWS = 20_000;
  const file = clientsCsv(ROWS);
  const wizard = new ImportPage(page);
  await wizard.open();
  const origin = new URL(baseURL ?? page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  // Room for a few thousand clients, not for 20,000.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: used + 2 * 1024 * 1024 });

  await toReview(page, 'clientes-disco-cheio.csv', file.buffer);
  await page.getByRole('button', { name: 'Iniciar importação' }).click();
  await expect(page.getByText('Importação falhou.')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole('alert')).toContainText('O armazenamento do navegador está cheio');
  await expect(page.getByRole('alert')).toContainText('libere espaço no disco');
  const kept = (await readStoredClients(page)).length;
  expect(kept).toBeLessThan(ROWS);

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('button', { name: 'Ver logs da migração' }).click();
  await expect(page.getByRole('alert').first()).toContainText(/armazenamento do navegador está cheio|parou antes do fim/);
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Retomar importação', { exact: true }).click();
  await (await chooser).setFiles({ name: 'clientes-disco-cheio.csv', mimeType: 'text/csv', buffer: file.buffer });
  await expect(page.getByText('situação: concluída')).toBeVisible({ timeout: 180_000 });
  await expect(page.locator('.stat', { hasText: 'importados' })).toContainText(ROWS.toLocaleString('pt-BR'));

  const stored = await readStoredClients(page);
  expect(stored).toHaveLength(ROWS);
  expect(stored.map((c) => c.document).sort()).toEqual([...file.documents].sort());
  expect(await groupsOfClientsExist(page)).toBe(true);
});
