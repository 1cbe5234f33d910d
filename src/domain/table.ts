/** Header row detection on a sheet already read as text. Pure. */

function filledCells(row: readonly string[] | undefined): number {
  return row ? row.filter((c) => c.trim() !== '').length : 0;
}

/**
 * Index of the row that most likely holds the headers: the first row, among the first 30, whose number
 * of filled cells reaches the widest row's — titles and metadata lines above it fill fewer cells.
 */
export function detectHeaderRow(rows: readonly (readonly string[])[]): number {
  const scan = rows.slice(0, 30);
  const widest = Math.max(0, ...scan.map(filledCells));
  if (widest === 0) return 0;
  const index = scan.findIndex((row) => filledCells(row) >= Math.max(2, Math.ceil(widest * 0.8)));
  return index < 0 ? 0 : index;
}
