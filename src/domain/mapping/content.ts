import type { FieldDef } from '../entities/field';

/**
 * Recognises a column from its values when its header says nothing (for example a column of valid CPFs
 * under "Coluna 3"). Returns the key of the field the values fit best, or null.
 */
export function detectFieldFromValues(values: readonly string[], fields: readonly FieldDef[]): string | null {
  void values;
  void fields;
  return null;
}
