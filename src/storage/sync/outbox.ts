/**
 * The sync outbox: while team sync is configured, every write Dexie makes to the register (clients and
 * groups, by any path — import chunks, edits, deletes, undo, restore, erase) also records the ids of the
 * documents it changed in `syncOutbox`, IN THE SAME TRANSACTION. So what an import chunk promises still
 * holds with sync on: a committed chunk is in the outbox with its log line, and the pump (pump.ts) later
 * moves it to the local replication database; a crash loses at most the chunk in flight.
 *
 * One place for every path: a Dexie dbcore middleware that widens each read-write transaction touching
 * clients or groups to the outbox and the sync settings, and checks the settings inside that transaction
 * (no race with "Conectar" in another thread). Without sync configured it writes nothing.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { clientDocId, groupDocId } from '../../domain/sync/docs';

export const OUTBOX_TABLE = 'syncOutbox';
export const SYNC_META_TABLE = 'syncMeta';
export const SYNC_CONFIG_KEY = 'config';

/** A document to push: the pump reads its current content from the register when it runs. */
export interface OutboxEntry {
  seq?: number;
  docId: string;
}

interface Identified {
  id: string;
  document?: string;
  nameKey?: string;
  groupId?: string;
}

const REGISTER = new Set(['clients', 'groups']);

function docIdOf(tableName: string, value: Identified): string {
  return tableName === 'groups' ? groupDocId({ nameKey: value.nameKey ?? '' }) : clientDocId({ id: value.id, document: value.document ?? '' });
}

/** The stored values a request is about to replace or remove (their documents change too). */
async function valuesBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Identified[]> {
  const { trans } = req;
  if (req.type === 'add') return [];
  if (req.type === 'deleteRange') {
    const response = await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } });
    return response.result;
  }
  const keys = req.type === 'delete' ? req.keys : req.keys ?? req.values.map((v: Identified) => v.id);
  return (await table.getMany({ trans, keys })).filter((v): v is Identified => v !== undefined);
}

/** The clients of the groups a write renamed: their documents name the group, so they change too. */
async function clientsOfRenamed(clients: DBCoreTable, trans: DBCoreTransaction, before: Identified[], after: readonly Identified[]): Promise<Identified[]> {
  const renamed = after.filter((g) => before.some((b) => b.id === g.id && b.nameKey !== g.nameKey));
  const index = clients.schema.getIndexByKeyPath('groupId');
  if (renamed.length === 0 || !index) return [];
  const found = await Promise.all(renamed.map(async (group) => {
    const range: DBCoreKeyRange = { type: 1, lower: group.id, upper: group.id };
    return (await clients.query({ trans, values: true, query: { index, range } })).result as Identified[];
  }));
  return found.flat();
}

/** Read inside the write's own transaction. During an upgrade from before v7 there is no setting yet. */
async function syncConfigured(down: DBCore, trans: DBCoreTransaction): Promise<boolean> {
  try {
    return (await down.table(SYNC_META_TABLE).get({ trans, key: SYNC_CONFIG_KEY })) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Dexie's zone (its "PSD"): the middlewares below read the transaction from it when they are called, and an
 * `await` here leaves it. Dexie.Promise exposes it (not in its typings): every call down re-enters it.
 */
export interface DexieZones {
  PSD: unknown;
  usePSD<T>(zone: unknown, fn: () => T): T;
}

function wrapRegister(down: DBCore, tableName: string, zones: DexieZones): DBCoreTable {
  const table = down.table(tableName);
  return {
    ...table,
    mutate: async (req) => {
      const zone = zones.PSD;
      const inZone = <T>(fn: () => T): T => zones.usePSD(zone, fn);
      if (!(await syncConfigured(down, req.trans))) return inZone(() => table.mutate(req));
      const before = await inZone(() => valuesBefore(table, req));
      const response = await inZone(() => table.mutate(req));
      const after: readonly Identified[] = req.type === 'add' || req.type === 'put' ? req.values : [];
      const docIds = new Set([...before, ...after].map((v) => docIdOf(tableName, v)));
      if (tableName === 'groups') for (const client of await inZone(() => clientsOfRenamed(down.table('clients'), req.trans, before, after))) docIds.add(docIdOf('clients', client));
      const values: OutboxEntry[] = [...docIds].map((docId) => ({ docId }));
      if (values.length > 0) await inZone(() => down.table(OUTBOX_TABLE).mutate({ type: 'add', trans: req.trans, values }));
      return response;
    },
  };
}

/** The middleware; `zones` is Dexie.Promise (db.ts passes it: this module loads no Dexie code of its own). */
export const outboxMiddleware = (zones: DexieZones): Middleware<DBCore> => ({
  stack: 'dbcore',
  name: 'syncOutbox',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) => {
      const widen = mode === 'readwrite' && stores.some((s) => REGISTER.has(s));
      // A group's rename re-queues its clients (their documents name the group): it reads them too.
      const extra = stores.includes('groups') ? ['clients', OUTBOX_TABLE, SYNC_META_TABLE] : [OUTBOX_TABLE, SYNC_META_TABLE];
      return down.transaction(widen ? [...new Set([...stores, ...extra])] : stores, mode, options);
    },
    table: (name) => (REGISTER.has(name) ? wrapRegister(down, name, zones) : down.table(name)),
  }),
});
