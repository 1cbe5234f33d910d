/**
 * The register as CouchDB documents (DESIGN.md §8). The CPF/CNPJ is the client's identity across machines:
 * its document id is derived from it, so two machines that register the same CPF offline write the same
 * document and replication makes them one client. Groups are matched by name, as everywhere else.
 * Only what belongs to the register goes in a document: local ids, import runs and search terms stay.
 */
import { CLIENT_FIELDS, type ClientFieldKey, type ClientRecord, type GroupRecord } from '../entities/client';

/** The client fields a document carries (the group travels by name, in `group`). */
export const SYNCED_CLIENT_FIELDS = CLIENT_FIELDS.map((f) => f.key).filter((k): k is Exclude<ClientFieldKey, 'group'> => k !== 'group');

/** A field kept with both values after the same field was changed on two machines. */
export interface FieldConflict {
  field: string;
  values: string[];
}

export type ClientFields = Record<ClientFieldKey, string>;

export interface ClientDoc extends ClientFields {
  _id: string;
  type: 'client';
  /** The id on the machine that created it: a client without CPF/CNPJ keeps it everywhere. */
  localId: string;
  createdAt: number;
  updatedAt: number;
  /** Fields changed on two machines at once, until someone picks the value that stays ("Conflitos"). */
  conflicts?: FieldConflict[];
}

export interface GroupDoc {
  _id: string;
  type: 'group';
  name: string;
  description: string;
  createdAt: number;
}

export type RegisterDoc = ClientDoc | GroupDoc;

const CLIENT_PREFIX = 'client:';
const NO_DOCUMENT_PREFIX = 'client:sem-documento:';
const GROUP_PREFIX = 'group:';

export function clientDocId(client: Pick<ClientRecord, 'id' | 'document'>): string {
  return client.document ? `${CLIENT_PREFIX}${client.document}` : `${NO_DOCUMENT_PREFIX}${client.id}`;
}

export function groupDocId(group: Pick<GroupRecord, 'nameKey'>): string {
  return `${GROUP_PREFIX}${group.nameKey}`;
}

/** Where a document id points on this machine: a client by CPF/CNPJ or by local id, or a group by name key. */
export type DocTarget =
  | { table: 'clients'; by: 'document'; key: string }
  | { table: 'clients'; by: 'id'; key: string }
  | { table: 'groups'; by: 'nameKey'; key: string }
  | null;

export function targetOfDocId(docId: string): DocTarget {
  if (docId.startsWith(NO_DOCUMENT_PREFIX)) return { table: 'clients', by: 'id', key: docId.slice(NO_DOCUMENT_PREFIX.length) };
  if (docId.startsWith(CLIENT_PREFIX)) return { table: 'clients', by: 'document', key: docId.slice(CLIENT_PREFIX.length) };
  if (docId.startsWith(GROUP_PREFIX)) return { table: 'groups', by: 'nameKey', key: docId.slice(GROUP_PREFIX.length) };
  return null;
}

/** The document of a stored client whose group is named `groupName` ('' for none). */
export function clientToDoc(client: ClientRecord, groupName: string, conflicts: FieldConflict[] = []): ClientDoc {
  const doc: ClientDoc = { _id: clientDocId(client), type: 'client', localId: client.id, group: groupName, createdAt: client.createdAt, updatedAt: client.updatedAt } as ClientDoc;
  for (const key of SYNCED_CLIENT_FIELDS) doc[key] = client[key];
  if (conflicts.length > 0) doc.conflicts = conflicts;
  return doc;
}

export function groupToDoc(group: GroupRecord): GroupDoc {
  return { _id: groupDocId(group), type: 'group', name: group.name, description: group.description, createdAt: group.createdAt };
}

/** A stored client updated from a document (`base` absent: a new client), its group resolved to `groupId`. */
export function docToClient(doc: ClientDoc, groupId: string, base?: ClientRecord): ClientRecord {
  const client: ClientRecord = { ...(base ?? { id: doc.localId, createdAt: doc.createdAt }), groupId, updatedAt: doc.updatedAt } as ClientRecord;
  for (const key of SYNCED_CLIENT_FIELDS) if (key !== 'kind') client[key] = doc[key] ?? '';
  client.kind = doc.kind === 'PJ' ? 'PJ' : 'PF';
  return client;
}

/** Whether two documents say the same (revisions and bookkeeping aside): a change that needs no write. */
export function sameContent(a: RegisterDoc, b: RegisterDoc): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

function contentOf(doc: RegisterDoc): unknown[] {
  if (doc.type === 'group') return [doc.type, doc.name, doc.description];
  return [doc.type, ...SYNCED_CLIENT_FIELDS.map((k) => doc[k] ?? ''), doc.group ?? '', doc.conflicts ?? []];
}

export function isRegisterDoc(doc: unknown): doc is RegisterDoc {
  return typeof doc === 'object' && doc !== null && 'type' in doc && (doc.type === 'client' || doc.type === 'group');
}
