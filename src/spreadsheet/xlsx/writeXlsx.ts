/**
 * A small XLSX (SpreadsheetML) writer for the files Clientela hands out: the template and the exports.
 * SheetJS Community Edition writes neither frozen panes, nor column styles, nor data validation (the
 * template's dropdowns); writing the few parts of the format we need ourselves, zipped with fflate (8 kB,
 * MIT), gives all of them, and writes each row as it goes (an export of 100,000 clients is never one
 * huge string).
 */
import { Zip, ZipDeflate } from 'fflate';
import { columnName, daySerial, escapeCellText, escapeXml, formatDayText, LAST_ROW } from './xml';

/** A cell going out: text stays text, dates are calendar days (a Date at UTC midnight). Empty: no cell. */
export type XlsxCell = string | number | Date | null;

/** How the cells of a column look, also the ones the user types later (a column style). */
export type ColumnStyle = 'general' | 'text' | 'date' | 'wrap';

export interface XlsxColumn {
  /** In characters. */
  width: number;
  style: ColumnStyle;
}

/** A dropdown on a column, below the header. */
export interface XlsxValidation {
  column: number;
  values: readonly string[];
  /** Strict: Excel refuses another value. Otherwise it warns and lets the user keep it. */
  strict: boolean;
  /** Shown when a value is not in the list. */
  error: string;
}

export interface XlsxSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly XlsxCell[])[];
  columns: readonly XlsxColumn[];
  /** A filter button on each header cell. */
  autoFilter?: boolean;
  validations?: readonly XlsxValidation[];
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Where the dropdowns' values live: a hidden sheet (a list typed in the rule is cut at 255 characters and breaks on commas). */
const LISTS_SHEET = 'Listas';

/** Style indexes in styles.xml's cellXfs. */
const STYLE = { general: 0, text: 1, date: 2, header: 3, wrap: 4 } as const;

const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">`
  + '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="5">'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
  + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** A sheet name inside a formula: quoted, with its quotes doubled. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function textCell(ref: string, text: string, style: number): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(text)}</t></is></c>`;
}

function cellXml(ref: string, value: XlsxCell, column: XlsxColumn | undefined): string {
  if (value === null || value === '') return '';
  const columnStyle = column ? STYLE[column.style] : 0;
  if (typeof value === 'string') return textCell(ref, value, column?.style === 'date' ? 0 : columnStyle);
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : '';
  const serial = daySerial(value);
  return serial === null ? textCell(ref, formatDayText(value), 0) : `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
}

function rowXml(index: number, cells: readonly XlsxCell[], columns: readonly XlsxColumn[], header: boolean): string {
  let xml = '';
  for (let c = 0; c < cells.length; c++) {
    const ref = `${columnName(c)}${index + 1}`;
    const value = cells[c] ?? null;
    xml += header && typeof value === 'string' && value !== '' ? textCell(ref, value, STYLE.header) : cellXml(ref, value, columns[c]);
  }
  if (xml === '') return '';
  const lines = header ? 1 : wrappedLines(cells, columns);
  return `<row r="${index + 1}"${lines > 1 ? ` ht="${lines * LINE_HEIGHT}" customHeight="1"` : ''}>${xml}</row>`;
}

/** Points per line of 11-point Calibri. */
const LINE_HEIGHT = 15;

/**
 * Lines the row's wrapped cells take: neither Excel nor LibreOffice grows a row on opening a file, so a
 * wrapped text would be cut (or overlap the next row) without its height written.
 */
function wrappedLines(cells: readonly XlsxCell[], columns: readonly XlsxColumn[]): number {
  let lines = 1;
  columns.forEach((column, c) => {
    const value = cells[c];
    if (column.style !== 'wrap' || typeof value !== 'string') return;
    // A little under one character per width unit: words do not break at the exact edge.
    const perLine = Math.max(1, Math.floor(column.width * 0.9));
    const count = value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
    lines = Math.max(lines, Math.min(count, 15));
  });
  return lines;
}

interface ListRef {
  validation: XlsxValidation;
  formula: string;
}

function validationsXml(lists: readonly ListRef[]): string {
  if (lists.length === 0) return '';
  const rules = lists.map(({ validation: v, formula }) => {
    const column = columnName(v.column);
    return `<dataValidation type="list" errorStyle="${v.strict ? 'stop' : 'warning'}" allowBlank="1" showInputMessage="1" showErrorMessage="1"`
      + ` errorTitle="Valor fora da lista" error="${escapeXml(v.error)}" sqref="${column}2:${column}${LAST_ROW}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${rules.length}">${rules.join('')}</dataValidations>`;
}

/** The worksheet's XML, in pieces: the rows go out a few thousand at a time. */
function* sheetXml(sheet: XlsxSheet, lists: readonly ListRef[], selected: boolean): Generator<string> {
  const width = Math.max(sheet.header.length, sheet.columns.length);
  const first = sheet.header.length > 0 ? 1 : 0;
  const lastCell = `${columnName(Math.max(0, width - 1))}${Math.max(1, sheet.rows.length + first)}`;
  const pane = sheet.header.length > 0
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : '';
  const cols = sheet.columns.map((col, i) => `<col min="${i + 1}" max="${i + 1}" width="${col.width}" customWidth="1"${col.style === 'general' ? '' : ` style="${STYLE[col.style]}"`}/>`).join('');
  yield `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${lastCell}"/>`
    + `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${pane}</sheetView></sheetViews>`
    + `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  if (sheet.header.length > 0) yield rowXml(0, sheet.header, sheet.columns, true);
  let part = '';
  for (let r = 0; r < sheet.rows.length; r++) {
    part += rowXml(r + first, sheet.rows[r] ?? [], sheet.columns, false);
    if (part.length > 1 << 20) {
      yield part;
      part = '';
    }
  }
  yield `${part}</sheetData>`;
  if (sheet.autoFilter === true && sheet.header.length > 0) yield `<autoFilter ref="A1:${lastCell}"/>`;
  yield `${validationsXml(lists)}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** The hidden sheet of dropdown values: one list per column. */
function listsSheet(lists: readonly ListRef[]): XlsxSheet {
  const height = Math.max(0, ...lists.map((l) => l.validation.values.length));
  const rows = Array.from({ length: height }, (_, r) => lists.map((l) => l.validation.values[r] ?? null));
  return { name: LISTS_SHEET, header: [], rows, columns: lists.map(() => ({ width: 30, style: 'text' })) };
}

function workbookXml(names: readonly string[], hiddenFrom: number, filters: readonly string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}"${i >= hiddenFrom ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  const defined = filters.flatMap((ref, i) => (ref === '' ? [] : [`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(ref)}</definedName>`])).join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets>${defined ? `<definedNames>${defined}</definedNames>` : ''}</workbook>`;
}

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + `${sheets}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
}

function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** Zips the parts as they come; every callback of fflate's synchronous deflate runs before `end()` returns. */
function zipParts(parts: readonly [string, Iterable<string>][]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const encoder = new TextEncoder();
  for (const [name, pieces] of parts) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    for (const piece of pieces) file.push(encoder.encode(piece));
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The workbook's bytes: the sheets in order, then (hidden) the dropdowns' lists when any sheet has one. */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  const listsBySheet: ListRef[][] = [];
  const allLists: ListRef[] = [];
  for (const sheet of sheets) {
    const refs = (sheet.validations ?? []).filter((v) => v.values.length > 0).map((validation) => {
      const column = columnName(allLists.length);
      const ref: ListRef = { validation, formula: `${sheetRef(LISTS_SHEET)}!$${column}$1:$${column}$${validation.values.length}` };
      allLists.push(ref);
      return ref;
    });
    listsBySheet.push(refs);
  }
  const all = allLists.length > 0 ? [...sheets, listsSheet(allLists)] : [...sheets];
  const filters = all.map((s) => (s.autoFilter === true && s.header.length > 0 ? `${sheetRef(s.name)}!$A$1:$${columnName(Math.max(0, s.header.length - 1))}$${s.rows.length + 1}` : ''));
  return zipParts([
    ['[Content_Types].xml', [contentTypesXml(all.length)]],
    ['_rels/.rels', [ROOT_RELS]],
    ['xl/workbook.xml', [workbookXml(all.map((s) => s.name), sheets.length, filters)]],
    ['xl/_rels/workbook.xml.rels', [workbookRelsXml(all.length)]],
    ['xl/styles.xml', [STYLES_XML]],
    ...all.map((sheet, i): [string, Iterable<string>] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, listsBySheet[i] ?? [], i === 0)]),
  ]);
}
