import { test, expect } from './support/guarded';
import type { Page } from '@playwright/test';
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { ImportPage } from './pages/importPage';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${screen}: ${v.id} ${v.help} → ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

/** The groups the Grupos screen lists, by the name each line shows. */
function groupList(page: Page) {
  return page.getByRole('list', { name: 'Grupos cadastrados' });
}

/** The Grupos template downloaded from the import page, read as an office's spreadsheet program would. */
async function downloadGroupsTemplate(page: Page): Promise<XLSX.WorkBook> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Baixar modelo de grupos' }).click();
  const template = await download;
  expect(template.suggestedFilename()).toBe('modelo-grupos.xlsx');
  return XLSX.read(readFileSync(await template.path()), { type: 'buffer' });
}

test('a Grupos template downloaded, filled and imported creates the groups; undoing the run removes them', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  const book = await downloadGroupsTemplate(page);
  expect(book.SheetNames).toEqual(['Grupos', 'Instruções']);
  const sheet = book.Sheets['Grupos'];
  if (!sheet) throw new Error('no Grupos sheet');
  expect(XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]).toEqual(['Nome do grupo*', 'Descrição']);

  // Filled as an office would: two groups, and two hostile rows — only punctuation, and 81 characters.
  XLSX.utils.sheet_add_aoa(sheet, [['Tributário', 'Impostos e obrigações'], ['Família', ''], ['!!! ---', ''], ['G'.repeat(81), 'longo demais']], { origin: 'A2' });
  const filled = Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
  await wizard.upload('grupos.xlsx', filled);
  await expect(page.getByText('4 linhas de dados')).toBeVisible({ timeout: 60_000 });
  await wizard.next();

  // Recognised as groups without the user having to say so.
  const choice = page.getByRole('group', { name: 'O que esta planilha contém?' });
  await expect(choice.getByRole('radio', { name: 'Grupos' })).toBeChecked();
  await expect(page.getByText(/Reconhecemos uma planilha de grupos/)).toBeVisible();
  await expect(wizard.mappingSelect('A')).toHaveValue('name');
  await expect(wizard.mappingSelect('B')).toHaveValue('description');
  await expectNoViolations(page, 'mapping (groups)');
  await wizard.next();

  await expect(page.getByRole('heading', { name: '3. Conferir dados' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('O nome do grupo precisa ter ao menos uma letra ou um número.').first()).toBeVisible();
  await expect(page.getByText('O nome do grupo tem 81 caracteres; use no máximo 80.').first()).toBeVisible();
  await expect(page.getByText('Grupos já cadastrados (mesmo nome, sem diferença de maiúsculas ou acentos)')).toBeVisible();
  await expect(page.getByText('2 linhas serão importadas ou atualizadas.')).toBeVisible();
  await expectNoViolations(page, 'review (groups)');
  await wizard.startImport();

  await page.getByRole('link', { name: 'Ver grupos' }).click();
  await expect(page.getByRole('heading', { name: 'Grupos', level: 1 })).toBeVisible();
  await expect(groupList(page).getByRole('listitem')).toHaveCount(2);
  await expect(groupList(page).getByText('Tributário', { exact: true })).toBeVisible();
  await expect(groupList(page).getByText('Família', { exact: true })).toBeVisible();

  // The run log shows the entity, the rows refused and why; then the run is undone.
  await page.getByRole('navigation').getByRole('link', { name: 'Logs de migração' }).click();
  const runLine = page.getByRole('row').filter({ hasText: 'grupos.xlsx' });
  await expect(runLine.getByRole('cell', { name: 'Grupos', exact: true })).toBeVisible();
  await runLine.getByRole('link', { name: 'grupos.xlsx' }).click();
  await expect(page.getByText('O nome do grupo tem 81 caracteres; use no máximo 80.')).toBeVisible();
  await page.getByRole('button', { name: 'Desfazer importação' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Desfazer importação' }).click();
  await expect(page.getByText('Importação desfeita.')).toBeVisible();
  await expect(page.getByText(/os grupos criados por ela foram removidos/)).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Grupos' }).click();
  await expect(page.getByText('Nenhum grupo ainda')).toBeVisible();
});
