/**
 * The sheet of the rows a run rejected: their original columns (with what the user already corrected in
 * the review), the spreadsheet row number and a column "Erros", to fix and upload again. Pure: the run
 * and its log rows are taken structurally.
 */
import type { Mapping } from './mapping';
import { columnLetter } from './text';
import type { RawClient } from './validateClient';

/** What the error sheet needs of a run. */
export interface ErrorSheetRun {
  headers: readonly string[];
  mapping: Mapping;
  review?: { edits: readonly (readonly [number, RawClient])[] };
}

/** What the error sheet needs of a rejected row's log line. */
export interface RejectedRow {
  row: number;
  cells?: readonly string[];
  messages?: readonly { level: string; message: string }[];
}

export interface ErrorSheet {
  header: string[];
  rows: string[][];
  /** The original columns (all kept as text, as read), before "Linha original" and "Erros". */
  width: number;
}

/** The rejected rows' sheet; a run that no longer exists gives the columns by letter. */
export function buildErrorSheet(run: ErrorSheetRun | undefined, rejected: readonly RejectedRow[]): ErrorSheet {
  const width = Math.max(run?.headers.length ?? 0, ...rejected.map((r) => r.cells?.length ?? 0));
  const header = [...Array.from({ length: width }, (_, i) => run?.headers[i] || columnLetter(i)), 'Linha original', 'Erros'];
  // What the user already corrected in the review goes back in its column: the file to fix starts from there.
  const edits = new Map(run?.review?.edits ?? []);
  const cellsOf = (r: RejectedRow): string[] => {
    const cells = Array.from({ length: width }, (_, i) => r.cells?.[i] ?? '');
    for (const [field, value] of Object.entries(edits.get(r.row) ?? {})) {
      const column = run?.mapping.indexOf(field) ?? -1;
      if (column >= 0 && value !== undefined) cells[column] = value;
    }
    return cells;
  };
  const rows = rejected.map((r) => [...cellsOf(r), String(r.row), (r.messages ?? []).filter((m) => m.level === 'error').map((m) => m.message).join(' | ')]);
  return { header, rows, width };
}
