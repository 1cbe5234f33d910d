/** A client's history, and the LGPD erasure of a client (art. 18): nothing of it left in any table. */
import { describe, expect, it } from 'vitest';
import { createClient, deleteClient, saveClient } from '../../../src/storage/editClient';
import { runImport, loadRunLog } from '../../../src/storage/importRun';
import { undoRun } from '../../../src/storage/undoRun';
import { loadHistory } from '../../../src/storage/history';
import { eraseEverything } from '../../../src/storage/eraseEverything';
import { createBackup, readBackup, restoreBackup } from '../../../src/storage/backup';
import { deleteGroup } from '../../../src/storage/groups';
import { validateClient } from '../../../src/domain/validateClient';
import type { ClientDraft } from '../../../src/domain/entities/client';
import type { ClientelaDb } from '../../../src/storage/db';
import { formatCpf } from '../../support/brazil';
import { cpfOf, fail, freshDb, meta, review, table, validRow } from './fixtures';

function draftOf(seed: number, changes: Partial<Record<string, string>> = {}): ClientDraft {
  const [name, document, mobile, email, group] = validRow(seed);
  const { data, problems } = validateClient({ name, document, mobile, email, group, ...changes });
  expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  return data;
}

/** Every table's content as JSON text: what "no trace left" is checked against. */
async function everything(db: ClientelaDb): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.stringify(Object.fromEntries(tables));
}

describe('a client\'s history', () => {
  it('records the creation by hand, then each change: by hand, by an import, by its undo', async () => {
    const db = freshDb();
    const created = (await createClient(db, draftOf(1))).data ?? fail('not created');
    await saveClient(db, created, draftOf(1, { name: 'Cliente Um' }));
    const changed = validRow(1);
    changed[2] = '(11) 91111-2222';
    const sheet = table([changed]);
    const run = await runImport(db, meta(), await review(db, sheet), { existing: 'replace', createGroups: true });
    await undoRun(db, run.id);

    const history = await loadHistory(db, created.id);
    expect(history.map((h) => [h.source, h.action])).toEqual([['hand', 'created'], ['hand', 'updated'], ['import', 'updated'], ['undo', 'updated']]);
    expect(history[1]?.changes).toEqual([{ field: 'name', before: 'Cliente 1', after: 'Cliente Um' }]);
    expect(history[2]).toMatchObject({ runId: run.id, row: 2 });
    expect(history[2]?.changes).toEqual(expect.arrayContaining([{ field: 'name', before: 'Cliente Um', after: 'Cliente 1' }, { field: 'mobile', before: '+5511987650001', after: '+5511911112222' }]));
    expect(history[3]?.changes).toEqual(expect.arrayContaining([{ field: 'mobile', before: '+5511911112222', after: '+5511987650001' }]));
  });

  it('writes nothing for a save that changes nothing, and refuses a document already registered', async () => {
    const db = freshDb();
    const ana = (await createClient(db, draftOf(1))).data ?? fail('not created');
    await saveClient(db, ana, draftOf(1));
    expect(await loadHistory(db, ana.id)).toHaveLength(1);
    const again = await createClient(db, draftOf(1, { name: 'Outra pessoa' }));
    expect(again.data).toBeNull();
    expect(again.problems.map((p) => p.code)).toEqual(['document.taken']);
    expect(await db.clients.count()).toBe(1);
  });

  it('records a move of group when its group is deleted', async () => {
    const db = freshDb();
    const ana = (await createClient(db, draftOf(1, { group: 'Antigo' }))).data ?? fail('not created');
    await createClient(db, draftOf(2, { group: 'Novo' }));
    const novo = (await db.groups.where('nameKey').equals('novo').first()) ?? fail('no group');
    expect((await deleteGroup(db, ana.groupId, novo.id)).problems).toEqual([]);
    expect((await db.clients.get(ana.id))?.groupId).toBe(novo.id);
    expect((await loadHistory(db, ana.id)).at(-1)?.changes).toEqual([{ field: 'groupId', before: ana.groupId, after: novo.id }]);
  });
});

describe('deleting a client (LGPD art. 18)', () => {
  it('leaves no trace of its CPF, e-mail or name in any table; the logs keep their counts', async () => {
    const db = freshDb();
    const cpf = cpfOf(7);
    // Run 1: the client (row 2), its CPF again on a rejected row (row 3), and another client (row 4).
    const rejected = validRow(7);
    rejected[3] = 'sem-arroba';
    const first = await runImport(db, { ...meta(), review: { defaults: {}, declined: [], edits: [[3, { email: 'cliente7@exemplo.com.br' }]] } }, await review(db, table([validRow(7), rejected, validRow(8)])), { existing: 'skip', createGroups: true });
    // Run 2 updates it (a before-image for undo); then an edit by hand (history).
    const changed = validRow(7);
    changed[2] = '(11) 93333-4444';
    const second = await runImport(db, meta(), await review(db, table([changed])), { existing: 'replace', createGroups: true });
    const client = (await db.clients.where('document').equals(cpf).first()) ?? fail('not imported');
    await saveClient(db, client, draftOf(7, { name: 'Cliente Sete', mobile: '(11) 93333-4444' }));
    const before = await everything(db);
    expect(before).toContain(cpf);
    expect(before).toContain(formatCpf(cpf));

    await deleteClient(db, client.id);

    const after = await everything(db);
    for (const trace of [cpf, formatCpf(cpf), 'cliente7@exemplo.com.br', 'Cliente Sete', 'Cliente 7"', client.id]) expect(after, trace).not.toContain(trace);
    expect(after).toContain(cpfOf(8));
    expect((await db.runs.get(first.id))?.counts).toEqual(first.counts);
    expect((await db.runs.get(second.id))?.counts).toEqual(second.counts);
    expect((await loadRunLog(db, first.id)).map((r) => [r.row, r.status])).toEqual([[2, 'imported'], [3, 'error'], [4, 'imported']]);
    expect((await loadRunLog(db, first.id)).filter((r) => r.erased === true).map((r) => r.row)).toEqual([2, 3]);
  });

  it('"Apagar todos os dados" leaves every table empty', async () => {
    const db = freshDb();
    await runImport(db, meta(), await review(db, table([validRow(1), validRow(2)])), { existing: 'skip', createGroups: true });
    await db.mappings.put({ entity: 'clients', signature: 'x', mapping: [], usedAt: 1 });
    await eraseEverything(db);
    for (const t of db.tables) expect(await t.count(), t.name).toBe(0);
    const backup = await createBackup(db);
    expect([backup.clients, backup.groups, backup.runs, backup.runLogs, backup.mappings, backup.history]).toEqual([[], [], [], [], [], []]);
  });
});

describe('a backup made after a client was deleted', () => {
  it('restores: the erased log lines are accepted as they are', async () => {
    const db = freshDb();
    await runImport(db, meta(), await review(db, table([validRow(1), validRow(2)])), { existing: 'skip', createGroups: true });
    const gone = (await db.clients.where('document').equals(cpfOf(1)).first()) ?? fail('not imported');
    await deleteClient(db, gone.id);
    const { data, problems } = readBackup(JSON.stringify(await createBackup(db)));
    expect(problems).toEqual([]);
    const other = freshDb();
    await restoreBackup(other, data ?? fail('refused'));
    expect(await other.clients.count()).toBe(1);
  });
});
