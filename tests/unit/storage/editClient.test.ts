import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveClient } from '../../../src/storage/editClient';
import { draftToRecord } from '../../../src/storage/clients';
import { newGroup } from '../../../src/storage/groups';
import { validateClient, type RawClient } from '../../../src/domain/validateClient';
import type { ClientDraft, ClientRecord } from '../../../src/domain/entities/client';
import type { ClientelaDb } from '../../../src/storage/db';
import { formatCpf, makeCnpj, makeCpf } from '../../support/brazil';
import { fail, freshDb, snapshot } from './fixtures';

function draftOf(raw: RawClient): ClientDraft {
  const { data, problems } = validateClient(raw);
  expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  return data;
}

function rawClient(seed: number, group: string): RawClient {
  return { name: `Cliente ${seed}`, document: formatCpf(makeCpf(seed)), mobile: '(11) 98765-4321', email: `c${seed}@exemplo.com.br`, group };
}

/** Two stored clients, Ana and Bruno, in the group "Tributário". */
async function twoClients(db: ClientelaDb): Promise<{ ana: ClientRecord; bruno: ClientRecord }> {
  const group = newGroup('Tributário');
  await db.groups.add(group);
  const ana = draftToRecord(draftOf({ ...rawClient(1, 'Tributário'), name: 'Ana' }), group.id);
  const bruno = draftToRecord(draftOf({ ...rawClient(2, 'Tributário'), name: 'Bruno' }), group.id);
  await db.clients.bulkAdd([ana, bruno]);
  return { ana, bruno };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('saveClient', () => {
  it('refuses a CPF/CNPJ that belongs to another client, and writes nothing (not even a new group)', async () => {
    const db = freshDb();
    const { ana, bruno } = await twoClients(db);
    const before = await snapshot(db);
    const problems = await saveClient(db, ana, draftOf({ ...rawClient(1, 'Grupo novo'), document: makeCpf(2) }));
    expect(problems).toEqual([{ code: 'document.taken', field: 'document', value: bruno.document, level: 'error', message: expect.stringContaining('Bruno') }]);
    expect(problems[0]?.message).toMatch(/^Este CPF\/CNPJ já pertence/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('saves a client keeping its own document, id and creation date', async () => {
    const db = freshDb();
    const { ana } = await twoClients(db);
    const problems = await saveClient(db, ana, draftOf({ ...rawClient(1, 'tributario'), name: 'Ana Maria' }));
    expect(problems).toEqual([]);
    const saved = (await db.clients.get(ana.id)) ?? fail('client gone');
    expect(saved).toMatchObject({ id: ana.id, createdAt: ana.createdAt, name: 'Ana Maria', document: ana.document, groupId: ana.groupId, kind: 'PF' });
    expect(await db.groups.count()).toBe(1);
  });

  it('a new document of the other kind changes the kind (CPF → CNPJ is PJ)', async () => {
    const db = freshDb();
    const { ana } = await twoClients(db);
    const cnpj = makeCnpj('112223330001');
    expect(await saveClient(db, ana, draftOf({ ...rawClient(1, 'Tributário'), document: cnpj }))).toEqual([]);
    expect(await db.clients.get(ana.id)).toMatchObject({ document: cnpj, kind: 'PJ' });
  });

  it('creates a group that does not exist yet, in the same transaction as the client', async () => {
    const db = freshDb();
    const { ana } = await twoClients(db);
    expect(await saveClient(db, ana, draftOf(rawClient(1, '  Família  Silva ')))).toEqual([]);
    const created = (await db.groups.where('nameKey').equals('familia silva').first()) ?? fail('group not created');
    expect(created.name).toBe('Família Silva');
    expect((await db.clients.get(ana.id))?.groupId).toBe(created.id);
  });

  it('when the client cannot be written, the group it named is not created either', async () => {
    const db = freshDb();
    const { ana } = await twoClients(db);
    const before = await snapshot(db);
    vi.spyOn(db.clients, 'put').mockRejectedValue(new Error('disk full'));
    await expect(saveClient(db, ana, draftOf(rawClient(1, 'Grupo novo')))).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });
});
