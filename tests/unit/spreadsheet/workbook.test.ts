import { describe, expect, it } from 'vitest';
import { detectHeaderRow } from '../../../src/domain/table';
import { openWorkbook, type FileFormat } from '../../../src/spreadsheet/read';
import { CLIENT_ROWS, buildWorkbook, buildXlsx, type FixtureName } from '../../support/spreadsheets/build';
import { codesOf, expectOpened, expectPortuguese, openFixture, rowsOf } from './helpers';

const clientRowsTrimmed = CLIENT_ROWS.map((row) => {
  const copy = [...row];
  while (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
  return copy;
});

describe('workbook formats (detected from the content, not the name)', () => {
  it.each<[FixtureName, FileFormat]>([
    ['planilha.xlsm', 'xlsm'],
    ['planilha.xlsb', 'xlsb'],
    ['planilha.xls', 'xls'],
    ['planilha.ods', 'ods'],
    ['xlsx-com-extensao-csv.csv', 'xlsx'],
  ])('%s opens as %s with every value as text', (name, format) => {
    const workbook = expectOpened(openFixture(name));
    expect(workbook.info.format).toBe(format);
    expect(workbook.info.sheets).toEqual([{ name: 'Clientes', rowCount: 4, columnCount: 7, empty: false }]);
    expect(rowsOf(workbook)).toEqual(clientRowsTrimmed);
  });

  it('calls a ZIP workbook named .xlsx but holding macros xlsm', () => {
    const bytes = buildWorkbook([{ name: 'Clientes', rows: CLIENT_ROWS }], { bookType: 'xlsx' });
    expect(expectOpened(openWorkbook(bytes, 'planilha.xlsm')).info.format).toBe('xlsm');
    expect(expectOpened(openWorkbook(bytes, 'planilha.xlsx')).info.format).toBe('xlsx');
  });
});

describe('cell values', () => {
  it('writes numbers as plain digits, booleans in Portuguese and errors as empty', () => {
    const rows = rowsOf(expectOpened(openFixture('cpf-sem-zero-a-esquerda.xlsx')));
    // A CPF typed as a number lost its leading zero in Excel; the reader hands the digits as they are.
    expect(rows[1]).toEqual(['Ana', '1234567890', '12345678000195', 'VERDADEIRO', '1234.56', '', '10000000000000000000000']);
    expect(rows[2]).toEqual(['Bia', '98765432100', '1234567000100', 'FALSO', '-0.5', '', '123456789012345680000']);
  });

  it.each(['xlsx', 'xlsb', 'biff8', 'ods'] as const)('reads numbers, booleans and dates the same from %s', (bookType) => {
    const rows = [['n', 'b', 'd'], [1234567890, true, { t: 'n' as const, v: 45356, z: 'dd/mm/yyyy' }]];
    const bytes = buildWorkbook([{ name: 'T', rows }], { bookType });
    expect(rowsOf(expectOpened(openWorkbook(bytes, `t.${bookType}`)))[1]).toEqual(['1234567890', 'VERDADEIRO', '2024-03-05']);
  });

  it.each<FixtureName>(['datas-1900.xlsx', 'datas-1904.xlsx'])('%s gives the same calendar dates (ISO, time only when there is one)', (name) => {
    const rows = rowsOf(expectOpened(openFixture(name)));
    expect(rows.slice(1)).toEqual([
      ['Ana', '1985-07-14', '2024-03-05T12:00:00'],
      ['Bia', '2000-02-29', '2024-12-31'],
    ]);
  });

  it('uses the cached values of formulas and warns how many cells had one', () => {
    const table = expectOpened(openFixture('formulas.xlsx')).readSheet(0);
    expect(table.data?.rows.slice(1)).toEqual([
      ['Ana', '2', '10.5', '21', 'ANA-2'],
      ['Bia', '3', '0.1', '0.3', 'BIA-3'],
    ]);
    expect(table.data?.formulaCells).toBe(4);
    expect(codesOf(table)).toEqual(['sheet.formulas']);
    expect(table.problems[0]?.level).toBe('warning');
    expect(table.problems[0]?.message).toContain('4 células com fórmulas');
    expectPortuguese(table.problems[0]);
  });
});

describe('sheets', () => {
  it('lists every sheet, marks empty and hidden ones, and converts only the one asked for', () => {
    const workbook = expectOpened(openFixture('varias-abas.xlsx'));
    expect(workbook.info.sheets).toEqual([
      { name: 'Instruções', rowCount: 1, columnCount: 1, empty: false },
      { name: 'Vazia', rowCount: 0, columnCount: 0, empty: true },
      { name: 'Clientes', rowCount: 4, columnCount: 7, empty: false },
      { name: 'Oculta', rowCount: 1, columnCount: 1, empty: false, hidden: true },
    ]);
    expect(rowsOf(workbook, 'Clientes')).toEqual(clientRowsTrimmed);
    expect(rowsOf(workbook, 'Instruções')).toEqual([['Preencha a aba Clientes']]);
  });

  it.each<[number, string]>([
    [1, 'sheet.empty'],
    [9, 'sheet.not_found'],
    [-1, 'sheet.not_found'],
  ])('readSheet(%i) fails with %s, data null', (index, code) => {
    const result = expectOpened(openFixture('varias-abas.xlsx')).readSheet(index);
    expect(result.data).toBeNull();
    expect(codesOf(result)).toEqual([code]);
    expectPortuguese(result.problems[0]);
  });

  it('refuses a workbook whose every sheet is empty', () => {
    const result = openWorkbook(buildWorkbook([{ name: 'A', rows: [] }, { name: 'B', rows: [[null, '  ']] }]), 'vazia.xlsx');
    expect(result.data).toBeNull();
    expect(codesOf(result)).toEqual(['file.empty']);
  });

  it('keeps rows where Excel shows them: title and blank rows above the header stay', () => {
    const rows = rowsOf(expectOpened(openFixture('titulo-antes-do-cabecalho.xlsx')));
    expect(rows.slice(0, 5)).toEqual([
      Array<string>(7).fill('Relatório de clientes'), // merged over A1:G1, so repeated where it shows
      ['Gerado em 01/02/2024'],
      ['Filtro:', 'ativos'],
      [],
      clientRowsTrimmed[0],
    ]);
    expect(detectHeaderRow(rows)).toBe(4);
  });

  it('spreads merged header cells over the columns they cover and warns', () => {
    const table = expectOpened(openFixture('cabecalho-mesclado.xlsx')).readSheet(0);
    expect(table.data?.rows).toEqual([
      ['Nome', 'CPF', 'Endereço', 'Endereço', 'Endereço'],
      ['Nome', 'CPF', 'Rua', 'Número', 'CEP'],
      ['Ana', '01234567890', 'Rua A', '10', '01001-000'],
    ]);
    expect(codesOf(table)).toEqual(['sheet.merged_cells']);
    expect(detectHeaderRow(table.data?.rows ?? [])).toBe(1);
  });

  it('fills merged data cells downwards only, never into the next columns', () => {
    const rows: (string | null)[][] = [['Grupo', 'Nome', 'Obs', 'Fone']];
    for (let i = 0; i < 40; i++) rows.push([i === 0 ? 'VIP' : null, `Cliente ${i}`, i === 35 ? 'nota longa' : null, null]);
    const bytes = buildXlsx(rows, { merges: ['A2:A41', 'C37:D37'] });
    const table = rowsOf(expectOpened(openWorkbook(bytes, 'grupos.xlsx')));
    expect(table.slice(1).every((row) => row[0] === 'VIP')).toBe(true);
    expect(table[36]).toEqual(['VIP', 'Cliente 35', 'nota longa']);
  });

  it('warns (not fails) when the sheet has a header and no data rows', () => {
    const table = expectOpened(openWorkbook(buildXlsx([CLIENT_ROWS[0] ?? []]), 'so-cabecalho.xlsx')).readSheet(0);
    expect(table.data?.rows).toEqual([CLIENT_ROWS[0]]);
    expect(table.problems.map((p) => [p.code, p.level])).toEqual([['sheet.no_data', 'warning']]);
  });

  it('reports progress: sniffing, parsing, then converting in readSheet', () => {
    const phases: string[] = [];
    const workbook = expectOpened(openWorkbook(buildXlsx(CLIENT_ROWS), 'p.xlsx', undefined, (phase, f) => phases.push(`${phase}:${f}`)));
    workbook.readSheet(0);
    expect(phases).toEqual(['sniffing:0', 'sniffing:1', 'parsing:0', 'parsing:1', 'converting:0', 'converting:1']);
  });

  it('converts a tab once: read again, it gives the same rows (its cells were let go) and its own copy of the problems', () => {
    const phases: string[] = [];
    const workbook = expectOpened(openWorkbook(buildXlsx([CLIENT_ROWS[0] ?? []]), 'duas-vezes.xlsx', undefined, (phase) => phases.push(phase)));
    const first = workbook.readSheet(0);
    first.problems.push(first.problems[0] ?? ({} as never));
    const second = workbook.readSheet(0);
    expect(second.data?.rows).toBe(first.data?.rows);
    expect(second.problems.map((p) => p.code)).toEqual(['sheet.no_data']);
    expect(phases.filter((p) => p === 'converting')).toHaveLength(2);
  });
});
