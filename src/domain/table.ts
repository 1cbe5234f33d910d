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

/** Whether a cell holds a number, date, document, phone or CEP: data, never a column name. */
export function isNumericLike(value: string): boolean {
  return NUMERIC_LIKE.test(value.trim());
}

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
  // A row with nothing under it is never the guess while another row has data under it (a header
  // wider than the data, a last line that reads like names): the user would see no rows at all.
  const dataBelow = (i: number) => hasDataRows(rows, i) || !hasDataRows(rows, Math.max(0, firstFilledRow(rows)));
  for (let i = 0; i < scan; i++) {
    const stats = measureRow(rows[i]);
    if (!looksLikeHeader(stats) || !fitsRowsBelow(rows, i, stats) || !dataBelow(i)) continue;
    const below = measureRow(rows[i + 1]);
    const moreSpecific = stats.distinct < stats.filled && below.distinct > stats.distinct;
    if (moreSpecific && looksLikeHeader(below) && below.width === stats.width && dataBelow(i + 1)) return i + 1;
    return i;
  }
  let fullest = 0;
  let most = 0;
  for (let i = 0; i < scan; i++) {
    const filled = measureRow(rows[i]).filled;
    if (filled > most && dataBelow(i)) [fullest, most] = [i, filled];
  }
  return fullest;
}

/** Index of the first row with a non-blank cell, or -1. */
export function firstFilledRow(rows: readonly Row[]): number {
  return rows.findIndex((row) => row.some((cell) => !isBlank(cell)));
}

/** Whether any row below the header has a non-blank cell. */
export function hasDataRows(rows: readonly Row[], headerRow: number): boolean {
  for (let r = headerRow + 1; r < rows.length; r++) {
    if (rows[r]?.some((cell) => !isBlank(cell))) return true;
  }
  return false;
}

const COUNTED = String.raw`(?:registros?|clientes?|linhas?|itens|cadastros?|contatos?)`;
/**
 * A report's closing lines, whole: "Total de registros: 25", "Totais", "Total geral 25", "Quantidade de
 * clientes: 25", "25 registros encontrados", "Gerado em 01/02/2024", "Página 1 de 1", "Fim do relatório".
 * Whole-cell patterns, so a client named "Total Energies" or "Página Um Editora" is never one.
 */
const FOOTER_TEXT = [
  /^(?:sub)?tota(?:l|is)(?:\s+geral)?\s*[:=]?\s*[\d.]*$/i,
  new RegExp(String.raw`^(?:sub)?total\s+(?:geral\s+)?de\s+${COUNTED}\s*[:=]?\s*[\d.]*$`, 'i'),
  new RegExp(String.raw`^(?:quantidade|qtde?\.?|n[º°o.]*)\s*(?:de\s+)?${COUNTED}\s*[:=]?\s*[\d.]*$`, 'i'),
  new RegExp(String.raw`^[\d.]+\s+${COUNTED}(?:\s+(?:encontrad|listad|exportad)[oa]s?)?\.?$`, 'i'),
  /^(?:gerado|emitido|impresso|exportado)\s+em\b/i,
  /^p[áa]gina\s+\d+(?:\s+de\s+\d+)?$/i,
  /^fim\s+do\s+relat[óo]rio\.?$/i,
];

/** A sparse line whose first cell reads like a report's summary, not like a client. */
function looksLikeFooter(row: Row | undefined, headerWidth: number): boolean {
  const stats = measureRow(row);
  const first = row?.find((cell) => !isBlank(cell))?.trim() ?? '';
  return stats.filled > 0 && stats.filled <= Math.max(2, Math.floor(headerWidth / 3)) && FOOTER_TEXT.some((pattern) => pattern.test(first));
}

/**
 * The report footer below the data (system exports end with "Total de registros: 25" and the like):
 * the indexes of the trailing rows that read like a summary, with only blank rows between them. They are
 * not clients, and importing them would only add error lines to the log.
 */
export function findFooterRows(rows: readonly Row[], headerRow: number): number[] {
  const headerWidth = measureRow(rows[headerRow]).width;
  const footer: number[] = [];
  for (let r = rows.length - 1; r > headerRow; r--) {
    if (measureRow(rows[r]).filled === 0) continue;
    if (!looksLikeFooter(rows[r], headerWidth)) break;
    footer.unshift(r);
  }
  return footer;
}

/** The sentence kept in the review and the run's log for a footer row left out. */
export function describeFooterRow(rows: readonly Row[], index: number): string {
  const text = (rows[index] ?? []).filter((cell) => !isBlank(cell)).map((cell) => cell.trim()).join(' ');
  return `A linha ${index + 1} ("${text}") é o rodapé do relatório, não um cliente, e não foi importada.`;
}
