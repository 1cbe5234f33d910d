import * as XLSX from '@e965/xlsx';
import type { Parsed, Problem } from '../domain/problems';

export type FileFormat = 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods' | 'csv';

export interface SheetInfo {
  name: string;
  rowCount: number;
  columnCount: number;
  empty: boolean;
}

export interface WorkbookInfo {
  format: FileFormat;
  sheets: SheetInfo[];
  /** CSV only: the detected text encoding and delimiter. */
  encoding?: string;
  delimiter?: string;
}

/** One sheet as text. `rows[i]` is spreadsheet row i+1 and `rows[i][j]` column j (A = 0), so row numbers match Excel. */
export interface SheetTable {
  rows: string[][];
  /** How many cells held a formula (their cached values are used; formulas are never evaluated). */
  formulaCells: number;
}

export interface OpenedWorkbook {
  info: WorkbookInfo;
  readSheet(index: number): Parsed<SheetTable>;
}

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 200 * 1024 * 1024, maxRows: 1_000_000, maxColumns: 200 };

function fail(code: string, message: string): Parsed<null> {
  const problem: Problem = { code, field: '', value: '', level: 'error', message };
  return { data: null, problems: [problem] };
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number') return String(cell.v);
  if (cell.t === 'b') return cell.v ? 'VERDADEIRO' : 'FALSO';
  return String(cell.v);
}

/** Opens any supported spreadsheet. Never throws: a file it cannot read gives a Portuguese problem. */
export function openWorkbook(bytes: Uint8Array, fileName: string, limits: ReadLimits = DEFAULT_LIMITS): Parsed<OpenedWorkbook | null> {
  if (bytes.byteLength === 0) return fail('file.empty', 'O arquivo está vazio. Escolha uma planilha com dados.');
  if (bytes.byteLength > limits.maxBytes) return fail('file.too_big', 'O arquivo é grande demais.');
  const isCsv = /\.(csv|txt)$/i.test(fileName);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, raw: isCsv, cellFormula: false, codepage: 65001 });
  } catch {
    return fail('file.unreadable', 'Não foi possível ler este arquivo. Verifique se é uma planilha (XLSX, XLS, ODS ou CSV).');
  }
  const format: FileFormat = isCsv ? 'csv' : 'xlsx';
  const tables = wb.SheetNames.map((name) => {
    const sheet = wb.Sheets[name];
    const rows: string[][] = [];
    const data = sheet?.['!data'] ?? [];
    for (let r = 0; r < data.length; r++) rows.push((data[r] ?? []).map((c) => cellText(c)));
    return { name, rows };
  });
  const info: WorkbookInfo = {
    format,
    sheets: tables.map((t) => ({ name: t.name, rowCount: t.rows.length, columnCount: Math.max(0, ...t.rows.map((r) => r.length)), empty: t.rows.length === 0 })),
  };
  return {
    data: {
      info,
      readSheet: (index) => ({ data: { rows: tables[index]?.rows ?? [], formulaCells: 0 }, problems: [] }),
    },
    problems: [],
  };
}
