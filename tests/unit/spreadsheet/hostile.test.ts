import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src/spreadsheet/read';
import {
  CLIENT_ROWS,
  FIXTURES,
  buildCsv,
  buildHonestZipBomb,
  buildOdsRepeatBomb,
  buildXlsx,
  buildZip64MarkerZip,
  buildZipBomb,
  editZipEntry,
  encodeText,
  writeZip,
  type FixtureName,
} from '../../support/spreadsheets/build';
import { expectOpened, expectRefused, openFixture, rowsOf } from './helpers';

describe('"relatorio.xls" that is really markup (what many systems export)', () => {
  it('an HTML table in Windows-1252 is read as text: accents, leading zeros, dd/mm/aaaa and 1.234,56 intact', () => {
    const workbook = expectOpened(openFixture('html-cp1252-com-extensao-xls.xls'));
    expect(workbook.info.format).toBe('html');
    expect(rowsOf(workbook)).toEqual([['Nome', 'CPF', 'Nascimento', 'Valor'], ['Conceição & Filhos', '01234567890', '05/03/1980', '1.234,56']]);
  });

  it('an XML 2003 workbook is read with its sheet name', () => {
    const workbook = expectOpened(openFixture('xml2003-com-extensao-xls.xls'));
    expect(workbook.info).toMatchObject({ format: 'xml2003', sheets: [{ name: 'Clientes' }] });
    expect(rowsOf(workbook)).toEqual([['Nome', 'CPF'], ['João Ávila', '01234567890']]);
  });

  it('an XML 2003 workbook with no cells is empty', () => {
    const xml2003 = encodeText('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', 'utf-8');
    expectRefused(openWorkbook(xml2003, 'relatorio.xls'), 'file.empty');
  });
});

describe('files that are not spreadsheets', () => {
  it.each<[FixtureName, string]>([
    ['pdf-com-extensao-xlsx.xlsx', 'um PDF'],
    ['png.xlsx', 'imagem PNG'],
    ['jpeg.xlsx', 'imagem JPEG'],
    ['bytes-aleatorios.xlsx', 'binário'],
    ['docx-renomeado.xlsx', 'documento do Word'],
    ['html-sem-tabela.xls', 'página da web (HTML) sem nenhuma tabela'],
  ])('%s → file.not_spreadsheet saying it looks like %s', (name, looksLike) => {
    const problem = expectRefused(openFixture(name), 'file.not_spreadsheet');
    expect(problem.message).toContain('parece ser');
    expect(problem.message).toContain(looksLike);
    expect(problem.value).toBe(name);
  });

  it('names other Office and LibreOffice documents', () => {
    const odt = writeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', compress: false }]);
    expect(expectRefused(openWorkbook(odt, 'carta.ods'), 'file.not_spreadsheet').message).toContain('ODT');
    const gzip = Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]);
    expect(expectRefused(openWorkbook(gzip, 'x.csv'), 'file.not_spreadsheet').message).toContain('GZIP');
    const emptyZip = writeZip([]);
    expect(expectRefused(openWorkbook(emptyZip, 'x.xlsx'), 'file.not_spreadsheet').message).toContain('ZIP');
  });
});

describe('password, corruption and size', () => {
  it.each<FixtureName>(['protegida-por-senha.xlsx', 'protegida-por-senha.xls'])('refuses %s and says how to remove the password', (name) => {
    const problem = expectRefused(openFixture(name), 'file.encrypted');
    expect(problem.message).toContain('Arquivo > Informações > Proteger Pasta de Trabalho > Criptografar com Senha');
  });

  it('refuses an encrypted ODS (manifest declares encryption)', () => {
    const ods = writeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', compress: false },
      { name: 'META-INF/manifest.xml', data: '<manifest:manifest><manifest:encryption-data/></manifest:manifest>' },
      { name: 'content.xml', data: 'garbage' },
    ]);
    expectRefused(openWorkbook(ods, 'senha.ods'), 'file.encrypted');
  });

  it.each<[string, () => Uint8Array]>([
    ['cut in half', () => FIXTURES['zip-truncado.xlsx']()],
    ['cut before its end record', () => FIXTURES['planilha.xlsm']().slice(0, -30)],
    ['with a damaged sheet', () => damageEntry(buildXlsx(CLIENT_ROWS))],
  ])('refuses a ZIP %s as file.corrupt', (_, build) => {
    expectRefused(openWorkbook(build(), 'quebrada.xlsx'), 'file.corrupt');
  });

  it('refuses an OLE file that is not readable as file.corrupt', () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectRefused(openWorkbook(bytes, 'velha.xls'), 'file.corrupt');
  });

  it.each<[string, () => Uint8Array, Partial<Parameters<typeof openWorkbook>[2]>]>([
    ['declaring 600 MB inside a few KB', () => buildZipBomb(), {}],
    ['with the ZIP64 size marker and no real size', buildZip64MarkerZip, {}],
    ['expanding 4 MB of zeros from a few KB (ratio)', () => buildHonestZipBomb(4 * 1024 * 1024), { ratioCheckMinBytes: 1024 * 1024 }],
    ['over the uncompressed limit', () => buildXlsx(CLIENT_ROWS), { maxUncompressedBytes: 2000 }],
    ['with more entries than a workbook has', () => buildXlsx(CLIENT_ROWS), { maxZipEntries: 3 }],
  ])('refuses a ZIP bomb %s, stating the limit', (_, build, limits) => {
    const problem = expectRefused(openWorkbook(build(), 'bomba-zip.xlsx', limits), 'file.zip_bomb');
    expect(problem.message).toMatch(/\d+ (MB|KB)/);
  });

  it('refuses an ODS asking for a billion repeated cells before SheetJS creates them', () => {
    const problem = expectRefused(openFixture('bomba-ods-repetida.ods'), 'file.zip_bomb');
    expect(problem.message).toContain('1.000.000.000');
    // Text without a value type is a text cell too; empty repeated cells cost nothing.
    const bomb = FIXTURES['bomba-ods-repetida.ods']();
    const untyped = editZipEntry(bomb, 'content.xml', (xml) => xml.replace(' office:value-type="string"', ''));
    expectRefused(openWorkbook(untyped, 'sem-tipo.ods'), 'file.zip_bomb');
    const emptyRepeats = editZipEntry(bomb, 'content.xml', (xml) =>
      xml.replace(
        /<table:table-row table:number-rows-repeated="1000000">.*?<\/table:table-row>/,
        '<table:table-row><table:table-cell><text:p>Nome</text:p></table:table-cell></table:table-row>' +
          '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000"/></table:table-row>',
      ),
    );
    expect(rowsOf(expectOpened(openWorkbook(emptyRepeats, 'vazias.ods')))).toEqual([['Nome']]);
    // Below the limit the same construct is fine (LibreOffice writes repeats all the time).
    const small = expectOpened(openWorkbook(buildOdsRepeatBomb(3, 2), 'repetida.ods'));
    expect(rowsOf(small)).toEqual([['x', 'x'], ['x', 'x'], ['x', 'x']]);
  });

  it('refuses a file over the byte limit, stating it', () => {
    const problem = expectRefused(openWorkbook(buildCsv(CLIENT_ROWS), 'grande.csv', { maxBytes: 100 }), 'file.too_big');
    expect(problem.message).toContain('o limite é 1 KB');
  });
});

describe('declared size versus real content', () => {
  it('ignores a dimension of A1:XFD1048576 and uses the cells really there', () => {
    const workbook = expectOpened(openFixture('dimensao-XFD1048576.xlsx'));
    expect(workbook.info.sheets[0]).toMatchObject({ rowCount: 2, columnCount: 1 });
    expect(rowsOf(workbook)).toEqual([['Nome'], ['Ana']]);
  });

  it('refuses a sheet with a real cell in column XFD, naming the column and the limit', () => {
    const bytes = buildXlsx([['Nome', 'CPF'], ['Ana', '1']]);
    const withFarCell = editZipEntry(bytes, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('</row></sheetData>', '<c r="XFD2" t="inlineStr"><is><t>perdido</t></is></c></row></sheetData>'),
    );
    const workbook = expectOpened(openWorkbook(withFarCell, 'longe.xlsx'));
    expect(workbook.info.sheets[0]).toMatchObject({ rowCount: 2, columnCount: 16384 });
    const problem = expectRefused(workbook.readSheet(0), 'sheet.too_many_columns');
    expect(problem.message).toContain('coluna XFD');
    expect(problem.message).toContain('1.000 colunas');
  });

  it('refuses rows over the limit in a workbook sheet', () => {
    const rows = [['Nome'], ...Array.from({ length: 30 }, (_, i) => [`Cliente ${i}`])];
    const workbook = expectOpened(openWorkbook(buildXlsx(rows), 'linhas.xlsx', { maxRows: 29 }));
    expect(expectRefused(workbook.readSheet(0), 'sheet.too_many_rows').message).toContain('29');
    expect(rowsOf(expectOpened(openWorkbook(buildXlsx(rows), 'linhas.xlsx', { maxRows: 30 })))).toHaveLength(31);
  });
});

describe('no state leaks between files', () => {
  it('opens a valid file normally right after each hostile one', () => {
    const hostile: FixtureName[] = ['bomba-zip.xlsx', 'protegida-por-senha.xlsx', 'zip-truncado.xlsx', 'bytes-aleatorios.xlsx', 'bomba-ods-repetida.ods'];
    for (const name of hostile) {
      expect(openFixture(name).data).toBeNull();
      expect(rowsOf(expectOpened(openFixture('planilha.xls')))).toHaveLength(4);
      expect(rowsOf(expectOpened(openFixture('cp1252-ponto-e-virgula.csv')))).toHaveLength(4);
    }
  });

  it('never throws, whatever the bytes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const bytes = buildXlsx(CLIENT_ROWS);
      // Flip bytes here and there in a real workbook.
      for (let i = 0; i < 12; i++) {
        const at = (seed * 7919 * (i + 1)) % bytes.length;
        bytes[at] = (bytes[at] ?? 0) ^ 0xff;
      }
      const result = openWorkbook(bytes, `ruido-${seed}.xlsx`);
      if (result.data) result.data.info.sheets.forEach((_, i) => result.data?.readSheet(i));
      else expect(result.problems[0]?.level).toBe('error');
    }
  });
});

/** Replaces the sheet's XML with something that is not XML. */
function damageEntry(bytes: Uint8Array): Uint8Array {
  return editZipEntry(bytes, 'xl/workbook.xml', () => '\u0000\u0001 não é xml <<<');
}
