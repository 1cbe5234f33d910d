import { test, expect } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { readStoredClients } from './pages/storedClients';
import { buildCp1252Csv, buildCsv } from '../support/spreadsheets/text';
import { buildXlsx } from '../support/spreadsheets/build';
import { formatCpf, makeCnpj, makeCpf } from '../support/brazil';

/** Google Contacts' CSV: the name in pieces, labels and addresses joined by " ::: ", a birthday without a year. */
function buildGoogleContactsCsv(): Buffer {
  const header = ['First Name', 'Middle Name', 'Last Name', 'Birthday', 'Labels', 'E-mail 1 - Label', 'E-mail 1 - Value', 'Phone 1 - Label', 'Phone 1 - Value', 'Custom Field 1 - Label', 'Custom Field 1 - Value'];
  const rows = [
    ['Ana', 'Maria', 'Souza', '--03-05', '* myContacts ::: Trabalhista', '* Home', 'ana@exemplo.com ::: ana.souza@trabalho.com.br', 'Mobile', '+55 11 98765-4321', 'CPF', formatCpf(makeCpf(401))],
    ['Bruno', '', 'Lima', '1980-12-25', '* myContacts', '* Work', 'bruno@exemplo.com', 'Mobile', '(21) 99876-5432', 'CPF', formatCpf(makeCpf(402))],
    ['Carla', '', 'Dias', '', '* myContacts ::: Família ::: * starred', '', 'carla@exemplo.com', 'Work', '(11) 3000-1234', 'CPF', formatCpf(makeCpf(403))],
  ];
  return Buffer.from(buildCsv([header, ...rows], { delimiter: ',', eol: '\n' }));
}

/** An ERP report: a title block above the header and a total below the data. */
function buildErpReport(): Buffer {
  return Buffer.from(
    buildXlsx([
      ['Relatório de Clientes'],
      ['Emitido em 27/11/2026 às 17:02'],
      [],
      ['Razão Social', 'CNPJ/CPF', 'Fone', 'E-mail', 'Categoria'],
      ['Padaria Estrela Ltda', makeCnpj('112223330001'), '(11) 3456-7890', 'contato@estrela.com.br', 'Empresas'],
      ['Oficina Central ME', makeCnpj('445556660001'), '(31) 3222-1100', 'oficina@central.com.br', 'Empresas'],
      [],
      ['Total de registros: 2'],
    ]),
  );
}

test('a Google Contacts export: name pieces joined, system labels dropped, the default group used, nothing lost', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('contacts.csv', buildGoogleContactsCsv(), 'text/csv');
  await wizard.next();
  await expect(wizard.mappingSelect('A')).toHaveValue('name');
  await expect(wizard.mappingSelect('C')).toHaveValue('name');
  await expect(wizard.mappingSelect('J')).toHaveValue('');
  await expect(wizard.mappingSelect('K')).toHaveValue('document');
  await expect(page.getByText('Nome/Razão Social vai juntar as colunas A (First Name), B (Middle Name), C (Last Name), nesta ordem.')).toBeVisible();
  await page.getByLabel('Grupo para as linhas sem grupo').fill('Contatos do Google');
  await wizard.next();
  await expect(page.locator('.stat', { hasText: 'com erros' })).toContainText('0');
  await wizard.startImport();
  await expect(page.locator('.stat', { hasText: 'importados' })).toContainText('3');

  const stored = await readStoredClients(page);
  const ana = stored.find((c) => c.document === makeCpf(401));
  expect(ana).toMatchObject({ name: 'Ana Maria Souza', email: 'ana@exemplo.com', secondaryEmail: 'ana.souza@trabalho.com.br', mobile: '+5511987654321', birthDate: '' });
  expect(stored.find((c) => c.document === makeCpf(403))).toMatchObject({ name: 'Carla Dias' });
  const groups = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('clientela');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = await new Promise<string[]>((resolve) => {
      const request = db.transaction('groups').objectStore('groups').getAll();
      request.onsuccess = () => resolve((request.result as { name: string }[]).map((g) => g.name).sort());
    });
    db.close();
    return names;
  });
  expect(groups).toEqual(['Contatos do Google', 'Família', 'Trabalhista']);
});

test('an ERP report: the total line below the data is said and left out; undoing the import removes its clients', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('relatorio-clientes.xlsx', buildErpReport());
  await expect(page.getByLabel('Linha do cabeçalho')).toHaveValue('3');
  await wizard.next();
  await wizard.next();
  await expect(page.getByText('A linha 8 ("Total de registros: 2") é o rodapé do relatório, não um cliente, e não foi importada.')).toBeVisible();
  await expect(page.locator('.stat', { hasText: 'com erros' })).toContainText('0');
  await wizard.startImport();
  await page.getByRole('button', { name: 'Ver logs da migração' }).click();
  await expect(page.getByText('A linha 8 ("Total de registros: 2")')).toBeVisible();
  await expect(page.locator('.stat', { hasText: 'importados' })).toContainText('2');
  expect(await readStoredClients(page)).toHaveLength(2);

  await page.getByRole('button', { name: 'Desfazer importação' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Desfazer importação' }).click();
  await expect(page.getByText('Importação desfeita.')).toBeVisible();
  await expect(page.getByText(/Esta importação foi desfeita/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Desfazer importação' })).toHaveCount(0);
  expect(await readStoredClients(page)).toHaveLength(0);
});

/** An ERP's CSV: the CPF and the CNPJ in columns of their own, and each phone's DDD in the column before it. */
function buildErpSplitColumns(): Buffer {
  return Buffer.from(
    buildCp1252Csv([
      ['Código', 'Razão Social', 'CPF', 'CNPJ', 'DDD', 'Telefone', 'DDD Celular', 'Celular', 'E-mail', 'Área'],
      ['001', 'Padaria Estrela Ltda', '', makeCnpj('112223330001'), '11', '3456-7890', '', '', 'contato@estrela.com.br', 'Empresas'],
      ['002', 'José Conceição', formatCpf(makeCpf(601)), '', '', '', '021', '98765-4321', 'jose@exemplo.com.br', 'Pessoas'],
    ]),
  );
}

test('an ERP export with CPF and CNPJ apart and each DDD in its own column imports whole', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('clientes-erp.csv', buildErpSplitColumns(), 'text/csv');
  await wizard.next();
  for (const [letter, key] of [['C', 'document'], ['D', 'document'], ['E', 'phone.ddd'], ['F', 'phone'], ['G', 'mobile.ddd'], ['H', 'mobile'], ['J', 'group']] as const) {
    await expect(wizard.mappingSelect(letter)).toHaveValue(key);
  }
  await expect(page.getByText('CPF/CNPJ vem da primeira coluna preenchida de cada linha entre C (CPF), D (CNPJ).')).toBeVisible();
  await wizard.next();
  await expect(page.locator('.stat', { hasText: 'com erros' })).toContainText('0');
  await wizard.startImport();
  const stored = await readStoredClients(page);
  expect(stored.find((c) => c.document === makeCnpj('112223330001'))).toMatchObject({ name: 'Padaria Estrela Ltda', kind: 'PJ' });
  expect(stored.find((c) => c.document === makeCpf(601))).toMatchObject({ name: 'José Conceição', mobile: '+5521987654321' });
});
