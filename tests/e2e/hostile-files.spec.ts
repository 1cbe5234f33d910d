import { test, expect } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { readStoredClients } from './pages/storedClients';
import { buildEncryptedWorkbook, buildZipBomb, buildCp1252Csv, buildPdf, truncate, buildXlsx } from '../support/spreadsheets/build';
import { cpfFromBody, formatCpf, makeCpf } from '../support/brazil';

const VALID = [
  ['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'],
  ['Ana Prévia', formatCpf(makeCpf(11)), '(11) 98765-1111', 'ana@exemplo.com.br', 'Cível'],
  ['Beto Prévio', formatCpf(makeCpf(12)), '(11) 98765-2222', 'beto@exemplo.com.br', 'Cível'],
];

test('hostile files: each refused with its message, nothing stored changes, the next upload works', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('clientes.csv', Buffer.from(buildCp1252Csv(VALID)));
  await wizard.next();
  await wizard.next();
  await wizard.startImport();
  const before = await readStoredClients(page);
  expect(before).toHaveLength(2);
  await page.getByRole('button', { name: 'Importar outro arquivo' }).click();

  const hostile: [string, Uint8Array, RegExp][] = [
    ['protegida-por-senha.xlsx', buildEncryptedWorkbook(), /protegido por senha.*apague a senha/],
    ['bomba-zip.xlsx', buildZipBomb(), /grande demais.*500 MB.*limite/],
    ['relatorio.xlsx', buildPdf(), /parece ser um PDF/i],
    ['cortada.xlsx', truncate(buildXlsx(VALID), 0.5), /danificado|corrompido|incompleto/i],
  ];
  for (const [name, bytes, message] of hostile) {
    await wizard.upload(name, Buffer.from(bytes));
    await expect(page.getByRole('alert').filter({ hasText: message }), name).toBeVisible();
    await expect(page.getByRole('button', { name: 'Próximo passo' })).toHaveCount(0);
  }
  expect(await readStoredClients(page)).toEqual(before);

  // The worker survived: a valid file right after opens and imports.
  const next = [...VALID.slice(0, 1), ['Caio Depois', formatCpf(cpfFromBody('000123456')), '(11) 98765-3333', 'caio@exemplo.com.br', 'Cível']];
  await wizard.upload('depois.xlsx', Buffer.from(buildXlsx(next)));
  await expect(page.getByText('1 linha de dados')).toBeVisible();
  await wizard.next();
  await wizard.next();
  await wizard.startImport();
  expect(await readStoredClients(page)).toHaveLength(3);
});

test('a CSV saved by Brazilian Excel (Windows-1252, ";", leading zeros, dd/mm/aaaa) keeps every accent and zero', async ({ page }) => {
  const cpf = cpfFromBody('001234567');
  const rows = [
    ['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo', 'Data de nascimento', 'CEP', 'Cidade', 'UF', 'Observações'],
    ['Conceição Ávila Güell', cpf, '(11) 98765-4321', 'conceicao@exemplo.com.br', 'Previdenciário', '05/03/1984', '01001-000', 'São João del-Rei', 'MG', 'Prefere “WhatsApp” – à tarde'],
    ['JOSÉ DA CONCEIÇÃO', formatCpf(makeCpf(77)), '(31) 3222-1234', 'jose@exemplo.com.br', 'previdenciario', '12/11/1950', '30130-010', 'Belo Horizonte', 'MG', ''],
  ];
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('clientes-excel.csv', Buffer.from(buildCp1252Csv(rows)), 'text/csv');
  await expect(page.getByText('2 linhas de dados')).toBeVisible();
  await wizard.next();
  await wizard.next();
  await expect(page.locator('.stat', { hasText: 'com erros' }).locator('strong')).toHaveText('0');
  await wizard.startImport();
  const stored = await readStoredClients(page);
  const first = stored.find((c) => c.document === cpf);
  expect(first).toMatchObject({ name: 'Conceição Ávila Güell', birthDate: '1984-03-05', cep: '01001000', uf: 'MG' });
  expect(stored.find((c) => c.name === 'JOSÉ DA CONCEIÇÃO')).toMatchObject({ birthDate: '1950-11-12', phone: '', mobile: expect.stringMatching(/^\+55/) });
  await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('link', { name: 'Conceição Ávila Güell' }).click();
  await expect(page.getByText('São João del-Rei')).toBeVisible();
  await expect(page.getByText('Prefere “WhatsApp” – à tarde')).toBeVisible();
  await expect(page.getByText(formatCpf(cpf))).toBeVisible();
});
