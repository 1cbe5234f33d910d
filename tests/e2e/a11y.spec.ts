import { type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './support/guarded';
import { ImportPage } from './pages/importPage';
import { buildClients1000 } from './fixtures/clients1000';

/** Every rule axe has, of any impact (best practices included). */
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${screen}: ${v.id} [${v.impact}] (${v.nodes.length}) ${v.help} → ${v.nodes[0]?.target.join(' ')}`);
  expect(summary).toEqual([]);
}

test('every screen and state passes an axe scan with no violation of any impact', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  await expectNoViolations(page, 'upload');
  await wizard.upload('clientes.xlsx', buildClients1000().bytes);
  await expect(page.getByText(/linhas? de dados/)).toBeVisible();
  await expectNoViolations(page, 'upload done');
  await wizard.next();
  await expect(page.getByRole('heading', { name: '2. Relacionar colunas' })).toBeFocused();
  await expectNoViolations(page, 'mapping');
  await wizard.mappingSelect('E').selectOption('');
  await expect(page.getByRole('alert').filter({ hasText: 'Campos obrigatórios sem coluna' })).toBeVisible();
  await expectNoViolations(page, 'mapping with a required field unmapped');
  await wizard.mappingSelect('E').selectOption('group');
  await wizard.next();
  await expect(page.getByRole('button', { name: 'Iniciar importação' })).toBeVisible();
  await expect(page.getByText(/^Linha \d+$/).first()).toBeVisible();
  await expectNoViolations(page, 'review');
  await page.getByLabel('Mostrar').selectOption('error');
  await expectNoViolations(page, 'review filtered');
  await page.getByRole('radio', { name: 'Substituir pelos dados da planilha' }).check();
  await page.getByRole('checkbox', { name: /Criar os grupos/ }).uncheck();
  await expectNoViolations(page, 'review with options changed');
  await page.getByRole('checkbox', { name: /Criar os grupos/ }).check();
  await wizard.startImport();
  await expectNoViolations(page, 'done');
  await page.getByRole('button', { name: 'Ver logs da migração' }).click();
  await expect(page.getByText('Linhas da planilha')).toBeVisible();
  await expectNoViolations(page, 'run');
  await page.getByRole('button', { name: 'Desfazer importação' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page, 'undo dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Logs de migração' }).click();
  await expectNoViolations(page, 'runs');
  await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
  await expect(page.getByText(/de \d+ clientes/)).toBeVisible();
  await expectNoViolations(page, 'clients');
  await page.getByLabel('Buscar').fill('nada com este nome');
  await expect(page.getByText(/^0 de \d+ clientes/)).toBeVisible();
  await expectNoViolations(page, 'clients, none found');
  await page.getByLabel('Buscar').fill('');
  await page.getByRole('link', { name: 'Cliente Número 1', exact: true }).click();
  await expectNoViolations(page, 'client');
  await page.getByRole('button', { name: 'Editar' }).click();
  await expectNoViolations(page, 'client form');
  await page.getByLabel('E-mail principal*').fill('');
  await page.getByLabel('CPF/CNPJ*').fill('123');
  await page.getByLabel('Observações').focus();
  await page.getByRole('button', { name: 'Salvar' }).click();
  // Every error at once, the focus on the first.
  await expect(page.getByLabel('CPF/CNPJ*')).toBeFocused();
  await expect(page.getByLabel('CPF/CNPJ*')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('E-mail principal*')).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page, 'client form with errors');
  await page.getByRole('button', { name: 'Cancelar' }).click();
  await page.getByRole('button', { name: 'Excluir' }).click();
  await expectNoViolations(page, 'delete dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByRole('button', { name: 'Excluir' })).toBeFocused();
  await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('link', { name: 'Novo cliente' }).click();
  await expect(page.getByRole('heading', { name: 'Novo cliente', level: 1 })).toBeVisible();
  await expectNoViolations(page, 'new client');
  await page.getByRole('navigation').getByRole('link', { name: 'Grupos' }).click();
  await expect(page.getByRole('heading', { name: 'Grupos', level: 1 })).toBeVisible();
  await expectNoViolations(page, 'groups');
  await page.getByRole('navigation').getByRole('link', { name: 'Cópia de segurança' }).click();
  await expect(page.getByText(/Em uso:/)).toBeVisible();
  await expectNoViolations(page, 'backup');
  await page.getByRole('button', { name: 'Apagar todos os dados' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page, 'erase everything dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('navigation').getByRole('link', { name: 'Configurações' }).click();
  await expect(page.getByRole('checkbox', { name: 'E-mail principal' })).toBeVisible();
  await expectNoViolations(page, 'settings');
});

test('an empty app (no client, no log) passes an axe scan on every screen', async ({ page }) => {
  await page.goto('./');
  for (const [link, heading] of [['Clientes', 'Clientes'], ['Grupos', 'Grupos'], ['Logs de migração', 'Logs de migração'], ['Cópia de segurança', 'Cópia de segurança'], ['Configurações', 'Configurações']] as const) {
    await page.getByRole('navigation').getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeFocused();
    await expectNoViolations(page, `${link} (empty)`);
  }
});
