/** The shapes `openWorkbook` hands to the worker (re-exported by `../read.ts`). */
import type { Parsed } from '../../domain/problems';

/**
 * `html` and `xml2003`: what many systems save as "relatorio.xls" (an HTML table, Excel's XML 2003);
 * `lotus` (Lotus 1-2-3, Quattro Pro) and `dbf` (dBase/Clipper tables): what old systems still export;
 * `fods`: LibreOffice's flat (unzipped) ODS; `numbers`: Apple Numbers; `sylk` and `dif`: old text
 * interchange formats (Multiplan, VisiCalc) some systems still write.
 */
export type FileFormat = 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods' | 'fods' | 'numbers' | 'csv' | 'html' | 'xml2003' | 'lotus' | 'dbf' | 'sylk' | 'dif';

export interface SheetInfo {
  name: string;
  /** Rows up to the last filled one (row numbers as in Excel). */
  rowCount: number;
  /** Columns up to the last filled one (A = 1). */
  columnCount: number;
  empty: boolean;
  /** Hidden in the workbook (Excel "Ocultar planilha"); still readable. */
  hidden?: boolean;
}

export interface WorkbookInfo {
  format: FileFormat;
  sheets: SheetInfo[];
  /** CSV only: the detected text encoding (`utf-8`, `utf-16le`, `utf-16be`, `windows-1252`) and delimiter. */
  encoding?: string;
  delimiter?: string;
  /** The workbook counts dates from 1904: a bare serial number in a text column means another day. */
  date1904?: boolean;
}

/**
 * One sheet as text. `rows[i]` is spreadsheet row i+1 and `rows[i][j]` column j (A = 0), so row numbers
 * and letters match what the user sees in Excel. Trailing empty rows and columns are trimmed; rows are
 * ragged (a row ends at its last filled cell, a blank row in the middle is `[]`), so read a cell as
 * `rows[i]?.[j] ?? ''`.
 */
export interface SheetTable {
  rows: string[][];
  /** How many cells held a formula (their cached values are used; formulas are never evaluated). */
  formulaCells: number;
}

export type ProgressCallback = (phase: ReadPhase, fraction: number) => void;

/** `sniffing` the bytes, `parsing` the file (unzip + SheetJS, or the CSV), `converting` a sheet to text rows. */
export type ReadPhase = 'sniffing' | 'parsing' | 'converting';

export interface OpenedWorkbook {
  info: WorkbookInfo;
  /**
   * One sheet as text rows: a workbook's sheet is converted on each call, a CSV's rows were parsed once
   * and every call returns them; treat them as read-only either way.
   * On failure (sheet over the limits, empty, unknown index) `data` is null and a problem says why.
   */
  readSheet(index: number, onProgress?: ProgressCallback): Parsed<SheetTable | null>;
}
