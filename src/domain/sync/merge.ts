/**
 * "Conflitos, à brasileira": two machines changed one client while apart. Field by field, against the
 * version both started from (the common ancestor): a field changed on one side only takes that side's
 * value; a field changed on both sides to different values keeps both and is listed for the user to
 * pick. Without the ancestor (both created the same CPF offline) every differing field is a conflict.
 */
import type { FieldConflict } from './docs';

export type Fields = Record<string, string>;

export interface MergeResult {
  merged: Fields;
  conflicts: FieldConflict[];
}

function mergeField(field: string, ancestor: Fields | null, winner: Fields, loser: Fields): { value: string; conflict?: FieldConflict } {
  const mine = winner[field] ?? '';
  const theirs = loser[field] ?? '';
  if (mine === theirs) return { value: mine };
  if (ancestor !== null) {
    const base = ancestor[field] ?? '';
    if (mine === base) return { value: theirs };
    if (theirs === base) return { value: mine };
  }
  return { value: mine, conflict: { field, values: [mine, theirs] } };
}

/** Adds an open conflict's values to a new one of the same field (no value is ever dropped unseen). */
function combine(conflicts: FieldConflict[], earlier: FieldConflict[]): FieldConflict[] {
  const byField = new Map(conflicts.map((c) => [c.field, c]));
  for (const old of earlier) {
    const now = byField.get(old.field);
    byField.set(old.field, { field: old.field, values: [...new Set([...(now?.values ?? []), ...old.values])] });
  }
  return [...byField.values()].filter((c) => c.values.length > 1);
}

/**
 * Merges the loser's fields into the winner's, per field, against the common ancestor (null when
 * unknown). `openConflicts` are those both sides already carried: they stay listed.
 */
export function mergeFields(fields: readonly string[], ancestor: Fields | null, winner: Fields, loser: Fields, openConflicts: FieldConflict[] = []): MergeResult {
  const merged: Fields = {};
  const conflicts: FieldConflict[] = [];
  for (const field of fields) {
    const { value, conflict } = mergeField(field, ancestor, winner, loser);
    merged[field] = value;
    if (conflict) conflicts.push(conflict);
  }
  return { merged, conflicts: combine(conflicts, openConflicts) };
}

/** The newest revision both histories share (`_revisions` ids, newest first, with their start number). */
export function commonAncestorRev(a: { start: number; ids: string[] }, b: { start: number; ids: string[] }): string | null {
  const revsOf = (h: { start: number; ids: string[] }) => h.ids.map((id, i) => `${h.start - i}-${id}`);
  const theirs = new Set(revsOf(b));
  return revsOf(a).find((rev) => theirs.has(rev)) ?? null;
}

/** A conflict settled by the user: the field gets the value picked, the conflict leaves the list. */
export function resolveConflict(conflicts: FieldConflict[], field: string): FieldConflict[] {
  return conflicts.filter((c) => c.field !== field);
}
