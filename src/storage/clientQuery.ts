/**
 * The register's list, answered from IndexedDB indexes a window at a time: nobody holds every client.
 * The order comes from an index's keys (name, document, last change; by group: the groups in name
 * order, each by name), the filters and the search from the group index and the `terms` multi-entry
 * index (clientTerms.ts). Only the window's clients are read. A new filter adds its key set in
 * `filterSets` (a tag in searchTermsOf when no other index answers it).
 */
import { Dexie } from 'dexie';
import type { ClientRecord } from '../domain/entities/client';
import type { ClientFilter } from '../domain/clientFilter';
import { parseSearch, phoneTermsWithoutDdd, tagTerm, type ClientSort, type SearchToken } from '../domain/clientSearch';
import type { ClientelaDb } from './db';
import { loadRequiredFields } from './settings';
import { listRecordMissing } from '../domain/requiredFields';

export interface ClientQuery {
  filter: ClientFilter;
  sort: ClientSort;
}

export interface ClientWindow {
  /** Clients matching the query. */
  total: number;
  /** Clients stored. */
  registered: number;
  offset: number;
  clients: ClientRecord[];
}

const SORT_INDEX = { name: 'name', document: 'document', updatedAt: 'updatedAt' } as const;

/** The index a sort reads (by group: the names, bucketed by group afterwards). */
function sortIndex(key: ClientSort['key']): (typeof SORT_INDEX)[keyof typeof SORT_INDEX] {
  return key === 'group' ? SORT_INDEX.name : SORT_INDEX[key];
}

/** The clients along an index, forwards or backwards. */
function along(db: ClientelaDb, index: string, backwards: boolean): ReturnType<ClientelaDb['clients']['orderBy']> {
  return backwards ? db.clients.orderBy(index).reverse() : db.clients.orderBy(index);
}

function orderKey(sort: ClientSort): string {
  return `${sort.key}:${sort.descending}`;
}

/** True when one index answers the window alone (no search, no filter, not by group). */
export function isPlainQuery(query: ClientQuery): boolean {
  // Every filter off ('' or false), whatever filters the type grows.
  const off = Object.values(query.filter).every((value) => (typeof value === 'string' ? value.trim() === '' : value === false));
  return off && query.sort.key !== 'group';
}

/**
 * A window read straight from the sort's index: it reads only the window, so the main thread may call it.
 * `onFirst` gets the first window (offset 0) as soon as it is read, before the count: on disk, counting
 * 100,000 clients takes longer than reading them (0.2–0.6 s), and the list can show its top meanwhile.
 */
export async function readPlainWindow(db: ClientelaDb, sort: ClientSort, offset: number, limit: number, onFirst?: (clients: ClientRecord[]) => void): Promise<ClientWindow> {
  const index = sortIndex(sort.key);
  // The first window is read from the start whatever the count: both go at once.
  const first = offset === 0 ? along(db, index, sort.descending).limit(limit).toArray().then((clients) => (onFirst?.(clients), clients)) : undefined;
  const registered = await db.clients.count();
  if (first) return { total: registered, registered, offset, clients: await first };
  // An index cursor walks every entry it skips (on disk, 97,000 of them took over a second): a window in
  // the second half is read from the other end, backwards, and turned around.
  const fromEnd = offset > registered / 2;
  const ordered = along(db, index, sort.descending !== fromEnd);
  const skip = fromEnd ? Math.max(0, registered - offset - limit) : offset;
  const take = fromEnd ? Math.min(limit, registered - offset) : limit;
  const clients = take > 0 ? await ordered.offset(skip).limit(take).toArray() : [];
  return { total: registered, registered, offset, clients: fromEnd ? clients.reverse() : clients };
}

async function keysOf(collection: { primaryKeys(): Promise<string[]> }): Promise<Set<string>> {
  return new Set(await collection.primaryKeys());
}

/** Every client id in the sort's order. */
async function sortedIds(db: ClientelaDb, sort: ClientSort): Promise<string[]> {
  let ids: string[];
  if (sort.key === 'group') {
    const byName = await db.clients.orderBy('name').primaryKeys();
    const groups = await db.groups.orderBy('nameKey').primaryKeys();
    const rank = new Map<string, number>();
    const members = await Promise.all(groups.map((id) => db.clients.where('groupId').equals(id).primaryKeys()));
    members.forEach((keys, g) => keys.forEach((key) => rank.set(key, g)));
    // A bucket per group (name order kept inside); clients without a known group come last.
    const buckets: string[][] = Array.from({ length: groups.length + 1 }, () => []);
    for (const id of byName) (buckets[rank.get(id) ?? groups.length] as string[]).push(id);
    ids = buckets.flat();
  } else {
    ids = await db.clients.orderBy(SORT_INDEX[sort.key]).primaryKeys();
  }
  return sort.descending ? ids.reverse() : ids;
}

/**
 * A search that finds few clients (a CPF, a phone, a rare name) is put in order from their own records:
 * the whole index's order takes seconds on disk at 100,000 clients (measured: 1.7 s), the records a few
 * ms. Same order as the index's: by key (strings by code unit, as IndexedDB compares them), then by id.
 */
const FEW_FOUND = 1000;

async function orderFound(db: ClientelaDb, sort: ClientSort, found: ReadonlySet<string>): Promise<string[]> {
  const clients = (await db.clients.bulkGet([...found])).filter((c) => c !== undefined);
  const groupRank = sort.key === 'group' ? new Map((await db.groups.orderBy('nameKey').primaryKeys()).map((id, i) => [id, i])) : undefined;
  const keyOf = (c: ClientRecord): readonly (string | number)[] =>
    groupRank ? [groupRank.get(c.groupId) ?? groupRank.size, c.name] : [c[sortIndex(sort.key)]];
  const keyed = clients.filter((c) => keyOf(c).every((k) => k !== undefined && k !== null)).map((c) => ({ id: c.id, key: [...keyOf(c), c.id] }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  const ids = keyed.map((k) => k.id);
  return sort.descending ? ids.reverse() : ids;
}

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

async function tokenSet(db: ClientelaDb, token: SearchToken): Promise<Set<string>> {
  const found = await Promise.all([
    db.clients.where('terms').startsWith(token.term).primaryKeys(),
    token.document === undefined ? Promise.resolve([]) : db.clients.where('document').startsWith(token.document).primaryKeys(),
    token.localPhone === undefined ? Promise.resolve([]) : db.clients.where('terms').startsWithAnyOf(phoneTermsWithoutDdd(token.localPhone)).primaryKeys(),
  ]);
  return new Set(found.flat());
}

/**
 * "Incompletos": the clients lacking a required field, by the office's current "Campos obrigatórios" (a
 * setting can change, so no index holds it: one scan in the worker).
 */
async function incompleteIds(db: ClientelaDb): Promise<Set<string>> {
  const required = await loadRequiredFields(db);
  const ids = new Set<string>();
  await db.clients.each((client) => {
    if (listRecordMissing(client, required).length > 0) ids.add(client.id);
  });
  return ids;
}

/** One key set per restriction of the filter (every found client is in all of them). */
function filterSets(db: ClientelaDb, filter: ClientFilter): Promise<Set<string>>[] {
  const sets = parseSearch(filter.search).map((token) => tokenSet(db, token));
  if (filter.groupId !== '') sets.push(keysOf(db.clients.where('groupId').equals(filter.groupId)));
  if (filter.kind !== '') sets.push(keysOf(db.clients.where('terms').equals(tagTerm('kind', filter.kind))));
  if (filter.incomplete === true) sets.push(incompleteIds(db));
  return sets;
}

function intersect(sets: Set<string>[]): Set<string> | null {
  if (sets.length === 0) return null;
  const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size);
  if (others.length === 0) return smallest ?? null;
  const both = new Set<string>();
  for (const key of smallest ?? []) if (others.every((s) => s.has(key))) both.add(key);
  return both;
}

/**
 * A search finding many clients, sorted by a key every client has: its first windows are read by walking
 * the sort's index and keeping the found ones, so that neither the first window nor the next keystroke
 * waits for the whole order (on disk, 1.1–1.7 s at 100,000 clients). Deeper windows use the order.
 */
const WALKED = 1000;
const WALKABLE: ReadonlySet<ClientSort['key']> = new Set(['name', 'updatedAt']);

/**
 * The query's ids in order, remembered until the clients change: scrolling reads only windows, and
 * typing a search reuses the order. One per thread that answers queries (the worker).
 */
export class ClientQueries {
  private orders = new Map<string, Promise<string[]>>();
  private last: { key: string; ids: Promise<string[]> } | undefined;
  private matches = new Map<string, Promise<Set<string> | null>>();
  /** The clients stored: counting walks the whole store (200–300 ms on disk at 100,000), once per change. */
  private counts = new Map<'registered', Promise<number>>();

  /** `fewFound`: up to how many found clients are ordered from their records (FEW_FOUND; tests try 0). */
  constructor(private readonly db: ClientelaDb, private readonly fewFound = FEW_FOUND) {}

  /** Forgets everything computed: called when the clients change. */
  invalidate(): void {
    this.orders.clear();
    this.matches.clear();
    this.last = undefined;
    this.counts.clear();
  }

  private order(sort: ClientSort): Promise<string[]> {
    return remember(this.orders, orderKey(sort), () => sortedIds(this.db, sort));
  }

  /** The ids the filter finds (null: no filter, everyone), in no order. */
  private match(filter: ClientFilter): Promise<Set<string> | null> {
    return remember(this.matches, JSON.stringify(filter), () => Promise.all(filterSets(this.db, filter)).then(intersect));
  }

  private count(): Promise<number> {
    return remember(this.counts, 'registered', () => this.db.clients.count());
  }

  /** The ids of the clients the query finds, in its order. */
  ids(query: ClientQuery): Promise<string[]> {
    const key = JSON.stringify(query);
    if (this.last?.key === key) return this.last.ids;
    const ids = (async () => {
      const match = await this.match(query.filter);
      if (match !== null && match.size <= this.fewFound) return orderFound(this.db, query.sort, match);
      const ordered = await this.order(query.sort);
      return match === null ? ordered : ordered.filter((id) => match.has(id));
    })();
    this.last = { key, ids };
    ids.catch(() => (this.last = undefined));
    return ids;
  }

  /** A window of the query. An empty one (`limit` 0) only starts the worker and counts: the list's warm-up. */
  async window(query: ClientQuery, offset: number, limit: number): Promise<ClientWindow> {
    if (limit === 0) return { total: 0, registered: await this.count(), offset, clients: [] };
    const walked = await this.walkWindow(query, offset, limit);
    if (walked) return { ...walked, registered: await this.count() };
    const ids = await this.ids(query);
    const [registered, found] = await Promise.all([this.count(), this.db.clients.bulkGet(ids.slice(offset, offset + limit))]);
    // A client deleted since the ids were taken is left out; the change that deleted it reloads the list.
    return { total: ids.length, registered, offset, clients: found.filter((c) => c !== undefined) };
  }

  private async walkWindow(query: ClientQuery, offset: number, limit: number): Promise<Omit<ClientWindow, 'registered'> | null> {
    const { sort } = query;
    if (!WALKABLE.has(sort.key) || offset + limit > WALKED || this.last?.key === JSON.stringify(query) || this.orders.has(orderKey(sort))) return null;
    const match = await this.match(query.filter);
    if (match === null || match.size <= this.fewFound) return null;
    const index = sortIndex(sort.key);
    const ordered = along(this.db, index, sort.descending);
    // A key cursor, stopped at the window's end: only the index entries up to it are read.
    const hits: string[] = [];
    await ordered.until(() => hits.length >= offset + limit).eachPrimaryKey((id) => {
      if (match.has(id)) hits.push(id);
    });
    const clients = (await this.db.clients.bulkGet(hits.slice(offset))).filter((c) => c !== undefined);
    return { total: match.size, offset, clients };
  }
}

/** The promise under `key`, made once (and made again after a failure). */
function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

/** Calls back when any client is added, changed or removed, in this thread or another (Dexie tells them all). */
export function onClientsChanged(callback: () => void): () => void {
  const listener = (parts: Record<string, unknown>): void => {
    if (Object.keys(parts).some((key) => key.includes('/clients/') || key === 'all')) callback();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
