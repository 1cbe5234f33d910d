/**
 * Reviewed rows sent from one thread to another (the review's helper workers, worker/reviewPool.ts) in a
 * shape that is cheap to copy: a structured clone pays per object and per string, so each row's draft
 * travels as one string and only the rows with problems carry them. The cells stay where they were.
 */
import { CLIENT_FIELDS, emptyClientDraft, type ClientFieldKey } from './entities/client';
import type { Problem } from './problems';
import type { ReviewRow, RowStatus } from './review';

const KEYS: readonly ClientFieldKey[] = CLIENT_FIELDS.map((f) => f.key);
/** Never inside a normalized value (control characters are dropped by the rules); checked anyway. */
const SEPARATOR = '\u0001';

export interface PackedReview {
  rowNumbers: number[];
  statuses: RowStatus[];
  /** A row's draft values in field order: joined by SEPARATOR, or as an array when a value holds it. */
  drafts: (string | string[])[];
  /** Only the rows with problems: [position in the lists above, problems]. */
  problems: [number, Problem[]][];
}

export function packReviewRows(rows: readonly ReviewRow[]): PackedReview {
  const packed: PackedReview = { rowNumbers: [], statuses: [], drafts: [], problems: [] };
  rows.forEach((row, at) => {
    packed.rowNumbers.push(row.rowNumber);
    packed.statuses.push(row.status);
    const values = KEYS.map((key) => row.draft[key]);
    packed.drafts.push(values.some((v) => v.includes(SEPARATOR)) ? values : values.join(SEPARATOR));
    if (row.problems.length > 0) packed.problems.push([at, row.problems]);
  });
  return packed;
}

/** The rows again, with their cells taken from the table they were read from (`cellsOf(rowNumber)`). */
export function unpackReviewRows(packed: PackedReview, cellsOf: (rowNumber: number) => string[]): ReviewRow[] {
  const problems = new Map(packed.problems);
  return packed.rowNumbers.map((rowNumber, at) => {
    const stored = packed.drafts[at] ?? '';
    const values = typeof stored === 'string' ? stored.split(SEPARATOR) : stored;
    const draft = emptyClientDraft();
    KEYS.forEach((key, i) => (draft[key] = values[i] ?? ''));
    return { rowNumber, cells: cellsOf(rowNumber), edits: {}, draft, problems: problems.get(at) ?? [], status: packed.statuses[at] ?? 'error' };
  });
}
