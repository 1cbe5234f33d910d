import { type Page } from '@playwright/test';
import { test, expect } from './support/guarded';
import { ImportPage } from './pages/importPage';
import { buildLongValuesCsv, LONG_FILE_NAME } from './fixtures/longValues';

/** No screen scrolls sideways, and no row of a list cuts its text (every message readable). */
async function expectFits(page: Page, screen: string): Promise<void> {
  const sizes = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // What sticks out, to say in the failure which element pushes the page sideways.
    const wide = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > client + 0.5).slice(-3);
    return { scroll: document.documentElement.scrollWidth, client, wide: wide.map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`).join(', ') };
  });
  expect(sizes.scroll, `${screen}: page wider than the screen (${sizes.wide})`).toBeLessThanOrEqual(sizes.client);
  const clipped = await page.locator('[role="listitem"], [role="row"]').evaluateAll((rows) =>
    rows.filter((row) => row.scrollHeight > row.clientHeight + 1 || row.scrollWidth > row.clientWidth + 1).map((row) => row.textContent?.slice(0, 60)),
  );
  expect(clipped, `${screen}: rows that cut their text`).toEqual([]);
}

for (const width of [390, 768, 1280]) {
  test(`every screen fits ${width} px wide, its messages readable`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const wizard = new ImportPage(page);
    await wizard.open();
    await expectFits(page, 'upload');
    await wizard.upload(LONG_FILE_NAME, buildLongValuesCsv(), 'text/csv');
    await expect(page.getByText(/linhas de dados/)).toBeVisible();
    await expectFits(page, 'upload done');
    await wizard.next();
    await expect(page.getByRole('heading', { name: '2. Relacionar colunas' })).toBeVisible();
    await expectFits(page, 'mapping');
    await wizard.next();
    await expect(page.getByRole('button', { name: 'Iniciar importação' })).toBeVisible();
    await expect(page.locator('[data-row="7"]').filter({ hasText: 'dígitos verificadores' })).toBeVisible();
    await expectFits(page, 'review');
    await wizard.startImport();
    await expectFits(page, 'done');
    await page.getByRole('button', { name: 'Ver logs da migração' }).click();
    await expect(page.getByText('Linhas da planilha')).toBeVisible();
    await expect(page.locator('[data-row="7"]')).toContainText('dígitos verificadores');
    await expectFits(page, 'run');
    await page.getByRole('navigation').getByRole('link', { name: 'Logs de migração' }).click();
    await expect(page.getByRole('link', { name: LONG_FILE_NAME })).toBeVisible();
    await expectFits(page, 'runs');
    await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
    await expect(page.getByText(/de \d+ clientes/)).toBeVisible();
    await expectFits(page, 'clients');
    // On a phone too the list shows who, the document and the phone.
    const row = page.getByRole('listitem').filter({ hasText: 'Cliente Longo 3' });
    await expect(row.getByRole('link', { name: 'Cliente Longo 3' })).toBeVisible();
    await expect(row.getByText(/^\d{3}\.\d{3}\.\d{3}-\d{2}$/)).toBeVisible();
    await expect(row.getByText('(11) 98765-4321')).toBeVisible();
    await page.getByRole('link', { name: /^Associação Beneficente/ }).click();
    await expectFits(page, 'client');
    await page.getByRole('button', { name: 'Editar' }).click();
    await expectFits(page, 'client form');
    await page.getByRole('navigation').getByRole('link', { name: 'Grupos' }).click();
    await expect(page.getByRole('heading', { name: 'Grupos cadastrados' })).toBeVisible();
    await expect(page.getByText('Clientes com nomes muito longos', { exact: true })).toBeVisible();
    await expectFits(page, 'groups');
    await page.getByRole('navigation').getByRole('link', { name: 'Cópia de segurança' }).click();
    await expect(page.getByText(/Em uso:/)).toBeVisible();
    await expectFits(page, 'backup');
  });
}
