import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { api } from '../../../src/worker/api';
import { getDb } from '../../../src/storage/db';
import { loadRunLog } from '../../../src/storage/importRun';

/** The Grupos template as the app gives it, filled in as an office would (in Excel: rows below the header). */
async function filledTemplate(rows: string[][]): Promise<File> {
  const book = XLSX.read(await api.template('xlsx', 'groups'), { type: 'array' });
  const sheet = book.Sheets.Grupos;
  if (!sheet) throw new Error('no Grupos sheet');
  XLSX.utils.sheet_add_aoa(sheet, rows, { origin: 'A2' });
  const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  return new File([bytes], 'grupos.xlsx');
}

describe('a filled Grupos template through the worker API', () => {
  it('is recognised as groups, reviewed, imported and undone', async () => {
    await getDb().groups.add({ id: 'vip', name: 'Clientes VIP', nameKey: 'clientes vip', description: '', createdAt: 1 });
    const file = await filledTemplate([['Tributário', 'Impostos'], ['clientes vip', 'Os maiores'], ['!!!', ''], ['x'.repeat(81), ''], ['TRIBUTARIO', '']]);
    const opened = await api.openFile(file);
    expect(opened.data?.sheetIndex).toBe(0);
    const preview = await api.previewSheet(0);
    expect(preview.data).toMatchObject({ entity: 'groups', mapping: ['name', 'description'], dataRows: 5 });
    expect(preview.data?.entityReason).toContain('"Grupos"');

    const summary = await api.review(preview.data?.mapping ?? [], {});
    expect(summary.counts).toMatchObject({ ready: 1, existing: 1, error: 2, duplicate: 1 });
    const errors = await api.reviewItems({ status: 'error', code: null }, 0, 10);
    expect(errors.items.map((i) => [i.rowNumber, i.problem.message])).toEqual([
      [4, 'O nome do grupo precisa ter ao menos uma letra ou um número.'],
      [5, 'O nome do grupo tem 81 caracteres; use no máximo 80.'],
    ]);
    // Corrected in the review table, row 4 becomes a group too.
    const edited = await api.editCell(4, 'name', 'Família');
    expect(edited.counts).toMatchObject({ ready: 2, error: 1 });

    const { data: run } = await api.startImport({ existing: 'complete', createGroups: true });
    expect(run).toMatchObject({ entity: 'groups', status: 'done', counts: { imported: 2, updated: 1, skipped: 1, errors: 1 }, review: { edits: [[4, { name: 'Família' }]] } });
    const names = (await getDb().groups.orderBy('nameKey').toArray()).map((g) => [g.name, g.description]);
    expect(names).toEqual([['Clientes VIP', 'Os maiores'], ['Família', ''], ['Tributário', 'Impostos']]);
    expect((await loadRunLog(getDb(), run?.id ?? '')).map((l) => l.status)).toEqual(['imported', 'updated', 'imported', 'error', 'skipped']);
    expect(await getDb().mappings.get(['groups', 'nome do grupo|descricao'])).toBeDefined();

    const undone = await api.undoRun(run?.id ?? '');
    expect(undone.data?.status).toBe('undone');
    expect((await getDb().groups.toArray()).map((g) => [g.name, g.description])).toEqual([['Clientes VIP', '']]);
  });

  it('opens on the Grupos tab when the office moved the instructions first', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Coluna', 'O que é', 'Formato', 'Obrigatório', 'Exemplo'], ['Nome do grupo*', 'Nome do grupo', 'Texto', 'Sim', 'Tributário']]), 'Instruções');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Nome do grupo*', 'Descrição'], ['Tributário', '']]), 'Grupos');
    const opened = await api.openFile(new File([XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer], 'grupos.xlsx'));
    expect(opened.data?.sheetIndex).toBe(1);
    expect((await api.previewSheet(1)).data?.entity).toBe('groups');
  });

  it('can be switched to Clientes (and back) in the mapping step, each with its own fields', async () => {
    await api.openFile(await filledTemplate([['Tributário', '']]));
    expect((await api.previewSheet(0, 0, 'clients')).data).toMatchObject({ entity: 'clients', entityReason: null });
    expect((await api.previewSheet(0, 0, 'groups')).data).toMatchObject({ entity: 'groups', mapping: ['name', 'description'] });
  });
});

describe('a Grupos run cut short, resumed from the same file through the worker API', () => {
  it('goes on from its next chunk and ends with every group once', async () => {
    const db = getDb();
    await db.groups.clear();
    const lines = ['Nome do grupo;Descrição', ...Array.from({ length: 2500 }, (_, i) => `Carteira ${i + 1};`)];
    const bytes = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
    const file = new File([bytes], 'carteiras.csv', { type: 'text/csv' });
    await api.openFile(file);
    const preview = await api.previewSheet(0);
    expect(preview.data?.entity).toBe('groups');
    await api.review(preview.data?.mapping ?? [], {});
    // Cancelled once the first chunk (2,000 groups) is in: the run stops there, resumable.
    let cancelled = false;
    const first = await api.startImport({ existing: 'skip', createGroups: false }, () => {
      if (!cancelled) void api.cancelImport();
      cancelled = true;
    });
    expect(first.data).toMatchObject({ status: 'cancelled', nextChunk: 1, counts: { imported: 2000 } });
    const resumed = await api.resumeImport(first.data?.id ?? '', new File([bytes], 'carteiras.csv'));
    expect(resumed.data).toMatchObject({ status: 'done', counts: { total: 2500, imported: 2500 } });
    expect(await db.groups.count()).toBe(2500);
  });
});
