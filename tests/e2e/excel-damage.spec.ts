import { test, expect, type Page } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { readStoredClients } from './pages/storedClients';
import { buildExcelDamage, CPF_LEADING_ZERO, CPF_WRONG_FIXED } from './fixtures/excelDamage';

function stat(page: Page, label: string) {
  return page.locator('.stat', { hasText: label }).locator('strong');
}

/** Shows only one kind of problem and returns the review line of the given spreadsheet row. */
async function lineOf(page: Page, code: string, row: number) {
  await page.getByLabel('Tipo de problema').selectOption(code);
  return page.locator(`[data-row="${row}"][data-code="${code}"]`);
}

test('Excel damage: each problem explained, fixed inline, stored normalized', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('danos-do-excel.xlsx', buildExcelDamage());
  await expect(page.getByText('32 linhas de dados')).toBeVisible();
  await wizard.next();

  // "Coluna 3" says nothing: the column is recognised from its CPFs.
  await expect(wizard.mappingSelect('C')).toHaveValue('document');
  await expect(wizard.mappingSelect('B')).toHaveValue('kind');
  await expect(wizard.mappingSelect('I')).toHaveValue('birthDate');
  await wizard.next();

  const expectations: [string, number, RegExp][] = [
    ['document.leading_zero_restored', 22, /zero do início do CPF foi restaurado/i],
    ['document.scientific_notation', 23, /notação científica.*formate a coluna como "Texto"/i],
    ['phone.missing_ninth_digit', 24, /sem o 9 na frente.*\(11\) 98765-4321/],
    ['email.secondary_from_cell', 25, /"daniel.fin@exemplo.com" foi para o e-mail secundário/],
    ['cep.leading_zero_restored', 26, /zero do início do CEP foi restaurado.*01310-100/],
    ['uf.name_converted', 27, /"São Paulo" foi trocado pela sigla SP/],
    ['date.excel_serial', 29, /05\/03\/2024/],
    ['kind.mismatch', 30, /pessoa física|CPF/i],
    ['cpf.check_digits', 32, /dígitos verificadores/],
    ['date.impossible', 33, /31\/02\/2024|não existe/i],
  ];
  for (const [code, row, sentence] of expectations) {
    const line = await lineOf(page, code, row);
    await expect(line, `${code} on row ${row}`).toContainText(sentence);
  }

  // Inline edits: the row moves to ready at once.
  const ready = Number(await stat(page, 'prontas para importar').textContent());
  const cpfLine = await lineOf(page, 'cpf.check_digits', 32);
  const cell = cpfLine.getByLabel('CPF/CNPJ da linha 32');
  await cell.fill(CPF_WRONG_FIXED);
  await cell.press('Enter');
  await expect(stat(page, 'prontas para importar')).toHaveText(String(ready + 1));
  const phoneLine = await lineOf(page, 'phone.missing_ninth_digit', 24);
  await phoneLine.getByRole('button', { name: /Usar sugestão/ }).click();
  await expect(stat(page, 'prontas para importar')).toHaveText(String(ready + 2));

  await wizard.startImport();
  const stored = await readStoredClients(page);
  const byName = new Map(stored.map((c) => [c.name, c]));
  expect(byName.get('Ana Zero')?.document).toBe(CPF_LEADING_ZERO);
  expect(byName.get('Carla Nono')?.mobile).toBe('+5511987654321');
  expect(byName.get('Daniel Emails')).toMatchObject({ email: 'daniel@exemplo.com', secondaryEmail: 'daniel.fin@exemplo.com' });
  expect(byName.get('Eva Cep')?.cep).toBe('01310100');
  expect(byName.get('Fábio Estado')?.uf).toBe('SP');
  expect(byName.get('Gabi Data')?.birthDate).toBe('2024-03-05');
  expect(byName.get('Hugo Serial')?.birthDate).toBe('2024-03-05');
  expect(byName.get('Padaria Alfa')).toMatchObject({ document: '12ABC34501DE35', kind: 'PJ' });
  expect(byName.get('João Dígito')?.document).toBe(CPF_WRONG_FIXED);
  expect(byName.get('Cliente Limpo 1')?.mobile).toBe('+5521998761000');
  for (const rejected of ['Bruno Científico', 'Iris Tipo', 'Karen Impossível']) expect(byName.has(rejected), rejected).toBe(false);
  expect(stored).toHaveLength(29);
});
