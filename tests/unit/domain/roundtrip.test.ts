/**
 * DESIGN.md §6: an exported client list imported again yields the same records. Export (exportHeader,
 * clientToRow, writeWorkbook) → read (openWorkbook) → map (suggestMapping) → review (reviewTable,
 * validateClient) must give back each record's fields, and a fresh database filled from the file holds
 * the same clients.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { clientToRow, exportHeader } from '../../../src/domain/exportClients';
import { CLIENT_FIELDS, emptyClientDraft, type ClientDraft, type ClientRecord, type GroupRecord } from '../../../src/domain/entities/client';
import { suggestMapping } from '../../../src/domain/mapping';
import { markDuplicates, reviewTable, type ReviewRow } from '../../../src/domain/review';
import { openWorkbook } from '../../../src/spreadsheet/read';
import { textColumnsOf, writeWorkbook, type OutputFormat } from '../../../src/spreadsheet/write';
import { ClientelaDb } from '../../../src/storage/db';
import { runImport } from '../../../src/storage/importRun';
import { makeCnpj, makeCpf } from '../../support/brazil';

/** A valid CPF whose first digit is 0: Excel drops it if the column is ever a number. */
function zeroLedCpf(): string {
  const body = '012345678';
  const digit = (text: string, firstWeight: number): number => {
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum += Number(text[i]) * (firstWeight - i);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const d1 = digit(body, 10);
  return `${body}${d1}${digit(body + d1, 11)}`;
}

const TRIBUTARIO: GroupRecord = { id: 'g-trib', name: 'Tributário', nameKey: 'tributario', description: '', createdAt: 1 };
const CIVEL: GroupRecord = { id: 'g-civel', name: 'Cível', nameKey: 'civel', description: '', createdAt: 1 };
const GROUPS = new Map([TRIBUTARIO, CIVEL].map((g) => [g.id, g]));

/** A stored client: the given fields, every other one empty. */
function record(fields: Partial<ClientRecord> & Pick<ClientRecord, 'id' | 'name' | 'document' | 'kind' | 'email' | 'groupId'>): ClientRecord {
  const { group: _group, ...empty } = emptyClientDraft();
  return Object.assign({ ...empty, id: '', kind: 'PF', groupId: '', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 } satisfies ClientRecord, fields);
}

/** Clients as stored (normalized), each with a quirk the round trip must survive. */
const RECORDS: ClientRecord[] = [
  // Every field filled; CPF and CEP with a leading zero; a two-line note.
  record({
    id: 'c1', kind: 'PF', name: 'Maria da Conceição', document: zeroLedCpf(), mobile: '+5511987654321', phone: '+551134567890',
    email: 'maria@exemplo.com.br', secondaryEmail: 'financeiro@exemplo.com.br', groupId: TRIBUTARIO.id, birthDate: '1980-12-25',
    rgIe: '12.345.678-9', cep: '01310100', street: 'Avenida Paulista', number: '1000', complement: 'Sala 12', district: 'Bela Vista',
    city: 'São Paulo', uf: 'SP', notes: 'Prefere contato por e-mail.\nLigar só à tarde.',
  }),
  // ALL-CAPS company with a numeric CNPJ starting with 0, landline only, a note and complement starting with "-".
  record({
    id: 'c2', kind: 'PJ', name: 'PADARIA ESTRELA LTDA', tradeName: 'Padaria Estrela', document: makeCnpj('012345670001'), phone: '+552123456789',
    email: 'contato@padariaestrela.com.br', groupId: CIVEL.id, birthDate: '2001-02-28', rgIe: '123.456.789.110', cep: '20040020',
    street: 'Rua da Assembleia', number: 'S/N', complement: '-', city: 'Rio de Janeiro', uf: 'RJ', notes: '- cliente desde 2001\n- paga em dia',
  }),
  // Alphanumeric CNPJ; trade names that start like a formula; a 0800 number; a foreign mobile.
  record({
    id: 'c3', kind: 'PJ', name: 'Clínica Mais Saúde S.A.', tradeName: '+Saúde', document: makeCnpj('12ABC34501DE'), mobile: '+15551234567',
    phone: '+558001234567', email: 'sac@maissaude.com.br', groupId: CIVEL.id, uf: 'MG',
  }),
  record({ id: 'c4', kind: 'PJ', name: 'Ateliê @ Arte', tradeName: '@atelie.arte', document: makeCnpj('987654320001'), mobile: '+5531991234567', email: 'oi@atelie.art.br', groupId: TRIBUTARIO.id }),
  // Days no Excel serial holds the same way in every program: before 01/03/1900 (and the first one after).
  record({ id: 'c6', kind: 'PF', name: 'Avó Centenária', document: makeCpf(78), mobile: '+5585988887776', email: 'avo@exemplo.com', groupId: CIVEL.id, birthDate: '1889-11-15' }),
  record({ id: 'c7', kind: 'PF', name: 'Bisavô', document: makeCpf(79), mobile: '+5585988887775', email: 'bisavo@exemplo.com', groupId: CIVEL.id, birthDate: '1900-02-28' }),
  record({ id: 'c8', kind: 'PF', name: 'Primeiro de Março', document: makeCpf(80), mobile: '+5585988887774', email: 'marco@exemplo.com', groupId: CIVEL.id, birthDate: '1900-03-01' }),
  record({ id: 'c9', kind: 'PJ', name: 'Companhia Antiga', document: makeCnpj('112223330001'), phone: '+552123456788', email: 'cia@exemplo.com', groupId: CIVEL.id, birthDate: '1850-01-01' }),
  // Only the required fields.
  record({ id: 'c5', kind: 'PF', name: 'José Silva', document: makeCpf(77), mobile: '+5585988887777', email: 'jose@exemplo.com', groupId: TRIBUTARIO.id }),
];

/** What a record should come back as from the spreadsheet: its fields, with the group by name. */
function asDraft(client: ClientRecord): ClientDraft {
  const draft = Object.fromEntries(CLIENT_FIELDS.map((f) => [f.key, f.key === 'group' ? (GROUPS.get(client.groupId)?.name ?? '') : client[f.key]]));
  return draft satisfies Record<string, string> as ClientDraft;
}

function exportBytes(clients: readonly ClientRecord[], groups: ReadonlyMap<string, GroupRecord>, format: OutputFormat): Uint8Array {
  const rows = clients.map((c) => clientToRow(c, groups));
  return writeWorkbook([{ name: 'Clientes', header: exportHeader(), rows, textColumns: textColumnsOf(CLIENT_FIELDS) }], format);
}

function readBack(bytes: Uint8Array, format: OutputFormat): string[][] {
  const opened = openWorkbook(bytes, `clientes.${format}`);
  expect(opened.problems.filter((p) => p.level === 'error')).toEqual([]);
  const sheet = opened.data?.readSheet(0);
  expect(sheet?.problems.filter((p) => p.level === 'error') ?? []).toEqual([]);
  const rows = sheet?.data?.rows;
  if (!rows) throw new Error(`could not read back the ${format} export`);
  return rows;
}

/** The import as the worker runs it: header row 1, mapping from the headers and samples, review. */
function importTable(table: string[][]): { mapping: (string | null)[]; rows: ReviewRow[] } {
  const header = table[0] ?? [];
  const columns = header.map((h, c) => ({ header: h, values: table.slice(1).map((r) => r[c] ?? '').filter((v) => v.trim() !== '') }));
  const mapping = suggestMapping(columns, CLIENT_FIELDS);
  const rows = reviewTable(table, 0, mapping);
  markDuplicates(rows, new Map());
  return { mapping, rows };
}

/** Problems the data itself carries (a foreign number cannot be checked); the round trip may add none. */
function unexpectedProblems(row: ReviewRow): string[] {
  const inherent = new Set(['phone.foreign']);
  return row.problems.filter((p) => !inherent.has(p.code)).map((p) => `${p.code}: ${p.message}`);
}

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('export → import round trip', () => {
  it.each([
    ['xlsx', undefined], ['csv', undefined], ['ods', undefined], ['xlsx', 'America/Sao_Paulo'], ['csv', 'America/Sao_Paulo'], ['ods', 'America/Sao_Paulo'],
  ] as const)('%s (time zone %s): every column maps to its own field and every record comes back', (format, tz) => {
    if (tz !== undefined) process.env.TZ = tz;
    const table = readBack(exportBytes(RECORDS, GROUPS, format), format);
    expect(table[0]).toEqual(exportHeader());

    const { mapping, rows } = importTable(table);

    // The last column ("Cadastro incompleto") says what a client lacks: read back, it maps to nothing.
    expect(mapping).toEqual([...CLIENT_FIELDS.map((f) => f.key), null]);
    expect(rows.map((r) => r.rowNumber)).toEqual(RECORDS.map((_, i) => i + 2));
    for (const [i, row] of rows.entries()) {
      expect(unexpectedProblems(row), `row ${row.rowNumber}`).toEqual([]);
      expect(row.status).toBe('ready');
      expect(row.draft).toEqual(RECORDS[i] && asDraft(RECORDS[i]));
    }
  });

  it('exports documents, phones and CEP as a person types them (text cells keep leading zeros)', () => {
    const table = readBack(exportBytes(RECORDS, GROUPS, 'xlsx'), 'xlsx');
    const column = (key: string) => CLIENT_FIELDS.findIndex((f) => f.key === key);
    expect(table[1]?.[column('document')]).toMatch(/^012\.345\.678-\d\d$/);
    expect(table[1]?.[column('mobile')]).toBe('(11) 98765-4321');
    expect(table[1]?.[column('cep')]).toBe('01310-100');
    expect(table[2]?.[column('document')]).toMatch(/^01\.234\.567\/0001-\d\d$/);
    expect(table[3]?.[column('document')]).toMatch(/^12\.ABC\.345\/01DE-\d\d$/);
    expect(table[3]?.[column('phone')]).toBe('0800 123 4567');
  });

  it('a database filled from the export holds the same clients and groups', async () => {
    const db = new ClientelaDb(`t-${crypto.randomUUID()}`);
    try {
      const table = readBack(exportBytes(RECORDS, GROUPS, 'xlsx'), 'xlsx');
      const { mapping, rows } = importTable(table);
      const run = await runImport(db, { fileName: 'clientes.xlsx', fileSize: 1, fileHash: '', sheet: 'Clientes', headerRow: 1, headers: table[0] ?? [], mapping }, rows, { existing: 'skip', createGroups: true });
      expect(run.counts).toEqual({ total: RECORDS.length, imported: RECORDS.length, updated: 0, skipped: 0, errors: 0 });

      const groups = new Map((await db.groups.toArray()).map((g) => [g.id, g]));
      expect([...groups.values()].map((g) => g.name).sort()).toEqual(['Cível', 'Tributário']);
      const imported = await db.clients.toArray();
      const comparable = (c: ClientRecord, names: ReadonlyMap<string, GroupRecord>) => {
        const { id: _id, createdAt: _c, updatedAt: _u, runId: _r, row: _row, groupId, ...fields } = c;
        return { ...fields, group: names.get(groupId)?.name };
      };
      const byDocument = (a: { document: string }, b: { document: string }) => a.document.localeCompare(b.document);
      expect(imported.map((c) => comparable(c, groups)).sort(byDocument)).toEqual(RECORDS.map((c) => comparable(c, GROUPS)).sort(byDocument));

      // And exporting the imported clients gives the same file content.
      const again = readBack(exportBytes([...imported].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), groups, 'csv'), 'csv');
      expect(again).toEqual(readBack(exportBytes(RECORDS, GROUPS, 'csv'), 'csv'));
    } finally {
      await db.delete();
    }
  });

  it('incomplete clients (no CPF/CNPJ, no e-mail, no group) say what they lack and come back incomplete, the same', async () => {
    const incomplete = [
      record({ id: 'i1', kind: 'PF', name: 'Ana Sem Documento', document: '', mobile: '+5547996811771', email: '', groupId: '', city: 'Joinville', uf: 'SC' }),
      record({ id: 'i2', kind: 'PF', name: 'Bruno Sem Email', document: makeCpf(91), mobile: '+5511987650000', email: '', groupId: CIVEL.id }),
    ];
    const table = readBack(exportBytes(incomplete, GROUPS, 'xlsx'), 'xlsx');
    expect(table.slice(1).map((r) => r.at(-1))).toEqual(['Falta: CPF/CNPJ, E-mail principal, Grupo', 'Falta: E-mail principal']);
    const { mapping, rows } = importTable(table);
    expect(rows.map((r) => r.status)).toEqual(['incomplete', 'incomplete']);
    const db = new ClientelaDb(`t-${crypto.randomUUID()}`);
    try {
      await db.groups.add(CIVEL);
      const run = await runImport(db, { fileName: 'clientes.xlsx', fileSize: 1, fileHash: '', sheet: 'Clientes', headerRow: 1, headers: table[0] ?? [], mapping }, rows, { existing: 'skip', createGroups: true, importIncomplete: true });
      expect(run.counts).toEqual({ total: 2, imported: 2, updated: 0, skipped: 0, errors: 0, incomplete: 2 });
      const again = readBack(exportBytes(await db.clients.orderBy('name').toArray(), GROUPS, 'xlsx'), 'xlsx');
      expect(again).toEqual(table);
    } finally {
      await db.delete();
    }
  });
});
