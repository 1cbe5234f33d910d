import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ImportPage } from './pages/importPage';
import { buildClients1000 } from './fixtures/clients1000';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help} → ${v.nodes[0]?.target.join(' ')}`);
  expect(summary).toEqual([]);
}

test('every screen passes an axe scan', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.open();
  await expectNoViolations(page, 'upload');
  await wizard.upload('clientes.xlsx', buildClients1000().bytes);
  await expect(page.getByText(/linhas? de dados/)).toBeVisible();
  await expectNoViolations(page, 'upload done');
  await wizard.next();
  await expectNoViolations(page, 'mapping');
  await wizard.next();
  await expect(page.getByRole('button', { name: 'Iniciar importação' })).toBeVisible();
  await expectNoViolations(page, 'review');
  await wizard.startImport();
  await expectNoViolations(page, 'done');
  await page.getByRole('button', { name: 'Ver logs da migração' }).click();
  await expect(page.getByText('Linhas da planilha')).toBeVisible();
  await expectNoViolations(page, 'run');
  await page.getByRole('navigation').getByRole('link', { name: 'Logs de migração' }).click();
  await expectNoViolations(page, 'runs');
  await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
  await expect(page.getByText(/de \d+ clientes/)).toBeVisible();
  await expectNoViolations(page, 'clients');
  await page.getByRole('link', { name: 'Cliente Número 1', exact: true }).click();
  await expectNoViolations(page, 'client');
  await page.getByRole('button', { name: 'Editar' }).click();
  await expectNoViolations(page, 'client form');
  await page.getByRole('button', { name: 'Cancelar' }).click();
  await page.getByRole('button', { name: 'Excluir' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page, 'delete client dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
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
});
