import { describe, expect, it } from 'vitest';
import { CLIENT_FIELDS } from '../../../src/domain/entities/client';
import { columnNames, guessHeaderRow, looksLikeDataRow, NO_HEADER_ROW } from '../../../src/domain/headerless';
import { suggestMapping } from '../../../src/domain/mapping';
import { reviewTable } from '../../../src/domain/review';
import { countStatuses } from '../../../src/domain/reviewSummary';
import { openWorkbook } from '../../../src/spreadsheet/read';
import { buildCsv, CLIENT_ROWS } from '../../support/spreadsheets/build';
import { HEADERLESS_ROWS, LEGACY_FIXTURES } from '../../support/spreadsheets/legacy';

describe('a first row that is a client, not column names', () => {
  it.each<[string, string[], boolean]>([
    ['a CPF, an e-mail and a phone', ['Ana', '012.345.678-90', 'ana@x.com.br', '(11) 98765-4321'], true],
    ['only an e-mail', ['Ana Souza', 'ana@x.com.br'], true],
    ['only a valid CNPJ', ['Padaria Estrela', '12.345.678/0001-95'], true],
    ['two phones', ['Ana Souza', '(11) 98765-4321', '(11) 3456-7890'], true],
    ['one phone only (could be a title line)', ['Ana Souza', '(11) 98765-4321'], false],
    ['column names', ['Nome', 'CPF', 'E-mail', 'Telefone'], false],
    ['column names beside an example e-mail', ['Nome', 'E-mail', 'exemplo@x.com'], false],
    ['an invalid CPF and no e-mail', ['Ana', '123.456.789-00'], false],
    ['a report title', ['Relatório de clientes'], false],
    ['mostly numbers and codes (an open-data CNPJ file)', ['33683111', '0002', '80', 'REGIONAL BRASILIA-DF', '20040522', 'AVENIDA'], true],
    ['a title and its date', ['Relatório de clientes', '01/02/2024'], false],
    ['headers with a year in them', ['Nome', 'Compras 2023', 'Compras 2024'], false],
  ])('%s → %s', (_, row, expected) => {
    expect(looksLikeDataRow(row)).toBe(expected);
  });
});

describe('sem-cabecalho.csv (a list typed by hand) through the real reading, mapping and review', () => {
  const workbook = openWorkbook(LEGACY_FIXTURES['sem-cabecalho.csv'](), 'sem-cabecalho.csv').data;
  const table = workbook?.readSheet(0);
  const rows = table?.data?.rows ?? [];

  it('opens without saying "only a header"', () => {
    expect(table?.problems.map((p) => p.code)).toEqual([]);
    expect(rows).toHaveLength(HEADERLESS_ROWS.length);
  });

  it('has no header row, names the columns by letter and maps them from their content', () => {
    const headerRow = guessHeaderRow(rows);
    expect(headerRow).toBe(NO_HEADER_ROW);
    const names = columnNames(rows, headerRow, 5);
    expect(names).toEqual(['Coluna A', 'Coluna B', 'Coluna C', 'Coluna D', 'Coluna E']);
    const mapping = suggestMapping(names.map((header, i) => ({ header, values: rows.map((r) => r[i] ?? '') })), CLIENT_FIELDS);
    expect(mapping).toEqual(['name', 'document', 'email', 'mobile', null]);
  });

  it('loses no client: row 1 is the first one, numbered as in Excel', () => {
    const mapping = ['name', 'document', 'email', 'mobile', 'group'];
    const reviewed = reviewTable(rows, NO_HEADER_ROW, mapping);
    expect(reviewed.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4]);
    expect(reviewed[0]?.draft.name).toBe('Ana Paula Souza');
    const counts = countStatuses(reviewed);
    expect(counts.error + counts.duplicate).toBe(0);
    expect(counts.ready + counts.fixed).toBe(4);
  });

  it('a file with a header row keeps it', () => {
    const withHeader = openWorkbook(buildCsv(CLIENT_ROWS), 'clientes.csv').data?.readSheet(0).data?.rows ?? [];
    expect(guessHeaderRow(withHeader)).toBe(0);
    expect(columnNames(withHeader, 0, 2)).toEqual(['Nome', 'CPF/CNPJ']);
  });
});
