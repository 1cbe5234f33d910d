/**
 * Which tab of a workbook an import starts on. Pure: the reader's sheet infos and its `readSheet` are
 * taken structurally, so that domain/ needs nothing from spreadsheet/.
 */
import { scoreDataHeaders } from './entityGuess';
import type { Parsed } from './problems';
import { detectHeaderRow } from './table';

/** What picking needs to know of a tab. */
export interface SheetFacts {
  empty: boolean;
  /** Hidden in the workbook (Excel "Ocultar planilha"). */
  hidden?: boolean;
}

/** A workbook as far as picking goes: its tabs, and a way to read one. */
export interface SheetSource<T extends { rows: readonly (readonly string[])[] }> {
  info: { sheets: readonly SheetFacts[] };
  readSheet(index: number): Parsed<T | null>;
}

/** Tabs scored when choosing where the data is; a workbook with more is opened on its first filled tab. */
export const MAX_SHEETS_SCORED = 12;

/**
 * The tab to start on: the one whose header row names the most fields of an entity (offices often put an
 * instructions tab first), else the first tab with data. A tab hidden in Excel (often an old copy) is
 * chosen only when no visible tab has data. The user can still pick another. Each tab is read at most once.
 */
export function pickDataSheet<T extends { rows: readonly (readonly string[])[] }>(workbook: SheetSource<T>): { sheetIndex: number; sheet: Parsed<T | null> } {
  const sheets = workbook.info.sheets;
  const visibleFilled = sheets.findIndex((s) => !s.empty && s.hidden !== true);
  const firstFilled = Math.max(0, visibleFilled >= 0 ? visibleFilled : sheets.findIndex((s) => !s.empty));
  let best = { sheetIndex: firstFilled, sheet: workbook.readSheet(firstFilled), score: -1 };
  const candidates = sheets.length <= MAX_SHEETS_SCORED ? sheets : [];
  candidates.forEach((info, index) => {
    if (info.empty || (info.hidden === true && visibleFilled >= 0)) return;
    const sheet = index === best.sheetIndex ? best.sheet : workbook.readSheet(index);
    const rows = sheet.data?.rows ?? [];
    const score = scoreDataHeaders(rows[detectHeaderRow(rows)] ?? []);
    if (score > best.score) best = { sheetIndex: index, sheet, score };
  });
  return { sheetIndex: best.sheetIndex, sheet: best.sheet };
}
