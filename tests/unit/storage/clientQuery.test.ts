import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { ClientelaDb } from '../../../src/storage/db';
import { ClientQueries, isPlainQuery, readPlainWindow, type ClientQuery } from '../../../src/storage/clientQuery';
import { newGroup } from '../../../src/storage/groups';
import { NO_FILTER, type ClientFilter } from '../../../src/domain/clientFilter';
import { DEFAULT_SORT, parseSearch, searchTermsOf, type ClientSort } from '../../../src/domain/clientSearch';
import type { ClientRecord, GroupRecord } from '../../../src/domain/entities/client';
import { emptyClientDraft } from '../../../src/domain/entities/client';
import { makeCnpj, makeCpf } from '../../support/brazil';
import { freshDb } from './fixtures';

const FIRST = ['Ana', 'José', 'Márcia', 'joão', 'ÉRICA', 'Luís'];
const LAST = ['Silva', 'Conceição', 'de Souza', 'Araújo'];

function client(i: number, groups: GroupRecord[]): ClientRecord {
  const pj = i % 5 === 0;
  const { group: _g, kind: _k, ...fields } = emptyClientDraft();
  return {
    ...fields,
    id: `c${String(i).padStart(4, '0')}`,
    name: pj ? `Empresa ${LAST[i % LAST.length]} ${i} Ltda` : `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]} ${i}`,
    document: pj ? makeCnpj(String(10_000_000_0000 + i).padStart(12, '0')) : makeCpf(i),
    kind: pj ? 'PJ' : 'PF',
    email: `pessoa${i}@exemplo.com.br`,
    mobile: `+55119${String(87_650_000 + i).padStart(8, '0')}`,
    groupId: groups[i % groups.length]?.id ?? '',
    createdAt: 1_000,
    updatedAt: 1_000 + ((i * 37) % 101),
  };
}

async function seed(db: ClientelaDb, count = 120): Promise<{ clients: ClientRecord[]; groups: GroupRecord[] }> {
  const groups = ['Trabalhista', 'cível', 'Ético'].map((name) => newGroup(name));
  await db.groups.bulkAdd(groups);
  const clients = Array.from({ length: count }, (_, i) => client(i + 1, groups));
  await db.clients.bulkAdd(clients);
  return { clients, groups };
}

const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The same query answered the slow way, over every record: what the indexes must agree with. */
function oracle(clients: ClientRecord[], groups: GroupRecord[], query: ClientQuery): string[] {
  const words = fold(query.filter.search).split(/[^a-z0-9@.]+/).filter(Boolean);
  const digits = query.filter.search.replace(/\D/g, '');
  const matches = (c: ClientRecord): boolean => {
    if (query.filter.groupId !== '' && c.groupId !== query.filter.groupId) return false;
    if (query.filter.kind !== '' && c.kind !== query.filter.kind) return false;
    if (query.filter.search.trim() === '') return true;
    if (/^[\d.\-/() ]+$/.test(query.filter.search)) return c.document.startsWith(digits) || c.mobile.slice(3).startsWith(digits) || (/^\d{8,9}$/.test(digits) && c.mobile.slice(5) === digits);
    const nameWords = fold(c.name).split(/[^a-z0-9]+/);
    return words.every((w) => nameWords.some((n) => n.startsWith(w)) || c.email.startsWith(w));
  };
  const rank = new Map([...groups].sort((a, b) => (a.nameKey < b.nameKey ? -1 : 1)).map((g, i) => [g.id, i]));
  const key = (c: ClientRecord): string | number =>
    query.sort.key === 'group' ? (rank.get(c.groupId) ?? 99) : query.sort.key === 'updatedAt' ? c.updatedAt : c[query.sort.key];
  const sorted = clients.filter(matches).sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) return x < y ? -1 : 1;
    if (query.sort.key === 'group' && a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.id < b.id ? -1 : 1;
  });
  return (query.sort.descending ? sorted.reverse() : sorted).map((c) => c.id);
}

const q = (filter: Partial<ClientFilter>, sort: Partial<ClientSort> = {}): ClientQuery => ({ filter: { ...NO_FILTER, ...filter }, sort: { ...DEFAULT_SORT, ...sort } });

describe('searchTermsOf and parseSearch', () => {
  it.each([
    ['a name: every word, without accents or case', { name: 'MÁRCIA da Conceição' }, ['marcia', 'da', 'conceicao']],
    ['the e-mails as typed, lowercased', { email: 'Ana@X.com', secondaryEmail: 'b@y.com' }, ['ana@x.com', 'b@y.com']],
    ['a phone with its DDD', { mobile: '+5511987654321' }, ['11987654321']],
  ])('%s', (_label, fields, expected) => {
    const terms = searchTermsOf({ name: '', tradeName: '', email: '', secondaryEmail: '', mobile: '', phone: '', kind: 'PF', ...fields });
    expect(terms).toEqual([...expected, '#kind:PF']);
  });

  it.each([
    ['123.456.789-09', [{ term: '12345678909', document: '12345678909' }]],
    ['123 456 789 09', [{ term: '12345678909', document: '12345678909' }]],
    ['12.ABC.345/01DE-35', [{ term: '12abc34501de35', document: '12ABC34501DE35' }]],
    ['(11) 98765-4321', [{ term: '11987654321', document: '11987654321' }]],
    ['98765-4321', [{ term: '987654321', document: '987654321', localPhone: '987654321' }]],
    ['3456 7890', [{ term: '34567890', document: '34567890', localPhone: '34567890' }]],
    ['772.178.81', [{ term: '77217881', document: '77217881' }]],
    ['772.178.819', [{ term: '772178819', document: '772178819' }]],
    ['  José   de Souza ', [{ term: 'jose' }, { term: 'de' }, { term: 'souza' }]],
    ['Ana@Exemplo', [{ term: 'ana@exemplo' }]],
    ['', []],
  ])('parses %j', (typed, tokens) => {
    expect(parseSearch(typed)).toEqual(tokens);
  });
});

describe('the register answered from indexes', () => {
  it('keeps the terms in step on every write and never shows them when read', async () => {
    const db = freshDb();
    const { clients } = await seed(db, 3);
    const first = clients[0] ?? ({} as never);
    expect(await db.clients.get(first.id)).toEqual(first);
    expect((await db.clients.toArray()).some((c) => 'terms' in c)).toBe(false);
    expect(await db.clients.where('terms').startsWith('zec').primaryKeys()).toEqual([]);
    await db.clients.update(first.id, { name: 'Zéca Nova' });
    expect(await db.clients.where('terms').startsWith('zec').primaryKeys()).toEqual([first.id]);
    await db.clients.put({ ...first, name: 'Outra Pessoa' });
    expect(await db.clients.where('terms').startsWith('zec').primaryKeys()).toEqual([]);
    expect(await db.clients.where('terms').equals('outra').primaryKeys()).toEqual([first.id]);
  });

  it('fills the terms of the clients stored before version 5', async () => {
    const name = `old-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores({ clients: 'id, &document, name, groupId', groups: 'id, &nameKey', runs: 'id, startedAt, status', runLogs: '[runId+chunk]', mappings: '[entity+signature]' });
    await old.table('clients').add(client(7, []));
    old.close();
    const db = new ClientelaDb(name);
    expect(await db.clients.where('terms').startsWith('jos').primaryKeys()).toEqual(['c0007']);
    await db.delete();
  });

  const cases: [string, Partial<ClientFilter>, Partial<ClientSort>][] = [
    ['everyone by name', {}, {}],
    ['everyone by name, descending', {}, { descending: true }],
    ['everyone by CPF/CNPJ', {}, { key: 'document' }],
    ['everyone by last change, newest first', {}, { key: 'updatedAt', descending: true }],
    ['everyone by group, then name', {}, { key: 'group' }],
    ['a word prefix without accents', { search: 'conce' }, {}],
    ['a word prefix typed in capitals with accents', { search: 'JOÃ' }, { key: 'document' }],
    ['two words, both must match', { search: 'ana silva' }, {}],
    ['a name word that is not the first', { search: 'souz' }, { key: 'group' }],
    ['an e-mail prefix', { search: 'pessoa11@' }, {}],
    ['a mobile typed without its DDD', { search: '98765-0012' }, {}],
    ['people only', { kind: 'PF' }, { key: 'updatedAt' }],
    ['companies with a word', { kind: 'PJ', search: 'empresa' }, {}],
  ];

  it.each(cases)('%s', async (_label, filter, sort) => {
    const db = freshDb();
    const { clients, groups } = await seed(db);
    const query = q(filter, sort);
    const expected = oracle(clients, groups, query);
    expect(expected.length).toBeGreaterThan(0);
    // Few found: ordered from their records; many (here: every search, with 0): filtered from the index's order.
    expect(await new ClientQueries(db).ids(query)).toEqual(expected);
    expect(await new ClientQueries(db, 0).ids(query)).toEqual(expected);
  });

  it('filters by group, alone and with a search', async () => {
    const db = freshDb();
    const { clients, groups } = await seed(db);
    const group = groups[1] ?? ({} as never);
    for (const query of [q({ groupId: group.id }), q({ groupId: group.id, search: 'ana' }, { key: 'document', descending: true })]) {
      expect(await new ClientQueries(db).ids(query)).toEqual(oracle(clients, groups, query));
    }
  });

  it('finds a CPF and a phone typed with or without punctuation', async () => {
    const db = freshDb();
    const { clients } = await seed(db);
    const target = clients[40] ?? ({} as never);
    const queries = new ClientQueries(db);
    const formatted = target.document.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
    for (const typed of [formatted, target.document, target.document.slice(0, 7)]) expect(await queries.ids(q({ search: typed }))).toContain(target.id);
    const local = target.mobile.slice(5);
    for (const typed of [`(11) ${local.slice(0, 5)}-${local.slice(5)}`, `11${local}`]) expect(await queries.ids(q({ search: typed }))).toEqual([target.id]);
  });

  it.each<[string, Partial<ClientFilter>, Partial<ClientSort>]>([
    ['people, by name', { kind: 'PF' }, {}],
    ['a word, by name descending', { search: 'silva' }, { descending: true }],
    ['a group, newest first', {}, { key: 'updatedAt', descending: true }],
  ])('walks the index for the first windows of a search finding many (%s), and agrees with the order past them', async (_label, filter, sort) => {
    const db = freshDb();
    const { clients, groups } = await seed(db);
    const query = q(filter.search === undefined && filter.kind === undefined ? { groupId: groups[0]?.id ?? '' } : filter, sort);
    const all = oracle(clients, groups, query);
    const walking = new ClientQueries(db, 0);
    for (const offset of [0, 7, 20]) {
      const window = await walking.window(query, offset, 5);
      expect(window).toMatchObject({ total: all.length, registered: clients.length, offset });
      expect(window.clients.map((c) => c.id)).toEqual(all.slice(offset, offset + 5));
    }
    const deep = await walking.window(query, 0, 1001);
    expect(deep.clients.map((c) => c.id)).toEqual(all);
  });

  it('a warm-up window (limit 0) counts, without reading anybody', async () => {
    const db = freshDb();
    const { clients } = await seed(db);
    expect(await new ClientQueries(db).window(q({}), 0, 0)).toEqual({ total: 0, registered: clients.length, offset: 0, clients: [] });
  });

  it('gives windows, and forgets its answers when told the clients changed', async () => {
    const db = freshDb();
    const { clients, groups } = await seed(db);
    const queries = new ClientQueries(db);
    const query = q({ kind: 'PF' });
    const all = oracle(clients, groups, query);
    const window = await queries.window(query, 10, 5);
    expect(window).toMatchObject({ total: all.length, registered: clients.length, offset: 10 });
    expect(window.clients.map((c) => c.id)).toEqual(all.slice(10, 15));
    await db.clients.delete(all[0] ?? '');
    expect((await queries.window(query, 0, 1)).total).toBe(all.length);
    queries.invalidate();
    expect((await queries.window(query, 0, 1)).total).toBe(all.length - 1);
  });

  it.each([
    [0, false], [30, false], [61, false], [100, false], [115, false], [120, false],
    [0, true], [59, true], [60, true], [99, true], [118, true],
  ])('reads a plain window at %i (descending: %s) the same from either end of the index', async (offset, descending) => {
    const db = freshDb();
    const { clients, groups } = await seed(db);
    const window = await readPlainWindow(db, { key: 'name', descending }, offset, 10);
    expect(window.clients.map((c) => c.id)).toEqual(oracle(clients, groups, q({}, { key: 'name', descending })).slice(offset, offset + 10));
  });

  it('reads the plain list straight from its index', async () => {
    const db = freshDb();
    const { clients, groups } = await seed(db);
    expect(isPlainQuery(q({}))).toBe(true);
    expect(isPlainQuery(q({ search: ' x' }))).toBe(false);
    expect(isPlainQuery(q({}, { key: 'group' }))).toBe(false);
    const window = await readPlainWindow(db, { key: 'document', descending: true }, 100, 50);
    expect(window.clients.map((c) => c.id)).toEqual(oracle(clients, groups, q({}, { key: 'document', descending: true })).slice(100));
    expect(window.total).toBe(clients.length);
  });
});
