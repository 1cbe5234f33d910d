import { describe, expect, it } from 'vitest';
import { freshDb, meta, review, table, validRow } from '../storage/fixtures';
import { runImport } from '../../../src/storage/importRun';
import { saveClient, deleteClient } from '../../../src/storage/editClient';
import { renameGroup } from '../../../src/storage/groups';
import { saveSyncConfig, clearSyncConfig } from '../../../src/storage/sync/config';
import { undoRun } from '../../../src/storage/undoRun';
import { emptyClientDraft } from '../../../src/domain/entities/client';
import type { ClientelaDb } from '../../../src/storage/db';

const CONFIG = { url: 'http://127.0.0.1:5985', database: 'escritorio', user: 'ana', password: 'x' };
const OPTIONS = { existing: 'skip', createGroups: true } as const;

async function queued(db: ClientelaDb): Promise<string[]> {
  return [...new Set((await db.syncOutbox.toArray()).map((e) => e.docId))].sort();
}

describe('the sync outbox: every register write is queued in its own transaction, only while sync is configured', () => {
  it('queues nothing without sync', async () => {
    const db = freshDb();
    await runImport(db, meta(), await review(db, table([validRow(1), validRow(2)])), OPTIONS);
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('"Conectar" queues the register already there; an import queues its clients and groups', async () => {
    const db = freshDb();
    await runImport(db, meta(), await review(db, table([validRow(1)])), OPTIONS);
    await saveSyncConfig(db, CONFIG, false);
    const before = await queued(db);
    expect(before).toEqual([`client:${(await db.clients.toArray())[0]?.document}`, 'group:tributario']);
    await db.syncOutbox.clear();
    await runImport(db, meta(), await review(db, table([validRow(2), validRow(3, 'Trabalhista')])), OPTIONS);
    const documents = (await db.clients.toArray()).map((c) => c.document).filter((d) => d !== (before[0] ?? '').slice(7));
    expect(await queued(db)).toEqual([...documents.map((d) => `client:${d}`), 'group:trabalhista'].sort());
  });

  it('an edit, a rename (its clients too), a delete and an undo are queued; a write that fails queues nothing', async () => {
    const db = freshDb();
    await saveSyncConfig(db, CONFIG, false);
    const run = await runImport(db, meta(), await review(db, table([validRow(1), validRow(2)])), OPTIONS);
    const [first, second] = await db.clients.toArray();
    if (!first || !second) throw new Error('two clients expected');
    await db.syncOutbox.clear();

    await saveClient(db, first, { ...emptyClientDraft(), ...first, group: 'Tributário', city: 'Campinas' });
    expect(await queued(db)).toEqual([`client:${first.document}`]);

    await db.syncOutbox.clear();
    const group = await db.groups.toCollection().first();
    await renameGroup(db, group?.id ?? '', 'Tributário e fiscal');
    expect(await queued(db)).toEqual([`client:${first.document}`, `client:${second.document}`, 'group:tributario', 'group:tributario e fiscal'].sort());

    await db.syncOutbox.clear();
    await deleteClient(db, second.id);
    expect(await queued(db)).toEqual([`client:${second.document}`]);

    await db.syncOutbox.clear();
    await expect(db.transaction('rw', db.clients, async () => {
      await db.clients.put({ ...first, city: 'Rio' });
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    expect(await db.syncOutbox.count()).toBe(0);
    void run;
  });

  it('"Desconectar" empties the outbox and stops queueing', async () => {
    const db = freshDb();
    await saveSyncConfig(db, CONFIG, false);
    await runImport(db, meta(), await review(db, table([validRow(1)])), OPTIONS);
    await clearSyncConfig(db);
    await runImport(db, meta(), await review(db, table([validRow(2)])), OPTIONS);
    expect(await db.syncOutbox.count()).toBe(0);
  });
});

describe('undo in a shared register: only the clients no one changed since the run', () => {
  it.each([
    ['with sync configured, a client changed since (here or on another machine) is left, and said why', true, ['Cliente 2']],
    ['without sync, undo restores the state before the run, as always', false, []],
  ])('%s', async (_case, shared, keptNames) => {
    const db = freshDb();
    if (shared) await saveSyncConfig(db, CONFIG, false);
    const run = await runImport(db, meta(), await review(db, table([validRow(1), validRow(2), validRow(3)])), OPTIONS);
    const changed = await db.clients.where('name').equals('Cliente 2').first();
    // What a change synced from another machine looks like: the row's last change is after the run's end.
    await db.clients.update(changed?.id ?? '', { city: 'Recife', updatedAt: (run.endedAt ?? 0) + 1000 });
    const undone = await undoRun(db, run.id);
    expect(undone.status).toBe('undone');
    expect((await db.clients.toArray()).map((c) => c.name)).toEqual(keptNames);
    expect((undone.undoKept ?? []).map((k) => k.name)).toEqual(keptNames);
    if (shared) expect(undone.undoKept?.[0]?.reason).toMatch(/^não foi removido: o cadastro foi alterado depois desta importação/);
    expect(await db.groups.count()).toBe(keptNames.length);
  });
});
