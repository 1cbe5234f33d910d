import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { cleanGroupName, createGroup, deleteGroup, listGroups, newGroup, renameGroup } from '../../../src/storage/groups';
import { draftToRecord } from '../../../src/storage/clients';
import { validateClient } from '../../../src/domain/validateClient';
import type { ClientRecord, GroupRecord } from '../../../src/domain/entities/client';
import type { ClientelaDb } from '../../../src/storage/db';
import type { RunRecord } from '../../../src/storage/types';
import { formatCpf, makeCpf } from '../../support/brazil';
import { fail, freshDb, snapshot } from './fixtures';

async function addGroup(db: ClientelaDb, name: string, runId?: string): Promise<GroupRecord> {
  const group = newGroup(name, runId);
  await db.groups.add(group);
  return group;
}

function clientIn(group: GroupRecord, seed: number): ClientRecord {
  const { data } = validateClient({ name: `Cliente ${seed}`, document: formatCpf(makeCpf(seed)), mobile: '(11) 98765-4321', email: `c${seed}@exemplo.com.br`, group: group.name });
  return draftToRecord(data, group.id);
}

async function addClients(db: ClientelaDb, group: GroupRecord, seeds: number[]): Promise<void> {
  await db.clients.bulkAdd(seeds.map((seed) => clientIn(group, seed)));
}

describe('cleanGroupName', () => {
  it.each([
    ['  Tributário  ', 'Tributário'],
    ['Carteira   do\u00a0 Dr.  Paulo', 'Carteira do Dr. Paulo'],
    ['VIP', 'VIP'],
    ['\tCível\n', 'Cível'],
  ])('%j is stored as %j', (raw, clean) => {
    expect(cleanGroupName(raw)).toEqual({ data: clean, problems: [] });
  });

  it.each([
    ['', 'group.name_empty', 'Digite um nome para o grupo.'],
    ['   \u00a0 ', 'group.name_empty', 'Digite um nome para o grupo.'],
    ['---', 'group.name_invalid', 'O nome do grupo precisa ter ao menos uma letra ou um número.'],
    ['x'.repeat(81), 'group.name_too_long', 'O nome do grupo tem 81 caracteres; use no máximo 80.'],
  ])('%j is refused: %s', (raw, code, message) => {
    expect(cleanGroupName(raw)).toEqual({ data: null, problems: [{ code, field: 'name', value: raw, level: 'error', message }] });
  });
});

describe('createGroup', () => {
  it('stores the cleaned name, its key, no run', async () => {
    const db = freshDb();
    const { data, problems } = await createGroup(db, '  Direito   de Família ');
    expect(problems).toEqual([]);
    const group = data ?? fail('no group');
    expect(group).toMatchObject({ name: 'Direito de Família', nameKey: 'direito de familia', description: '' });
    expect(group.runId).toBeUndefined();
    expect(await db.groups.get(group.id)).toEqual(group);
  });

  it.each([
    ['the same name', 'Tributário'],
    ['another case', 'TRIBUTÁRIO'],
    ['no accents', 'tributario'],
    ['extra spaces and punctuation', '  Tributário. '],
  ])('refuses %s as an existing group, naming it, and writes nothing', async (_case, name) => {
    const db = freshDb();
    await addGroup(db, 'Tributário');
    const before = await snapshot(db);
    expect(await createGroup(db, name)).toEqual({
      data: null,
      problems: [{ code: 'group.name_taken', field: 'name', value: name, level: 'error', message: 'Já existe um grupo chamado "Tributário".' }],
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([[''], ['  '], ['?!']])('refuses the empty or unusable name %j and writes nothing', async (name) => {
    const db = freshDb();
    const { data, problems } = await createGroup(db, name);
    expect(data).toBeNull();
    expect(problems.map((p) => p.code)).toEqual([name.trim() === '' ? 'group.name_empty' : 'group.name_invalid']);
    expect(await db.groups.count()).toBe(0);
  });

  it('two creations of the same name at once leave one group (the check and the write are one transaction)', async () => {
    const db = freshDb();
    const results = await Promise.all([createGroup(db, 'Cível'), createGroup(db, 'civel')]);
    expect(results.filter((r) => r.data !== null)).toHaveLength(1);
    expect(results.flatMap((r) => r.problems.map((p) => p.code))).toEqual(['group.name_taken']);
    expect(await db.groups.count()).toBe(1);
  });
});

describe('renameGroup', () => {
  it('renames, keeping the id, the creation date and the run that created it', async () => {
    const db = freshDb();
    const group = await addGroup(db, 'Tributario', 'run-1');
    const { data, problems } = await renameGroup(db, group.id, ' Tributário  Federal ');
    expect(problems).toEqual([]);
    expect(data).toEqual({ ...group, name: 'Tributário Federal', nameKey: 'tributario federal' });
    expect(await db.groups.get(group.id)).toEqual(data);
  });

  it.each([
    ['case', 'TRIBUTARIO'],
    ['accents', 'Tributário'],
    ['the very same name', 'Tributario'],
  ])('accepts another spelling of its own name (%s)', async (_case, name) => {
    const db = freshDb();
    const group = await addGroup(db, 'Tributario');
    const { data, problems } = await renameGroup(db, group.id, name);
    expect(problems).toEqual([]);
    expect(data?.name).toBe(name);
    expect((await db.groups.get(group.id))?.name).toBe(name);
  });

  it("refuses another group's name and writes nothing", async () => {
    const db = freshDb();
    const civil = await addGroup(db, 'Cível');
    await addGroup(db, 'Trabalhista');
    const before = await snapshot(db);
    expect(await renameGroup(db, civil.id, 'trabalhista')).toEqual({
      data: null,
      problems: [{ code: 'group.name_taken', field: 'name', value: 'trabalhista', level: 'error', message: 'Já existe um grupo chamado "Trabalhista".' }],
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an empty name', async () => {
    const db = freshDb();
    const group = await addGroup(db, 'Cível');
    const { data, problems } = await renameGroup(db, group.id, '   ');
    expect(data).toBeNull();
    expect(problems.map((p) => p.code)).toEqual(['group.name_empty']);
    expect((await db.groups.get(group.id))?.name).toBe('Cível');
  });

  it('says so when the group no longer exists', async () => {
    const db = freshDb();
    const { data, problems } = await renameGroup(db, 'gone', 'Cível');
    expect(data).toBeNull();
    expect(problems).toEqual([{ code: 'group.not_found', field: '', value: 'gone', level: 'error', message: expect.stringMatching(/^Este grupo não existe mais/) }]);
    expect(await db.groups.count()).toBe(0);
  });
});

describe('deleteGroup', () => {
  it('deletes a group without clients', async () => {
    const db = freshDb();
    const group = await addGroup(db, 'Cível');
    const other = await addGroup(db, 'Penal');
    await addClients(db, other, [1]);
    expect(await deleteGroup(db, group.id)).toEqual({ data: group, problems: [] });
    expect((await db.groups.toArray()).map((g) => g.name)).toEqual(['Penal']);
  });

  it.each([
    [[1], 'O grupo "Cível" tem 1 cliente e não pode ser excluído.'],
    [[1, 2, 3], 'O grupo "Cível" tem 3 clientes e não pode ser excluído.'],
  ])('refuses a group with clients %j, saying how many and to move them first', async (seeds, start) => {
    const db = freshDb();
    const group = await addGroup(db, 'Cível');
    await addClients(db, group, seeds);
    const before = await snapshot(db);
    const { data, problems } = await deleteGroup(db, group.id);
    expect(data).toBeNull();
    expect(problems).toEqual([{ code: 'group.not_empty', field: '', value: 'Cível', level: 'error', message: expect.stringContaining(start) }]);
    expect(problems[0]?.message).toMatch(/Escolha para qual grupo esses clientes vão/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('says so when the group no longer exists', async () => {
    const db = freshDb();
    const { data, problems } = await deleteGroup(db, 'gone');
    expect(data).toBeNull();
    expect(problems.map((p) => p.code)).toEqual(['group.not_found']);
  });
});

describe('listGroups', () => {
  it('lists the groups by name, without case or accents, with their counts of clients', async () => {
    const db = freshDb();
    const [penal, civil, adm] = [await addGroup(db, 'penal'), await addGroup(db, 'Ético'), await addGroup(db, 'Administrativo')];
    await addClients(db, penal, [1, 2]);
    await addClients(db, adm, [3]);
    const list = await listGroups(db);
    expect(list.map((s) => [s.group.name, s.clients])).toEqual([['Administrativo', 1], ['Ético', 0], ['penal', 2]]);
    expect(list.map((s) => s.group.id)).toEqual([adm.id, civil.id, penal.id]);
  });

  it("names the file of the import that created a group, when that run is still stored", async () => {
    const db = freshDb();
    await db.runs.add({ id: 'run-1', fileName: 'clientes.xlsx' } as RunRecord);
    await addGroup(db, 'Importado', 'run-1');
    await addGroup(db, 'Run apagado', 'run-gone');
    await addGroup(db, 'Manual');
    const list = await listGroups(db);
    expect(list.map((s) => [s.group.name, s.runFileName])).toEqual([['Importado', 'clientes.xlsx'], ['Manual', undefined], ['Run apagado', undefined]]);
  });

  it('is empty with no groups', async () => {
    expect(await listGroups(freshDb())).toEqual([]);
  });
});
