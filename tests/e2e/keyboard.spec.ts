import { type Locator, type Page } from '@playwright/test';
import { test, expect } from './support/guarded';
import { buildLongValuesCsv } from './fixtures/longValues';

/** Tab (only Tab) until `target` has the focus. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused({ timeout: 1 });
}

async function expectScreen(page: Page, heading: Locator, title: string): Promise<void> {
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(`${title} · Clientela`);
}

test('the whole journey by keyboard alone: the focus lands on each new screen and step, dialogs keep and return it', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle('Enviar planilha · Importar dados · Clientela');

  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, page.getByLabel('Escolher arquivo'));
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'teclado.csv', mimeType: 'text/csv', buffer: buildLongValuesCsv() });
  await expect(page.getByText(/linhas de dados/)).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Próximo passo' }));
  await page.keyboard.press('Enter');
  await expectScreen(page, page.getByRole('heading', { name: '2. Relacionar colunas' }), 'Relacionar colunas · Importar dados');

  await tabTo(page, page.getByRole('button', { name: 'Próximo passo' }));
  await page.keyboard.press('Enter');
  await expectScreen(page, page.getByRole('heading', { name: '3. Conferir dados' }), 'Conferir dados · Importar dados');

  // Past the long table in one step.
  await tabTo(page, page.getByRole('link', { name: 'Ir para Iniciar importação' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Iniciar importação' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectScreen(page, page.getByRole('heading', { name: '4. Importação concluída' }), 'Importação concluída · Importar dados');
  await expect(page.getByText(/^Importação concluída: \d+ importados/)).toBeAttached();

  await tabTo(page, page.getByRole('button', { name: 'Ver logs da migração' }));
  await page.keyboard.press('Enter');
  await expectScreen(page, page.getByRole('heading', { name: 'Importação de teclado.csv', level: 1 }), 'Importação de teclado.csv');

  // A real modal dialog: the focus goes in, stays in, and comes back.
  const undo = page.getByRole('button', { name: 'Desfazer importação' });
  await tabTo(page, undo);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Desfazer esta importação?' });
  await expect(dialog.getByRole('button', { name: 'Cancelar' })).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(undo).toBeFocused();

  await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Clientes' }));
  await page.keyboard.press('Enter');
  await expectScreen(page, page.getByRole('heading', { name: 'Clientes', level: 1 }), 'Clientes');
  await tabTo(page, page.getByLabel('Buscar'));
  await page.keyboard.type('Longo 3');
  await tabTo(page, page.getByRole('link', { name: 'Cliente Longo 3', exact: true }));
  await page.keyboard.press('Enter');
  await expectScreen(page, page.getByRole('heading', { name: 'Cliente Longo 3', level: 1 }), 'Cliente Longo 3');

  // Back on the list, the search is as it was left.
  await page.goBack();
  await expectScreen(page, page.getByRole('heading', { name: 'Clientes', level: 1 }), 'Clientes');
  await expect(page.getByLabel('Buscar')).toHaveValue('Longo 3');
});
