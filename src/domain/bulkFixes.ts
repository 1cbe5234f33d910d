/**
 * Fixing in bulk what a list repeats: every row's suggestion of one kind applied at once, a DDD typed
 * once for every phone without one, and the DDD of the client's city or UF offered as a suggestion.
 */
import type { ClientDraft, ClientFieldKey } from './entities/client';
import type { Problem } from './problems';
import type { RawClient } from './validateClient';
import { withDdd } from './rules';
import { dddOfPlace } from './rules/dddByPlace';

const MISSING_DDD = 'phone.missing_ddd';

/**
 * A phone without DDD and no other suggestion gets the DDD of the client's city (or of its UF when the
 * UF has one DDD); it stays an error until the user takes it.
 */
export function suggestPlaceDdd(draft: ClientDraft, problems: Problem[]): Problem[] {
  if (!problems.some((p) => p.code === MISSING_DDD && p.suggestion === undefined)) return problems;
  const place = dddOfPlace(draft.city, draft.uf);
  if (place === null) return problems;
  return problems.map((p): Problem => {
    if (p.code !== MISSING_DDD || p.suggestion !== undefined) return p;
    const suggestion = withDdd(p.value, place.ddd);
    return suggestion === null ? p : { ...p, suggestion, message: `${p.message} Sugerimos o DDD ${place.ddd}, ${place.source}; confira.` };
  });
}

interface EditableRow {
  rowNumber: number;
  edits: RawClient;
  problems: readonly Problem[];
}

/** New edits by row number: each row's suggestion for the problems of `code`. */
export function collectSuggestedEdits(rows: readonly EditableRow[], code: string): Map<number, RawClient> {
  const out = new Map<number, RawClient>();
  for (const row of rows) {
    for (const p of row.problems) {
      if (p.code !== code || p.suggestion === undefined || p.level === 'fix') continue;
      out.set(row.rowNumber, { ...(out.get(row.rowNumber) ?? row.edits), [p.field as ClientFieldKey]: p.suggestion });
    }
  }
  return out;
}

/** New edits by row number: `ddd` in front of every phone still without DDD and without a suggestion. */
export function collectDddEdits(rows: readonly EditableRow[], ddd: string): Map<number, RawClient> {
  const out = new Map<number, RawClient>();
  for (const row of rows) {
    for (const p of row.problems) {
      if (p.code !== MISSING_DDD || p.suggestion !== undefined) continue;
      const fixed = withDdd(p.value, ddd);
      if (fixed !== null) out.set(row.rowNumber, { ...(out.get(row.rowNumber) ?? row.edits), [p.field as ClientFieldKey]: fixed });
    }
  }
  return out;
}
