/**
 * A look at a whole date column before its rows are validated one by one: a CSV from a US system writes
 * "05/13/1980", and then its "05/03/1980" is May 3rd as likely as 5 March. The rows are told
 * (`ParseContext.monthFirstDates`) so the ambiguous dates are flagged instead of read day first.
 */
import type { FieldDef } from './entities/field';
import type { Mapping } from './mapping';
import { isMonthFirstOnly } from './rules/birthDate';

/** Whether a column mapped to a date field has a value that can only be read month first. */
export function hasMonthFirstDates(rows: readonly (readonly string[])[], headerRow: number, mapping: Mapping, fields: readonly FieldDef[]): boolean {
  const dateKeys = new Set(fields.filter((f) => f.format === 'date').map((f) => f.key));
  const columns = mapping.flatMap((key, column) => (key !== null && dateKeys.has(key) ? [column] : []));
  if (columns.length === 0) return false;
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row && columns.some((column) => isMonthFirstOnly(row[column] ?? ''))) return true;
  }
  return false;
}
