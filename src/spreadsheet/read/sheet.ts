/** A SheetJS worksheet to text rows: real used range, limits, merged cells, formula count. */
import type { CellObject, Range, WorkSheet } from '@e965/xlsx';
import type { Parsed, Problem } from '../../domain/problems';
import { HEADER_SCAN_ROWS, hasDataRows } from '../../domain/table';
import { guessHeaderRow } from '../../domain/headerless';
import { cellToText, isBlankCell } from './cells';
import type { ReadLimits } from './limits';
import { sheetProblems, type Place } from './messages';
import { isBlank, trimTrailingBlanks } from './rows';
import type { ProgressCallback, SheetTable } from './types';

/** The part of a sheet that holds something, found from the cells themselves (never from its `dimension`). */
export interface SheetShape {
  rowCount: number;
  columnCount: number;
  /** -1 when the sheet is empty. */
  firstFilledRow: number;
  formulaCells: number;
}

type Grid = (CellObject | undefined)[][];

/** Cells by row and column: the workbook is read with `dense: true`, which every format honours. */
function gridOf(ws: WorkSheet): Grid {
  return ws['!data'] ?? [];
}

export function measureSheet(ws: WorkSheet): SheetShape {
  const grid = gridOf(ws);
  let firstFilledRow = -1;
  let lastRow = -1;
  let lastColumn = -1;
  let formulaCells = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      if (cell.f) formulaCells++;
      if (isBlankCell(cell)) continue;
      if (firstFilledRow < 0) firstFilledRow = r;
      lastRow = r;
      if (c > lastColumn) lastColumn = c;
    }
  }
  return { rowCount: lastRow + 1, columnCount: lastColumn + 1, firstFilledRow, formulaCells };
}

/**
 * Spreads merged cells' values over the cells they cover, as the user sees them. Blocks starting in the
 * header zone are filled whole ("Endereço" over three columns names all three; a two-row header gets
 * its group names down to the lower row); below it only downwards (a "Grupo" merged over the rows of its
 * clients), never sideways into other columns' data. Work is capped at one pass over the table, since
 * a hostile file may declare thousands of overlapping merges.
 */
function fillMerges(rows: string[][], merges: readonly Range[], columnCount: number): boolean {
  let budget = rows.length * columnCount;
  let filled = false;
  for (const { s, e } of merges) {
    const value = rows[s.r]?.[s.c] ?? '';
    if (isBlank(value)) continue;
    const lastRow = Math.min(e.r, rows.length - 1);
    const lastColumn = s.r < HEADER_SCAN_ROWS ? Math.min(e.c, columnCount - 1) : s.c;
    for (let r = s.r; r <= lastRow && budget > 0; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = s.c; c <= lastColumn && budget-- > 0; c++) {
        if (!isBlank(row[c] ?? '')) continue;
        while (row.length < c) row.push('');
        row[c] = value;
        filled = true;
      }
    }
  }
  return filled;
}

export interface ConvertContext {
  place: Place;
  date1904: boolean;
  /** Written by LibreOffice: its serials before 01/03/1900 count from 30/12/1899 (no Lotus leap day). */
  fromLibreOffice?: boolean;
  limits: ReadLimits;
  onProgress?: ProgressCallback;
}

export function convertSheet(ws: WorkSheet, shape: SheetShape, context: ConvertContext): Parsed<SheetTable | null> {
  const { place, limits, date1904, onProgress } = context;
  if (shape.firstFilledRow < 0) return { data: null, problems: [sheetProblems.empty(place)] };
  if (shape.columnCount > limits.maxColumns) {
    return { data: null, problems: [sheetProblems.tooManyColumns(place, shape.columnCount, limits)] };
  }
  if (shape.rowCount - 1 - shape.firstFilledRow > limits.maxRows || shape.firstFilledRow > limits.maxRows) {
    return { data: null, problems: [sheetProblems.tooManyRows(place, limits)] };
  }
  const grid = gridOf(ws);
  const rows: string[][] = [];
  for (let r = 0; r < shape.rowCount; r++) {
    if ((r & 0x1fff) === 0) onProgress?.('converting', r / shape.rowCount);
    const cells = grid[r];
    const row: string[] = [];
    if (cells) {
      const end = Math.min(cells.length, shape.columnCount);
      for (let c = 0; c < end; c++) row.push(cellToText(cells[c], date1904, context.fromLibreOffice));
    }
    rows.push(trimTrailingBlanks(row));
  }
  onProgress?.('converting', 1);

  const problems: Problem[] = [];
  if (fillMerges(rows, ws['!merges'] ?? [], shape.columnCount)) problems.push(sheetProblems.mergedHeader(place));
  if (shape.formulaCells > 0) problems.push(sheetProblems.formulas(place, shape.formulaCells));
  if (!hasDataRows(rows, guessHeaderRow(rows))) problems.push(sheetProblems.noData(place));
  return { data: { rows, formulaCells: shape.formulaCells }, problems };
}
