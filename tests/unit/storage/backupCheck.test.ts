import { describe, expect, it } from 'vitest';
import { createBackup, readBackup, restoreBackup, type Backup } from '../../../src/storage/backup';
import { runImport } from '../../../src/storage/importRun';
import { undoRun } from '../../../src/storage/undoRun';
import { saveClient, deleteClient } from '../../../src/storage/editClient';
import { createGroup, renameGroup } from '../../../src/storage/groups';
import { validateClient } from '../../../src/domain/validateClient';
import type { ImportOptions } from '../../../src/storage/types';
import { breakCheckDigit, formatCpf, makeCpf } from '../../support/brazil';
import { fail, freshDb, meta, review, rowWithBrokenCpf, table, validRow } from './fixtures';

type Db = ReturnType<typeof freshDb>;

async function everything(db: Db) {
  return {
    clients: await db.clients.orderBy('id').toArray(),
    groups: await db.groups.orderBy('id').toArray(),
    runs: await db.runs.orderBy('id').toArray(),
    runLogs: await db.runLogs.toArray(),
    mappings: await db.mappings.toArray(),
  };
}

const opts = (existing: ImportOptions['existing']): ImportOptions => ({ existing, createGroups: true });

/** A register reached the way an office reaches it: imports (new, completed, replaced), an undo, hand edits, a renamed group, a deleted client. */
async function livedInDb(): Promise<Db> {
  const db = freshDb();
  await runImport(db, meta(), await review(db, table([validRow(1), validRow(2, 'Cível'), rowWithBrokenCpf(3), validRow(4, 'Família')])), opts('skip'));
  const replaced = table([validRow(1, 'Cível'), validRow(5)]);
  (replaced[1] ?? fail('row'))[0] = 'Cliente Um Substituído';
  await runImport(db, meta(), await review(db, replaced), opts('replace'));
  const undone = await runImport(db, meta(), await review(db, table([validRow(6, 'Trabalhista')])), opts('skip'));
  await undoRun(db, undone.id);
  const client = (await db.clients.filter((c) => c.name === 'Cliente 2').first()) ?? fail('client 2');
  const draft = validateClient({ name: 'Cliente Dois Editado', document: client.document, mobile: '(21) 99876-5432', email: 'DOIS@Exemplo.com.br', group: 'Grupo Novo à Mão' }).data;
  expect(await saveClient(db, client, draft)).toEqual([]);
  const civel = (await db.groups.filter((g) => g.name === 'Família').first()) ?? fail('group');
  await renameGroup(db, civel.id, 'Família e Sucessões');
  await createGroup(db, 'Vazio');
  const four = (await db.clients.filter((c) => c.name === 'Cliente 4').first()) ?? fail('client 4');
  await deleteClient(db, four.id);
  await db.mappings.put({ entity: 'clients', signature: 'nome|cpf', mapping: ['name', 'document'], usedAt: 1 });
  return db;
}

async function backupOf(db: Db): Promise<Backup> {
  return JSON.parse(JSON.stringify(await createBackup(db))) as Backup;
}

describe('a backup made by the app always restores, to the same state', () => {
  it('after imports, an update, an undo, hand edits, a renamed group and a deleted client', async () => {
    const source = await livedInDb();
    const read = readBackup(JSON.stringify(await createBackup(source)));
    expect(read.problems).toEqual([]);
    const target = freshDb();
    await restoreBackup(target, read.data ?? fail('not read'));
    expect(await everything(target)).toEqual(await everything(source));
  });
});

describe('a hand-edited backup is stored as the app would store it', () => {
  it('documents, e-mails and phones typed by hand are restored in the stored form', async () => {
    const backup = await backupOf(await livedInDb());
    const first = backup.clients[0] ?? fail('client');
    const edited = { ...first, document: formatCpf(first.document), email: first.email.toUpperCase(), mobile: '(11) 98765-0001' };
    const read = readBackup(JSON.stringify({ ...backup, clients: [edited, ...backup.clients.slice(1)] }));
    expect(read.problems).toEqual([]);
    expect(read.data?.clients[0]).toMatchObject({ document: first.document, email: first.email, mobile: '+5511987650001' });
  });

  it('a run left "running" in the file is restored as interrupted, with the reason', async () => {
    const backup = await backupOf(await livedInDb());
    const run = backup.runs[0] ?? fail('run');
    const read = readBackup(JSON.stringify({ ...backup, runs: [{ ...run, status: 'running' }, ...backup.runs.slice(1)] }));
    expect(read.data?.runs[0]).toMatchObject({ status: 'interrupted', failure: expect.stringContaining('Retomar importação') });
  });
});

type Damage = (b: Backup) => unknown;
const mapFirst = <T>(items: T[], change: (item: T) => unknown): unknown[] => items.map((item, i) => (i === 0 ? change(item) : item));
const firstUpdated = (b: Backup) => b.runLogs.find((c) => c.rows.some((r) => r.status === 'updated')) ?? fail('no updated line');
function withLogLine(b: Backup, status: 'imported' | 'updated', change: (line: Backup['runLogs'][number]['rows'][number]) => unknown): unknown {
  return { ...b, runLogs: b.runLogs.map((c) => ({ ...c, rows: c.rows.map((r) => (r.status === status ? change(r) : r)) })) };
}

describe('a backup that does not hang together is refused, saying exactly what is wrong, and nothing changes', () => {
  it.each<[string, Damage, string, RegExp]>([
    ['two clients whose CPFs differ only by punctuation', (b) => ({ ...b, clients: [...b.clients, { ...(b.clients[0] ?? fail('c')), id: 'other', document: formatCpf(b.clients[0]?.document ?? '') }] }), 'backup.inconsistent', /dois clientes têm o mesmo CPF\/CNPJ \d{3}\.\d{3}\.\d{3}-\d{2}/],
    ['two clients with the same internal id', (b) => ({ ...b, clients: [...b.clients, { ...(b.clients[0] ?? fail('c')), document: makeCpf(900) }] }), 'backup.inconsistent', /mesmo código interno/],
    ['a client in a group missing from the file', (b) => ({ ...b, groups: b.groups.filter((g) => g.id !== b.clients[0]?.groupId) }), 'backup.inconsistent', /num grupo que não está na cópia/],
    ['two groups whose names differ only by case and accents', (b) => ({ ...b, groups: [...b.groups, { ...(b.groups[0] ?? fail('g')), id: 'g2', nameKey: 'x', name: ` ${(b.groups[0]?.name ?? '').toUpperCase()} ` }] }), 'backup.inconsistent', /dois grupos têm o mesmo nome/],
    ['a group without a name', (b) => ({ ...b, groups: mapFirst(b.groups, (g) => ({ ...g, name: '  ' })) }), 'backup.inconsistent', /nome inválido/],
    ['a client with an invalid CPF', (b) => ({ ...b, clients: mapFirst(b.clients, (c) => ({ ...c, document: breakCheckDigit(c.document) })) }), 'backup.invalid_client', /cliente inválido/],
    ['an invalid CPF in an undo before-image', (b) => withLogLine(b, 'updated', (r) => ({ ...r, before: { ...r.before, document: '11111111111' } })), 'backup.invalid_client', /guardado para desfazer a linha \d+ do log/],
    ['an invalid e-mail in an undo before-image', (b) => withLogLine(b, 'updated', (r) => ({ ...r, before: { ...r.before, email: 'sem arroba' } })), 'backup.invalid_client', /guardado para desfazer/],
    ['log chunks without their run', (b) => ({ ...b, runs: b.runs.filter((r) => r.id !== b.runLogs[0]?.runId) }), 'backup.inconsistent', /linhas de log \(bloco 1\) de uma importação que não está na cópia/],
    ['a log chunk twice', (b) => ({ ...b, runLogs: [...b.runLogs, b.runLogs[0]] }), 'backup.inconsistent', /aparece duas vezes/],
    ['an imported log line without its client', (b) => withLogLine(b, 'imported', ({ clientId: _c, ...r }) => r), 'backup.inconsistent', /diz que um cliente foi gravado, mas não diz qual/],
    ['an updated log line without the client as it was', (b) => withLogLine(b, 'updated', ({ before: _b, ...r }) => r), 'backup.inconsistent', /como era antes/],
    ['two runs with the same id', (b) => ({ ...b, runs: [...b.runs, b.runs[0]] }), 'backup.inconsistent', /duas importações/],
    ['a client without its CPF/CNPJ field', (b) => ({ ...b, clients: mapFirst(b.clients, ({ document: _d, ...c }) => c) }), 'backup.damaged', /\(no cliente, nº 1 \("[^"]+"\), o campo "document" está faltando\)/],
  ])('%s', async (_, damage, code, message) => {
    const db = await livedInDb();
    const backup = await backupOf(db);
    expect(firstUpdated(backup)).toBeDefined();
    const read = readBackup(JSON.stringify(damage(backup)));
    expect(read.data).toBeNull();
    expect(read.problems.map((p) => p.code)).toEqual([code]);
    expect(read.problems[0]?.message).toMatch(message);
    expect(read.problems[0]?.message).toMatch(/Nada foi restaurado; use outra cópia\.$/);
  });
});
