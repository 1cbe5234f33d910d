/**
 * What is inside a ZIP or an OLE compound file (CFB): which spreadsheet format, or which other kind of
 * document, or a password-protected workbook. Runs after `scanZip` proved the sizes safe.
 */
import * as XLSX from '@e965/xlsx';
import type { FileFormat } from './types';
import type { ReadLimits } from './limits';
import { scanZip, type ZipEntry } from './zip';

export type Contents =
  | { kind: 'spreadsheet'; format: FileFormat }
  | { kind: 'encrypted' }
  | { kind: 'foreign'; looksLike: string; advice?: string }
  | { kind: 'corrupt' }
  | { kind: 'repeat_bomb'; cells: number }
  | { kind: 'zip_bomb' };

interface CfbEntry {
  name: string;
}
interface CfbContainer {
  FileIndex: CfbEntry[];
}

// SheetJS ships its CFB/ZIP helpers untyped; these are the two calls used, with the shapes they have.
const readCfb: (data: Uint8Array, options: { type: 'buffer' }) => CfbContainer = XLSX.CFB.read;
/** Inflates raw DEFLATE data into a buffer of exactly `size` bytes (output beyond it is dropped). */
const inflateRaw: (data: Uint8Array, size: number) => Uint8Array = XLSX.CFB.utils._inflateRaw;

function entryBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const raw = bytes.slice(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return raw;
  // A size of 0 would make the inflater grow its buffer without bound; the checked size caps it otherwise.
  return entry.uncompressedSize === 0 ? new Uint8Array(0) : inflateRaw(raw, entry.uncompressedSize);
}

function entryText(bytes: Uint8Array, entry: ZipEntry): string {
  return new TextDecoder('utf-8').decode(entryBytes(bytes, entry));
}

const OPEN_DOCUMENT: Record<string, string> = {
  text: 'um documento de texto do LibreOffice ou do Word (ODT)',
  presentation: 'uma apresentação do LibreOffice (ODP)',
  graphics: 'um desenho do LibreOffice (ODG)',
};


/** Whether a cell element opened just before `from` holds visible text (SheetJS keeps those as text cells). */
function cellHasText(xml: string, from: number): boolean {
  const end = xml.indexOf('table-cell>', from);
  return xml.slice(from, end < 0 ? from : end).replace(/<[^>]*>/g, '').trim() !== '';
}

/**
 * ODS can say "repeat this cell N times" (`number-columns-repeated`) inside "repeat this row M times"
 * (`number-rows-repeated`), and SheetJS materializes every copy of a cell that holds something: a tiny
 * file could ask for billions of cells. Counts them before SheetJS does. Empty cells (no value type, no
 * text), which LibreOffice repeats to the end of every sheet, are skipped by SheetJS and here alike.
 */
function countRepeatedCells(xml: string): number {
  const tags = /<(\/?)(?:[\w-]+:)?(table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*)>/g;
  let rowRepeat = 1;
  let cells = 0;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    const [, closing, tag, attributes = ''] = m;
    if (closing) continue;
    if (tag === 'table-row') {
      rowRepeat = Number(/number-rows-repeated="(\d+)"/.exec(attributes)?.[1] ?? 1);
      continue;
    }
    const holdsValue = attributes.includes('value-type=') || (!attributes.endsWith('/') && cellHasText(xml, tags.lastIndex));
    if (holdsValue) cells += rowRepeat * Number(/number-columns-repeated="(\d+)"/.exec(attributes)?.[1] ?? 1);
  }
  return cells;
}

/** LibreOffice's flat ODS (one XML file): the same repeat check as a zipped ODS's content.xml. */
export function inspectFlatOds(bytes: Uint8Array, limits: ReadLimits): Contents {
  const cells = countRepeatedCells(new TextDecoder('utf-8').decode(bytes));
  return cells > limits.maxRepeatedCells ? { kind: 'repeat_bomb', cells } : { kind: 'spreadsheet', format: 'fods' };
}

function inspectOds(bytes: Uint8Array, byName: Map<string, ZipEntry>, limits: ReadLimits): Contents {
  const manifest = byName.get('meta-inf/manifest.xml');
  if (manifest && entryText(bytes, manifest).includes('encryption-data')) return { kind: 'encrypted' };
  const content = byName.get('content.xml');
  if (!content) return { kind: 'corrupt' };
  const cells = countRepeatedCells(entryText(bytes, content));
  return cells > limits.maxRepeatedCells ? { kind: 'repeat_bomb', cells } : { kind: 'spreadsheet', format: 'ods' };
}

/** The content types of an OOXML package's main part, by the format they make it. */
const MAIN_PART_TYPES: readonly [RegExp, FileFormat][] = [
  [/ms-excel\.sheet\.binary\.macroenabled\.main/, 'xlsb'],
  [/ms-excel\.(?:sheet|template|addin)\.macroenabled\.main\+xml/, 'xlsm'],
  [/spreadsheetml\.(?:sheet|template)\.main\+xml/, 'xlsx'],
];

/**
 * The format [Content_Types].xml gives the workbook part wherever it sits, when that part is in the
 * archive: a package whose parts are at unusual paths is still a workbook, one naming a missing part is not.
 */
function declaredWorkbookFormat(bytes: Uint8Array, byName: Map<string, ZipEntry>, fileName: string): FileFormat | null {
  const types = byName.get('[content_types].xml');
  if (!types) return null;
  for (const override of entryText(bytes, types).matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    const tag = override[0];
    const part = /PartName="\/?([^"]+)"/.exec(tag)?.[1]?.toLowerCase();
    const type = /ContentType="([^"]+)"/.exec(tag)?.[1]?.toLowerCase() ?? '';
    const format = MAIN_PART_TYPES.find(([pattern]) => pattern.test(type))?.[1];
    if (part === undefined || format === undefined || !byName.has(part)) continue;
    return format === 'xlsx' && /\.xlsm$/i.test(fileName) ? 'xlsm' : format;
  }
  return null;
}

/**
 * A Numbers document zipped as the folder it is on a Mac ("Clientes.numbers/Index.zip" inside): the
 * inner archive is checked like any other before SheetJS expands it.
 */
function inspectNumbersBundle(bytes: Uint8Array, bundle: ZipEntry, limits: ReadLimits): Contents {
  const inner = scanZip(entryBytes(bytes, bundle), limits);
  if (inner.kind === 'bomb') return { kind: 'zip_bomb' };
  if (inner.kind !== 'ok') return { kind: inner.kind };
  return inner.entries.some((e) => e.name.toLowerCase() === 'index/document.iwa') ? { kind: 'spreadsheet', format: 'numbers' } : { kind: 'corrupt' };
}

export function inspectZip(bytes: Uint8Array, entries: readonly ZipEntry[], fileName: string, limits: ReadLimits): Contents {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const mimetypeEntry = byName.get('mimetype');
  if (mimetypeEntry) {
    const mimetype = entryText(bytes, mimetypeEntry).trim();
    const kind = /^application\/vnd\.oasis\.opendocument\.(\w+)/.exec(mimetype)?.[1] ?? '';
    if (kind.startsWith('spreadsheet')) return inspectOds(bytes, byName, limits);
    return { kind: 'foreign', looksLike: OPEN_DOCUMENT[kind] ?? 'um documento do LibreOffice que não é uma planilha' };
  }
  if (byName.has('xl/workbook.bin')) return { kind: 'spreadsheet', format: 'xlsb' };
  if (byName.has('xl/workbook.xml')) {
    const macros = byName.has('xl/vbaproject.bin') || /\.xlsm$/i.test(fileName);
    return { kind: 'spreadsheet', format: macros ? 'xlsm' : 'xlsx' };
  }
  if (byName.has('content.xml') && byName.has('meta-inf/manifest.xml')) return inspectOds(bytes, byName, limits);
  // A workbook part at another path (`wtf/workbook.xml`, `/workbook.xml`): SheetJS follows [Content_Types].xml to it.
  const declared = declaredWorkbookFormat(bytes, byName, fileName);
  if (declared) return { kind: 'spreadsheet', format: declared };
  if (byName.has('word/document.xml')) return { kind: 'foreign', looksLike: 'um documento do Word (DOCX)' };
  if (byName.has('ppt/presentation.xml')) return { kind: 'foreign', looksLike: 'uma apresentação do PowerPoint (PPTX)' };
  if (byName.has('index/document.iwa')) return { kind: 'spreadsheet', format: 'numbers' };
  const bundle = entries.find((e) => /\.numbers\/index\.zip$/i.test(e.name));
  if (bundle) return inspectNumbersBundle(bytes, bundle, limits);
  if (entries.length === 0) return { kind: 'foreign', looksLike: 'um arquivo compactado (ZIP) vazio' };
  return { kind: 'foreign', looksLike: 'um arquivo compactado (ZIP) que não contém uma planilha' };
}

/** OLE compound files hold XLS workbooks, but also encrypted XLSX (Office's "Criptografar com senha") and old Word/PowerPoint. */
export function inspectCfb(bytes: Uint8Array): Contents {
  let names: Set<string>;
  try {
    names = new Set(readCfb(bytes, { type: 'buffer' }).FileIndex.map((e) => e.name.toLowerCase()));
  } catch {
    return { kind: 'corrupt' };
  }
  if (names.has('encryptedpackage') || names.has('encryptioninfo')) return { kind: 'encrypted' };
  if (names.has('workbook') || names.has('book')) return { kind: 'spreadsheet', format: 'xls' };
  // Quattro Pro for Windows (QPW, WB3) keeps its notebook in an OLE file too.
  if (names.has('nativecontent_main') || names.has('perfectoffice_main')) return { kind: 'spreadsheet', format: 'lotus' };
  if (names.has('worddocument')) return { kind: 'foreign', looksLike: 'um documento do Word (DOC)' };
  if (names.has('powerpoint document')) return { kind: 'foreign', looksLike: 'uma apresentação do PowerPoint (PPT)' };
  return { kind: 'foreign', looksLike: 'um arquivo do Office que não é uma planilha' };
}
