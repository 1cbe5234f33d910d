/** "Conflitos": the user picks, per field, the value that stays; the choice syncs like any edit. */
import type { ClientRecord } from '../../domain/entities/client';
import { SYNCED_CLIENT_FIELDS } from '../../domain/sync/docs';
import { resolveConflict } from '../../domain/sync/merge';
import type { ClientelaDb } from '../db';
import { findOrCreateGroup } from '../editClient';
import { diffClients, historyEntry } from '../history';

function isSyncedField(field: string): field is (typeof SYNCED_CLIENT_FIELDS)[number] {
  return (SYNCED_CLIENT_FIELDS as readonly string[]).includes(field);
}

export async function pickConflictValue(db: ClientelaDb, docId: string, field: string, value: string): Promise<void> {
  // Invariant: the value chosen, the conflict leaving the list and the history line happen together.
  await db.transaction('rw', [db.syncConflicts, db.clients, db.groups, db.history], async () => {
    const open = await db.syncConflicts.get(docId);
    const client = open ? await db.clients.get(open.clientId) : undefined;
    if (!open || !client) return;
    const next: ClientRecord = { ...client, updatedAt: Date.now() };
    if (field === 'group') {
      next.groupId = await findOrCreateGroup(db, value);
    } else if (isSyncedField(field)) {
      if (field === 'kind') next.kind = value === 'PJ' ? 'PJ' : 'PF';
      else next[field] = value;
    }
    const conflicts = resolveConflict(open.conflicts, field);
    if (conflicts.length > 0) await db.syncConflicts.put({ ...open, conflicts });
    else await db.syncConflicts.delete(docId);
    const changes = diffClients(client, next);
    if (changes.length > 0) await db.history.add(historyEntry(client.id, 'hand', 'updated', changes));
    // Written even when the value kept is the one shown: the document must lose its conflict everywhere.
    await db.clients.put(next);
  });
}
