/**
 * The steps a first import and a resumed one share: reviewing the file's rows the way the user chose
 * (reading it is fileReader.ts's). Kept apart so that a resumed run cannot review the same file differently.
 */
import { describeFooterRow, findFooterRows } from '../domain/table';
import { hasMonthFirstDates } from '../domain/dateColumns';
import { CLIENT_FIELDS } from '../domain/entities/client';
import { markDuplicates, reviewTable, validateRow, type ReviewRow, type RowOptions } from '../domain/review';
import { getDb } from '../storage/db';
import { loadContactIndex, loadDocumentIndex } from '../storage/clients';
import type { RawClient } from '../domain/validateClient';
import { RUN_LOCK_PREFIX } from '../storage/importRun';
import type { Session } from './session';

import type { Progress } from './fileReader';

export type { Progress };

/** Runs `work` holding the run's Web Lock, so that a tab opening meanwhile does not call it interrupted. */
export function holdingRunLock<T>(runId: string, work: () => Promise<T>): Promise<T> {
  // Without Web Locks (very old browsers) the run goes on; only the other-tab case is lost.
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks.request(`${RUN_LOCK_PREFIX}${runId}`, work) : work();
}

export function rowOptions(session: Session): RowOptions {
  return { declined: session.declined, defaults: session.defaults, required: session.required, context: { date1904: session.info.date1904 ?? false, monthFirstDates: session.monthFirstDates === true } };
}

/**
 * Repeats in the file and clients already stored: by CPF/CNPJ, and — for rows without one — by name plus
 * phone or e-mail (the stored clients are read for that only when such rows exist).
 */
async function markSessionDuplicates(session: Session, rows: ReviewRow[]): Promise<void> {
  const db = getDb();
  if (session.contacts === undefined && rows.some((r) => r.draft.document === '' && r.status !== 'error')) session.contacts = await loadContactIndex(db);
  markDuplicates(rows, await loadDocumentIndex(db), session.contacts ?? new Map());
}

/** Every row validated again (declined fixes or defaults changed), then the repeats. */
export async function revalidateAll(session: Session): Promise<void> {
  const options = rowOptions(session);
  session.rows = session.rows.map((row) => validateRow(row, session.mapping, options));
  await markSessionDuplicates(session, session.rows);
}

/** Rows corrected by the user (one cell, or a kind of fix in bulk): validated again, then the repeats. */
export async function applyEdits(session: Session, edits: ReadonlyMap<number, RawClient>): Promise<void> {
  const options = rowOptions(session);
  session.rows = session.rows.map((row) => {
    const typed = edits.get(row.rowNumber);
    return typed === undefined ? row : validateRow({ ...row, edits: typed }, session.mapping, options);
  });
  await markSessionDuplicates(session, session.rows);
}

/**
 * Every data row of the session's sheet, validated with the session's mapping, defaults, declined fixes
 * and review edits, and checked for repeats in the file and in storage. A report's footer is left out
 * and said in `session.reviewNotes`.
 */
export async function reviewSessionRows(session: Session, edits: ReadonlyMap<number, ReviewRow['edits']>, onProgress?: Progress): Promise<ReviewRow[]> {
  const table = session.table.rows;
  const footer = findFooterRows(table, session.headerRow);
  session.reviewNotes = footer.map((index) => describeFooterRow(table, index));
  session.monthFirstDates = hasMonthFirstDates(table, session.headerRow, session.mapping, CLIENT_FIELDS);
  const options = rowOptions(session);
  const rows = reviewTable(table.slice(0, footer[0] ?? table.length), session.headerRow, session.mapping, (d, t) => onProgress?.(d, t, 'Conferindo'), options);
  const reviewed = edits.size === 0 ? rows : rows.map((row) => {
    const typed = edits.get(row.rowNumber);
    return typed === undefined ? row : validateRow({ ...row, edits: typed }, session.mapping, options);
  });
  session.contacts = undefined;
  await markSessionDuplicates(session, reviewed);
  return reviewed;
}
