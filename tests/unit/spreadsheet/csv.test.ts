import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src/spreadsheet/read';
import { detectDelimiter, parseRecords } from '../../../src/spreadsheet/read/csv';
import { decodeText } from '../../../src/spreadsheet/read/text';
import { CLIENT_ROWS, buildCsv, encodeText, type FixtureName } from '../../support/spreadsheets/build';
import { codesOf, expectOpened, expectPortuguese, expectRefused, openFixture, rowsOf } from './helpers';

function parseAll(text: string, delimiter = ';'): string[][] {
  const rows: string[][] = [];
  parseRecords(text, delimiter, (fields) => (rows.push(fields), true));
  return rows;
}

describe('CSV encodings and delimiters', () => {
  it.each<[FixtureName, string, string]>([
    ['cp1252-ponto-e-virgula.csv', 'windows-1252', ';'],
    ['utf8-bom-virgula.csv', 'utf-8', ','],
    ['utf8-sem-bom-ponto-e-virgula.csv', 'utf-8', ';'],
    ['utf16le-tab.txt', 'utf-16le', '\t'],
    ['utf16be-tab.txt', 'utf-16be', '\t'],
    ['pipe-fim-de-linha-cr.txt', 'utf-8', '|'],
  ])('%s reads as %s with %j, every value exactly as written', (name, encoding, delimiter) => {
    const workbook = expectOpened(openFixture(name));
    expect(workbook.info).toMatchObject({ format: 'csv', encoding, delimiter });
    expect(workbook.info.sheets).toEqual([{ name: name.replace(/\.\w+$/, ''), rowCount: 4, columnCount: 7, empty: false }]);
    const expected = CLIENT_ROWS.map((row) => {
      const copy = [...row];
      while (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
      return copy;
    });
    expect(rowsOf(workbook)).toEqual(expected);
  });

  it('keeps leading zeros, Brazilian dates and decimal commas as text (no type guessing)', () => {
    const bytes = encodeText('CPF;Data;Valor;CEP;Fone\n01234567890;05/03/2024;1.234,56;01001-000;+55 11 98765-4321\n', 'utf-8');
    const rows = rowsOf(expectOpened(openWorkbook(bytes, 'tipos.csv')));
    expect(rows[1]).toEqual(['01234567890', '05/03/2024', '1.234,56', '01001-000', '+55 11 98765-4321']);
  });

  it('reads quoted fields holding delimiters, doubled quotes and line breaks', () => {
    const rows = rowsOf(expectOpened(openFixture('aspas-com-quebra-de-linha.csv')));
    expect(rows).toEqual([
      ['Nome', 'Endereço', 'Obs'],
      ['Ana', 'Rua A, 10\r\nApto 2', 'disse "oi"; tchau'],
      ['Bia', 'Rua B; 20'],
    ]);
  });

  it('keeps blank lines in the middle as [] so row numbers match, and drops trailing ones', () => {
    const bytes = encodeText('\nNome;CPF\n\nAna;1\n;;\nBia;2\n\n\n;;;\n', 'utf-8');
    expect(rowsOf(expectOpened(openWorkbook(bytes, 'linhas.csv')))).toEqual([[], ['Nome', 'CPF'], [], ['Ana', '1'], [], ['Bia', '2']]);
  });

  it('honours and hides Excel’s “sep=” first line', () => {
    const workbook = expectOpened(openWorkbook(encodeText('sep=,\r\nNome,Valor\r\nAna,"1,50"\r\n', 'utf-8'), 'sep.csv'));
    expect(workbook.info.delimiter).toBe(',');
    expect(rowsOf(workbook)).toEqual([['Nome', 'Valor'], ['Ana', '1,50']]);
  });

  it('warns when a quote opens and never closes, naming the row', () => {
    const result = openWorkbook(encodeText('Nome;Obs\nAna;"sem fim\nBia;ok\n', 'utf-8'), 'aspas.csv');
    expect(codesOf(result)).toEqual(['csv.unclosed_quote']);
    expect(result.problems[0]?.level).toBe('warning');
    expect(result.problems[0]?.message).toContain('linha 2');
    expectPortuguese(result.problems[0]);
  });

  it('treats a header-only file as readable, with a sheet.no_data warning from readSheet', () => {
    const workbook = expectOpened(openFixture('so-cabecalho.csv'));
    const table = workbook.readSheet(0);
    expect(table.data?.rows).toEqual([CLIENT_ROWS[0]]);
    expect(table.problems.map((p) => [p.code, p.level])).toEqual([['sheet.no_data', 'warning']]);
  });

  it.each<FixtureName>(['vazio.csv', 'so-espacos.csv'])('refuses %s as file.empty', (name) => {
    expectRefused(openFixture(name), 'file.empty');
  });

  it('refuses rows and columns over the limits, stating the limit', () => {
    const many = buildCsv([['Nome'], ...Array.from({ length: 12 }, (_, i) => [`Cliente ${i}`])]);
    expect(expectRefused(openWorkbook(many, 'muitas.csv', { maxRows: 10 }), 'sheet.too_many_rows').message).toContain('10');
    expect(expectOpened(openWorkbook(many, 'muitas.csv', { maxRows: 12 })).info.sheets[0]?.rowCount).toBe(13);
    const wide = buildCsv([Array.from({ length: 8 }, (_, i) => `C${i}`)]);
    const problem = expectRefused(openWorkbook(wide, 'largo.csv', { maxColumns: 5 }), 'sheet.too_many_columns');
    expect(problem.message).toContain('coluna H');
    expect(problem.message).toContain('5 colunas');
  });

  it('reports progress while parsing', () => {
    const phases: string[] = [];
    openWorkbook(buildCsv(CLIENT_ROWS), 'p.csv', undefined, (phase, fraction) => phases.push(`${phase}:${fraction}`));
    expect(phases[0]).toBe('sniffing:0');
    expect(phases).toContain('parsing:1');
  });
});

describe('parseRecords (RFC 4180)', () => {
  it.each<[string, string[][]]>([
    ['a;b\r\nc;d\r\n', [['a', 'b'], ['c', 'd']]],
    ['a;b\nc;d', [['a', 'b'], ['c', 'd']]],
    ['a;b\rc;d\r', [['a', 'b'], ['c', 'd']]],
    ['a;;b;', [['a', '', 'b', '']]],
    ['"a;b";"c""d"\n', [['a;b', 'c"d']]],
    ['"multi\nline";x\n', [['multi\nline', 'x']]],
    ['"";x', [['', 'x']]],
    ['5" tela;ok', [['5" tela', 'ok']]],
    ['"abc"def;g', [['abcdef', 'g']]],
    [' "a";b', [[' "a"', 'b']]],
    ['', []],
  ])('%j', (text, expected) => {
    expect(parseAll(text)).toEqual(expected);
  });
});

describe('detectDelimiter', () => {
  it.each<[string, string]>([
    ['Nome;Valor\nAna;1,50\nBia;2,75\n', ';'],
    ['Nome,Endereço\nAna,"Rua A; 1"\nBia,"Rua B; 2"\n', ','],
    ['Nome\tEndereço\tCidade\nAna\tRua A, 1\tSP\n', '\t'],
    ['Nome|CPF\nAna|1\n', '|'],
    ['Relatório de clientes\nGerado em 01/02/2024\nNome;CPF;Cidade\nAna;1;Rio, RJ\nBia;2;Belo Horizonte, MG\n', ';'],
    ['Só uma coluna\nAna\nBia\n', ';'],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('decodeText', () => {
  it('prefers strict UTF-8 and falls back to Windows-1252', () => {
    expect(decodeText(encodeText('Conceição €', 'utf-8'))).toEqual({ kind: 'text', text: 'Conceição €', encoding: 'utf-8' });
    expect(decodeText(encodeText('Conceição “€” – ok', 'windows-1252'))).toEqual({ kind: 'text', text: 'Conceição “€” – ok', encoding: 'windows-1252' });
  });

  it('recognises UTF-16 without a BOM by its NUL pattern', () => {
    const le = encodeText('Nome\tCPF\nAna\t1\n', 'utf-16le').subarray(2);
    expect(decodeText(le)).toMatchObject({ kind: 'text', text: 'Nome\tCPF\nAna\t1\n', encoding: 'utf-16le' });
  });

  it('calls bytes with NULs or many control characters binary', () => {
    expect(decodeText(encodeText('Nome;CPF\0\0\nAna;\u00001\n', 'utf-8'))).toEqual({ kind: 'binary' });
    expect(decodeText(Uint8Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x41)))).toEqual({ kind: 'binary' });
  });
});
