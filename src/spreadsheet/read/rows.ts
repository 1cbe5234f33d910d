/** Row helpers shared by the CSV reader and the sheet converter. */

/** Blank = nothing a person would see: empty or only spaces. */
export function isBlank(value: string): boolean {
  return value === '' || value.trim() === '';
}

/** Drops the blank cells at the end of a row, in place, so a row ends at its last filled cell. */
export function trimTrailingBlanks(row: string[]): string[] {
  while (row.length > 0 && isBlank(row[row.length - 1] ?? '')) row.pop();
  return row;
}
