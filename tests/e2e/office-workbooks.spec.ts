import { test, expect } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { buildWorkbook } from '../support/spreadsheets/build';
import { formatCpf, makeCpf } from '../support/brazil';

/** A workbook as offices keep them: a hidden old copy, an instructions tab, an empty tab, and the data under a title block. */
function buildOfficeWorkbook(): Buffer {
  const data = [1, 2, 3].map((i) => [`Cliente ${i}`, formatCpf(makeCpf(300 + i)), `(11) 98765-000${i}`, { t: 's' as const, v: `cliente${i}@exemplo.com`, f: `LOWER("CLIENTE${i}@EXEMPLO.COM")` }, 'Família']);
  return Buffer.from(
    buildWorkbook([
      { name: 'Antigos', hidden: true, rows: [['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'], ['Cliente antigo', formatCpf(makeCpf(299)), '(11) 98765-0000', 'antigo@exemplo.com', 'Família']] },
      { name: 'Instruções', rows: [['Preencha a aba Clientes a partir da linha 5.']] },
      { name: 'Vazia', rows: [] },
      { name: 'Clientes', rows: [['Cadastro de clientes — Escritório Silva'], ['Atualizado em 10/11/2026'], [], ['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'], ...data] },
    ]),
  );
}

test('a workbook with several tabs, a title block and formulas: the data tab is chosen, the header is found, the log notes the formulas', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('clientes-escritorio.xlsx', buildOfficeWorkbook());
  const sheet = page.getByLabel('Aba');
  await expect(sheet.locator('option')).toHaveText(['Antigos (oculta)', 'Instruções', 'Vazia (vazia)', 'Clientes']);
  // The data tab is chosen by its headers, not by its position; a hidden old copy is passed over.
  await expect(sheet).toHaveValue('3');
  await sheet.selectOption({ label: 'Instruções' });
  await expect(page.getByText('0 linhas de dados')).toBeVisible();
  await sheet.selectOption({ label: 'Clientes' });
  await expect(page.getByLabel('Linha do cabeçalho')).toHaveValue('3');
  await expect(page.getByText('3 linhas de dados')).toBeVisible();
  await expect(page.getByText(/fórmula/i).first()).toBeVisible();
  await wizard.next();
  await expect(wizard.mappingSelect('D')).toHaveValue('email');
  await wizard.next();
  await wizard.startImport();
  await page.getByRole('button', { name: 'Ver logs da migração' }).click();
  await expect(page.getByText(/fórmula/i).first()).toBeVisible();
  await expect(page.getByText('cabeçalho na linha 4')).toBeVisible();
  await expect(page.locator('[data-row="5"]')).toContainText('importado');
  await expect(page.locator('[data-row="7"]')).toContainText('importado');
});
