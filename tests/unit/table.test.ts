import { describe, expect, it } from 'vitest';
import { HEADER_SCAN_ROWS, describeFooterRow, detectHeaderRow, findFooterRows, hasDataRows } from '../../src/domain/table';

const HEADER = ['Nome', 'CPF', 'Celular', 'E-mail', 'Cidade'];
const DATA = [
  ['Ana Souza', '123.456.789-09', '(11) 98765-4321', 'ana@x.com', 'São Paulo'],
  ['Bia Lima', '98765432100', '21987654321', 'bia@x.com', 'Rio de Janeiro'],
  ['Caio', '01234567890', '', 'caio@x.com', 'Recife'],
];

describe('detectHeaderRow', () => {
  it.each<[string, string[][], number]>([
    ['header on the first row', [HEADER, ...DATA], 0],
    ['blank rows first', [[], [], HEADER, ...DATA], 2],
    ['title, date and filter lines first', [['Relatório de clientes'], ['Gerado em 01/02/2024'], ['Filtro: ativos'], [], HEADER, ...DATA], 4],
    ['key/value metadata lines first', [['Empresa:', 'ACME Ltda'], ['Filtro:', 'ativos'], ['Usuário:', 'joao'], HEADER, ...DATA], 3],
    ['a title merged over all columns (repeated)', [Array<string>(5).fill('Clientes ativos'), HEADER, ...DATA], 1],
    ['a title and a page number far apart', [['Relatório', '', '', '', 'Página 1'], HEADER, ...DATA], 1],
    ['a two-row header with group names above', [['Nome', 'CPF', 'Endereço', 'Endereço', 'Endereço'], ['Nome', 'CPF', 'Rua', 'Número', 'CEP'], ['Ana', '1', 'Rua A', '10', '01001-000']], 1],
    ['a header with an empty cell in the middle', [['Nome', '', 'E-mail', 'Cidade'], ['Ana', 'x', 'a@x.com', 'SP']], 0],
    ['only the header', [[], HEADER], 1],
    ['data rows only (no text header): the fullest first row', [['1', '2', '3'], ['4', '5', '6']], 0],
    ['nothing at all', [], 0],
    ['one column: the first filled row', [[], ['Nome'], ['Ana'], ['Bia']], 1],
  ])('%s → %i', (_, rows, expected) => {
    expect(detectHeaderRow(rows)).toBe(expected);
  });

  it(`looks only at the first ${HEADER_SCAN_ROWS} rows`, () => {
    const rows = [...Array.from({ length: HEADER_SCAN_ROWS }, () => ['x']), HEADER, ...DATA];
    expect(detectHeaderRow(rows)).toBe(0);
  });

  it('does not pick a data row whose values are mostly numbers, dates and documents', () => {
    const rows = [['Exportação'], ['01/02/2024', '10:30', '123.456.789-09', 'R$ 1.234,56'], HEADER, ...DATA];
    expect(detectHeaderRow(rows)).toBe(2);
  });
});

describe('hasDataRows', () => {
  it.each<[string, string[][], number, boolean]>([
    ['rows below the header', [HEADER, ...DATA], 0, true],
    ['only the header', [HEADER], 0, false],
    ['only blank rows below', [HEADER, [], ['', '  ']], 0, false],
    ['data above the header does not count', [...DATA, HEADER], 3, false],
  ])('%s → %s', (_, rows, header, expected) => {
    expect(hasDataRows(rows, header)).toBe(expected);
  });
});

describe('findFooterRows', () => {
  it.each<[string, string[][], number[]]>([
    ['no footer', [HEADER, ...DATA], []],
    ['"Total de registros: 25"', [HEADER, ...DATA, ['Total de registros: 3']], [4]],
    ['a total with its number in the next cell, after a blank row', [HEADER, ...DATA, [], ['Total de clientes:', '3']], [5]],
    ['"Totais"', [HEADER, ...DATA, ['Totais']], [4]],
    ['"3 registros encontrados", then the date it was printed', [HEADER, ...DATA, ['3 registros encontrados'], ['Gerado em 01/02/2024 10:30']], [4, 5]],
    ['"Página 1 de 1"', [HEADER, ...DATA, ['', '', 'Página 1 de 1']], [4]],
    ['"Fim do relatório."', [HEADER, ...DATA, ['Fim do relatório.']], [4]],
    ['a client named "Total Energies" is a client', [HEADER, ...DATA, ['Total Energies', '12.345.678/0001-95']], []],
    ['a client named "Página Um Editora" is a client', [HEADER, ...DATA, ['Página Um Editora']], []],
    ['a full row that starts with "Total" is data', [HEADER, ...DATA, ['Total', '123.456.789-09', '11987654321', 'total@x.com', 'SP']], []],
    ['a summary line in the middle is not a footer', [HEADER, DATA[0] ?? [], ['Total: 1'], ...DATA.slice(1)], []],
    ['the header is never a footer', [['Total']], []],
  ])('%s → %j', (_, rows, expected) => {
    expect(findFooterRows(rows, 0)).toEqual(expected);
  });

  it('describes the footer row by its spreadsheet number and text', () => {
    expect(describeFooterRow([HEADER, ['Total de clientes:', '', '3']], 1)).toBe('A linha 2 ("Total de clientes: 3") é o rodapé do relatório, não um cliente, e não foi importada.');
  });
});
