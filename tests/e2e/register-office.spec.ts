/** The register an office lives in: a client typed by hand, its own data handed over, everything erased. */
import { test, expect, type Page } from '@playwright/test';
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { validateClient } from '../../src/domain/validateClient';
import { formatCpf, makeCpf } from '../support/brazil';

const CPF = formatCpf(makeCpf(31));

/** Every object store of the app's database with its number of records. */
async function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => new Promise<Record<string, number>>((resolve, reject) => {
    const open = indexedDB.open('clientela');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names);
      const counts: Record<string, number> = {};
      for (const name of names) {
        const request = tx.objectStore(name).count();
        request.onsuccess = () => { counts[name] = request.result; };
      }
      tx.oncomplete = () => { db.close(); resolve(counts); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

async function createMaria(page: Page): Promise<void> {
  await page.goto('/#/clientes');
  await page.getByRole('link', { name: 'Novo cliente' }).click();
  await expect(page.getByRole('heading', { name: 'Novo cliente', level: 1 })).toBeVisible();
  await page.getByLabel('Nome/Razão Social*').fill('Maria Digitada');
  await page.getByLabel('CPF/CNPJ*').fill(CPF);
  await page.getByLabel('Celular').fill('(11) 98765-4321');
  await page.getByLabel('Grupo*').fill('Atendimento');
  // A date field takes the ISO value; the record shows it as dd/mm/aaaa.
  await page.getByLabel('Data de nascimento/fundação').fill('1889-11-15');
  const badEmail = 'maria@@exemplo';
  await page.getByLabel('E-mail principal*').fill(badEmail);
  await page.getByRole('button', { name: 'Salvar' }).click();
  const expected = validateClient({ email: badEmail }).problems.find((p) => p.field === 'email')?.message ?? 'no message';
  await expect(page.getByText(expected)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Novo cliente', level: 1 })).toBeVisible();

  await page.getByLabel('E-mail principal*').fill('maria@exemplo.com.br');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByRole('heading', { name: 'Maria Digitada', level: 1 })).toBeVisible();
}

test('"Novo cliente" refuses an invalid e-mail with its message, then saves the client; its history says so', async ({ page }) => {
  await createMaria(page);
  await expect(page.getByText(CPF)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Histórico' })).toContainText('Cadastrado à mão');

  await page.getByRole('button', { name: 'Editar' }).click();
  await page.getByLabel('Nome/Razão Social*').fill('Maria Digitada Silva');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByRole('region', { name: 'Histórico' })).toContainText('Alterado à mão');
  await expect(page.getByRole('region', { name: 'Histórico' })).toContainText('Nome/Razão Social: Maria Digitada → Maria Digitada Silva');

  await page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
  await page.getByLabel('Buscar').fill('Ninguém com este nome');
  await expect(page.getByText('Nenhum cliente encontrado para "Ninguém com este nome".', { exact: false })).toBeVisible();
});

test('one client\'s data exported on its own, as XLSX and JSON', async ({ page }) => {
  await createMaria(page);
  const xlsx = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Baixar dados do cliente (XLSX)' }).click();
  const file = await xlsx;
  expect(file.suggestedFilename()).toBe('dados-maria-digitada.xlsx');
  const book = XLSX.read(readFileSync(await file.path()), { type: 'buffer' });
  expect(book.SheetNames).toEqual(['Cliente', 'Histórico', 'Importações']);
  const [header, row] = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Cliente'] ?? {}, { header: 1, raw: false });
  expect(row?.[header?.indexOf('CPF/CNPJ*') ?? -1]).toBe(CPF);
  expect(row?.[header?.indexOf('Data de nascimento/fundação') ?? -1]).toBe('15/11/1889');
  expect(row?.at(-1)).toMatch(/^Cadastrado à mão em /);

  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Baixar dados do cliente (JSON)' }).click();
  const data = JSON.parse(readFileSync(await (await json).path(), 'utf8')) as { cliente: Record<string, string> };
  expect(data.cliente['CPF/CNPJ']).toBe(CPF);
  expect(data.cliente['E-mail principal']).toBe('maria@exemplo.com.br');
});

test('"Apagar todos os dados" offers a backup, asks for the word, and leaves every table empty', async ({ page }) => {
  await createMaria(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Cópia de segurança' }).click();
  await page.getByRole('button', { name: 'Apagar todos os dados' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apagar todos os dados?' });
  await expect(dialog).toBeVisible();
  const backup = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Baixar cópia de segurança antes' }).click();
  expect((await backup).suggestedFilename()).toMatch(/^clientela-backup-/);
  await expect(dialog.getByRole('button', { name: 'Apagar tudo' })).toBeDisabled();
  await dialog.getByLabel('Para confirmar, digite APAGAR').fill('apagar');
  await dialog.getByRole('button', { name: 'Apagar tudo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Todos os dados foram apagados' })).toBeVisible();
  const counts = await storeCounts(page);
  expect(Object.keys(counts).sort()).toEqual(['clients', 'groups', 'history', 'mappings', 'runLogs', 'runs', 'settings', 'syncConflicts', 'syncMeta', 'syncOutbox']);
  expect(Object.values(counts).every((n) => n === 0)).toBe(true);
});
