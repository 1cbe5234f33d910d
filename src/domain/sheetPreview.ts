/**
 * What the mapping step shows of a sheet, given its text rows and header row: the columns with sample
 * values, the rows to pick the header from, how many data rows there are. Pure: the worker adds the
 * session, the stored mapping profiles and the entity guess.
 */
import type { EntityName } from './entities';
import type { FieldDef } from './entities/field';
import { columnNames } from './headerless';
import { suggestMapping, type Mapping } from './mapping';
import { generalProblem, type Problem } from './problems';
import { findFooterRows, HEADER_SCAN_ROWS } from './table';
import { columnLetter } from './text';

type Rows = readonly (readonly string[])[];

export interface ColumnView {
  index: number;
  letter: string;
  header: string;
  samples: string[];
}

export interface SheetPreview {
  /** -1 (`NO_HEADER_ROW`): the sheet has no header row, its first row is data. */
  headerRow: number;
  /** The row taken as the header when the user says the sheet has one (unticking "no header row"); 0 when absent. */
  headerCandidate?: number;
  /** The first rows of the sheet, to pick the header row from. */
  topRows: string[][];
  dataRows: number;
  columns: ColumnView[];
  mapping: Mapping;
  /** True when the mapping came from the last import of a file with the same headers. */
  fromProfile: boolean;
  /** What the sheet brings in: guessed from its name and headers, or as the user chose. */
  entity: EntityName;
  /** Why the sheet was taken for groups, said to the user (null: chosen, or a client list). */
  entityReason: string | null;
}

/** Samples shown under a column's name in the mapping step. */
const SHOWN_SAMPLES = 3;
/** Values a column's content is judged by when suggesting its field. */
const JUDGED_SAMPLES = 50;
/** Rows below the header that decide how wide the sheet is. */
const WIDTH_SCAN_ROWS = 200;

/** Up to `limit` filled values of a column, top down, below the header row. */
export function sampleColumn(rows: Rows, headerRow: number, column: number, limit: number): string[] {
  const values: string[] = [];
  for (let r = headerRow + 1; r < rows.length && values.length < limit; r++) {
    const value = rows[r]?.[column]?.trim() ?? '';
    if (value !== '') values.push(value);
  }
  return values;
}

/** The sheet's width from the header row and the rows under it (a header wider or narrower than the data). */
export function measureWidth(rows: Rows, headerRow: number): number {
  return Math.max(0, ...rows.slice(Math.max(0, headerRow), headerRow + WIDTH_SCAN_ROWS).map((r) => r.length));
}

/** Every column with its letter, its name (or "Coluna A" without a header row) and a few samples. */
export function listColumnViews(rows: Rows, headerRow: number, width: number): ColumnView[] {
  return columnNames(rows, headerRow, width).map((name, index) => ({ index, letter: columnLetter(index), header: name, samples: sampleColumn(rows, headerRow, index, SHOWN_SAMPLES) }));
}

/** The mapping suggested from the columns' names and content, for an entity's fields. */
export function suggestColumnMapping(rows: Rows, headerRow: number, columns: readonly ColumnView[], fields: readonly FieldDef[]): Mapping {
  return suggestMapping(columns.map((c) => ({ header: c.header, values: sampleColumn(rows, headerRow, c.index, JUDGED_SAMPLES) })), fields);
}

/** Filled rows below the header; a report's footer ("Total de registros: 25") is not counted: the review leaves it out too. */
export function countDataRows(rows: Rows, headerRow: number): number {
  return rows.slice(headerRow + 1).filter((r) => r.some((c) => c.trim() !== '')).length - findFooterRows(rows, headerRow).length;
}

/** The first rows of the sheet (through the header row), cut to its width, to pick the header row from. */
export function listTopRows(rows: Rows, headerRow: number, width: number): string[][] {
  return rows.slice(0, Math.max(HEADER_SCAN_ROWS, headerRow + 1)).map((r) => r.slice(0, width));
}

/** The sheet's problems, with a warning when no data row is left below the header row (said once). */
export function warnWhenNoData(problems: readonly Problem[], dataRows: number): Problem[] {
  if (dataRows !== 0 || problems.some((p) => p.code === 'sheet.no_data')) return [...problems];
  return [...problems, generalProblem('sheet.no_data', 'Não há nenhuma linha de dados abaixo da linha do cabeçalho. Confira a aba e a linha do cabeçalho escolhidas.', 'warning')];
}
