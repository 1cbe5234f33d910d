import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ImportPage } from './pages/importPage';
import { buildCsv } from '../support/spreadsheets/text';
import { formatCpf, makeCpf } from '../support/brazil';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help} → ${v.nodes[0]?.target.join(' ')}`);
  expect(summary).toEqual([]);
}

/** The list item of a group, found by the name it shows. */
function groupItem(page: Page, name: string) {
  return page.getByRole('list', { name: 'Grupos cadastrados' }).getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
}

test('Grupos: create, rename, a duplicate refused, delete', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Grupos' }).click();
  await expect(page.getByRole('heading', { name: 'Grupos', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/grupos$/);
  await expect(page.getByText('Nenhum grupo ainda')).toBeVisible();
  await expectNoViolations(page, 'groups (empty)');

  const newGroup = page.getByLabel('Novo grupo');
  await newGroup.fill('Tributario');
  await page.getByRole('button', { name: 'Criar grupo' }).click();
  await expect(page.getByRole('status')).toHaveText('Grupo "Tributario" criado.');
  await expect(groupItem(page, 'Tributario')).toContainText('0 clientes');

  await groupItem(page, 'Tributario').getByRole('button', { name: 'Renomear o grupo Tributario' }).click();
  const rename = page.getByLabel('Novo nome do grupo Tributario');
  await expect(rename).toBeFocused();
  await expectNoViolations(page, 'groups (renaming)');
  await rename.fill('Tributário');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByRole('status')).toHaveText('Grupo "Tributario" renomeado para "Tributário".');
  await expect(groupItem(page, 'Tributário')).toBeVisible();

  await newGroup.fill('  TRIBUTÁRIO ');
  await page.getByRole('button', { name: 'Criar grupo' }).click();
  await expect(page.getByRole('alert')).toHaveText('Já existe um grupo chamado "Tributário".');
  await expect(newGroup).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page, 'groups (error)');
  await expect(page.getByRole('list', { name: 'Grupos cadastrados' }).getByRole('listitem')).toHaveCount(1);

  await groupItem(page, 'Tributário').getByRole('button', { name: 'Excluir o grupo Tributário' }).click();
  await expect(page.getByRole('status')).toHaveText('Grupo "Tributário" excluído.');
  await expect(page.getByText('Nenhum grupo ainda')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Grupos', level: 1 })).toBeVisible();
  await expect(page.getByText('Nenhum grupo ainda')).toBeVisible();
});

test('a group named in an imported spreadsheet is listed with its clients; deleting it asks where they go', async ({ page }) => {
  const rows = [901, 902].map((seed) => [`Cliente ${seed}`, formatCpf(makeCpf(seed)), '(11) 98765-4321', `c${seed}@exemplo.com.br`, 'Carteira Sul']);
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('carteira.csv', Buffer.from(buildCsv([['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'], ...rows])), 'text/csv');
  await wizard.next();
  await wizard.next();
  await wizard.startImport();

  await page.getByRole('navigation').getByRole('link', { name: 'Grupos' }).click();
  const item = groupItem(page, 'Carteira Sul');
  await expect(item).toContainText('2 clientes');
  await expect(item.getByRole('link', { name: 'carteira.csv' })).toBeVisible();
  await item.getByRole('button', { name: /Excluir/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Excluir o grupo "Carteira Sul"' });
  await expect(dialog).toContainText('O grupo tem 2 clientes.');
  await expect(dialog).toContainText('Não há outro grupo.');
  await expectNoViolations(page, 'groups (delete dialog)');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toContainText('2 clientes');

  await page.getByLabel('Novo grupo').fill('Carteira Norte');
  await page.getByRole('button', { name: 'Criar grupo' }).click();
  await item.getByRole('button', { name: /Excluir/ }).click();
  await dialog.getByLabel('Mover os clientes para').selectOption({ label: 'Carteira Norte' });
  await dialog.getByRole('button', { name: 'Mover e excluir' }).click();
  await expect(page.getByRole('status')).toContainText('Grupo "Carteira Sul" excluído; 2 clientes foram para o grupo "Carteira Norte".');
  await expect(groupItem(page, 'Carteira Norte')).toContainText('2 clientes');
  await expectNoViolations(page, 'groups (with clients)');
});
