import { test, expect } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { readStoredClients } from './pages/storedClients';
import { buildCsv } from '../support/spreadsheets/text';
import { formatCpf, makeCpf } from '../support/brazil';

const ROWS = 30_000;

/** Enough clients for several chunks, so a cancel lands in the middle of the run. */
function buildManyClients(count: number, firstSeed = 1): Buffer {
  const header = ['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'];
  const rows = Array.from({ length: count }, (_, i) => [`Cliente ${firstSeed + i}`, formatCpf(makeCpf(firstSeed + i)), '(11) 98765-4321', `c${firstSeed + i}@exemplo.com.br`, 'Retomada']);
  return Buffer.from(buildCsv([header, ...rows]));
}

async function chooseResumeFile(page: import('@playwright/test').Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Retomar importação').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
}

test('a cancelled import is resumed from where it stopped with the same file; another file is refused', async ({ page }) => {
  test.setTimeout(120_000);
  const file = buildManyClients(ROWS);
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('muitos-clientes.csv', file, 'text/csv');
  await wizard.next();
  await wizard.next();
  await page.getByRole('button', { name: 'Iniciar importação' }).click();
  // Once a first chunk is in: a cancel before it would (rightly) keep nothing.
  await expect(page.getByText(/Importando [1-9][\d.]* de/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByText('Importação cancelada.')).toBeVisible({ timeout: 60_000 });
  const kept = (await readStoredClients(page)).length;
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(ROWS);

  await page.getByRole('button', { name: 'Ver logs da migração' }).click();
  await expect(page.getByText(/Esta importação parou antes do fim/)).toBeVisible();

  await chooseResumeFile(page, 'muitos-clientes.csv', buildManyClients(10, 900_000));
  await expect(page.getByRole('alert')).toContainText('não é o mesmo arquivo desta importação');
  expect(await readStoredClients(page)).toHaveLength(kept);

  await chooseResumeFile(page, 'muitos-clientes.csv', file);
  await expect(page.getByText('situação: concluída')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.stat', { hasText: 'importados' })).toContainText(ROWS.toLocaleString('pt-BR'));
  await expect(page.getByRole('button', { name: 'Retomar importação' })).toHaveCount(0);
  const stored = await readStoredClients(page);
  expect(stored).toHaveLength(ROWS);
  expect(new Set(stored.map((c) => c.document)).size).toBe(ROWS);
});

test('a tab opened while another one imports does not call that import interrupted', async ({ page, context }) => {
  test.setTimeout(120_000);
  const wizard = new ImportPage(page);
  await wizard.open();
  // Twice the rows: the import must still be running while the other tab opens and looks.
  await wizard.upload('muitos-clientes.csv', buildManyClients(2 * ROWS), 'text/csv');
  await wizard.next();
  await wizard.next();
  await page.getByRole('button', { name: 'Iniciar importação' }).click();
  await expect(page.getByText(/Importando [\d.]+ de/)).toBeVisible();

  const other = await context.newPage();
  await other.goto('/#/logs');
  await expect(other.getByRole('cell', { name: 'em andamento' })).toBeVisible();
  // The new tab's start-up check runs right after it loads; give it a moment before looking again.
  await other.waitForTimeout(1000);
  await expect(page.getByRole('button', { name: 'Ver logs da migração' })).toHaveCount(0);
  await expect(other.getByRole('cell', { name: 'interrompida' })).toHaveCount(0);
  await expect(other.getByRole('cell', { name: 'em andamento' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ver logs da migração' })).toBeVisible({ timeout: 60_000 });
  await expect(other.getByRole('cell', { name: 'concluída' })).toBeVisible();
});
