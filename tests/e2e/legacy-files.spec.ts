import { test, expect } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { readStoredClients } from './pages/storedClients';
import { buildBareBiff, LEGACY_FIXTURES } from '../support/spreadsheets/legacy';
import { makeCpf } from '../support/brazil';

/** An old ERP's ".xls": a bare BIFF5 stream (no OLE container), upper-case headers, one invalid CPF. */
function buildErpXls(): Buffer {
  return Buffer.from(
    buildBareBiff('biff5', [
      ['CODIGO', 'NOME', 'CPF_CNPJ', 'FONE', 'EMAIL', 'GRUPO'],
      ['1', 'ANA PAULA SOUZA', makeCpf(801), '(11) 98765-4321', 'ana@exemplo.com.br', 'Varejo'],
      ['2', 'JOAO DA SILVA', makeCpf(802), '(21) 98765-1234', 'joao@exemplo.com', 'Varejo'],
      ['3', 'MARIA CONCEICAO', makeCpf(803), '(31) 99876-5432', 'maria@exemplo.com', 'Atacado'],
      ['4', 'PEDRO ERRADO', '123.456.789-00', '(41) 99999-8888', 'pedro@exemplo.com', 'Atacado'],
    ]),
  );
}

test('a bare-BIFF .xls from an old ERP opens, maps each named column and counts its rows', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('CLIENTES.XLS', buildErpXls(), 'application/vnd.ms-excel');
  await expect(page.getByText('4 linhas de dados')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('A planilha não tem linha de cabeçalho')).not.toBeChecked();
  await wizard.next();
  await expect(wizard.mappingSelect('A')).toHaveValue('');
  await expect(wizard.mappingSelect('B')).toHaveValue('name');
  await expect(wizard.mappingSelect('C')).toHaveValue('document');
  await expect(wizard.mappingSelect('D')).toHaveValue('mobile');
  await expect(wizard.mappingSelect('E')).toHaveValue('email');
  await expect(wizard.mappingSelect('F')).toHaveValue('group');
  await wizard.next();
  await expect(page.locator('.stat', { hasText: 'prontas para importar' })).toContainText('3');
  await expect(page.locator('.stat', { hasText: 'com erros' })).toContainText('1');
  await wizard.startImport();
  await expect(page.locator('.stat', { hasText: 'importados' })).toContainText('3');
  const stored = await readStoredClients(page);
  expect(stored.map((c) => c.name).sort()).toEqual(['ANA PAULA SOUZA', 'JOAO DA SILVA', 'MARIA CONCEICAO']);
});

test('a headerless CSV: the choice is ticked, columns are named by letter and mapped from content, no client lost', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('lista.csv', Buffer.from(LEGACY_FIXTURES['sem-cabecalho.csv']()), 'text/csv');
  const headerless = page.getByLabel('A planilha não tem linha de cabeçalho');
  await expect(headerless).toBeChecked({ timeout: 30_000 });
  await expect(page.getByText('4 linhas de dados')).toBeVisible();
  // The user may say it has one after all: the first row becomes the header, then back.
  await headerless.uncheck();
  await expect(page.getByText('3 linhas de dados')).toBeVisible();
  await headerless.check();
  await expect(page.getByText('4 linhas de dados')).toBeVisible();
  await wizard.next();
  await expect(page.getByText('Coluna A', { exact: true })).toBeVisible();
  await expect(wizard.mappingSelect('A')).toHaveValue('name');
  await expect(wizard.mappingSelect('B')).toHaveValue('document');
  await expect(wizard.mappingSelect('C')).toHaveValue('email');
  await expect(wizard.mappingSelect('D')).toHaveValue('mobile');
  await wizard.mappingSelect('E').selectOption('group');
  await wizard.next();
  await expect(page.locator('.stat', { hasText: 'com erros' })).toContainText('0');
  await wizard.startImport();
  await expect(page.locator('.stat', { hasText: 'importados' })).toContainText('4');
  const stored = await readStoredClients(page);
  expect(stored.map((c) => c.name).sort()).toEqual(['Ana Paula Souza', 'João da Silva', 'Maria Conceição', 'Padaria Estrela Ltda']);

  await page.getByRole('button', { name: 'Ver logs da migração' }).click();
  await expect(page.getByText('sem linha de cabeçalho')).toBeVisible();
  await expect(page.getByText('Linha 1', { exact: true })).toBeVisible();
});
