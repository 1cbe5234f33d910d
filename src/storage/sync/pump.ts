/**
 * The pump: moves outbox entries into the local replication database (PouchDB, `clientela-sync`) in
 * batches, then deletes them. PouchDB's live sync pushes them to the office's server from there. The
 * content is read from the register when the pump runs, so ten edits of one client are one write.
 */
import type { ClientelaDb } from '../db';
import { clientDocId, groupDocId, sameContent, isRegisterDoc, type RegisterDoc } from '../../domain/sync/docs';
import { docOfLocal, findLocal } from './register';
import type { PouchDb } from './pouch';

const BATCH = 500;

type Write = (RegisterDoc & { _rev?: string }) | { _id: string; _rev: string; _deleted: true };

/** What each document of the batch should become in PouchDB (null: nothing to write). */
async function plannedWrites(db: ClientelaDb, local: PouchDb, docIds: string[]): Promise<Write[]> {
  const bodies = await db.transaction('r', [db.clients, db.groups, db.syncConflicts], () => Promise.all(docIds.map(async (id) => {
    const row = await findLocal(db, id);
    return row ? docOfLocal(db, row) : null;
  })));
  const stored = await local.allDocs({ keys: docIds, include_docs: true });
  const writes: Write[] = [];
  stored.rows.forEach((row, i) => {
    const body = bodies[i] ?? null;
    const current = 'doc' in row && row.doc && isRegisterDoc(row.doc) ? row.doc : undefined;
    const rev = 'value' in row && !row.value.deleted ? row.value.rev : undefined;
    if (body === null) {
      if (rev !== undefined) writes.push({ _id: row.key, _rev: rev, _deleted: true });
    } else if (current === undefined || !sameContent(current, body)) {
      writes.push(rev === undefined ? body : { ...body, _rev: rev });
    }
  });
  return writes;
}

/** Pumps one batch; returns how many outbox entries it took (0: the outbox is empty). */
export async function pumpOutbox(db: ClientelaDb, local: PouchDb, batch = BATCH): Promise<number> {
  const entries = await db.syncOutbox.orderBy('seq').limit(batch).toArray();
  if (entries.length === 0) return 0;
  const docIds = [...new Set(entries.map((e) => e.docId))];
  const writes = await plannedWrites(db, local, docIds);
  const results = writes.length > 0 ? await local.bulkDocs(writes) : [];
  // A write refused as a conflict (the document changed under us) stays in the outbox for the next round.
  const failed = new Set(results.flatMap((r) => ('error' in r && r.error && r.id ? [r.id] : [])));
  await db.syncOutbox.bulkDelete(entries.filter((e) => !failed.has(e.docId)).map((e) => e.seq ?? 0));
  return failed.size === docIds.length ? 0 : entries.length;
}

/** "Conectar" on a machine that already has a register: every client and group goes to the outbox once. */
export async function enqueueWholeRegister(db: ClientelaDb): Promise<void> {
  // Invariant: the whole register is queued at once, so no row written meanwhile is missed.
  await db.transaction('rw', [db.clients, db.groups, db.syncOutbox], async () => {
    const groups = await db.groups.toArray();
    await db.syncOutbox.bulkAdd(groups.map((g) => ({ docId: groupDocId(g) })));
    // Keys only (no client is loaded): with 100,000 clients this must not hold the register in memory.
    const documents = await db.clients.orderBy('document').keys();
    const withDocument = new Set(await db.clients.orderBy('document').primaryKeys());
    const withoutDocument = (await db.clients.toCollection().primaryKeys()).filter((id) => !withDocument.has(id));
    await db.syncOutbox.bulkAdd([
      ...documents.map((document) => ({ docId: clientDocId({ id: '', document: String(document) }) })),
      ...withoutDocument.map((id) => ({ docId: clientDocId({ id, document: '' }) })),
    ]);
  });
}
