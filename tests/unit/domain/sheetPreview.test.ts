import { describe, expect, it } from 'vitest';
import { CLIENT_FIELDS } from '../../../src/domain/entities/client';
import { HEADER_SCAN_ROWS } from '../../../src/domain/table';
import { countDataRows, listColumnViews, listTopRows, measureWidth, sampleColumn, suggestColumnMapping, warnWhenNoData } from '../../../src/domain/sheetPreview';
import { generalProblem } from '../../../src/domain/problems';

const SHEET: string[][] = [
  ['Nome', 'CPF', 'Cidade'],
  ['Ana Souza', '012.345.678-90', ' São Paulo '],
  ['Bruno Lima', '', ''],
  ['', '', ''],
  ['Carla Dias', '987.654.321-00', 'Curitiba', 'extra'],
];

describe('a column\'s samples', () => {
  it.each<[string, number, number, number, string[]]>([
    ['filled values below the header, trimmed', 0, 2, 5, ['São Paulo', 'Curitiba']],
    ['empty cells skipped', 0, 1, 5, ['012.345.678-90', '987.654.321-00']],
    ['cut at the limit', 0, 0, 2, ['Ana Souza', 'Bruno Lima']],
    ['a column no row reaches', 0, 7, 5, []],
    ['no header row: from the first row', -1, 0, 1, ['Nome']],
  ])('%s', (_, headerRow, column, limit, expected) => {
    expect(sampleColumn(SHEET, headerRow, column, limit)).toEqual(expected);
  });
});

describe('the sheet\'s width, columns, data rows and top rows', () => {
  it.each<[string, string[][], number, number]>([
    ['the widest row from the header down', SHEET, 0, 4],
    ['rows above the header do not count', [['a', 'b', 'c', 'd', 'e'], ['Nome', 'CPF'], ['Ana', '1']], 1, 2],
    ['no header row: from the first row', [['Ana', '1', 'x']], -1, 3],
    ['an empty sheet', [], 0, 0],
  ])('%s → %i', (_, rows, headerRow, expected) => {
    expect(measureWidth(rows, headerRow)).toBe(expected);
  });

  it('names each column (by letter without a header) with three samples', () => {
    expect(listColumnViews(SHEET, 0, 4)).toEqual([
      { index: 0, letter: 'A', header: 'Nome', samples: ['Ana Souza', 'Bruno Lima', 'Carla Dias'] },
      { index: 1, letter: 'B', header: 'CPF', samples: ['012.345.678-90', '987.654.321-00'] },
      { index: 2, letter: 'C', header: 'Cidade', samples: ['São Paulo', 'Curitiba'] },
      { index: 3, letter: 'D', header: expect.any(String), samples: ['extra'] },
    ]);
    expect(listColumnViews([['Ana', '1']], -1, 2).map((c) => c.header)).toEqual(['Coluna A', 'Coluna B']);
  });

  it.each<[string, string[][], number, number]>([
    ['blank rows are not data', SHEET, 0, 3],
    ['a report\'s footer is not data', [['Nome', 'CPF'], ['Ana', '1'], ['Bruno', '2'], ['Total de registros: 2', '']], 0, 2],
    ['only a header', [['Nome', 'CPF']], 0, 0],
    ['no header row: every filled row', SHEET, -1, 4],
  ])('%s → %i data rows', (_, rows, headerRow, expected) => {
    expect(countDataRows(rows, headerRow)).toBe(expected);
  });

  it.each<[string, number, number]>([
    ['a header near the top shows the first rows', 0, HEADER_SCAN_ROWS],
    ['a header further down is always shown', HEADER_SCAN_ROWS + 4, HEADER_SCAN_ROWS + 5],
  ])('%s', (_, headerRow, expected) => {
    const rows = Array.from({ length: HEADER_SCAN_ROWS + 10 }, (_, i) => [`linha ${i}`, 'b', 'c']);
    const top = listTopRows(rows, headerRow, 2);
    expect(top).toHaveLength(expected);
    expect(top.every((r) => r.length === 2)).toBe(true);
  });

  it('suggests the clients\' fields from the columns', () => {
    const columns = listColumnViews(SHEET, 0, 3);
    expect(suggestColumnMapping(SHEET, 0, columns, CLIENT_FIELDS)).toEqual(['name', 'document', 'city']);
  });
});

describe('the warning of a sheet with no data row', () => {
  const noData = generalProblem('sheet.no_data', 'já dito', 'warning');
  const other = generalProblem('sheet.formulas', 'fórmulas', 'warning');
  it.each<[string, number, string[]]>([
    ['data rows: nothing added', 3, ['sheet.formulas']],
    ['no data rows: the warning added', 0, ['sheet.formulas', 'sheet.no_data']],
  ])('%s', (_, dataRows, codes) => {
    expect(warnWhenNoData([other], dataRows).map((p) => p.code)).toEqual(codes);
  });

  it('says it once, and leaves the reader\'s problems as they were', () => {
    const problems = [noData];
    expect(warnWhenNoData(problems, 0)).toEqual([noData]);
    const mine = [other];
    expect(warnWhenNoData(mine, 0)[1]).toMatchObject({ code: 'sheet.no_data', level: 'warning', message: expect.stringContaining('linha do cabeçalho') });
    expect(mine).toEqual([other]);
  });
});
