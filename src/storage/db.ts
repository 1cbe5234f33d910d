import { Dexie, type EntityTable } from 'dexie';
import type { ClientRecord, GroupRecord } from '../domain/entities/client';
import type { Mapping } from '../domain/mapping';
import type { LogRow, RunRecord } from './types';
import { watchUpgrades } from './dbEvents';
import { clientTermsMiddleware } from './clientTerms';
import type { HistoryEntry } from './history';
import { outboxMiddleware, type DexieZones, type OutboxEntry } from './sync/outbox';
import type { SyncConflictRecord, SyncMetaRecord } from './sync/types';

/** One record per committed chunk of an import: compact, and written in the chunk's transaction. */
export interface RunLogChunk {
  runId: string;
  chunk: number;
  rows: LogRow[];
}

export interface MappingProfile {
  entity: string;
  signature: string;
  mapping: Mapping;
  usedAt: number;
}

/** A small key-value store of the office's choices ("Campos obrigatórios"). */
export interface SettingRecord {
  key: string;
  value: string[];
}

/**
 * A client without CPF/CNPJ is stored WITHOUT the `document` property: IndexedDB leaves a record whose
 * key path is absent out of an index, so the unique `&document` index holds many clients with no document
 * (an empty string is a key like any other and would collide). Reads put the '' back.
 */
function withoutEmptyDocument(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('document' in value) || value.document !== '') return value;
  const { document: _empty, ...rest } = value;
  void _empty;
  return rest;
}

export class ClientelaDb extends Dexie {
  clients!: EntityTable<ClientRecord, 'id'>;
  groups!: EntityTable<GroupRecord, 'id'>;
  runs!: EntityTable<RunRecord, 'id'>;
  runLogs!: Dexie.Table<RunLogChunk, [string, number]>;
  mappings!: Dexie.Table<MappingProfile, [string, string]>;
  settings!: EntityTable<SettingRecord, 'key'>;
  history!: EntityTable<HistoryEntry, 'id'>;
  syncOutbox!: EntityTable<OutboxEntry, 'seq'>;
  syncConflicts!: EntityTable<SyncConflictRecord, 'docId'>;
  syncMeta!: EntityTable<SyncMetaRecord, 'key'>;

  /** `outbox: false`: the connection team sync applies incoming changes with (they must not echo back). */
  constructor(name = 'clientela', options: { outbox?: boolean } = {}) {
    super(name);
    // A schema change is a new version with an upgrade function: never edit a version that shipped.
    this.version(1).stores({
      clients: 'id, &document, name, groupId, updatedAt',
      groups: 'id, &nameKey',
      runs: 'id, startedAt, status',
      runLogs: '[runId+chunk]',
      mappings: '[entity+signature]',
    });
    // v2: no index on clients.updatedAt (nothing queries it, and each index slows every bulk import).
    this.version(2).stores({ clients: 'id, &document, name, groupId' });
    // v3: the office's settings (required fields).
    this.version(3).stores({ settings: 'key' });
    // v4: each client's changes (by hand, by an import, by an undo), read by client.
    this.version(4).stores({ history: 'id, clientId' });
    // v5: the register is searched, filtered and sorted by index ("last change" needs updatedAt again);
    // `terms` is kept by clientTermsMiddleware, which also fills it here for the clients already stored.
    this.version(5)
      .stores({ clients: 'id, &document, name, groupId, updatedAt, *terms' })
      .upgrade((tx) => tx.table('clients').toCollection().modify(() => undefined));
    // v7: team sync (storage/sync/): the outbox of register changes to push, the fields changed on two
    // machines at once ("Conflitos"), and the sync settings (server, since). None of them syncs.
    this.version(7).stores({ syncOutbox: '++seq', syncConflicts: 'docId, clientId', syncMeta: 'key' });
    this.use(clientTermsMiddleware);
    if (options.outbox !== false) this.use(outboxMiddleware(Dexie.Promise as unknown as DexieZones));
    this.use({
      stack: 'dbcore',
      name: 'clientsWithoutDocument',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'clients') return table;
          return { ...table, mutate: (req) => table.mutate(req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map(withoutEmptyDocument) } : req) };
        },
      }),
    });
    this.clients.hook('reading', (client: ClientRecord | undefined) => {
      if (client !== undefined && client.document === undefined) client.document = '';
      return client;
    });
  }
}

let shared: ClientelaDb | undefined;

/** The app's database (one per thread; the main thread and the worker open the same IndexedDB). */
export function getDb(): ClientelaDb {
  if (!shared) {
    shared = new ClientelaDb();
    watchUpgrades(shared);
  }
  return shared;
}
