/**
 * Files from old systems and odd writers, built here (never committed as binaries), named after their
 * quirk: bare BIFF streams as old ERPs write ".xls", Lotus and dBase files, OOXML packages whose parts
 * sit at unusual paths, Excel's and LibreOffice's lock files, headerless lists.
 */
import * as XLSX from '@e965/xlsx';
import { buildWorkbook, type CellInput } from './build';
import { buildCsv, encodeText } from './text';
import { readZip, writeZip, type ZipFile } from './zip';

/** ASCII only: SheetJS writes BIFF2–4 without a code page and turns accents into `_`. */
export const LEGACY_ROWS: readonly (readonly string[])[] = [
  ['CODIGO', 'NOME', 'CPF_CNPJ', 'FONE', 'EMAIL', 'GRUPO'],
  ['1', 'ANA PAULA SOUZA', '01234567890', '(11) 98765-4321', 'ana@exemplo.com.br', 'Varejo'],
  ['2', 'PADARIA ESTRELA LTDA', '12.345.678/0001-95', '1134567890', '', 'Atacado'],
  ['3', 'JOAO DA SILVA', '98765432100', '21987654321', 'joao@exemplo.com', ''],
];

/** SheetJS writes all of these, though its typings list only some. */
type LegacyBookType = 'biff2' | 'biff3' | 'biff4' | 'biff5' | 'biff8' | 'wk1' | 'wk3' | 'dbf' | 'sylk' | 'dif' | 'fods';

/** One sheet "Clientes" written by SheetJS in an old format. */
export function buildLegacyWorkbook(bookType: LegacyBookType, rows: readonly (readonly CellInput[])[] = LEGACY_ROWS): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows.map((row) => [...row])), 'Clientes');
  const out: ArrayBuffer = XLSX.write(wb, { type: 'array', bookType: bookType as XLSX.BookType });
  return new Uint8Array(out);
}

/** The workbook stream of an OLE ".xls", without the container: what some old ERPs write as ".xls". */
export function buildBareBiff(bookType: 'biff5' | 'biff8', rows: readonly (readonly CellInput[])[] = LEGACY_ROWS): Uint8Array {
  const container = XLSX.CFB.read(buildLegacyWorkbook(bookType, rows), { type: 'array' });
  const stream = XLSX.CFB.find(container, bookType === 'biff5' ? 'Book' : 'Workbook');
  if (!stream?.content) throw new Error('no workbook stream');
  return Uint8Array.from(stream.content);
}

/** Moves every part of an XLSX under `prefix` ('' = the package root), fixing the paths the package names. */
function movePackageParts(xlsx: Uint8Array, prefix: string): Uint8Array {
  const files = readZip(xlsx).map((file): ZipFile => {
    const moved = file.name.startsWith('xl/') ? `${prefix}${file.name.slice(3)}` : file.name;
    if (!/\.(xml|rels)$/.test(file.name)) return { ...file, name: moved };
    const text = new TextDecoder().decode(typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data);
    return { name: moved, data: text.replace(/"\/xl\//g, `"/${prefix}`).replace(/Target="xl\//g, `Target="${prefix}`) };
  });
  return writeZip(files);
}

/**
 * A Numbers document as a Mac zips it: the package folder, its "Index.zip" inside. The inner archive
 * holds what SheetJS looks for; this one is a stand-in (SheetJS cannot write Numbers without a template).
 */
function buildZippedNumbersBundle(): Uint8Array {
  const index = writeZip([{ name: 'Index/Document.iwa', data: new Uint8Array(16) }]);
  return writeZip([{ name: 'Clientes.numbers/Index.zip', data: index, compress: false }, { name: 'Clientes.numbers/preview.jpg', data: new Uint8Array(8) }]);
}

/** Excel's lock file: the user's name (a byte count, then ASCII, padded), then the same in UTF-16, 165 bytes. */
export function buildExcelLockFile(user = 'Recepcao'): Uint8Array {
  const out = new Uint8Array(165).fill(0x20);
  out[0] = user.length;
  for (let i = 0; i < user.length; i++) out[1 + i] = user.charCodeAt(i);
  out[54] = user.length;
  out[55] = 0;
  for (let i = 0; i < user.length; i++) {
    out[56 + i * 2] = user.charCodeAt(i);
    out[57 + i * 2] = 0;
  }
  return out;
}

/** A list typed by hand: no header row, the first client on row 1. */
export const HEADERLESS_ROWS: readonly (readonly string[])[] = [
  ['Ana Paula Souza', '012.345.678-90', 'ana@exemplo.com.br', '(11) 98765-4321', 'Varejo'],
  ['Padaria Estrela Ltda', '12.345.678/0001-95', 'contato@estrela.com.br', '(11) 3456-7890', 'Atacado'],
  ['João da Silva', '987.654.321-00', 'joao@exemplo.com', '(21) 98765-4321', 'Varejo'],
  ['Maria Conceição', '111.444.777-35', 'maria@exemplo.com', '(31) 99876-5432', 'Atacado'],
];

/** What write_97.xls (SheetJS's Quattro test file) does: its last row reads like a header, with nothing under it. */
const LAST_ROW_LIKE_HEADER: readonly (readonly string[])[] = [['1', '2', '3'], ['1', '0', '', 'sheetjs'], ['foo', 'bar', '2014-02-19', '0.3'], ['baz', '', 'qux']];

/** What exceljs's many-columns.xlsx does: the second row is wider than the first, and nothing is below it. */
const SECOND_ROW_WIDER: readonly (readonly string[])[] = [
  ['this', 'spread', 'sheet', 'has', 'many', 'columns'],
  ['but', 'the', 'second', 'row', 'has', 'even', 'more', 'of', 'them', 'bla', 'bla'],
];

export const LEGACY_FIXTURES = {
  'biff2-sheetjs.xls': () => buildLegacyWorkbook('biff2'),
  'biff3-sheetjs.xls': () => buildLegacyWorkbook('biff3'),
  'biff4-sheetjs.xls': () => buildLegacyWorkbook('biff4'),
  'biff5-sem-container-ole.xls': () => buildBareBiff('biff5'),
  'biff8-sem-container-ole.xls': () => buildBareBiff('biff8'),
  'biff5-em-container-ole.xls': () => buildLegacyWorkbook('biff5'),
  'lotus-123.wk1': () => buildLegacyWorkbook('wk1'),
  'lotus-123.wk3': () => buildLegacyWorkbook('wk3'),
  'dbase-clipper.dbf': () => buildLegacyWorkbook('dbf'),
  'multiplan-sylk.slk': () => buildLegacyWorkbook('sylk'),
  'visicalc-dif.dif': () => buildLegacyWorkbook('dif'),
  'libreoffice-ods-plano.fods': () => buildLegacyWorkbook('fods'),
  'numbers-pasta-zipada.numbers': () => buildZippedNumbersBundle(),
  'partes-em-caminho-estranho.xlsx': () => movePackageParts(buildWorkbook([{ name: 'Clientes', rows: LEGACY_ROWS }]), 'wtf/'),
  'partes-na-raiz-do-pacote.xlsx': () => movePackageParts(buildWorkbook([{ name: 'Clientes', rows: LEGACY_ROWS }]), ''),
  '~$clientes.xlsx': () => buildExcelLockFile(),
  '.~lock.clientes.xlsx#': () => encodeText('Recepcao,RECEPCAO/recepcao,PC-01,01.12.2026 09:30,file:///C:/Users/recepcao/AppData/Roaming/LibreOffice/4;', 'utf-8'),
  'sem-cabecalho.csv': () => buildCsv(HEADERLESS_ROWS),
  'ultima-linha-parece-cabecalho.xls': () => buildLegacyWorkbook('biff8', LAST_ROW_LIKE_HEADER),
  'segunda-linha-mais-larga.xlsx': () => buildWorkbook([{ name: 'Planilha1', rows: SECOND_ROW_WIDER }]),
} satisfies Record<string, () => Uint8Array>;

export type LegacyFixtureName = keyof typeof LEGACY_FIXTURES;
