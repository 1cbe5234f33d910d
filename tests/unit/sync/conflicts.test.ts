// pouchdb-browser reads `self` when it loads (as in a browser or a worker).
import './browserGlobals';
import { describe, expect, it } from 'vitest';
const { default: PouchDB } = await import('pouchdb-browser');
// In Node the machines' databases live in memory (PouchDB's own adapter: same replication, same revisions).
PouchDB.plugin((await import('pouchdb-adapter-memory')).default);
import { mergeConflicts } from '../../../src/storage/sync/conflicts';
import type { ClientDoc } from '../../../src/domain/sync/docs';

let n = 0;
function pair(): [PouchDB.Database, PouchDB.Database] {
  n += 1;
  return [new PouchDB(`a-${n}`, { adapter: 'memory' }), new PouchDB(`b-${n}`, { adapter: 'memory' })];
}

function base(): ClientDoc {
  return { _id: 'client:12345678909', type: 'client', localId: 'x', name: 'Ana', tradeName: '', document: '12345678909', kind: 'PF', mobile: '', phone: '', email: 'ana@x.com', secondaryEmail: '', group: 'G', birthDate: '', rgIe: '', cep: '', street: '', number: '', complement: '', district: '', city: 'São Paulo', uf: 'SP', notes: '', createdAt: 1, updatedAt: 1 };
}

async function editOn(db: PouchDB.Database, change: Partial<ClientDoc>): Promise<void> {
  const doc = await db.get<ClientDoc>('client:12345678909');
  await db.put({ ...doc, ...change });
}

describe('merging the two versions PouchDB keeps of a client changed on two machines', () => {
  it('different fields merge; the same field is kept both and listed; both machines end on one revision', async () => {
    const [a, b] = pair();
    await a.put(base());
    await a.replicate.to(b);
    await editOn(a, { city: 'Campinas', notes: 'A' });
    await editOn(b, { email: 'ana@y.com', notes: 'B' });
    await a.replicate.to(b);
    await b.replicate.to(a);
    await mergeConflicts(a, 'client:12345678909');
    const merged = await a.get<ClientDoc>('client:12345678909', { conflicts: true });
    expect(merged._conflicts ?? []).toEqual([]);
    expect(merged.city).toBe('Campinas');
    expect(merged.email).toBe('ana@y.com');
    expect(merged.conflicts?.map((c) => [c.field, [...c.values].sort()])).toEqual([['notes', ['A', 'B']]]);
    await a.replicate.to(b);
    const onB = await b.get<ClientDoc>('client:12345678909', { conflicts: true });
    expect(onB._conflicts ?? []).toEqual([]);
    expect(onB._rev).toBe(merged._rev);
  });

  it('the same CPF created on two machines offline (no common ancestor): every differing field is a conflict', async () => {
    const [a, b] = pair();
    await a.put({ ...base(), name: 'Ana Souza' });
    await b.put({ ...base(), name: 'Ana S.' });
    await b.replicate.to(a);
    await mergeConflicts(a, 'client:12345678909');
    const merged = await a.get<ClientDoc>('client:12345678909', { conflicts: true });
    expect(merged._conflicts ?? []).toEqual([]);
    expect(merged.conflicts?.map((c) => c.field)).toEqual(['name']);
  });
});
