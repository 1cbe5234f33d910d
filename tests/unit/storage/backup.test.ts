import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, createBackup, readBackup, restoreBackup } from '../../../src/storage/backup';
import { runImport } from '../../../src/storage/importRun';
import { fail, freshDb, meta, review, rowWithBrokenCpf, table, validRow } from './fixtures';

async function importedDb() {
  const db = freshDb();
  await runImport(db, meta(), await review(db, table([validRow(1), validRow(2, 'Cível'), rowWithBrokenCpf(3)])), { existing: 'skip', createGroups: true });
  await db.mappings.put({ entity: 'clients', signature: 'nome|cpf', mapping: ['name', 'document'], usedAt: 1 });
  return db;
}

async function everything(db: Awaited<ReturnType<typeof importedDb>>) {
  return {
    clients: await db.clients.orderBy('id').toArray(),
    groups: await db.groups.orderBy('id').toArray(),
    runs: await db.runs.toArray(),
    runLogs: await db.runLogs.toArray(),
    mappings: await db.mappings.toArray(),
  };
}

describe('backup', () => {
  it('a backup written as JSON and restored into another database gives back everything, logs and undo data included', async () => {
    const source = await importedDb();
    const text = JSON.stringify(await createBackup(source));
    const target = freshDb();
    const someone = (await source.clients.toCollection().first()) ?? fail('no client');
    await target.clients.put({ ...someone, id: 'stale', document: '00000000191' });
    const read = readBackup(text);
    expect(read.problems).toEqual([]);
    await restoreBackup(target, read.data ?? fail('not read'));
    expect(await everything(target)).toEqual(await everything(source));
  });

  it.each<[string, (backup: Record<string, unknown>) => unknown, string]>([
    ['not JSON', () => undefined, 'backup.not_json'],
    ['another JSON file', () => ({ clientes: [] }), 'backup.not_backup'],
    ['a newer version', (b) => ({ ...b, version: BACKUP_VERSION + 1 }), 'backup.newer'],
    ['a client without its CPF/CNPJ', (b) => ({ ...b, clients: (b.clients as object[]).map((c, i) => (i === 0 ? { ...c, document: undefined } : c)) }), 'backup.damaged'],
    ['a client in a group missing from the file', (b) => ({ ...b, groups: [] }), 'backup.inconsistent'],
    ['a client edited by hand with an invalid CPF', (b) => ({ ...b, clients: (b.clients as object[]).map((c, i) => (i === 0 ? { ...c, document: '11111111111' } : c)) }), 'backup.invalid_client'],
    ['a client edited by hand without a name', (b) => ({ ...b, clients: (b.clients as object[]).map((c, i) => (i === 0 ? { ...c, name: '' } : c)) }), 'backup.invalid_client'],
    ['two groups with the same name', (b) => ({ ...b, groups: [...(b.groups as object[]), { ...(b.groups as object[])[0], id: 'g-other', name: 'TRIBUTARIO' }] }), 'backup.inconsistent'],
    ['two clients with one CPF/CNPJ', (b) => ({ ...b, clients: [...(b.clients as object[]), { ...(b.clients as object[])[0], id: 'other' }] }), 'backup.inconsistent'],
  ])('%s is refused with a Portuguese reason, and nothing stored changes', async (_, damage, code) => {
    const source = await importedDb();
    const backup = JSON.parse(JSON.stringify(await createBackup(source))) as Record<string, unknown>;
    const damaged = damage(backup);
    const read = readBackup(damaged === undefined ? '{ isto não é json' : JSON.stringify(damaged));
    expect(read.data).toBeNull();
    expect(read.problems.map((p) => p.code)).toEqual([code]);
    expect(read.problems[0]?.message).toMatch(/^[A-Z].{30,}\.$/);
  });

  it('a restore that fails half-way leaves the stored data as it was', async () => {
    const db = await importedDb();
    const before = await everything(db);
    const backup = await createBackup(db);
    // The same run id twice: a bulkAdd fails inside the transaction, after the clear.
    const broken = { ...backup, runs: [...backup.runs, ...backup.runs] };
    await expect(restoreBackup(db, broken)).rejects.toThrow();
    expect(await everything(db)).toEqual(before);
  });
});
