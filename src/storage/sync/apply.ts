/**
 * Incoming changes (the local replication database's changes feed) applied into the register. Written
 * through a connection without the outbox (they came from the server: they must not echo back), matched by
 * document id — a client by CPF/CNPJ, a group by name — so that the same CPF on two machines is one client.
 */
import type { ClientRecord } from '../../domain/entities/client';
import { clientToDoc, docToClient, sameContent, targetOfDocId, type ClientDoc, type GroupDoc, type RegisterDoc } from '../../domain/sync/docs';
import type { ClientelaDb } from '../db';
import type { SyncConflictRecord } from './types';
import { groupKey, newGroup } from '../groups';
import { findLocal } from './register';
import { findOrCreateGroup } from '../editClient';

export const SINCE_KEY = 'since';

export type IncomingChange = { id: string; deleted: true } | { id: string; ignored: true } | { id: string; doc: RegisterDoc };

async function applyGroup(db: ClientelaDb, doc: GroupDoc): Promise<void> {
  const local = await findLocal(db, doc._id);
  const existing = local?.table === 'groups' ? local.row : undefined;
  if (existing && existing.name === doc.name && existing.description === doc.description) return;
  const base = existing ?? { ...newGroup(doc.name), createdAt: doc.createdAt };
  await db.groups.put({ ...base, name: doc.name, nameKey: groupKey(doc.name), description: doc.description });
}

/** The open conflicts, by document id: read once per batch (a few rows), not once per client. */
type OpenConflicts = Map<string, SyncConflictRecord>;

async function applyClient(db: ClientelaDb, doc: ClientDoc, stored: OpenConflicts): Promise<void> {
  const local = await findLocal(db, doc._id);
  const existing: ClientRecord | undefined = local?.table === 'clients' ? local.row : undefined;
  const groupName = existing?.groupId ? (await db.groups.get(existing.groupId))?.name ?? '' : '';
  const open = doc.conflicts ?? [];
  if (!existing || !sameContent(clientToDoc(existing, groupName, stored.get(doc._id)?.conflicts ?? []), doc)) {
    const client = docToClient(doc, await findOrCreateGroup(db, doc.group ?? ''), existing);
    await db.clients.put(client);
    if (open.length > 0) {
      const record = { docId: doc._id, clientId: client.id, name: client.name, conflicts: open };
      await db.syncConflicts.put(record);
      stored.set(doc._id, record);
    } else if (stored.delete(doc._id)) await db.syncConflicts.delete(doc._id);
  }
}

async function applyDeletion(db: ClientelaDb, docId: string, stored: OpenConflicts): Promise<void> {
  const local = await findLocal(db, docId);
  if (!local) return;
  if (local.table === 'clients') {
    await db.clients.delete(local.row.id);
    if (stored.delete(docId)) await db.syncConflicts.delete(docId);
  } else if ((await db.clients.where('groupId').equals(local.row.id).count()) === 0) {
    await db.groups.delete(local.row.id);
  }
}

/** Applies a batch of changes and remembers where the feed stands, together. */
export async function applyChanges(db: ClientelaDb, changes: IncomingChange[], since: string | number): Promise<void> {
  // Groups first: the clients of the same batch name them.
  const ordered = [...changes].sort((a, b) => rank(a.id) - rank(b.id));
  // Invariant: the feed position moves only with the changes it covers (a crash re-applies, never skips).
  await db.transaction('rw', [db.clients, db.groups, db.syncConflicts, db.syncMeta], async () => {
    const stored: OpenConflicts = new Map((await db.syncConflicts.toArray()).map((r) => [r.docId, r]));
    for (const change of ordered) {
      if ('deleted' in change) await applyDeletion(db, change.id, stored);
      else if ('ignored' in change) continue;
      else if (change.doc.type === 'group') await applyGroup(db, change.doc);
      else await applyClient(db, change.doc, stored);
    }
    await db.syncMeta.put({ key: SINCE_KEY, value: since });
  });
}

function rank(docId: string): number {
  return targetOfDocId(docId)?.table === 'groups' ? 0 : 1;
}
