import { describe, expect, it } from 'vitest';
import { clientDocId, clientToDoc, docToClient, groupDocId, sameContent, targetOfDocId } from '../../../src/domain/sync/docs';
import type { ClientRecord } from '../../../src/domain/entities/client';

function client(overrides: Partial<ClientRecord> = {}): ClientRecord {
  return {
    id: 'local-1', kind: 'PF', name: 'Ana', tradeName: '', document: '12345678909', mobile: '+5511987654321', phone: '', email: 'ana@x.com', secondaryEmail: '',
    birthDate: '', rgIe: '', cep: '', street: '', number: '', complement: '', district: '', city: 'São Paulo', uf: 'SP', notes: '', groupId: 'g1',
    createdAt: 10, updatedAt: 20, runId: 'run-1', row: 7, ...overrides,
  };
}

describe('document ids: the CPF/CNPJ is the identity across machines', () => {
  it.each([
    ['a CPF', { id: 'x', document: '12345678909' }, 'client:12345678909'],
    ['an alphanumeric CNPJ', { id: 'x', document: '12ABC34501DE35' }, 'client:12ABC34501DE35'],
    ['a client without CPF/CNPJ (by its local id)', { id: 'local-9', document: '' }, 'client:sem-documento:local-9'],
  ])('%s', (_case, record, id) => {
    expect(clientDocId(record)).toBe(id);
  });

  it('names a group by its name key', () => {
    expect(groupDocId({ nameKey: 'tributario' })).toBe('group:tributario');
  });

  it.each([
    ['client:12345678909', { table: 'clients', by: 'document', key: '12345678909' }],
    ['client:sem-documento:local-9', { table: 'clients', by: 'id', key: 'local-9' }],
    ['group:tributario', { table: 'groups', by: 'nameKey', key: 'tributario' }],
    ['_design/clientela', null],
  ])('%s points to %j', (docId, target) => {
    expect(targetOfDocId(docId)).toEqual(target);
  });
});

describe('a client as a document and back', () => {
  it('carries the register fields and the group by name, not the import run nor the local group id', () => {
    const doc = clientToDoc(client(), 'Tributário');
    expect(doc).toMatchObject({ _id: 'client:12345678909', type: 'client', localId: 'local-1', name: 'Ana', group: 'Tributário', city: 'São Paulo' });
    expect(doc).not.toHaveProperty('runId');
    expect(doc).not.toHaveProperty('groupId');
  });

  it('comes back on another machine with that machine\'s group id, keeping its own id and run', () => {
    const there = client({ id: 'other', groupId: 'g9', runId: 'run-b', city: 'Rio' });
    const back = docToClient(clientToDoc(client({ city: 'Campinas' }), 'Tributário'), 'g9', there);
    expect(back).toMatchObject({ id: 'other', groupId: 'g9', runId: 'run-b', city: 'Campinas' });
  });

  it('a new client takes the id it had where it was created', () => {
    expect(docToClient(clientToDoc(client(), 'G'), 'g2').id).toBe('local-1');
  });

  it.each([
    ['the same fields', {}, true],
    ['another local id and run', { id: 'other', runId: 'x' }, true],
    ['a changed field', { city: 'Rio' }, false],
  ])('sameContent with %s: %s', (_case, change, same) => {
    expect(sameContent(clientToDoc(client(), 'G'), clientToDoc(client(change), 'G'))).toBe(same);
  });
});
