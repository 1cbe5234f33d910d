import type { ClientDraft, ClientRecord } from '../domain/entities/client';
import type { Problem } from '../domain/problems';
import type { ClientelaDb } from './db';
import { groupKey, newGroup } from './groups';

/** The id of the group named `name`, created when new; '' for no group (an incomplete client). */
async function findOrCreateGroup(db: ClientelaDb, name: string): Promise<string> {
  if (name.trim() === '') return '';
  const existing = await db.groups.where('nameKey').equals(groupKey(name)).first();
  if (existing) return existing.id;
  const group = newGroup(name);
  await db.groups.add(group);
  return group.id;
}

/** Saves an edited client. A document taken by another client is refused with a problem, nothing written. */
export async function saveClient(db: ClientelaDb, record: ClientRecord, draft: ClientDraft): Promise<Problem[]> {
  // Invariant: a client and a group it names are written together, or neither is.
  return db.transaction('rw', db.clients, db.groups, async () => {
    const other = await db.clients.where('document').equals(draft.document).first();
    if (other && other.id !== record.id) {
      return [{ code: 'document.taken', field: 'document', value: draft.document, level: 'error', message: `Este CPF/CNPJ já pertence ao cliente ${other.name}.` } satisfies Problem];
    }
    const { group: _name, kind, ...fields } = draft;
    void _name;
    await db.clients.put({ ...record, ...fields, kind: kind === 'PJ' ? 'PJ' : 'PF', groupId: await findOrCreateGroup(db, draft.group), updatedAt: Date.now() });
    return [];
  });
}

export async function deleteClient(db: ClientelaDb, id: string): Promise<void> {
  await db.clients.delete(id);
}
