/**
 * What the review step shows above its table (counts by status and by kind of problem, the groups that
 * would be created) and a window of its table. Pure: the worker passes the stored groups' keys.
 */
import type { RawClient } from './validateClient';
import type { Problem } from './problems';
import { describeProblemKind } from './problemKinds';
import { toMatchKey } from './text';
import type { ReviewItem, ReviewRow, RowStatus } from './review';

export type StatusCounts = Record<RowStatus, number>;

export function countStatuses(rows: readonly Pick<ReviewRow, 'status'>[]): StatusCounts {
  const counts: StatusCounts = { ready: 0, fixed: 0, error: 0, duplicate: 0, existing: 0, incomplete: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/** How many rows had each kind of problem, by code (with one example message). */
export interface ProblemKind {
  code: string;
  level: Problem['level'];
  count: number;
  /** A short name of the kind (or the first occurrence's sentence when the kind has none). */
  title: string;
  /** The first occurrence's sentence. */
  example: string;
  /** Occurrences that carry a suggested fix: what "Aplicar a todas" applies. */
  suggested: number;
}

export interface NewGroup {
  name: string;
  /** Rows ready to import that name it. */
  rows: number;
}

/**
 * The groups the rows ready to import name that do not exist yet (`known`: the stored groups' keys,
 * names without case or accents), most used first: created by the import, or — when the user says not
 * to create groups — the reason those rows will not be imported.
 */
export function listNewGroups(rows: readonly ReviewRow[], known: ReadonlySet<string>): NewGroup[] {
  const byKey = new Map<string, NewGroup>();
  for (const row of rows) {
    if ((row.status !== 'ready' && row.status !== 'fixed') || row.draft.group === '') continue;
    const key = toMatchKey(row.draft.group);
    if (known.has(key)) continue;
    const entry = byKey.get(key) ?? { name: row.draft.group, rows: 0 };
    entry.rows++;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.rows - a.rows);
}

export function countProblems(rows: readonly Pick<ReviewRow, 'problems'>[]): ProblemKind[] {
  const byCode = new Map<string, ProblemKind>();
  for (const row of rows) {
    for (const p of row.problems) {
      const entry = byCode.get(p.code) ?? { code: p.code, level: p.level, count: 0, title: describeProblemKind(p.code, p.message), example: p.message, suggested: 0 };
      entry.count++;
      if (p.suggestion !== undefined && p.level !== 'fix') entry.suggested++;
      byCode.set(p.code, entry);
    }
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count);
}


export interface ReviewSummary {
  total: number;
  /** Lines below the header that are not rows of data (a report's footer), said in Portuguese. */
  notes: string[];
  counts: StatusCounts;
  problems: ProblemKind[];
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
