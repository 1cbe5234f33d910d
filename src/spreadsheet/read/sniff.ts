/** What the first bytes say a file is, whatever its extension claims. */

export type Sniffed =
  | { kind: 'zip' }
  | { kind: 'cfb' }
  | { kind: 'text' }
  /** A spreadsheet written as markup: an HTML table or Excel's XML 2003, often named ".xls". */
  | { kind: 'markup'; format: 'html' | 'xml2003' | 'fods' | 'sylk' | 'dif' }
  /** An old binary spreadsheet outside any container: a bare BIFF2–BIFF8 stream, Lotus 1-2-3, dBase. */
  | { kind: 'legacy'; format: 'xls' | 'lotus' | 'dbf' }
  /** A known non-spreadsheet format: `looksLike` completes "parece ser …", `advice` replaces the default one. */
  | { kind: 'foreign'; looksLike: string; advice?: string };

const SAVE_AS_XLSX =
  'Abra-o no Excel, use Arquivo > Salvar como, escolha “Pasta de Trabalho do Excel (.xlsx)” e envie o novo arquivo.';

interface Signature {
  bytes: readonly number[];
  offset?: number;
  looksLike: string;
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Binary formats people pick by mistake (exported report, scanned list, photo of the screen, a zipped folder). */
const FOREIGN: readonly Signature[] = [
  { bytes: ascii('%PDF'), looksLike: 'um PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], looksLike: 'uma imagem PNG' },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'uma imagem JPEG (foto)' },
  { bytes: ascii('GIF8'), looksLike: 'uma imagem GIF' },
  { bytes: ascii('WEBP'), offset: 8, looksLike: 'uma imagem WebP' },
  { bytes: [0x1f, 0x8b], looksLike: 'um arquivo compactado GZIP' },
  { bytes: ascii('Rar!'), looksLike: 'um arquivo compactado RAR' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], looksLike: 'um arquivo compactado 7-Zip' },
  { bytes: ascii('{\\rtf'), looksLike: 'um documento RTF (WordPad ou Word)' },
];

/** "<table" anywhere (ASCII, case-insensitive), without decoding the whole file. */
function hasTable(bytes: Uint8Array): boolean {
  const needle = ascii('<table');
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (((bytes[i + j] ?? 0) | 0x20) !== (needle[j] ?? 0)) continue outer;
    return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, expected: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + expected.length) return false;
  return expected.every((b, i) => bytes[offset + i] === b);
}

/**
 * Markup saved with a spreadsheet extension: many systems "export to Excel" as an HTML page or XML 2003.
 * Both are read (their cells as text); an HTML page without a table is not a spreadsheet.
 */
function sniffMarkup(bytes: Uint8Array): Sniffed | null {
  let start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (start < bytes.length && start < 4096 && (bytes[start] === 0x20 || ((bytes[start] ?? 0) >= 0x09 && (bytes[start] ?? 0) <= 0x0d))) start++;
  if (bytes[start] !== 0x3c /* < */) return null;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(start, start + 4096)).toLowerCase();
  if (/^<(!doctype html|html|table|meta|head|body)\b/.test(head)) {
    if (hasTable(bytes)) return { kind: 'markup', format: 'html' };
    return { kind: 'foreign', looksLike: 'uma página da web (HTML) sem nenhuma tabela', advice: SAVE_AS_XLSX };
  }
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { kind: 'markup', format: 'xml2003' };
  // LibreOffice's "Planilha ODF plana" (.fods): the whole spreadsheet as one XML document.
  if (/<office:document\b/.test(head) && head.includes('office:mimetype="application/vnd.oasis.opendocument.spreadsheet')) {
    return { kind: 'markup', format: 'fods' };
  }
  if (head.startsWith('<?xml')) return { kind: 'foreign', looksLike: 'um arquivo XML' };
  return null;
}

const u16 = (bytes: Uint8Array, offset: number): number => (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);

/**
 * A workbook stream written without the OLE container (old ERPs' ".xls", Excel 2–4 files): it starts
 * with a BOF record — type 0x0009 (BIFF2), 0x0209 (BIFF3), 0x0409 (BIFF4) or 0x0809 (BIFF5/8) — whose
 * length fits the record, followed by a worksheet or workbook kind.
 */
function isBareBiff(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || bytes[0] !== 0x09 || ![0x00, 0x02, 0x04, 0x08].includes(bytes[1] ?? -1)) return false;
  const length = u16(bytes, 2);
  if (length < 4 || length > 20 || bytes.length < 4 + length) return false;
  // Every BOF holds a version word, then the kind of stream: worksheet, chart, macros, workbook.
  const kind = u16(bytes, 6);
  return [0x0005, 0x0010, 0x0020, 0x0040, 0x0100].includes(kind);
}

/**
 * Lotus 1-2-3 (WK1, WK3, WK4) and Quattro Pro for DOS and Windows (WQ1, WB1, WB2) start with a BOF
 * record of their own: type 0, then its length and the program's version.
 */
function isLotus(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x00 || bytes[1] !== 0x00) return false;
  const length = u16(bytes, 2);
  const version = u16(bytes, 4);
  const wk1 = version >= 0x0404 && version <= 0x0406;
  const quattro = (version >= 0x1000 && version <= 0x1010) || version === 0x5120 || version === 0x5121;
  return (length === 2 && (wk1 || quattro)) || (length === 0x1a && version >= 0x1000 && version <= 0x1005);
}

/**
 * dBase/Clipper/FoxPro tables (.dbf, still exported by old Brazilian systems): a version byte, a plausible
 * last-update date, and a header made of field descriptors ending with 0x0D.
 */
function isDbf(bytes: Uint8Array): boolean {
  if (bytes.length < 66 || ![0x02, 0x03, 0x04, 0x30, 0x31, 0x32, 0x43, 0x63, 0x7b, 0x83, 0x8b, 0x8c, 0xcb, 0xe5, 0xf5, 0xfb].includes(bytes[0] ?? -1)) return false;
  const month = bytes[2] ?? 0;
  const day = bytes[3] ?? 0;
  const headerLength = u16(bytes, 8);
  const recordLength = u16(bytes, 10);
  if (month < 1 || month > 12 || day < 1 || day > 31 || recordLength < 2 || headerLength < 65 || headerLength > bytes.length) return false;
  // The descriptors (32 bytes each; 48 after a 68-byte header in dBASE 7) end with a 0x0D terminator.
  for (let p = 32; p < headerLength; p += 32) if (bytes[p] === 0x0d) return true;
  for (let p = 68; p < headerLength; p += 48) if (bytes[p] === 0x0d) return true;
  return false;
}

function sniffLegacy(bytes: Uint8Array): Sniffed | null {
  if (isBareBiff(bytes)) return { kind: 'legacy', format: 'xls' };
  if (isLotus(bytes)) return { kind: 'legacy', format: 'lotus' };
  if (isDbf(bytes)) return { kind: 'legacy', format: 'dbf' };
  return null;
}

/** SYLK starts with an "ID;P" record, DIF with a TABLE header then "0,1": text a CSV reader would garble. */
function sniffInterchange(bytes: Uint8Array): Sniffed | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  if (/^ID;P/.test(head)) return { kind: 'markup', format: 'sylk' };
  if (/^TABLE\r?\n0,1\r?\n/.test(head)) return { kind: 'markup', format: 'dif' };
  return null;
}

export function sniffBytes(bytes: Uint8Array): Sniffed {
  // A ZIP starts with a local file header, or is an empty archive (only the end record).
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'cfb' };
  const legacy = sniffLegacy(bytes);
  if (legacy) return legacy;
  const foreign = FOREIGN.find((s) => startsWith(bytes, s.bytes, s.offset));
  if (foreign) return { kind: 'foreign', looksLike: foreign.looksLike };
  return sniffMarkup(bytes) ?? sniffInterchange(bytes) ?? { kind: 'text' };
}
