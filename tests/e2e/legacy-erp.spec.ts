import { test, expect } from '@playwright/test';
import { ImportPage } from './pages/importPage';
import { ReviewFixes } from './pages/reviewFixes';
import { readStoredClients } from './pages/storedClients';
import { buildBareBiffErpExport, ERP_FACTS, ERP_HEADER, ERP_NAMED_COLUMNS } from '../support/spreadsheets/legacyErp';
import { columnLetter } from '../../src/domain/text';
import { formatCpf, makeCpf } from '../support/brazil';

const ROWS = 4000;
const numbers = Array.from({ length: ROWS }, (_, n) => n + 1);
const withDocument = numbers.filter(ERP_FACTS.withDocument);
const complete = numbers.filter((i) => ERP_FACTS.withDocument(i) && ERP_FACTS.withEmail(i));

test('a legacy ERP export (bare BIFF5 .xls, 46 columns, 4,000 rows): every client in, the incomplete ones completed later in their record', async ({ page }) => {
  test.setTimeout(300_000);
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('clientes-erp.xls', Buffer.from(buildBareBiffErpExport(ROWS)), 'application/vnd.ms-excel');
  await expect(page.getByRole('button', { name: 'Próximo passo' })).toBeEnabled({ timeout: 60_000 });
  await wizard.next();

  // Each named column is mapped to its field; the ERP's own codes are left out.
  for (const [index, header] of ERP_HEADER.entries()) {
    const field = (ERP_NAMED_COLUMNS as Record<string, string>)[header] ?? '';
    await expect(wizard.mappingSelect(columnLetter(index)), header).toHaveValue(field);
  }
  await wizard.next();

  const review = new ReviewFixes(page);
  await expect(review.stat('com erros')).toContainText(ROWS.toLocaleString('pt-BR'), { timeout: 120_000 });
  await review.applyAll('Telefone sem DDD');
  await review.dddForAll('11');
  await review.groupForRowsWithout('Clientes do ERP');
  await expect(review.stat('com erros')).toContainText(/^0 /);
  await expect(review.stat('prontas para importar')).toContainText(complete.length.toLocaleString('pt-BR'));
  await expect(review.stat('incompletas')).toContainText((ROWS - complete.length).toLocaleString('pt-BR'));

  await page.getByRole('checkbox', { name: /Importar como cadastro incompleto/ }).check();
  await expect(page.getByText(`${ROWS.toLocaleString('pt-BR')} linhas serão importadas ou atualizadas.`)).toBeVisible();
  await page.getByRole('button', { name: 'Iniciar importação' }).click();
  await expect(page.getByRole('button', { name: 'Ver logs da migração' })).toBeVisible({ timeout: 180_000 });
  await expect(page.locator('.stat', { hasText: 'importados' })).toContainText(ROWS.toLocaleString('pt-BR'));
  await expect(page.locator('.stat', { hasText: 'cadastros incompletos' })).toContainText((ROWS - complete.length).toLocaleString('pt-BR'));

  // Every row with a valid CPF/CNPJ is in, and so is every row without one (as incomplete).
  const stored = await readStoredClients(page);
  expect(stored).toHaveLength(ROWS);
  const documents = new Set(stored.map((c) => c.document));
  for (const i of withDocument) expect(documents.has(ERP_FACTS.cpf(i))).toBe(true);
  expect(stored.filter((c) => c.document === undefined)).toHaveLength(ROWS - withDocument.length);

  // The clients show as incomplete; one is completed in its record.
  await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('checkbox', { name: 'Incompletos' }).check();
  await expect(page.getByText(`${(ROWS - complete.length).toLocaleString('pt-BR')} de ${ROWS.toLocaleString('pt-BR')} clientes`)).toBeVisible();
  const name = ERP_FACTS.name(1);
  await page.getByRole('searchbox').fill(name);
  await page.getByRole('link', { name }).click();
  await expect(page.getByText('Falta: CPF/CNPJ, E-mail principal.')).toBeVisible();
  await page.getByRole('button', { name: 'Completar cadastro' }).click();
  await page.getByLabel('CPF/CNPJ*').fill(formatCpf(makeCpf(999_001)));
  await page.getByLabel('E-mail principal*').fill('cliente1@exemplo.com.br');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByText('Alterações salvas.')).toBeVisible();
  await expect(page.getByText(/Cadastro incompleto/)).toHaveCount(0);

  await page.getByRole('link', { name: '← Clientes' }).click();
  // Back from a record the list keeps its search and filters: the search is cleared to count them all.
  await expect(page.getByLabel('Buscar')).toHaveValue('CLIENTE 00001 DA SILVA');
  await page.getByLabel('Buscar').fill('');
  await page.getByRole('checkbox', { name: 'Incompletos' }).check();
  await expect(page.getByText(`${(ROWS - complete.length - 1).toLocaleString('pt-BR')} de ${ROWS.toLocaleString('pt-BR')} clientes`)).toBeVisible();
});

test('"Configurações › Campos obrigatórios": without E-mail and Grupo required, the ERP rows with a CPF are complete', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Configurações' }).click();
  await expect(page.getByRole('checkbox', { name: 'Nome/Razão Social' })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'CPF/CNPJ' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'E-mail principal' }).uncheck();
  await page.getByRole('checkbox', { name: 'Grupo' }).uncheck();
  await expect(page.getByText('Campos obrigatórios salvos.')).toBeVisible();

  const rows = 30;
  const wizard = new ImportPage(page);
  await wizard.open();
  await wizard.upload('clientes-erp.xls', Buffer.from(buildBareBiffErpExport(rows)), 'application/vnd.ms-excel');
  await expect(page.getByRole('button', { name: 'Próximo passo' })).toBeEnabled({ timeout: 60_000 });
  await wizard.next();
  await wizard.next();
  const review = new ReviewFixes(page);
  await review.applyAll('Telefone sem DDD');
  await review.dddForAll('11');
  const documented = Array.from({ length: rows }, (_, n) => n + 1).filter(ERP_FACTS.withDocument).length;
  await expect(review.stat('prontas para importar')).toContainText(String(documented));
  await expect(review.stat('incompletas')).toContainText(String(rows - documented));
});
