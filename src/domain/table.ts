/**
 * Header row detection on a sheet already read as text. Pure: system exports often start with a title,
 * metadata lines ("Relatório de clientes", "Gerado em 01/02/2024", "Filtro: ativos") or blank rows, and
 * the header comes after them. The user can always pick another row; this only makes the first guess.
 */

/** Headers are looked for among the first rows only; a title block is never this long. */
export const HEADER_SCAN_ROWS = 30;
/** Rows below a candidate compared with it: enough to see past a few metadata lines. */
const LOOKAHEAD_ROWS = 20;

type Row = readonly string[];

interface RowStats {
  /** Non-blank cells. */
  filled: number;
  /** Up to the last non-blank cell. */
  width: number;
  /** Non-blank cells that are not numbers, dates, documents or phones. */
  textual: number;
  /** Different non-blank values, ignoring case and surrounding spaces. */
  distinct: number;
}

/** Numbers, money, dates, times, CPF/CNPJ, phones, CEP: what fills data rows and never names a column. */
const NUMERIC_LIKE = /^[-+]?(R\$\s*)?[\d\s.,:/()%+-]*\d[\d\s.,:/()%+-]*([eE][+-]?\d+)?$/;

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

function measureRow(row: Row | undefined): RowStats {
  const stats: RowStats = { filled: 0, width: 0, textual: 0, distinct: 0 };
  if (!row) return stats;
  const seen = new Set<string>();
  row.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const value = cell.trim();
    stats.filled++;
    stats.width = index + 1;
    if (!NUMERIC_LIKE.test(value)) stats.textual++;
    seen.add(value.toLowerCase());
  });
  stats.distinct = seen.size;
  return stats;
}

/** Mostly filled, mostly text, mostly different values (a merged title repeated across columns is not). */
function looksLikeHeader(stats: RowStats): boolean {
  return (
    stats.filled >= 2 &&
    stats.filled >= stats.width * 0.5 &&
    stats.textual >= stats.filled * 0.6 &&
    stats.distinct >= 2 &&
    stats.distinct >= stats.filled * 0.5
  );
}

/**
 * The rows below are not clearly wider than the candidate (a "Filtro: | ativos" line is followed by a
 * much wider table). Uses the 80th percentile of their widths so a single stray cell far to the right,
 * or ragged data rows ending early, do not decide.
 */
function fitsRowsBelow(rows: readonly Row[], index: number, stats: RowStats): boolean {
  const widths: number[] = [];
  for (let r = index + 1; r < rows.length && widths.length < LOOKAHEAD_ROWS; r++) {
    const width = measureRow(rows[r]).width;
    if (width > 0) widths.push(width);
  }
  if (widths.length === 0) return true;
  widths.sort((a, b) => a - b);
  const typical = widths[Math.floor((widths.length - 1) * 0.8)] ?? 0;
  return typical <= stats.width + Math.max(1, Math.floor(stats.width * 0.25));
}

/**
 * Index of the row that most likely holds the column names: among the first rows, the first one that
 * is mostly filled, mostly non-numeric text and distinct values, and is as wide as the rows below it.
 * When a two-row header has group names above (e.g. "Endereço" spread over "Rua", "Número", "CEP"),
 * the lower, more specific row is preferred. Falls back to the first fullest row, then to 0.
 */
export function detectHeaderRow(rows: readonly Row[]): number {
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < scan; i++) {
    const stats = measureRow(rows[i]);
    if (!looksLikeHeader(stats) || !fitsRowsBelow(rows, i, stats)) continue;
    const below = measureRow(rows[i + 1]);
    const moreSpecific = stats.distinct < stats.filled && below.distinct > stats.distinct;
    if (moreSpecific && looksLikeHeader(below) && below.width === stats.width) return i + 1;
    return i;
  }
  let fullest = 0;
  let most = 0;
  for (let i = 0; i < scan; i++) {
    const filled = measureRow(rows[i]).filled;
    if (filled > most) [fullest, most] = [i, filled];
  }
  return fullest;
}

/** Whether any row below the header has a non-blank cell. */
export function hasDataRows(rows: readonly Row[], headerRow: number): boolean {
  for (let r = headerRow + 1; r < rows.length; r++) {
    if (rows[r]?.some((cell) => !isBlank(cell))) return true;
  }
  return false;
}
