import { describe, expect, it } from 'vitest';
import { detectHeaderRow, hasDataRows } from '../../../src/domain/table';
import { openWorkbook, type FileFormat } from '../../../src/spreadsheet/read';
import { buildOdsRepeatBomb, buildRandomBytes, readZip, writeZip } from '../../support/spreadsheets/build';
import { LEGACY_FIXTURES, LEGACY_ROWS, type LegacyFixtureName } from '../../support/spreadsheets/legacy';
import { expectOpened, expectRefused, rowsOf } from './helpers';

const open = (name: LegacyFixtureName) => openWorkbook(LEGACY_FIXTURES[name](), name);

describe('files from old systems open (every format SheetJS reads)', () => {
  it.each<[LegacyFixtureName, FileFormat]>([
    ['biff2-sheetjs.xls', 'xls'],
    ['biff3-sheetjs.xls', 'xls'],
    ['biff4-sheetjs.xls', 'xls'],
    ['biff5-sem-container-ole.xls', 'xls'],
    ['biff8-sem-container-ole.xls', 'xls'],
    ['biff5-em-container-ole.xls', 'xls'],
    ['lotus-123.wk1', 'lotus'],
    ['lotus-123.wk3', 'lotus'],
    ['dbase-clipper.dbf', 'dbf'],
    ['multiplan-sylk.slk', 'sylk'],
    ['visicalc-dif.dif', 'dif'],
    ['libreoffice-ods-plano.fods', 'fods'],
    ['partes-em-caminho-estranho.xlsx', 'xlsx'],
    ['partes-na-raiz-do-pacote.xlsx', 'xlsx'],
  ])('%s opens as %s with its rows as text', (name, format) => {
    const workbook = expectOpened(open(name));
    expect(workbook.info.format).toBe(format);
    const rows = rowsOf(workbook);
    // dBase names its columns itself (upper case, 10 characters at most); the data is the same.
    expect(rows.slice(1)).toEqual(LEGACY_ROWS.slice(1).map((row) => row.slice(0, row[row.length - 1] === '' ? -1 : undefined)));
  });

  it('an OOXML package naming a workbook part it does not contain is still not a spreadsheet', () => {
    const bytes = LEGACY_FIXTURES['partes-em-caminho-estranho.xlsx']();
    // Rename the part in the ZIP headers only (the XML is compressed): [Content_Types].xml names nothing there.
    const text = new TextDecoder('latin1').decode(bytes).replaceAll('wtf/workbook.xml', 'wtf/workbook.xm_');
    expectRefused(openWorkbook(Uint8Array.from(text, (c) => c.charCodeAt(0)), 'x.xlsx'), 'file.not_spreadsheet');
  });

  it('a Numbers document zipped as its folder is taken for Numbers, and its inner archive is checked', () => {
    expect(open('numbers-pasta-zipada.numbers').problems.map((p) => p.code)).not.toContain('file.not_spreadsheet');
    const bomb = writeZip([{ name: 'Index/Document.iwa', data: new Uint8Array(1024), declaredSize: 600 * 1024 * 1024 }]);
    const bundle = writeZip([{ name: 'Clientes.numbers/Index.zip', data: bomb, compress: false }]);
    expectRefused(openWorkbook(bundle, 'Clientes.numbers.zip'), 'file.zip_bomb');
  });

  it('a flat ODS asking for billions of repeated cells is refused before SheetJS sees it', () => {
    const content = readZip(buildOdsRepeatBomb()).find((f) => f.name === 'content.xml')?.data ?? '';
    const xml = (typeof content === 'string' ? content : new TextDecoder().decode(content))
      .replace('<office:document-content ', '<office:document office:mimetype="application/vnd.oasis.opendocument.spreadsheet" ')
      .replace('</office:document-content>', '</office:document>');
    expectRefused(openWorkbook(new TextEncoder().encode(xml), 'bomba.fods'), 'file.zip_bomb');
  });

  it('random bytes starting like a BIFF record are still refused, never thrown', () => {
    const bytes = buildRandomBytes(4096);
    bytes.set([0x09, 0x00, 0x04, 0x00, 0x02, 0x00, 0x10, 0x00]);
    const result = openWorkbook(bytes, 'lixo.xls');
    expect(result.data?.info.format ?? 'refused').not.toBe('csv');
  });
});

describe('lock files are named as such', () => {
  it.each<[LegacyFixtureName, string]>([
    ['~$clientes.xlsx', 'clientes.xlsx'],
    ['.~lock.clientes.xlsx#', 'clientes.xlsx'],
  ])('%s is refused as the lock file of %s', (name, original) => {
    const problem = expectRefused(open(name), 'file.lock_file');
    expect(problem.message).toContain('bloqueio');
    expect(problem.message).toContain(`“${original}”`);
  });

  it('a real workbook whose name starts with ~$ still opens', () => {
    const bytes = LEGACY_FIXTURES['partes-em-caminho-estranho.xlsx']();
    expect(expectOpened(openWorkbook(bytes, '~$clientes.xlsx')).info.format).toBe('xlsx');
  });
});

describe('the header row is never guessed with no data under it', () => {
  it.each<LegacyFixtureName>(['ultima-linha-parece-cabecalho.xls', 'segunda-linha-mais-larga.xlsx'])('%s', (name) => {
    const result = open(name);
    const workbook = expectOpened(result);
    const table = workbook.readSheet(0);
    const rows = table.data?.rows ?? [];
    expect(hasDataRows(rows, detectHeaderRow(rows))).toBe(true);
    expect(table.problems.map((p) => p.code)).not.toContain('sheet.no_data');
  });
});
