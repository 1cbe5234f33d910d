/** The small pieces of SpreadsheetML the XLSX writer needs: escaping, cell references, day serials. */
import { escapeMarkup } from '../../domain/text';

/** Characters XML 1.0 cannot hold at all (a file with one is refused by Excel as corrupt). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for an XML element or attribute. */
export function escapeXml(text: string): string {
  return escapeMarkup(text.replace(INVALID_XML, ''));
}

/**
 * Text of a string cell: Excel reads `_x0041_` inside a string as an escaped character ("A"), so a literal
 * `_x` is written as `_x005F_x` to come back as typed.
 */
export function escapeCellText(text: string): string {
  return escapeXml(text.replace(/_x(?=[0-9a-fA-F]{4}_)/g, '_x005F_x'));
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The last row a sheet has (Excel and LibreOffice alike): a validation covers the column down to it. */
export const LAST_ROW = 1_048_576;

const DAY_MS = 86_400_000;
/** Serial 61 is 01/03/1900: from there on Excel's and LibreOffice's serials agree. */
const FIRST_SAFE_DAY = Date.UTC(1900, 2, 1);

/**
 * The Excel serial of a calendar day (a Date at UTC midnight), or null when no serial means the same day in
 * every program: before 01/03/1900 Excel counts a 29/02/1900 that never existed (and has no negative
 * serials), so LibreOffice and Excel would read another day. Those are written as text instead.
 */
export function daySerial(date: Date): number | null {
  const time = date.getTime();
  if (Number.isNaN(time) || time < FIRST_SAFE_DAY) return null;
  return Math.round((time - Date.UTC(1899, 11, 30)) / DAY_MS);
}

/** `25/12/1980`: how a day is written where a serial cannot hold it, read back by every program. */
export function formatDayText(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCFullYear(), 4)}`;
}
