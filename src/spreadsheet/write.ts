import * as XLSX from '@e965/xlsx';
import type { FieldDef } from '../domain/entities/field';
import { requiredLabel } from '../domain/entities/field';

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

function toSheet(header: readonly string[], rows: readonly (readonly OutCell[])[], textColumns: ReadonlySet<number>, format: OutputFormat): XLSX.WorkSheet {
  // Only Excel has the 32,767-character limit: an ODS cell (LibreOffice) keeps the whole text.
  const prepareText = (text: string): string => (format === 'ods' ? neutralizeFormula(text) : fitCellText(neutralizeFormula(text)));
  // Headers too: the error workbook repeats the headers of the user's file.
  const aoa: OutCell[][] = [header.map(prepareText), ...rows.map((r) => r.map((c) => (typeof c === 'string' ? prepareText(c) : c)))];
  // UTC: dates going out are calendar days at UTC midnight; without it SheetJS shifts them by the local
  // offset and a browser in Brazil (UTC-3) writes the day before (25/12/1980 became 24/12/1980).
  const sheet = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true, dateNF: 'dd/mm/yyyy', UTC: true });
  // Text columns get the "@" number format so Excel keeps leading zeros when the user types there too.
  for (const c of textColumns) {
    for (let r = 0; r <= rows.length; r++) {
      const address = XLSX.utils.encode_cell({ r, c });
      const cell = sheet[address] as XLSX.CellObject | undefined;
      if (cell) {
        cell.t = 's';
        cell.z = '@';
      }
    }
  }
  sheet['!cols'] = header.map((h) => ({ wch: Math.max(12, Math.min(40, h.length + 4)) }));
  return sheet;
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
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) XLSX.utils.book_append_sheet(wb, toSheet(spec.header, spec.rows, spec.textColumns ?? new Set(), format), spec.name);
  const out: unknown = XLSX.write(wb, { type: 'array', bookType: format === 'ods' ? 'ods' : 'xlsx', compression: true });
  return out instanceof ArrayBuffer ? new Uint8Array(out) : new Uint8Array(0);
}

const TEMPLATE_ROWS = 1000;

const TEXT_FORMATS = new Set(['document', 'phone', 'cep', 'kind', 'uf']);

export function textColumnsOf(fields: readonly FieldDef[]): Set<number> {
  return new Set(fields.flatMap((f, i) => (TEXT_FORMATS.has(f.format) || f.format === 'text' ? [i] : [])));
}

/** The import template: the header row (required marked `*`), an example row, and a sheet "Instruções". */
export function writeTemplate(fields: readonly FieldDef[], format: OutputFormat): Uint8Array {
  const header = fields.map(requiredLabel);
  const instructions: SheetSpec = {
    name: 'Instruções',
    header: ['Coluna', 'O que é', 'Formato', 'Obrigatório', 'Exemplo'],
    rows: [
      ...fields.map((f) => [requiredLabel(f), f.description, f.options ? `Um de: ${f.options.join(', ')}` : formatHint(f), f.required === true ? 'Sim' : typeof f.required === 'string' ? 'Pelo menos um do grupo' : 'Não', f.example]),
      [],
      ['Dica', 'Preencha a aba "Clientes" a partir da linha 2, um cliente por linha. As colunas marcadas com * são obrigatórias.', '', '', ''],
    ],
  };
  const textColumns = textColumnsOf(fields);
  // Blank text cells under the text columns: Excel keeps the "@" format when the user types over them.
  const blankRow = fields.map((_, i) => (textColumns.has(i) ? '' : null));
  const rows = format === 'csv' ? [] : Array.from({ length: TEMPLATE_ROWS }, () => blankRow);
  const data: SheetSpec = { name: 'Clientes', header, rows, textColumns };
  return writeWorkbook(format === 'csv' ? [data] : [data, instructions], format);
}

function formatHint(field: FieldDef): string {
  switch (field.format) {
    case 'document': return 'Texto: CPF com 11 dígitos ou CNPJ com 14 caracteres';
    case 'phone': return 'Texto: DDD + número';
    case 'email': return 'nome@empresa.com.br';
    case 'cep': return 'Texto: 8 dígitos';
    case 'date': return 'dd/mm/aaaa';
    default: return 'Texto livre';
  }
}
