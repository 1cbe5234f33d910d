import { describe, expect, it } from 'vitest';
import { freshDb, meta, review, table, validRow } from '../storage/fixtures';
import { runImport } from '../../../src/storage/importRun';
import { applyChanges, SINCE_KEY } from '../../../src/storage/sync/apply';
import { clientToDoc, type ClientDoc } from '../../../src/domain/sync/docs';
import type { ClientelaDb } from '../../../src/storage/db';

const CITY = [{ field: 'city', values: ['Santos', 'Sorocaba'] }];

/** One client imported here, as the document the server would send back (its `conflicts` as asked). */
async function oneClient(db: ClientelaDb, conflicts: typeof CITY | [] = []): Promise<ClientDoc> {
  await runImport(db, meta(), await review(db, table([validRow(1)])), { existing: 'skip', createGroups: true });
  const client = (await db.clients.toArray())[0];
  if (!client) throw new Error('not imported');
  return clientToDoc({ ...client, updatedAt: client.updatedAt + 1 }, 'Tributário', conflicts);
}

describe('applyChanges: the feed into the register, with the open conflicts read once per batch', () => {
  it.each([
    { case: 'a document with conflicts lists them', stored: false, localGone: false, incoming: CITY, listed: 1 },
    { case: 'a document without conflicts settles a listed one', stored: true, localGone: false, incoming: [], listed: 0 },
    { case: 'a document again with the same conflicts keeps them listed', stored: true, localGone: false, incoming: CITY, listed: 1 },
    { case: 'a client deleted here comes back; its old listed conflict goes', stored: true, localGone: true, incoming: [], listed: 0 },
  ] as const)('$case', async ({ stored, localGone, incoming, listed }) => {
    const db = freshDb();
    const doc = await oneClient(db, [...incoming]);
    const client = (await db.clients.toArray())[0];
    if (stored && client) await db.syncConflicts.put({ docId: doc._id, clientId: client.id, name: client.name, conflicts: CITY });
    if (localGone) await db.clients.clear();
    await applyChanges(db, [{ id: doc._id, doc }], 7);
    expect(await db.syncConflicts.count()).toBe(listed);
    expect(await db.clients.count()).toBe(1);
    expect((await db.syncMeta.get(SINCE_KEY))?.value).toBe(7);
  });

  it('a deletion removes the client and its listed conflict', async () => {
    const db = freshDb();
    const doc = await oneClient(db);
    const client = (await db.clients.toArray())[0];
    if (client) await db.syncConflicts.put({ docId: doc._id, clientId: client.id, name: client.name, conflicts: CITY });
    await applyChanges(db, [{ id: doc._id, deleted: true }], 8);
    expect(await db.clients.count()).toBe(0);
    expect(await db.syncConflicts.count()).toBe(0);
  });
});
