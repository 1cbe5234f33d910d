import { test, expect } from './support/guarded';
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { ImportPage } from './pages/importPage';
import { buildClients1000 } from './fixtures/clients1000';

function readDownload(path: string): XLSX.WorkBook {
  return XLSX.read(readFileSync(path), { type: 'buffer' });
}

test('the whole journey: template, upload, mapping, review, import, logs, clients, export', async ({ page, baseURL }) => {
  const external: string[] = [];
  const own = new URL(baseURL ?? 'http://127.0.0.1:4173').host;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.host !== own && !['blob:', 'data:'].includes(url.protocol)) external.push(request.url());
  });
  const wizard = new ImportPage(page);
  await wizard.open();

  // Template
  const templateDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Baixar modelo de planilha' }).click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toBe('modelo-clientes.xlsx');
  const templateBook = readDownload(await template.path());
  expect(templateBook.SheetNames).toEqual(['Clientes', 'Instruções', 'Listas']);
  const templateHeader = XLSX.utils.sheet_to_json<string[]>(templateBook.Sheets['Clientes'] ?? {}, { header: 1 })[0];
  expect(templateHeader).toEqual(expect.arrayContaining(['Nome/Razão Social*', 'CPF/CNPJ*', 'Celular', 'Telefone', 'E-mail principal*', 'Grupo*', 'CEP', 'UF']));

  // Upload 1,000 clients, some broken
  const file = buildClients1000();
  await wizard.upload('clientes-1000.xlsx', file.bytes);
  await expect(page.getByText('1.000 linhas de dados')).toBeVisible();
  await wizard.next();

  // Mapping, pre-filled from the headers
  await expect(wizard.mappingSelect('A')).toHaveValue('name');
  await expect(wizard.mappingSelect('B')).toHaveValue('document');
  await expect(wizard.mappingSelect('C')).toHaveValue('mobile');
  await expect(wizard.mappingSelect('D')).toHaveValue('email');
  await expect(wizard.mappingSelect('E')).toHaveValue('group');
  await wizard.next();

  // Review
  const errors = file.rejected.size;
  await expect(page.getByRole('heading', { name: /Conferir dados/ })).toBeVisible();
  await expect(page.locator('.stat', { hasText: 'com erros' })).toContainText(String(errors));
  await expect(page.locator('.stat', { hasText: 'repetidas na planilha' })).toContainText(String(file.duplicates.size));
  await expect(page.getByText(/dígitos verificadores/).first()).toBeVisible();
  await wizard.startImport();

  // Logs
  await page.getByRole('button', { name: 'Ver logs da migração' }).click();
  const imported = 1000 - errors - file.duplicates.size;
  await expect(page.locator('.stat', { hasText: 'importados' })).toContainText(String(imported));
  await expect(page.locator('.stat', { hasText: 'com erro' })).toContainText(String(errors));
  await page.getByLabel('Mostrar').selectOption('erro');
  const [badRow, reason] = [...file.rejected.entries()][0] ?? [0, ''];
  const line = page.locator(`[data-row="${badRow}"]`);
  await expect(line).toContainText(`Linha ${badRow}`);
  await expect(line).toContainText('erro');
  await expect(line).toContainText(reason);

  // Clients
  await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
  await expect(page.getByText(`${imported} de ${imported} clientes`)).toBeVisible();
  await page.getByLabel('Buscar').fill('Cliente Número 7');
  await page.getByRole('link', { name: 'Cliente Número 7', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cliente Número 7' })).toBeVisible();
  const cpf7 = file.rows[6]?.[1] ?? '';
  await expect(page.getByText(cpf7)).toBeVisible();
  await expect(page.getByText('cliente7@exemplo.com.br')).toBeVisible();

  // Export (back on the list the search is as it was left: cleared to export everyone)
  await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
  await expect(page.getByLabel('Buscar')).toHaveValue('Cliente Número 7');
  await page.getByLabel('Buscar').fill('');
  const exportDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar' }).click();
  const exported = readDownload(await (await exportDownload).path());
  const exportedRows = XLSX.utils.sheet_to_json<string[]>(exported.Sheets['Clientes'] ?? {}, { header: 1 });
  expect(exportedRows.length).toBe(imported + 1);
  expect(external).toEqual([]);
});

test('a file with no Grupo column imports into a group chosen for the whole file', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  const rows = buildClients1000().rows.slice(0, 5).map((r) => [r[0] ?? '', r[1] ?? '', r[2] ?? '', r[3] ?? '']);
  const sheet = XLSX.utils.aoa_to_sheet([['Nome', 'CPF', 'Celular', 'E-mail'], ...rows]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Plan1');
  const bytes: unknown = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' });
  await wizard.upload('sem-grupo.xlsx', Buffer.isBuffer(bytes) ? bytes : Buffer.alloc(0));
  await wizard.next();
  await expect(page.getByRole('alert').filter({ hasText: 'Campos obrigatórios sem coluna: Grupo' })).toBeVisible();
  // Without a Grupo the rows could still come in as incomplete; a group for all of them makes them complete.
  await expect(page.getByRole('alert').filter({ hasText: 'podem entrar como cadastro incompleto' })).toBeVisible();
  await page.getByLabel('Grupo para as linhas sem grupo').fill('Clientes antigos');
  await wizard.next();
  await expect(page.locator('.stat', { hasText: 'prontas para importar' }).locator('strong')).toHaveText('5');
  await wizard.startImport();
  await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
  await page.getByLabel('Grupo').selectOption({ label: 'Clientes antigos' });
  await expect(page.getByText('5 de 5 clientes')).toBeVisible();
});
