/**
 * Bytes of an uploaded file → workbook → sheets as text rows. Runs in the worker. The format comes from
 * the content (magic bytes, ZIP entries, OLE streams), not the extension; hostile or broken files are
 * refused before SheetJS sees them where possible. Never throws: every failure is a Portuguese problem.
 */
import * as XLSX from '@e965/xlsx';
import type { Parsed, Problem } from '../domain/problems';
import { hasDataRows } from '../domain/table';
import { guessHeaderRow } from '../domain/headerless';
import { inspectCfb, inspectFlatOds, inspectZip, type Contents } from './read/container';
import { readCsv } from './read/csv';
import { resolveLimits, type ReadLimits } from './read/limits';
import { filePlace, fileProblems, sheetPlace, sheetProblems } from './read/messages';
import { convertSheet, measureSheet, type SheetShape } from './read/sheet';
import { sniffBytes, type Sniffed } from './read/sniff';
import { decodeText } from './read/text';
import type { FileFormat, OpenedWorkbook, ProgressCallback, SheetInfo, SheetTable } from './read/types';
import { scanZip, type ZipEntry } from './read/zip';

export type { FileFormat, OpenedWorkbook, ProgressCallback, ReadPhase, SheetInfo, SheetTable, WorkbookInfo } from './read/types';
export { DEFAULT_LIMITS, type ReadLimits } from './read/limits';
export { hasDataRows } from '../domain/table';

function fail(problem: Problem): Parsed<null> {
  return { data: null, problems: [problem] };
}

/**
 * Cached values only (`cellFormula` just lets formula cells be counted), raw numbers with their format
 * (`cellNF`) so dates are recognised without SheetJS formatting every cell (`cellText: false`), and the
 * used range taken from the cells rather than the declared dimension (`nodim`).
 */
const SHEETJS_OPTIONS = {
  type: 'array',
  dense: true,
  cellFormula: true,
  cellNF: true,
  cellText: false,
  cellDates: false,
  cellHTML: false,
  cellStyles: false,
  bookVBA: false,
  sheetStubs: false,
  nodim: true,
} satisfies XLSX.ParsingOptions;

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && /password|encrypt/i.test(error.message);
}

function parseWorkbook(bytes: Uint8Array, format: FileFormat): XLSX.WorkBook | 'encrypted' | 'corrupt' {
  if (format === 'html' || format === 'xml2003' || format === 'fods' || format === 'sylk' || format === 'dif') return parseMarkup(bytes);
  try {
    // ODS holds dates as ISO days: read as dates they stay right before 1900, where SheetJS's serials slip a day.
    return XLSX.read(bytes, format === 'ods' ? { ...SHEETJS_OPTIONS, cellDates: true } : SHEETJS_OPTIONS);
  } catch (error) {
    if (isPasswordError(error)) return 'encrypted';
    // XLS/XLSB formulas are bytecode SheetJS decompiles to count them; an odd one must not cost the file.
    if (format !== 'xls' && format !== 'xlsb') return 'corrupt';
  }
  try {
    return XLSX.read(bytes, { ...SHEETJS_OPTIONS, cellFormula: false });
  } catch (error) {
    return isPasswordError(error) ? 'encrypted' : 'corrupt';
  }
}

/**
 * An HTML table or XML 2003 workbook: decoded like a CSV (BOM, strict UTF-8, else Windows-1252, which
 * Brazilian systems write) and read with `raw`, every cell as the text it shows (no type guessing).
 */
function parseMarkup(bytes: Uint8Array): XLSX.WorkBook | 'corrupt' {
  const decoded = decodeText(bytes);
  if (decoded.kind === 'binary') return 'corrupt';
  try {
    return XLSX.read(decoded.text, { ...SHEETJS_OPTIONS, type: 'string', raw: true });
  } catch {
    return 'corrupt';
  }
}

/** A workbook's tab: its SheetJS cells until converted to text rows, then only the rows. */
interface LoadedSheet {
  name: string;
  ws: XLSX.WorkSheet | undefined;
  shape: SheetShape;
  converted?: Parsed<SheetTable | null>;
}

/**
 * Each tab is converted once and its SheetJS cells let go then: the text rows are all the app reads, and
 * a 100,000-row tab's cell objects weigh several times its text. Kept out of openSpreadsheet so that this
 * closure does not hold the parsed workbook (its string table, its other objects) alive.
 */
function sheetReader(loaded: LoadedSheet[], fileName: string, convert: (ws: XLSX.WorkSheet, sheet: LoadedSheet, progress?: ProgressCallback) => Parsed<SheetTable | null>, onProgress?: ProgressCallback): OpenedWorkbook['readSheet'] {
  return (index, progress = onProgress) => {
    const sheet = loaded[index];
    if (!sheet) return fail(sheetProblems.notFound(index));
    if (!sheet.converted) {
      try {
        sheet.converted = sheet.ws ? convert(sheet.ws, sheet, progress) : fail(fileProblems.unreadable(fileName));
      } catch {
        sheet.converted = fail(fileProblems.unreadable(fileName));
      }
      sheet.ws = undefined;
    }
    // The caller may add to its problems: a copy each time.
    return { data: sheet.converted.data, problems: [...sheet.converted.problems] };
  };
}

/**
 * Made outside openSpreadsheet: a closure created there would share its scope with the callbacks that
 * read `wb`, and so keep the whole parsed workbook (every tab's cells) alive for as long as the file is open.
 */
function sheetConverter(date1904: boolean, fromLibreOffice: boolean, limits: ReadLimits): (ws: XLSX.WorkSheet, sheet: LoadedSheet, progress?: ProgressCallback) => Parsed<SheetTable | null> {
  return (ws, sheet, progress) => convertSheet(ws, sheet.shape, { place: sheetPlace(sheet.name), date1904, fromLibreOffice, limits, onProgress: progress });
}

function openSpreadsheet(bytes: Uint8Array, format: FileFormat, fileName: string, limits: ReadLimits, onProgress?: ProgressCallback): Parsed<OpenedWorkbook | null> {
  onProgress?.('parsing', 0);
  const wb = parseWorkbook(bytes, format);
  if (wb === 'encrypted') return fail(fileProblems.encrypted(fileName));
  if (wb === 'corrupt') return fail(fileProblems.corrupt(fileName));
  onProgress?.('parsing', 1);
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const fromLibreOffice = /^LibreOffice/i.test(String(wb.Props?.Application ?? ''));
  const loaded: LoadedSheet[] = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] ?? {};
    return { name, ws, shape: measureSheet(ws) };
  });
  const infos: SheetInfo[] = loaded.map(({ name, shape }, i) => {
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    return { name, rowCount: shape.rowCount, columnCount: shape.columnCount, empty: shape.firstFilledRow < 0, ...(hidden && { hidden }) };
  });
  if (infos.every((s) => s.empty)) return fail(fileProblems.empty(fileName));
  const workbook: OpenedWorkbook = {
    info: { format, sheets: infos, ...(date1904 && { date1904 }) },
    readSheet: sheetReader(loaded, fileName, sheetConverter(date1904, fromLibreOffice, limits), onProgress),
  };
  return { data: workbook, problems: [] };
}

/**
 * Whether the file's first bytes say SheetJS will parse it (a workbook, markup, an old binary format) rather
 * than the CSV reader: its parse is the one that leaves hundreds of MB behind. A guess from the head only:
 * the file is sniffed again, whole, when it is read.
 */
export function parsesWithSheetJs(head: Uint8Array): boolean {
  return sniffBytes(head).kind !== 'text';
}

/** The file could not be read to its end (the browser stopped the reader, the file changed on disk). */
export function unreadableFile(fileName: string): Problem {
  return fileProblems.unreadable(fileName);
}

function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || fileName;
}

function openCsv(bytes: Uint8Array, fileName: string, limits: ReadLimits, onProgress?: ProgressCallback): Parsed<OpenedWorkbook | null> {
  const decoded = decodeText(bytes);
  if (decoded.kind === 'binary') {
    return fail(fileProblems.notSpreadsheet(fileName, 'um arquivo de outro programa (conteúdo binário), e não uma planilha nem um texto CSV'));
  }
  if (decoded.text.trim() === '') return fail(fileProblems.empty(fileName));
  const place = filePlace(fileName);
  onProgress?.('parsing', 0);
  const csv = readCsv(decoded.text, limits, place, onProgress);
  if (!csv.data) return { data: null, problems: csv.problems };
  const { rows, delimiter, unclosedQuoteRow } = csv.data;
  if (rows.length === 0) return fail(fileProblems.empty(fileName));
  const columnCount = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const sheetProblemsFound = hasDataRows(rows, guessHeaderRow(rows)) ? [] : [sheetProblems.noData(place)];
  const workbook: OpenedWorkbook = {
    info: {
      format: 'csv',
      sheets: [{ name: baseName(fileName), rowCount: rows.length, columnCount, empty: false }],
      encoding: decoded.encoding,
      delimiter,
    },
    readSheet: (index) => (index === 0 ? { data: { rows, formulaCells: 0 }, problems: [...sheetProblemsFound] } : fail(sheetProblems.notFound(index))),
  };
  const nuls = decoded.droppedNuls ? [fileProblems.nulsDropped(fileName, decoded.droppedNuls)] : [];
  return { data: workbook, problems: unclosedQuoteRow === null ? nuls : [...nuls, sheetProblems.unclosedQuote(place, unclosedQuoteRow)] };
}

function openContents(contents: Contents, bytes: Uint8Array, fileName: string, limits: ReadLimits, onProgress?: ProgressCallback): Parsed<OpenedWorkbook | null> {
  switch (contents.kind) {
    case 'spreadsheet':
      return openSpreadsheet(bytes, contents.format, fileName, limits, onProgress);
    case 'encrypted':
      return fail(fileProblems.encrypted(fileName));
    case 'foreign':
      return fail(fileProblems.notSpreadsheet(fileName, contents.looksLike, contents.advice));
    case 'corrupt':
      return fail(fileProblems.corrupt(fileName));
    case 'repeat_bomb':
      return fail(fileProblems.repeatedCells(fileName, contents.cells, limits));
    case 'zip_bomb':
      return fail(fileProblems.zipBomb(fileName, limits));
  }
}

/** Reading `mimetype`, the ODS manifest or content inflates data a damaged file may garble. */
function inspectZipSafely(bytes: Uint8Array, entries: readonly ZipEntry[], fileName: string, limits: ReadLimits): Contents {
  try {
    return inspectZip(bytes, entries, fileName, limits);
  } catch {
    return { kind: 'corrupt' };
  }
}

/** Excel's `~$clientes.xlsx` (165 bytes: who has it open) and LibreOffice's `.~lock.clientes.xlsx#`. */
const LOCK_FILE = /^(?:~\$(.+)|\.~lock\.(.+)#)$/;
const LOCK_FILE_MAX_BYTES = 4096;

/** The workbook a lock file stands beside, when `fileName` is one (never a real workbook: that is a ZIP or OLE file). */
function lockedWorkbook(bytes: Uint8Array, fileName: string, sniffed: Sniffed): string | null {
  const match = LOCK_FILE.exec(fileName.replace(/^.*[\\/]/, ''));
  if (!match || bytes.length > LOCK_FILE_MAX_BYTES || sniffed.kind === 'zip' || sniffed.kind === 'cfb') return null;
  return match[1] ?? match[2] ?? null;
}

function open(bytes: Uint8Array, fileName: string, limits: ReadLimits, onProgress?: ProgressCallback): Parsed<OpenedWorkbook | null> {
  onProgress?.('sniffing', 0);
  if (bytes.length === 0) return fail(fileProblems.empty(fileName));
  if (bytes.length > limits.maxBytes) return fail(fileProblems.tooBig(fileName, bytes.length, limits));
  const sniffed = sniffBytes(bytes);
  const locked = lockedWorkbook(bytes, fileName, sniffed);
  if (locked !== null) return fail(fileProblems.lockFile(fileName, locked));
  switch (sniffed.kind) {
    case 'foreign':
      return fail(fileProblems.notSpreadsheet(fileName, sniffed.looksLike, sniffed.advice));
    case 'text':
      onProgress?.('sniffing', 1);
      return openCsv(bytes, fileName, limits, onProgress);
    case 'markup':
    case 'legacy':
      onProgress?.('sniffing', 1);
      if (sniffed.format === 'fods') return openContents(inspectFlatOds(bytes, limits), bytes, fileName, limits, onProgress);
      return openSpreadsheet(bytes, sniffed.format, fileName, limits, onProgress);
    case 'cfb':
      onProgress?.('sniffing', 1);
      return openContents(inspectCfb(bytes), bytes, fileName, limits, onProgress);
    case 'zip': {
      // The central directory is checked before anything is expanded: a ZIP bomb never reaches SheetJS.
      const scan = scanZip(bytes, limits);
      onProgress?.('sniffing', 1);
      if (scan.kind === 'bomb') return fail(fileProblems.zipBomb(fileName, limits));
      if (scan.kind === 'encrypted') return fail(fileProblems.encrypted(fileName));
      if (scan.kind === 'corrupt') return fail(fileProblems.corrupt(fileName));
      return openContents(inspectZipSafely(bytes, scan.entries, fileName, limits), bytes, fileName, limits, onProgress);
    }
  }
}

/**
 * Opens any supported spreadsheet (XLSX, XLSM, XLSB, XLS, ODS, CSV/TXT). `limits` may override some of
 * `DEFAULT_LIMITS`. Progress phases: `sniffing`, `parsing`, then `converting` in `readSheet`.
 */
export function openWorkbook(
  bytes: Uint8Array,
  fileName: string,
  limits?: Partial<ReadLimits>,
  onProgress?: ProgressCallback,
): Parsed<OpenedWorkbook | null> {
  try {
    return open(bytes, fileName, resolveLimits(limits), onProgress);
  } catch {
    // Only an unforeseen failure (a SheetJS bug, memory exhausted) gets here; it still must not throw.
    return fail(fileProblems.unreadable(fileName));
  }
}
