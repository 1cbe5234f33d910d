/** Builders shared by the storage tests: spreadsheet tables, reviewed rows and a throwaway database. */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { ClientelaDb } from '../../../src/storage/db';
import { loadDocumentIndex } from '../../../src/storage/clients';
import { markDuplicates, reviewTable, type ReviewRow } from '../../../src/domain/review';
import type { Mapping } from '../../../src/domain/mapping';
import type { RunMeta } from '../../../src/storage/importRun';
import type { ClientRecord, GroupRecord } from '../../../src/domain/entities/client';
import { breakCheckDigit, formatCpf, makeCpf } from '../../support/brazil';

/** Columns of the test spreadsheets, in order. */
export const HEADER = ['Nome', 'CPF/CNPJ', 'Celular', 'E-mail', 'Grupo', 'Telefone', 'CEP'];
export const MAPPING: Mapping = ['name', 'document', 'mobile', 'email', 'group', 'phone', 'cep'];

const opened: ClientelaDb[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

/** A database of its own for one test (deleted after it). */
export function freshDb(): ClientelaDb {
  const db = new ClientelaDb(`t-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

export function meta(mapping: Mapping = MAPPING): RunMeta {
  return { fileName: 'clientes.xlsx', fileSize: 1234, fileHash: 'abc', sheet: 'Clientes', headerRow: 1, headers: HEADER.slice(0, mapping.length), mapping };
}

export function cpfOf(seed: number): string {
  return makeCpf(seed);
}

/** A complete, valid row: client number `seed`, group "Tributário", no landline, no CEP. */
export function validRow(seed: number, group = 'Tributário'): string[] {
  const suffix = String(seed).padStart(4, '0');
  return [`Cliente ${seed}`, formatCpf(makeCpf(seed)), `(11) 98765-${suffix}`, `cliente${seed}@exemplo.com.br`, group, '', ''];
}

/** Same client as `validRow(seed)` but its CPF has a wrong check digit. */
export function rowWithBrokenCpf(seed: number): string[] {
  const row = validRow(seed);
  row[1] = breakCheckDigit(makeCpf(seed));
  return row;
}

/** Valid except that the required E-mail cell is empty. */
export function rowWithoutEmail(seed: number): string[] {
  const row = validRow(seed);
  row[3] = '';
  return row;
}

/** A different person (name, e-mail) typed with the CPF of client `seed`: a duplicate inside the file. */
export function rowRepeatingCpfOf(seed: number, otherSeed: number): string[] {
  const row = validRow(otherSeed);
  row[1] = makeCpf(seed);
  return row;
}

export function blankRow(): string[] {
  return ['', ' ', '', '', '', '', ''];
}

/** A table as a sheet reads: the header on spreadsheet row 1, the given rows from row 2. */
export function table(rows: string[][]): string[][] {
  return [HEADER, ...rows];
}

/** Reviews the table the way the worker does: validation, then duplicates and registered documents. */
export async function review(db: ClientelaDb, sheet: string[][], mapping: Mapping = MAPPING): Promise<ReviewRow[]> {
  const rows = reviewTable(sheet, 0, mapping);
  markDuplicates(rows, await loadDocumentIndex(db));
  return rows;
}

function byId<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.id.localeCompare(b.id));
}

export interface DbState {
  clients: ClientRecord[];
  groups: GroupRecord[];
}

/** Every client and group, sorted, to compare whole states. */
export async function snapshot(db: ClientelaDb): Promise<DbState> {
  const [clients, groups] = await Promise.all([db.clients.toArray(), db.groups.toArray()]);
  return { clients: byId(clients), groups: byId(groups) };
}

export function fail(message: string): never {
  throw new Error(message);
}
