/**
 * Files going out, as an office uses them: the list exported in each format and imported again (in a
 * browser with nothing stored) gives the same clients, days before 1900 and texts that look like formulas
 * included.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ImportPage } from './pages/importPage';
import { readStoredClients, type StoredClient } from './pages/storedClients';
import { formatCpf, makeCpf } from '../support/brazil';

const SOURCE_ROWS = [
  ['Nome', 'Nome fantasia', 'CPF', 'Celular', 'E-mail', 'Grupo', 'Nascimento', 'CEP'],
  ['Avó Centenária', '', formatCpf(makeCpf(11)), '(11) 98765-4321', 'avo@exemplo.com', 'Família', '15/11/1889', '01310-100'],
  ['Bisavô', '', formatCpf(makeCpf(12)), '(21) 98765-4322', 'bisavo@exemplo.com', 'Família', '28/02/1900', ''],
  ['Primeiro de Março', '+Mais Saúde', formatCpf(makeCpf(13)), '(31) 98765-4323', 'marco@exemplo.com', 'Clínica', '01/03/1900', '04567-000'],
  ['Maria Atual', '=Padaria', formatCpf(makeCpf(14)), '(41) 98765-4324', 'maria@exemplo.com', 'Clínica', '25/12/1980', ''],
];

function csvOf(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.from(`\ufeff${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
}

/** Imports a file with the pre-filled mapping and the default choices. */
async function importFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload(name, bytes);
  await wizard.next();
  await wizard.next();
  await expect(page.locator('.stat', { hasText: 'prontas para importar' }).locator('strong')).toHaveText(String(SOURCE_ROWS.length - 1));
  await wizard.startImport();
}

/** What must survive the round trip: every stored field but the ids, times and origin. */
function comparable(clients: readonly StoredClient[]): Record<string, unknown>[] {
  return clients
    .map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => !['id', 'groupId', 'createdAt', 'updatedAt', 'runId', 'row'].includes(k))))
    .sort((a, b) => String(a.document).localeCompare(String(b.document)));
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('the list exported as XLSX, CSV and ODS and imported again gives the same clients, dates before 1900 included', async ({ page, browser }) => {
  await importFile(page, 'clientes-antigos.csv', csvOf(SOURCE_ROWS));
  const stored = comparable(await readStoredClients(page));
  expect(stored.map((c) => c.birthDate)).toEqual(expect.arrayContaining(['1889-11-15', '1900-02-28', '1900-03-01', '1980-12-25']));
  expect(stored.map((c) => c.tradeName)).toEqual(expect.arrayContaining(['+Mais Saúde', '=Padaria']));

  for (const [format, label] of [['xlsx', 'Excel (XLSX)'], ['csv', 'CSV (Excel Brasil)'], ['ods', 'LibreOffice (ODS)']] as const) {
    await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
    await page.getByLabel('Formato').selectOption({ label });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportar' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^clientes-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
    const bytes = readFileSync(await file.path());

    const other = await freshPage(browser);
    await importFile(other, file.suggestedFilename(), bytes);
    expect(comparable(await readStoredClients(other)), format).toEqual(stored);
    await other.context().close();
  }
});
