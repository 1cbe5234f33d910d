import type { ClientDraft, ClientRecord } from '../domain/entities/client';
import type { Problem } from '../domain/problems';
import type { ClientelaDb } from './db';
import { groupKey, newGroup } from './groups';

/** Saves an edited client. A document taken by another client is refused with a problem, nothing written. */
export async function saveClient(db: ClientelaDb, record: ClientRecord, draft: ClientDraft): Promise<Problem[]> {
  // Invariant: a client and a group it names are written together, or neither is.
  return db.transaction('rw', db.clients, db.groups, async () => {
    const other = await db.clients.where('document').equals(draft.document).first();
    if (other && other.id !== record.id) {
      return [{ code: 'document.taken', field: 'document', value: draft.document, level: 'error', message: `Este CPF/CNPJ já pertence ao cliente ${other.name}.` } satisfies Problem];
    }
    const key = groupKey(draft.group);
    let group = await db.groups.where('nameKey').equals(key).first();
    if (!group) {
      group = newGroup(draft.group);
      await db.groups.add(group);
    }
    const { group: _name, kind, ...fields } = draft;
    void _name;
    await db.clients.put({ ...record, ...fields, kind: kind === 'PJ' ? 'PJ' : 'PF', groupId: group.id, updatedAt: Date.now() });
    return [];
  });
}

export async function deleteClient(db: ClientelaDb, id: string): Promise<void> {
  await db.clients.delete(id);
}
