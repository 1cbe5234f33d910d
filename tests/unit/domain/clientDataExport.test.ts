import { describe, expect, it } from 'vitest';
import { subjectJson, subjectSheets, type SubjectData } from '../../../src/domain/clientDataExport';
import { emptyClientDraft, type ClientRecord } from '../../../src/domain/entities/client';
import { makeCpf } from '../../support/brazil';

const { group: _group, ...empty } = emptyClientDraft();
const client: ClientRecord = {
  ...empty, id: 'c1', kind: 'PF', name: 'Maria', document: makeCpf(5), mobile: '+5511987654321', email: 'maria@exemplo.com',
  groupId: 'g1', birthDate: '1889-11-15', createdAt: Date.UTC(2026, 0, 2, 12), updatedAt: 1, runId: 'r1', row: 7,
};
const data: SubjectData = {
  client,
  group: { id: 'g1', name: 'Família', nameKey: 'familia', description: '', createdAt: 1 },
  history: [{ id: 'h1', clientId: 'c1', at: Date.UTC(2026, 0, 3, 12), source: 'import', action: 'updated', runId: 'r2', row: 9, changes: [{ field: 'mobile', before: '+5511987654321', after: '+5511912345678' }, { field: 'groupId', before: 'gone', after: 'g1' }] }],
  runFiles: { r1: 'clientes.xlsx', r2: 'atualizacao.csv' },
  logLines: [{ fileName: 'clientes.xlsx', startedAt: Date.UTC(2026, 0, 2, 12), line: { row: 7, status: 'imported' } }],
};

describe('one client\'s data on its own (LGPD)', () => {
  const [record, history, imports] = subjectSheets(data);

  it.each([
    ['the record in the export\'s columns, with where it came from', record?.rows[0]?.at(-1), /^Importado de clientes\.xlsx, linha 7, em /],
    ['each change, with who made it', history?.rows[0]?.[1], /^Atualizado pela importação de atualizacao\.csv \(linha 9\)$/],
    ['a phone as it is typed', history?.rows[0]?.slice(3).join(' → '), /^\(11\) 98765-4321 → \(11\) 91234-5678$/],
    ['a group that no longer exists', history?.rows[1]?.[3], /^\(grupo excluído\)$/],
    ['the import lines about it', imports?.rows[0]?.slice(2, 4).join(' '), /^7 importado$/],
  ])('has %s', (_, value, expected) => {
    expect(String(value)).toMatch(expected);
  });

  it('gives the same in JSON, fields by their labels', () => {
    const json = JSON.parse(subjectJson(data)) as { cliente: Record<string, string>; historico: Record<string, string>[]; importacoes: unknown[] };
    expect(json.cliente['Nome/Razão Social']).toBe('Maria');
    expect(json.cliente['Data de nascimento/fundação']).toBe('1889-11-15');
    expect(json.cliente.Grupo).toBe('Família');
    expect(json.historico[0]?.Campo).toBe('Celular');
    expect(json.importacoes).toHaveLength(1);
  });
});
