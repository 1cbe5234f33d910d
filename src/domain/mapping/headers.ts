import { toMatchKey } from '../text';
import type { FieldDef } from '../entities/field';

/** Edit distance, for headers with a typo ("Telefoe", "Enderco"). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

function namesOf(field: FieldDef): string[] {
  return [field.label, field.key, ...field.synonyms].map((n) => toMatchKey(n.replace(/\*$/, '')));
}

/**
 * How well a header names a field, 0..1: 1 for an exact synonym (accents, case, punctuation and a
 * trailing `*` ignored), 0.8 for a close typo, 0 when it says nothing about the field.
 */
export function scoreHeader(header: string, field: FieldDef): number {
  const key = toMatchKey(header.replace(/\*/g, ''));
  if (key === '') return 0;
  let best = 0;
  for (const name of namesOf(field)) {
    if (name === key) return 1;
    if (name.length >= 4 && key.length >= 4 && distance(name, key) <= (name.length >= 8 ? 2 : 1)) best = Math.max(best, 0.8);
  }
  return best;
}
