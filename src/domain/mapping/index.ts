import type { FieldDef } from '../entities/field';
import { detectFieldFromValues } from './content';
import { scoreHeader } from './headers';
import { toMatchKey } from '../text';

/** For each spreadsheet column, the field key it feeds, or null for "Ignorar coluna". */
export type Mapping = (string | null)[];

export interface ColumnSample {
  header: string;
  /** Non-empty values from the column (a sample of the data rows). */
  values: readonly string[];
}

/** Identifies a file's layout: same headers (in order) → same signature → same saved mapping. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((h) => toMatchKey(h)).join('|');
}

/**
 * Pre-fills the mapping: first by header text (best score wins, each field used once), then by content
 * for the columns still unmapped.
 */
export function suggestMapping(columns: readonly ColumnSample[], fields: readonly FieldDef[]): Mapping {
  const mapping: Mapping = columns.map(() => null);
  const candidates: { column: number; field: string; score: number }[] = [];
  columns.forEach((column, index) => {
    for (const field of fields) {
      const score = scoreHeader(column.header, field);
      if (score > 0) candidates.push({ column: index, field: field.key, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const used = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.column] !== null || used.has(c.field)) continue;
    mapping[c.column] = c.field;
    used.add(c.field);
  }
  columns.forEach((column, index) => {
    if (mapping[index] !== null) return;
    const free = fields.filter((f) => !used.has(f.key));
    const key = detectFieldFromValues(column.values, free);
    if (key !== null) {
      mapping[index] = key;
      used.add(key);
    }
  });
  return mapping;
}

/** How many distinct fields a row of headers names: tells a data tab from an instructions tab. */
export function countNamedFields(headers: readonly string[], fields: readonly FieldDef[]): number {
  return fields.filter((field) => headers.some((header) => scoreHeader(header, field) > 0)).length;
}

export interface MappingCheck {
  /** Required fields (or required groups, by their first field) with no column. */
  missing: FieldDef[];
  /** Fields chosen for more than one column. */
  repeated: FieldDef[];
}

/** `defaulted`: fields given one value for the whole file; they need no column. */
export function checkMapping(mapping: Mapping, fields: readonly FieldDef[], defaulted: readonly string[] = []): MappingCheck {
  const counts = new Map<string, number>();
  for (const key of mapping) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeated = fields.filter((f) => (counts.get(f.key) ?? 0) > 1);
  for (const key of defaulted) counts.set(key, Math.max(1, counts.get(key) ?? 0));
  const missing: FieldDef[] = [];
  const groupsSeen = new Set<string>();
  for (const field of fields) {
    if (field.required === true && !counts.has(field.key)) missing.push(field);
    if (typeof field.required === 'string' && !groupsSeen.has(field.required)) {
      groupsSeen.add(field.required);
      const group = fields.filter((f) => f.required === field.required);
      if (!group.some((f) => counts.has(f.key))) missing.push(field);
    }
  }
  return { missing, repeated };
}
