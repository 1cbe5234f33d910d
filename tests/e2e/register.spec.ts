import { test, expect } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { ClientsPage } from './pages/clientsPage';
import { buildRegister, type RegisterClient } from './fixtures/register';

const COUNT = 3000;
const { clients, csv } = buildRegister(COUNT);

const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const hasWord = (c: RegisterClient, prefix: string): boolean => fold(c.name).split(/[^a-z0-9]+/).some((w) => w.startsWith(prefix));
const byName = (a: RegisterClient, b: RegisterClient): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

test('Clientes with a few thousand clients: windows, search, filters and sorting', async ({ page }) => {
  test.setTimeout(300_000);
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('cadastro.csv', csv, 'text/csv');
  await wizard.next();
  await wizard.next();
  await expect(page.getByRole('button', { name: 'Iniciar importação' })).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Iniciar importação' }).click();
  await expect(page.getByRole('button', { name: 'Ver logs da migração' })).toBeVisible({ timeout: 180_000 });

  const list = new ClientsPage(page);
  await list.open();
  await list.expectCount(COUNT, COUNT);
  const sorted = [...clients].sort(byName);
  // Only a window is drawn, in name order.
  await expect(list.rows().first()).toContainText(sorted[0]?.name ?? '');
  expect(await list.rows().count()).toBeLessThan(60);

  await list.scrollToEnd();
  await expect(list.rows().filter({ hasText: sorted.at(-1)?.name ?? '' })).toBeVisible();
  await expect(list.rows().filter({ hasText: sorted[0]?.name ?? '' })).toHaveCount(0);

  // Descending, then by CPF/CNPJ and by group (the groups in name order: Cível, Ético, Trabalhista). A new
  // order starts at its top, though the list was scrolled to its end.
  await list.sortBy('Nome');
  await expect(page.getByText('Ordenado por Nome, decrescente')).toBeVisible();
  await expect(list.rows().first()).toContainText(sorted.at(-1)?.name ?? '');
  expect(await list.viewport.evaluate((el) => el.scrollTop)).toBe(0);
  await list.sortBy('CPF/CNPJ');
  const byDocument = [...clients].sort((a, b) => (a.document < b.document ? -1 : 1));
  await expect(list.rows().first()).toContainText(byDocument[0]?.name ?? '');
  await list.sortBy('Grupo');
  const civel = clients.filter((c) => c.group === 'Cível').sort(byName);
  await expect(list.rows().first()).toContainText(civel[0]?.name ?? '');
  await expect(list.rows().first()).toContainText('Cível');
  await list.sortBy('Nome');

  // A word's prefix, without accents; two words; a CPF typed with punctuation; a phone.
  await list.search('conceic');
  const conceicao = clients.filter((c) => hasWord(c, 'conceic')).sort(byName);
  await list.expectCount(conceicao.length, COUNT);
  await expect(list.rows().first()).toContainText(conceicao[0]?.name ?? '');
  await list.search('JOÃO silva');
  const joaoSilva = clients.filter((c) => hasWord(c, 'joao') && hasWord(c, 'silva'));
  await list.expectCount(joaoSilva.length, COUNT);
  const person = clients.find((c) => c.kind === 'PF' && c.name.startsWith('Beatriz')) ?? clients[0];
  await list.search(person?.typedDocument ?? '');
  await list.expectCount(1, COUNT);
  await expect(list.rows().first()).toContainText(person?.name ?? '');
  await list.search(person?.mobile ?? '');
  await list.expectCount(1, COUNT);
  await expect(list.rows().first()).toContainText(person?.name ?? '');
  // The same mobile typed without its DDD, with a dash: "97000-0123".
  const local = (person?.mobile ?? '').replace(/^\(\d\d\) /, '').replace(/^(\d{5})/, '$1-');
  await list.search(local);
  await list.expectCount(1, COUNT);
  await expect(list.rows().first()).toContainText(person?.name ?? '');
  await list.search('cliente7@');
  await list.expectCount(clients.filter((c) => c.email.startsWith('cliente7@')).length, COUNT);
  await list.search('');

  // Filters by group and by kind, together and with a search.
  await page.getByLabel('Grupo').selectOption({ label: 'Ético' });
  await list.expectCount(clients.filter((c) => c.group === 'Ético').length, COUNT);
  await page.getByLabel('Tipo').selectOption({ label: 'Pessoa jurídica' });
  const eticoCompanies = clients.filter((c) => c.group === 'Ético' && c.kind === 'PJ').sort(byName);
  await list.expectCount(eticoCompanies.length, COUNT);
  await expect(list.rows().first()).toContainText(eticoCompanies[0]?.name ?? '');
  await list.search('souza');
  await list.expectCount(eticoCompanies.filter((c) => hasWord(c, 'souza')).length, COUNT);

  // The export takes the filtered list.
  const download = page.waitForEvent('download');
  await page.getByLabel('Formato').selectOption('csv');
  await page.getByRole('button', { name: 'Exportar' }).click();
  const text = (await (await download).createReadStream()).toArray();
  const lines = Buffer.concat(await text).toString('utf8').trim().split(/\r\n/);
  expect(lines.length - 1).toBe(eticoCompanies.filter((c) => hasWord(c, 'souza')).length);
});
