import * as XLSX from '@e965/xlsx';
import type { FieldDef } from '../domain/entities/field';
import { daySerial, formatDayText } from './xlsx/xml';
import { addOdsViewSettings } from './ods/viewSettings';
import { writeXlsx, type XlsxColumn, type XlsxSheet } from './xlsx/writeXlsx';

export type OutputFormat = 'xlsx' | 'csv' | 'ods';

/** A cell going out: text stays text (leading zeros survive Excel), dates are real dates. */
export type OutCell = string | number | Date | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** OWASP CSV/formula injection: a text that Excel would run as a formula is prefixed with a quote. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Excel's limit for the text of one cell; SheetJS refuses to write a longer one. */
export const MAX_CELL_TEXT = 32_767;

/**
 * A text too long for an Excel cell is cut, and says so in the cell itself: a whole export never fails
 * for one long note (the CSV export keeps it whole).
 */
export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const note = ` … [texto cortado: o original tem ${text.length.toLocaleString('pt-BR')} caracteres e o Excel aceita até ${MAX_CELL_TEXT.toLocaleString('pt-BR')} numa célula; exporte em CSV para tê-lo inteiro]`;
  return text.slice(0, MAX_CELL_TEXT - note.length) + note;
}

/**
 * A day before 01/03/1900 has no Excel serial that every program reads as the same day: it goes out as
 * the text `dd/mm/aaaa`, which Excel, LibreOffice and Clientela all read back as that day.
 */
function fitDate(value: Date): Date | string {
  return daySerial(value) === null ? formatDayText(value) : value;
}

/**
 * ODS through SheetJS. No formula guard: a string cell of a spreadsheet file is never evaluated, so the
 * text goes out as typed (the guard is for CSV, where a program decides what a cell is). Nor the
 * 32,767-character cut: only Excel has that limit, an ODS cell (LibreOffice) keeps the whole text.
 */
function toSheet(header: readonly string[], rows: readonly (readonly OutCell[])[], textColumns: ReadonlySet<number>): XLSX.WorkSheet {
  // An empty field is no cell at all (a blank, not an empty text).
  const cell = (c: OutCell): OutCell => (c === '' ? null : c instanceof Date ? fitDate(c) : c);
  const aoa: OutCell[][] = [[...header], ...rows.map((r) => r.map(cell))];
  // UTC: dates going out are calendar days at UTC midnight; without it SheetJS shifts them by the local
  // offset and a browser in Brazil (UTC-3) writes the day before (25/12/1980 became 24/12/1980).
  const sheet = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true, dateNF: 'dd/mm/yyyy', UTC: true });
  // Text columns get the "@" number format so leading zeros survive when the user types there too.
  for (const c of textColumns) {
    for (let r = 0; r <= rows.length; r++) {
      const address = XLSX.utils.encode_cell({ r, c });
      const found = sheet[address] as XLSX.CellObject | undefined;
      if (found) {
        found.t = 's';
        found.z = '@';
      }
    }
  }
  // SheetJS's ODS widths come out narrower than Excel's for the same count: a fifth more keeps headers whole.
  sheet['!cols'] = columnWidths(header, rows).map((wch) => ({ wch: Math.ceil(wch * 1.2) }));
  return sheet;
}

/** Characters a cell shows, for the column widths. */
function shownLength(value: OutCell | undefined): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 10;
  const text = String(value);
  const line = text.indexOf('\n');
  return line < 0 ? text.length : line;
}

/** Rows looked at to size the columns: enough to see the usual lengths, cheap on 100,000 rows. */
const WIDTH_SAMPLE = 500;

/** Each column wide enough for its header and the values of the first rows, within reason. */
export function columnWidths(header: readonly string[], rows: readonly (readonly OutCell[])[]): number[] {
  return header.map((h, c) => {
    let longest = h.length;
    for (let r = 0; r < rows.length && r < WIDTH_SAMPLE; r++) longest = Math.max(longest, shownLength(rows[r]?.[c]));
    return Math.max(10, Math.min(50, longest + 2));
  });
}

/** The XLSX sheet of a spec: widths, a frozen header with filter buttons, typed columns, blanks left out. */
function toXlsxSheet(spec: SheetSpec): XlsxSheet {
  const text = spec.textColumns ?? new Set<number>();
  const widths = columnWidths(spec.header, spec.rows);
  const columns = spec.header.map((_, c): XlsxColumn => {
    const dates = spec.rows.slice(0, WIDTH_SAMPLE).some((r) => r[c] instanceof Date);
    return { width: widths[c] ?? 12, style: text.has(c) ? 'text' : dates ? 'date' : 'general' };
  });
  const rows = spec.rows.map((r) => r.map((c) => (typeof c === 'string' ? fitCellText(c) : c)));
  return { name: spec.name, header: spec.header.map(fitCellText), rows, columns, autoFilter: true };
}

export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: readonly (readonly OutCell[])[];
  /** Column indexes written as text cells. */
  textColumns?: ReadonlySet<number>;
}

function csvField(value: OutCell, delimiter: string): string {
  let text: string;
  if (value === null) text = '';
  else if (value instanceof Date) text = value.toLocaleDateString('pt-BR', { timeZone: 'UTC' });
  else text = neutralizeFormula(String(value));
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV for Brazilian Excel by default: UTF-8 with BOM, `;`, CRLF. */
export function writeCsv(spec: SheetSpec, delimiter: ';' | ',' = ';'): Uint8Array {
  const lines = [spec.header, ...spec.rows].map((row) => row.map((c) => csvField(c, delimiter)).join(delimiter));
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}

export function writeWorkbook(sheets: readonly SheetSpec[], format: OutputFormat): Uint8Array {
  if (format === 'csv') {
    const first = sheets[0];
    return first ? writeCsv(first) : new Uint8Array();
  }
  if (format === 'xlsx') return writeXlsx(sheets.map(toXlsxSheet));
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) XLSX.utils.book_append_sheet(wb, toSheet(spec.header, spec.rows, spec.textColumns ?? new Set()), spec.name);
  const out: unknown = XLSX.write(wb, { type: 'array', bookType: 'ods', compression: true });
  if (!(out instanceof ArrayBuffer)) return new Uint8Array(0);
  return addOdsViewSettings(new Uint8Array(out), sheets.map((s) => ({ name: s.name, columns: s.header.length, rows: s.rows.length + 1 })));
}

const TEXT_FORMATS = new Set(['document', 'phone', 'cep', 'kind', 'uf']);

export function textColumnsOf(fields: readonly FieldDef[]): Set<number> {
  return new Set(fields.flatMap((f, i) => (TEXT_FORMATS.has(f.format) || f.format === 'text' ? [i] : [])));
}
