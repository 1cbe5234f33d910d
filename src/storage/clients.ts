import { newId } from '../domain/ids';
import type { ClientDraft, ClientRecord } from '../domain/entities/client';
import { CLIENT_FIELDS } from '../domain/entities/client';
import { buildContactIndex, type ContactOwner } from '../domain/contactDuplicates';
import type { ClientelaDb } from './db';

/** Every registered document with its client id: what the review checks "already registered" against. */
export async function loadDocumentIndex(db: ClientelaDb): Promise<Map<string, string>> {
  return db.transaction('r', db.clients, async () => {
    const documents = await db.clients.orderBy('document').keys();
    const ids = await db.clients.orderBy('document').primaryKeys();
    return new Map(documents.map((d, i) => [String(d), ids[i] ?? '']));
  });
}

/** Every stored client by name plus phone or e-mail: what a row without CPF/CNPJ is checked against. */
export async function loadContactIndex(db: ClientelaDb): Promise<Map<string, ContactOwner>> {
  return buildContactIndex(await db.clients.toArray());
}

export function draftToRecord(draft: ClientDraft, groupId: string, source?: { runId: string; row: number }): ClientRecord {
  const { group: _group, kind, ...fields } = draft;
  void _group;
  const now = Date.now();
  const record: ClientRecord = {
    ...fields,
    id: newId(),
    kind: kind === 'PJ' ? 'PJ' : 'PF',
    groupId,
    createdAt: now,
    updatedAt: now,
  };
  if (source) {
    record.runId = source.runId;
    record.row = source.row;
  }
  return record;
}

/** "Completar": fills only the fields that are empty in the stored client. Null when nothing changes. */
export function completeRecord(stored: ClientRecord, incoming: ClientRecord): ClientRecord | null {
  const next: ClientRecord = { ...stored };
  let changed = false;
  for (const field of CLIENT_FIELDS) {
    if (field.key === 'group' || field.key === 'kind') continue;
    if (next[field.key] === '' && incoming[field.key] !== '') {
      next[field.key] = incoming[field.key];
      changed = true;
    }
  }
  if (next.groupId === '' && incoming.groupId !== '') {
    next.groupId = incoming.groupId;
    changed = true;
  }
  return changed ? { ...next, updatedAt: Date.now() } : null;
}

/**
 * "Substituir": the spreadsheet's values replace the stored ones; identity and creation stay. `brought`:
 * the fields the file has a column for (listMappedFields); a field it has none for, and gives no value
 * to otherwise (a default group, a UF read from "Cidade/UF"), keeps what is stored: a list of names and
 * phones does not wipe the e-mails and addresses typed since.
 */
export function replaceRecord(stored: ClientRecord, incoming: ClientRecord, brought?: ReadonlySet<string>): ClientRecord {
  // A row without CPF/CNPJ (matched by name and phone or e-mail) does not take the stored client's key away.
  const next: ClientRecord = { ...incoming, id: stored.id, document: incoming.document || stored.document, createdAt: stored.createdAt, updatedAt: Date.now() };
  if (brought === undefined) return next;
  for (const field of CLIENT_FIELDS) {
    if (brought.has(field.key)) continue;
    if (field.key === 'group') next.groupId = incoming.groupId || stored.groupId;
    // Without a Tipo column the kind is read from the document; without a document either, it stays.
    else if (field.key === 'kind') next.kind = incoming.document !== '' ? incoming.kind : stored.kind;
    else if (incoming[field.key] === '') next[field.key] = stored[field.key];
  }
  return next;
}
