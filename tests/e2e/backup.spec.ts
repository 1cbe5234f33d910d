import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ImportPage } from './pages/importPage';
import { readStoredClients } from './pages/storedClients';
import { buildCsv } from '../support/spreadsheets/text';
import { formatCpf, makeCpf } from '../support/brazil';

function clientsCsv(seeds: number[]): Buffer {
  const rows = seeds.map((seed) => [`Cliente ${seed}`, formatCpf(makeCpf(seed)), '(11) 98765-4321', `c${seed}@exemplo.com.br`, 'Backup']);
  return Buffer.from(buildCsv([['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'], ...rows]));
}

async function importClients(page: Page, seeds: number[]): Promise<void> {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload(`clientes-${seeds.join('-')}.csv`, clientsCsv(seeds), 'text/csv');
  await wizard.next();
  await wizard.next();
  await wizard.startImport();
}

async function openBackup(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Cópia de segurança' }).click();
  await expect(page.getByRole('heading', { name: 'Cópia de segurança', level: 1 })).toBeVisible();
}

async function chooseBackupFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Restaurar cópia', { exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
}

test('a backup downloaded and restored brings back exactly what was stored; another JSON is refused', async ({ page }) => {
  await importClients(page, [801, 802]);
  await openBackup(page);
  await expect(page.getByText(/Em uso:/)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Baixar cópia de segurança' }).click();
  const saved = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/^clientela-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = readFileSync(saved);

  await importClients(page, [803]);
  expect(await readStoredClients(page)).toHaveLength(3);

  await openBackup(page);
  const confirmRestore = page.getByRole('dialog').getByRole('button', { name: 'Restaurar cópia' });
  await chooseBackupFile(page, 'outra-coisa.json', Buffer.from('{"clientes": []}'));
  await confirmRestore.click();
  await expect(page.getByRole('alert')).toContainText('não é uma cópia de segurança do Clientela');
  expect(await readStoredClients(page)).toHaveLength(3);

  await chooseBackupFile(page, 'clientela-backup.json', backup);
  await confirmRestore.click();
  await expect(page.getByRole('status').filter({ hasText: 'Cópia restaurada' })).toContainText('2 clientes');
  expect((await readStoredClients(page)).map((c) => c.name).sort()).toEqual(['Cliente 801', 'Cliente 802']);
});
