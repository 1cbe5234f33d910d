/**
 * Incomplete clients in storage: clients without CPF/CNPJ share the unique document index, an import
 * with "Importar como cadastro incompleto" writes, counts and logs them, and undo, resume, "Completar" and
 * backup/restore keep working with them.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadRunLog, resumeRun, runImport } from '../../../src/storage/importRun';
import { undoRun } from '../../../src/storage/undoRun';
import { loadContactIndex, loadDocumentIndex } from '../../../src/storage/clients';
import { saveClient } from '../../../src/storage/editClient';
import { createBackup, readBackup, restoreBackup } from '../../../src/storage/backup';
import { loadRequiredFields, saveRequiredFields } from '../../../src/storage/settings';
import { markDuplicates, reviewTable, type ReviewRow } from '../../../src/domain/review';
import type { ImportOptions } from '../../../src/storage/types';
import type { ClientelaDb } from '../../../src/storage/db';
import { ClientQueries } from '../../../src/storage/clientQuery';
import { NO_FILTER } from '../../../src/domain/clientFilter';
import { DEFAULT_SORT } from '../../../src/domain/clientSearch';
import { cpfOf, fail, freshDb, meta, snapshot, table, validRow } from './fixtures';

const INCOMPLETE: ImportOptions = { existing: 'skip', createGroups: true, importIncomplete: true };

/** Client `seed` without CPF/CNPJ and without e-mail (columns: Nome, CPF/CNPJ, Celular, E-mail, Grupo, Telefone, CEP). */
function rowWithoutDocument(seed: number, group = 'Tributário'): string[] {
  const row = validRow(seed, group);
  row[1] = '';
  row[3] = '';
  return row;
}

async function reviewAgainstStorage(db: ClientelaDb, sheet: string[][]): Promise<ReviewRow[]> {
  const rows = reviewTable(sheet, 0, meta().mapping);
  markDuplicates(rows, await loadDocumentIndex(db), await loadContactIndex(db));
  return rows;
}

describe('clients without CPF/CNPJ in the unique document index', () => {
  it('many are stored (the empty document is left out of the index) and read back with document ""', async () => {
    const db = freshDb();
    const rows = await reviewAgainstStorage(db, table([rowWithoutDocument(1), rowWithoutDocument(2), rowWithoutDocument(3, '')]));
    expect(rows.map((r) => r.status)).toEqual(['incomplete', 'incomplete', 'incomplete']);
    const run = await runImport(db, meta(), rows, INCOMPLETE);
    expect(run.counts).toEqual({ total: 3, imported: 3, updated: 0, skipped: 0, errors: 0, incomplete: 3 });
    const clients = await db.clients.orderBy('name').toArray();
    expect(clients.map((c) => [c.name, c.document])).toEqual([['Cliente 1', ''], ['Cliente 2', ''], ['Cliente 3', '']]);
    expect(clients[2]?.groupId).toBe('');
    expect(await db.clients.where('document').equals('').count()).toBe(0);
    expect((await loadDocumentIndex(db)).size).toBe(0);
  });

  it('the form saves one without document, and one with the document of nobody else', async () => {
    const db = freshDb();
    await runImport(db, meta(), await reviewAgainstStorage(db, table([rowWithoutDocument(1), rowWithoutDocument(2)])), INCOMPLETE);
    const [first] = await db.clients.orderBy('name').toArray();
    if (!first) fail('nothing stored');
    const { groupId: _g, id: _i, createdAt: _c, updatedAt: _u, runId: _r, row: _row, ...fields } = first;
    expect(await saveClient(db, first, { ...fields, email: 'c1@exemplo.com.br', group: 'Tributário' })).toEqual([]);
    expect((await db.clients.get(first.id))?.email).toBe('c1@exemplo.com.br');
    expect(await saveClient(db, first, { ...fields, document: '52998224725', email: 'c1@exemplo.com.br', group: 'Tributário' })).toEqual([]);
    expect((await loadDocumentIndex(db)).get('52998224725')).toBe(first.id);
  });
});

describe('an import with "Importar como cadastro incompleto"', () => {
  it('without the option, incomplete rows are errors as before (their cells kept for the error workbook)', async () => {
    const db = freshDb();
    const sheet = table([validRow(1), rowWithoutDocument(2)]);
    const run = await runImport(db, meta(), await reviewAgainstStorage(db, sheet), { existing: 'skip', createGroups: true });
    expect(run.counts).toEqual({ total: 2, imported: 1, updated: 0, skipped: 0, errors: 1 });
    expect((await loadRunLog(db, run.id)).find((l) => l.row === 3)).toMatchObject({ status: 'error', cells: sheet[2] });
  });

  it('logs what each incomplete client lacks as a warning', async () => {
    const db = freshDb();
    const run = await runImport(db, meta(), await reviewAgainstStorage(db, table([validRow(1), rowWithoutDocument(2)])), INCOMPLETE);
    const line = (await loadRunLog(db, run.id)).find((l) => l.row === 3) ?? fail('row 3 not logged');
    expect(line.status).toBe('imported');
    expect(line.messages?.map((m) => [m.code, m.level])).toEqual([['required.document', 'warning'], ['required.email', 'warning']]);
    expect(line.messages?.[0]?.message).toBe('Importado como cadastro incompleto: CPF/CNPJ é obrigatório e está vazio.');
  });

  it('the same file twice creates nothing the second time (found by name and phone), and "Completar" fills them', async () => {
    const db = freshDb();
    const sheet = table([rowWithoutDocument(1), rowWithoutDocument(2)]);
    await runImport(db, meta(), await reviewAgainstStorage(db, sheet), INCOMPLETE);
    const again = await reviewAgainstStorage(db, sheet);
    expect(again.map((r) => r.status)).toEqual(['existing', 'existing']);
    const second = await runImport(db, meta(), again, { existing: 'skip', createGroups: true });
    expect(second.counts).toMatchObject({ imported: 0, skipped: 2, errors: 0 });
    expect((await loadRunLog(db, second.id))[0]?.messages?.at(-1)?.message).toBe('Cliente já cadastrado (mesmo nome e telefone ou e-mail); linha ignorada.');
    expect(await db.clients.count()).toBe(2);

    const withEmail = table([validRow(1)].map((r) => [r[0] ?? '', '', r[2] ?? '', 'novo@exemplo.com.br', r[4] ?? '', '', '']));
    const completing = await reviewAgainstStorage(db, withEmail);
    expect(completing.map((r) => r.status)).toEqual(['existing']);
    const third = await runImport(db, meta(), completing, { ...INCOMPLETE, existing: 'complete' });
    expect(third.counts).toMatchObject({ updated: 1, incomplete: 1 });
    expect((await db.clients.where('name').equals('Cliente 1').first())?.email).toBe('novo@exemplo.com.br');
    // Undo gives the client back as it was (without e-mail).
    await undoRun(db, third.id);
    expect((await db.clients.where('name').equals('Cliente 1').first())?.email).toBe('');
  });

  it('"Substituir" by a row without CPF/CNPJ (same name and phone) keeps the stored client\'s CPF/CNPJ', async () => {
    const db = freshDb();
    await runImport(db, meta(), await reviewAgainstStorage(db, table([validRow(1)])), INCOMPLETE);
    const rows = await reviewAgainstStorage(db, table([rowWithoutDocument(1, 'Cível')]));
    expect(rows.map((r) => r.status)).toEqual(['existing']);
    const run = await runImport(db, meta(), rows, { ...INCOMPLETE, existing: 'replace' });
    expect(run.counts).toMatchObject({ updated: 1, incomplete: 1 });
    const [client] = await db.clients.toArray();
    expect(client).toMatchObject({ name: 'Cliente 1', document: cpfOf(1), email: '' });
  });

  it('is undone whole: the incomplete clients and their groups go away', async () => {
    const db = freshDb();
    const before = await snapshot(db);
    const run = await runImport(db, meta(), await reviewAgainstStorage(db, table([rowWithoutDocument(1, 'Novo'), rowWithoutDocument(2, ''), validRow(3)])), INCOMPLETE);
    expect(await db.clients.count()).toBe(3);
    expect((await undoRun(db, run.id)).status).toBe('undone');
    expect(await snapshot(db)).toEqual(before);
  });

  it('is resumed after a cancel without creating an incomplete client twice', async () => {
    const db = freshDb();
    const rows = await reviewAgainstStorage(db, table(Array.from({ length: 7 }, (_, i) => (i % 2 === 0 ? rowWithoutDocument(i) : validRow(i)))));
    let chunks = 0;
    const cancelled = await runImport(db, { ...meta(), review: { defaults: {}, declined: [], edits: [] } }, rows, INCOMPLETE, { onProgress: () => chunks++, isCancelled: () => chunks >= 1 }, 3);
    expect(cancelled.status).toBe('cancelled');
    expect(await db.clients.count()).toBe(3);
    const resumed = await resumeRun(db, cancelled.id, rows, {}, 3);
    expect(resumed.status).toBe('done');
    expect(resumed.counts).toEqual({ total: 7, imported: 7, updated: 0, skipped: 0, errors: 0, incomplete: 4 });
    expect(await db.clients.count()).toBe(7);
  });

  it('a backup with incomplete clients (and the run\'s choices, and the required fields) is restored as it was', async () => {
    const db = freshDb();
    await saveRequiredFields(db, ['phone', 'email']);
    const run = await runImport(db, { ...meta(), review: { defaults: {}, declined: [], edits: [], required: ['name', 'document', 'phone', 'email'] } },
      await reviewAgainstStorage(db, table([rowWithoutDocument(1, ''), rowWithoutDocument(2), validRow(3)])), INCOMPLETE);
    const before = await snapshot(db);
    const backup = readBackup(JSON.stringify(await createBackup(db)));
    expect(backup.problems).toEqual([]);
    const other = freshDb();
    await restoreBackup(other, backup.data ?? fail('backup refused'));
    expect(await snapshot(other)).toEqual(before);
    expect(await other.runs.get(run.id)).toEqual(await db.runs.get(run.id));
    expect([...(await loadRequiredFields(other))]).toEqual(['name', 'document', 'phone', 'email']);
  });
});

describe('the required-fields setting', () => {
  it('is the seed\'s until saved; Nome and CPF/CNPJ always stay', async () => {
    const db = freshDb();
    expect([...(await loadRequiredFields(db))]).toEqual(['name', 'document', 'phone', 'email', 'group']);
    await saveRequiredFields(db, ['phone', 'city']);
    expect([...(await loadRequiredFields(db))]).toEqual(['name', 'document', 'phone', 'city']);
  });
});

describe('"Incompletos" in the register\'s query', () => {
  it('finds the clients lacking a required field, by the office\'s current setting', async () => {
    const db = freshDb();
    await runImport(db, meta(), await reviewAgainstStorage(db, table([validRow(1), rowWithoutDocument(2), validRow(3)])), INCOMPLETE);
    const query = { filter: { ...NO_FILTER, incomplete: true }, sort: DEFAULT_SORT };
    const names = async () => (await db.clients.bulkGet(await new ClientQueries(db).ids(query))).map((c) => c?.name);
    expect(await names()).toEqual(['Cliente 2']);
    await saveRequiredFields(db, ['phone', 'email', 'group', 'cep']);
    expect(await names()).toEqual(['Cliente 1', 'Cliente 2', 'Cliente 3']);
  });
});
