import type { ClientDraft, ClientRecord } from '../domain/entities/client';
import type { Parsed, Problem } from '../domain/problems';
import type { ClientelaDb } from './db';
import { draftToRecord } from './clients';
import { groupKey, newGroup } from './groups';
import { diffClients, historyEntry } from './history';
import { eraseClientTraces } from './eraseClient';

function documentTaken(draft: ClientDraft, owner: ClientRecord): Problem {
  return { code: 'document.taken', field: 'document', value: draft.document, level: 'error', message: `Este CPF/CNPJ já pertence ao cliente ${owner.name}.` };
}

/** The id of the group named `name`, created when new; '' for no group (an incomplete client). */
export async function findOrCreateGroup(db: ClientelaDb, name: string): Promise<string> {
  if (name.trim() === '') return '';
  const existing = await db.groups.where('nameKey').equals(groupKey(name)).first();
  if (existing) return existing.id;
  const group = newGroup(name);
  await db.groups.add(group);
  return group.id;
}

/** Saves an edited client. A document taken by another client is refused with a problem, nothing written. */
export async function saveClient(db: ClientelaDb, record: ClientRecord, draft: ClientDraft): Promise<Problem[]> {
  // Invariant: a client, a group it names and the history line of the change are written together, or none.
  return db.transaction('rw', [db.clients, db.groups, db.history], async () => {
    const other = await db.clients.where('document').equals(draft.document).first();
    if (other && other.id !== record.id) return [documentTaken(draft, other)];
    const groupId = await findOrCreateGroup(db, draft.group);
    const { group: _name, kind, ...fields } = draft;
    void _name;
    const stored = (await db.clients.get(record.id)) ?? record;
    const next: ClientRecord = { ...stored, ...fields, kind: kind === 'PJ' ? 'PJ' : 'PF', groupId, updatedAt: Date.now() };
    const changes = diffClients(stored, next);
    if (changes.length > 0) await db.history.add(historyEntry(record.id, 'hand', 'updated', changes));
    await db.clients.put(next);
    return [];
  });
}

/** "Novo cliente": registers a client typed in the form. A document already registered is refused, nothing written. */
export async function createClient(db: ClientelaDb, draft: ClientDraft): Promise<Parsed<ClientRecord | null>> {
  // Invariant: a client, a group it names and its history line are written together, or none.
  return db.transaction('rw', [db.clients, db.groups, db.history], async () => {
    const other = await db.clients.where('document').equals(draft.document).first();
    if (other) return { data: null, problems: [documentTaken(draft, other)] };
    const record = draftToRecord(draft, await findOrCreateGroup(db, draft.group));
    await db.clients.add(record);
    await db.history.add(historyEntry(record.id, 'hand', 'created', []));
    return { data: record, problems: [] };
  });
}

/**
 * Deletes a client and, as LGPD art. 18 asks, its personal data kept elsewhere: its history and what the
 * import logs hold of it (the copy kept for undo, the cells of its rejected rows). The logs keep their
 * counts and line statuses.
 */
export async function deleteClient(db: ClientelaDb, id: string): Promise<void> {
  // Invariant: a deleted client leaves no personal data behind — the client and its traces go together.
  await db.transaction('rw', [db.clients, db.history, db.runs, db.runLogs], async () => {
    const client = await db.clients.get(id);
    if (!client) return;
    await eraseClientTraces(db, client);
    await db.clients.delete(id);
  });
}
