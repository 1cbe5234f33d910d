/**
 * Sheets with no header row (a list typed by hand, a contact app's export): the first row already holds
 * a client. Detected from that row's values, so the first client is not taken for column names; the
 * columns are then named by letter ("Coluna A") and mapped from their content. A header row of -1 means
 * "none" everywhere (preview, review, run log): data rows start at the sheet's first row.
 */
import { CLIENT_FIELDS } from './entities/client';
import { scoreHeader } from './mapping/headers';
import { unmistakableKind } from './mapping/content';
import { detectHeaderRow, firstFilledRow, isNumericLike } from './table';
import { columnLetter } from './text';

/** The header row of a sheet that has none. */
export const NO_HEADER_ROW = -1;

type Row = readonly string[];

/**
 * Whether a row reads as a client rather than as column names: it holds a valid CPF/CNPJ or e-mail, or
 * two phone numbers, or (3 cells or more) is at least half numbers, dates and codes, which no header row
 * is (the Receita Federal's open CNPJ files); and none of its cells is the name of a client field
 * ("CPF", "E-mail", "Nome").
 */
export function looksLikeDataRow(row: Row | undefined): boolean {
  if (!row) return false;
  const values = row.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (values.some((value) => CLIENT_FIELDS.some((field) => scoreHeader(value, field) > 0.9))) return false;
  const kinds = values.map(unmistakableKind);
  const strong = kinds.filter((k) => k === 'document' || k === 'email').length;
  const phones = kinds.filter((k) => k === 'phone').length;
  const numeric = values.filter(isNumericLike).length;
  return strong >= 1 || phones >= 2 || (values.length >= 3 && numeric >= values.length / 2);
}

/** True when the sheet's first filled row is already a client (see `looksLikeDataRow`). */
export function isHeaderless(rows: readonly Row[]): boolean {
  const first = firstFilledRow(rows);
  return first >= 0 && looksLikeDataRow(rows[first]);
}

/** The first guess for a sheet's header row: `NO_HEADER_ROW` when the first row is data, else `detectHeaderRow`. */
export function guessHeaderRow(rows: readonly Row[]): number {
  return isHeaderless(rows) ? NO_HEADER_ROW : detectHeaderRow(rows);
}

/** The columns' names: the header row's cells, or "Coluna A", "Coluna B"… when there is no header row. */
export function columnNames(rows: readonly Row[], headerRow: number, width: number): string[] {
  const header = headerRow < 0 ? [] : (rows[headerRow] ?? []);
  return Array.from({ length: width }, (_, i) => (headerRow < 0 ? `Coluna ${columnLetter(i)}` : (header[i]?.trim() ?? '')));
}
