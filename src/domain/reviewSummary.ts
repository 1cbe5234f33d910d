/**
 * What the review step shows above its table (counts by status and by kind of problem, the groups that
 * would be created) and a window of its table. Pure: the worker passes the stored groups' keys.
 */
import type { RawClient } from './validateClient';
import { countProblems, countStatuses, listNewGroups, type NewGroup, type ReviewItem, type ReviewRow, type StatusCounts } from './review';

export interface ReviewSummary {
  total: number;
  /** Lines below the header that are not rows of data (a report's footer), said in Portuguese. */
  notes: string[];
  counts: StatusCounts;
  problems: ReturnType<typeof countProblems>;
  /** Groups named by rows ready to import that do not exist yet. */
  newGroups: NewGroup[];
}

export interface ReviewPage {
  total: number;
  items: ReviewItem[];
}

/** Counts of any reviewed rows (clients' or groups'), with no new groups. */
export function countReview(rows: readonly Pick<ReviewRow, 'status' | 'problems'>[], notes: string[]): ReviewSummary {
  return { total: rows.length, notes, counts: countStatuses(rows), problems: countProblems(rows), newGroups: [] };
}

/** The clients' review summarized; `knownGroupKeys` are the stored groups' name keys (the rest are new). */
export function summarizeReview(rows: readonly ReviewRow[], notes: string[], knownGroupKeys: ReadonlySet<string>): ReviewSummary {
  return { ...countReview(rows, notes), newGroups: listNewGroups(rows, knownGroupKeys) };
}

/** One window of the review table, with how many items the whole filter finds. */
export function pageItems(items: readonly ReviewItem[], offset: number, limit: number): ReviewPage {
  return { total: items.length, items: items.slice(offset, offset + limit) };
}

/** The cells corrected in the review, as a run keeps them: [spreadsheet row number, values by field]. */
export function listRowEdits(rows: readonly { rowNumber: number; edits: RawClient }[]): [number, RawClient][] {
  return rows.filter((r) => Object.keys(r.edits).length > 0).map((r): [number, RawClient] => [r.rowNumber, r.edits]);
}
