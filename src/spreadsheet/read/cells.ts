/** One SheetJS cell to the text the rest of the app reads. No guessing: what the cell holds, written plainly. */
import * as XLSX from '@e965/xlsx';
import type { CellObject } from '@e965/xlsx';

const DAY_MS = 86_400_000;
/** Excel's last date, 9999-12-31. */
const MAX_SERIAL = 2_958_465;

// SheetJS's format engine is untyped; this is its date-format test, typed.
const isDateFormat: (format: string) => boolean = XLSX.SSF.is_date;
const dateFormats = new Map<string, boolean>();

/** Cached: a sheet uses a handful of formats over thousands of cells. */
function hasDateFormat(format: CellObject['z']): boolean {
  if (typeof format !== 'string') return false;
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = isDateFormat(format);
    dateFormats.set(format, known);
  }
  return known;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatUtc(date: Date, withTime: boolean): string {
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (!withTime) return day;
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/**
 * An Excel date serial as ISO `yyyy-mm-dd`, plus `THH:MM:SS` when it has a time of day; a time alone
 * (serial below 1) as `HH:MM:SS`. The 1900 system counts from 1899-12-31 and keeps Lotus's fictitious
 * 1900-02-29 (serial 60); the 1904 system (old Mac Excel) counts from 1904-01-01. Null when out of range.
 */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return null;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days++;
    seconds = 0;
  }
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  if (serial < 1) return time;
  if (!date1904 && days === 60) return seconds ? `1900-02-29T${time}` : '1900-02-29';
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return formatUtc(new Date(epoch + days * DAY_MS + seconds * 1000), seconds > 0);
}

/** The serial of 01/03/1900: below it Excel (Lotus's fake 29/02/1900) and LibreOffice count days differently. */
const FIRST_AGREED_SERIAL = 61;
const LIBREOFFICE_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date cell before 01/03/1900, where programs disagree on what a serial means. The text the program
 * showed (ODS cells carry it) is what the user typed and saw: it is read instead of the serial. Without
 * it, a negative serial can only come from LibreOffice or Gnumeric (Excel has none), which count from
 * 30/12/1899 — as does every serial of an XLSX LibreOffice wrote (`fromLibreOffice`).
 */
function earlyDate(cell: CellObject, serial: number, fromLibreOffice: boolean): string | null {
  if (typeof cell.w === 'string' && /\d/.test(cell.w)) return cell.w;
  if (serial >= 0 && !fromLibreOffice) return null;
  const date = new Date(LIBREOFFICE_EPOCH + Math.floor(serial) * DAY_MS);
  return date.getUTCFullYear() >= 1000 ? formatUtc(date, false) : null;
}

/**
 * Integers as plain digits (never `1.2345678909e+21`); other numbers rounded to Excel's 15 significant
 * digits, so a cached `0.30000000000000004` reads `0.3` as Excel shows it.
 */
export function numberToText(value: number): string {
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  if (!Number.isFinite(value)) return '';
  return String(Number(value.toPrecision(15)));
}

/** Text of a cell: numbers plainly, dates as ISO, booleans in Portuguese, errors (`#N/D`) and empty cells as ''. */
export function cellToText(cell: CellObject | undefined | null, date1904: boolean, fromLibreOffice = false): string {
  if (!cell) return '';
  const value = cell.v;
  switch (cell.t) {
    case 's':
      return typeof value === 'string' ? value : String(value ?? '');
    case 'n':
      if (typeof value !== 'number') return '';
      if (!hasDateFormat(cell.z)) return numberToText(value);
      return (!date1904 && value < FIRST_AGREED_SERIAL ? earlyDate(cell, value, fromLibreOffice) : null) ?? serialToIso(value, date1904) ?? numberToText(value);
    case 'b':
      return value === undefined || value === null ? '' : value ? 'VERDADEIRO' : 'FALSO';
    case 'd':
      if (value instanceof Date && !Number.isNaN(value.getTime())) {
        return formatUtc(value, value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() > 0);
      }
      return typeof value === 'string' ? value : '';
    default:
      return ''; // 'e' (error) and 'z' (stub)
  }
}

/** Same verdict as `cellToText(cell) === ''` up to spaces, without building the text. */
export function isBlankCell(cell: CellObject | undefined | null): boolean {
  if (!cell) return true;
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '').trim() === '';
    case 'n':
      return typeof cell.v !== 'number' || !Number.isFinite(cell.v);
    case 'b':
      return cell.v === undefined || cell.v === null;
    case 'd':
      return cellToText(cell, false).trim() === '';
    default:
      return true;
  }
}
