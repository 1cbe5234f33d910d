import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { MAX_CELL_TEXT, neutralizeFormula, textColumnsOf, writeCsv, writeWorkbook, type OutCell, type SheetSpec } from '../../../src/spreadsheet/write';
import { CLIENT_FIELDS } from '../../../src/domain/entities/client';

type Row = readonly OutCell[];

function readBook(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'array', cellNF: true });
}

function sheetOf(book: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const sheet = book.Sheets[name];
  expect(sheet, `sheet ${name}`).toBeDefined();
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function cellAt(sheet: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined {
  return sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
}

function rowsOf(sheet: XLSX.WorkSheet): string[][] {
  return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
}

/** The CSV bytes as text, BOM included. */
function csvText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** The CSV as text, without the BOM, split into its CRLF lines. */
function csvLines(bytes: Uint8Array): string[] {
  const text = csvText(bytes);
  expect(text.startsWith('\ufeff')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(1, -2).split('\r\n');
}

function spec(rows: readonly Row[], header: readonly string[] = ['A', 'B']): SheetSpec {
  return { name: 'Clientes', header, rows };
}

const FORMULA_CASES = [
  ['=1+1', "'=1+1"],
  ['=HYPERLINK("http://x.test";"clique")', '\'=HYPERLINK("http://x.test";"clique")'],
  ['+55 11 98765-4321', "'+55 11 98765-4321"],
  ['-10', "'-10"],
  ['@SOMA(A1:A2)', "'@SOMA(A1:A2)"],
  ['\t=1+1', "'\t=1+1"],
  ['\r=1+1', "'\r=1+1"],
] as const;

const HARMLESS_CASES = ['Maria', 'a=b', 'e-mail', 'x@y.com', '', ' =1+1', "'já com aspas"] as const;

describe('neutralizeFormula', () => {
  it.each(FORMULA_CASES)('neutralizes %j as %j', (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });

  it.each(HARMLESS_CASES)('leaves %j alone', (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});

describe('writeCsv', () => {
  it('starts with the UTF-8 BOM and encodes accents as UTF-8', () => {
    const bytes = writeCsv(spec([['Conceição', 'São Paulo']]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvLines(bytes)).toEqual(['A;B', 'Conceição;São Paulo']);
  });

  it.each([
    ['a ;', 'x;y', '"x;y"'],
    ['a quote', 'Padaria "Estrela"', '"Padaria ""Estrela"""'],
    ['a line break', 'linha 1\nlinha 2', '"linha 1\nlinha 2"'],
    ['a CR LF', 'linha 1\r\nlinha 2', '"linha 1\r\nlinha 2"'],
    ['a comma (fine with ;)', '1,5', '1,5'],
    ['nothing special', 'Maria da Silva', 'Maria da Silva'],
  ])('quotes a field with %s only when needed', (_, value, expected) => {
    const text = csvText(writeCsv(spec([[value, 'fim']])));
    expect(text).toBe(`\ufeffA;B\r\n${expected};fim\r\n`);
  });

  it('uses , on request, quoting the fields that contain it', () => {
    const text = csvText(writeCsv(spec([['1,5', 'x;y']]), ','));
    expect(text).toBe('\ufeffA,B\r\n"1,5",x;y\r\n');
  });

  it('writes dates as dd/mm/aaaa, empty cells as nothing, numbers as typed', () => {
    const lines = csvLines(writeCsv(spec([[new Date('1980-12-25T00:00:00Z'), null, 42]], ['Data', 'Vazio', 'N'])));
    expect(lines).toEqual(['Data;Vazio;N', '25/12/1980;;42']);
  });

  it.each(FORMULA_CASES)('neutralizes %j', (text, neutralized) => {
    const csv = csvText(writeCsv(spec([[text, 'fim']])));
    const field = /[\r\n"]/.test(neutralized) ? `"${neutralized.replace(/"/g, '""')}"` : neutralized;
    expect(csv).toBe(`\ufeffA;B\r\n${field};fim\r\n`);
  });

  it('writeWorkbook("csv") is the first sheet as CSV', () => {
    const sheets = [spec([['x', 'y']]), { ...spec([['z', 'w']]), name: 'Outra' }];
    expect(writeWorkbook(sheets, 'csv')).toEqual(writeCsv(sheets[0] ?? spec([])));
  });
});

describe('writeWorkbook (XLSX and ODS)', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const header = ['Nome', 'CPF/CNPJ', 'Nascimento', 'Obs'];
  const rows: Row[] = [
    ['Maria', '012.345.678-90', new Date('1980-12-25T00:00:00Z'), 'linha 1\nlinha 2'],
    ['=cmd|"/c calc"!A1', '00123', null, '-ligar cedo'],
  ];
  const sheetSpec: SheetSpec = { name: 'Clientes', header, rows, textColumns: new Set([1]) };

  it.each(['xlsx', 'ods'] as const)('%s is readable by SheetJS with the same values, text as typed (no formula guard)', (format) => {
    const book = readBook(writeWorkbook([sheetSpec, { name: 'Segunda', header: ['X'], rows: [['y']] }], format));
    expect(book.SheetNames).toEqual(['Clientes', 'Segunda']);
    const sheet = sheetOf(book, 'Clientes');
    expect(rowsOf(sheet)).toEqual([
      header,
      ['Maria', '012.345.678-90', '25/12/1980', 'linha 1\nlinha 2'],
      ['=cmd|"/c calc"!A1', '00123', '', '-ligar cedo'],
    ]);
    expect(cellAt(sheet, 2, 1)).toMatchObject({ t: 's', v: '00123' });
    expect(cellAt(sheet, 2, 0)).toMatchObject({ t: 's', v: '=cmd|"/c calc"!A1' });
  });

  it.each(['xlsx', 'ods'] as const)('%s leaves an empty field blank (no empty-text cell)', (format) => {
    expect(cellAt(sheetOf(readBook(writeWorkbook([spec([['Ana', ''], ['', 'x']])], format)), 'Clientes'), 1, 1)).toBeUndefined();
    expect(cellAt(sheetOf(readBook(writeWorkbook([spec([['Ana', ''], ['', 'x']])], format)), 'Clientes'), 2, 0)).toBeUndefined();
  });

  it.each(['xlsx', 'ods'] as const)('%s writes dates as real dates (a number with a date format)', (format) => {
    const cell = cellAt(sheetOf(readBook(writeWorkbook([sheetSpec], format)), 'Clientes'), 1, 2);
    expect(cell).toMatchObject({ t: 'n', v: 29580 });
    expect(cell?.z).toMatch(/d.*m.*y/i);
  });

  it.each([
    ['xlsx', 'America/Sao_Paulo'], ['xlsx', 'Asia/Tokyo'], ['ods', 'America/Sao_Paulo'], ['ods', 'America/Noronha'],
  ] as const)('%s keeps the calendar day in a browser at %s', (format, tz) => {
    process.env.TZ = tz;
    const cell = cellAt(sheetOf(readBook(writeWorkbook([sheetSpec], format)), 'Clientes'), 1, 2);
    expect(cell?.v).toBe(29580);
    expect(cell?.w).toBe('25/12/1980');
  });

  it('marks the text columns as text cells ("@")', () => {
    const sheet = sheetOf(readBook(writeWorkbook([sheetSpec], 'xlsx')), 'Clientes');
    for (const r of [1, 2]) expect(cellAt(sheet, r, 1)).toMatchObject({ t: 's', z: '@' });
    expect(cellAt(sheet, 1, 0)?.z).not.toBe('@');
  });

  it.each(FORMULA_CASES)('xlsx keeps %j as typed, as a text cell, and writes no formula', (text) => {
    const sheet = sheetOf(XLSX.read(writeWorkbook([spec([[text, 'fim']])], 'xlsx'), { type: 'array', cellFormula: true }), 'Clientes');
    const cell = cellAt(sheet, 1, 0);
    expect(cell).toMatchObject({ t: 's', v: text });
    expect(cell?.f).toBeUndefined();
  });
});

describe('a text longer than an Excel cell holds', () => {
  const long = 'x'.repeat(100_000);

  it('xlsx: the export works; the cell is cut to the limit and says so', () => {
    const sheet = sheetOf(readBook(writeWorkbook([spec([['Ana', long]])], 'xlsx')), 'Clientes');
    const text = String(cellAt(sheet, 1, 1)?.v ?? '');
    expect(text.length).toBe(MAX_CELL_TEXT);
    expect(text).toMatch(/texto cortado: o original tem 100\.000 caracteres .* exporte em CSV para tê-lo inteiro\]$/);
    expect(cellAt(sheet, 1, 0)?.v).toBe('Ana');
  });

  it('ODS (no such limit in LibreOffice) keeps it whole', () => {
    expect(cellAt(sheetOf(readBook(writeWorkbook([spec([['Ana', long]])], 'ods')), 'Clientes'), 1, 1)?.v).toBe(long);
  });

  it('CSV keeps it whole', () => {
    expect(csvLines(writeCsv(spec([['Ana', long]])))[1]).toBe(`Ana;${long}`);
  });

  it('a text exactly at the limit is kept whole', () => {
    const atLimit = 'y'.repeat(MAX_CELL_TEXT);
    expect(cellAt(sheetOf(readBook(writeWorkbook([spec([[atLimit]])], 'xlsx')), 'Clientes'), 1, 0)?.v).toBe(atLimit);
  });
});

describe('textColumnsOf', () => {
  it('covers the document, phone, CEP, kind, UF and text columns, not e-mail, date or notes', () => {
    const keys = [...textColumnsOf(CLIENT_FIELDS)].map((i) => CLIENT_FIELDS[i]?.key);
    expect(keys).toEqual(expect.arrayContaining(['document', 'mobile', 'phone', 'cep', 'kind', 'uf', 'name']));
    expect(keys).not.toContain('birthDate');
    expect(keys).not.toContain('email');
  });
});
