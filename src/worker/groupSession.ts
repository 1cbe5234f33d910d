/**
 * The review of a Grupos spreadsheet in the worker: the session's rows read with the group fields,
 * checked against the stored groups, corrected cell by cell, summarized like the clients' review.
 */
import { describeFooterRow, findFooterRows } from '../domain/table';
import { listGroupReviewItems, markGroupRepeats, reviewGroupTable, validateGroupRow, type GroupReviewRow, type RawGroup } from '../domain/groupReview';
import type { ReviewFilter } from '../domain/review';
import { countReview, pageItems, type ReviewPage, type ReviewSummary } from '../domain/reviewSummary';
import type { GroupFieldKey } from '../domain/entities/group';
import { getDb } from '../storage/db';
import { loadGroupIndex } from '../storage/groups';
import type { Session } from './session';

async function markStoredGroups(rows: GroupReviewRow[]): Promise<void> {
  const known = await loadGroupIndex(getDb());
  markGroupRepeats(rows, new Map([...known].map(([key, group]) => [key, group.id])));
}

/** Every data row of the session's sheet as a group (a report's footer left out, as for clients), with the review's edits. */
export async function reviewGroupSession(session: Session, edits: ReadonlyMap<number, RawGroup>): Promise<GroupReviewRow[]> {
  const table = session.table.rows;
  const footer = findFooterRows(table, session.headerRow);
  session.reviewNotes = footer.map((index) => describeFooterRow(table, index));
  const context = { date1904: session.info.date1904 ?? false };
  const rows = reviewGroupTable(table.slice(0, footer[0] ?? table.length), session.headerRow, session.mapping, context).map((row) => {
    const typed = edits.get(row.rowNumber);
    return typed === undefined ? row : validateGroupRow({ ...row, edits: typed }, session.mapping, context);
  });
  await markStoredGroups(rows);
  session.groupRows = rows;
  return rows;
}

export function summarizeGroups(session: Session): ReviewSummary {
  return countReview(session.groupRows ?? [], session.reviewNotes);
}

export function groupReviewItems(session: Session, filter: ReviewFilter, offset: number, limit: number): ReviewPage {
  return pageItems(listGroupReviewItems(session.groupRows ?? [], session.mapping, filter), offset, limit);
}

/** A cell corrected in the review: the row validated again, then the file's repeats with it. */
export async function editGroupCell(session: Session, rowNumber: number, field: GroupFieldKey, value: string): Promise<ReviewSummary> {
  const rows = session.groupRows ?? [];
  const context = { date1904: session.info.date1904 ?? false };
  session.groupRows = rows.map((row) => (row.rowNumber === rowNumber ? validateGroupRow({ ...row, edits: { ...row.edits, [field]: value } }, session.mapping, context) : row));
  await markStoredGroups(session.groupRows);
  return summarizeGroups(session);
}
