import { describe, expect, it } from 'vitest';
import { buildErrorSheet, type ErrorSheetRun, type RejectedRow } from '../../../src/domain/errorSheet';

const RUN: ErrorSheetRun = { headers: ['Nome', 'CPF', 'E-mail'], mapping: ['name', 'document', 'email'] };
const BAD_CPF: RejectedRow = {
  row: 3,
  cells: ['Ana Souza', '123', 'ana@x.com'],
  messages: [{ level: 'error', message: 'CPF inválido.' }, { level: 'fix', message: 'Nome ajustado.' }, { level: 'error', message: 'E-mail repetido.' }],
};

describe('the sheet of the rows a run rejected', () => {
  it.each<[string, ErrorSheetRun | undefined, RejectedRow[], string[], string[][]]>([
    ['the original columns, the row number and only the errors', RUN, [BAD_CPF], ['Nome', 'CPF', 'E-mail', 'Linha original', 'Erros'], [['Ana Souza', '123', 'ana@x.com', '3', 'CPF inválido. | E-mail repetido.']]],
    ['a review correction goes back in its column', { ...RUN, review: { edits: [[3, { document: '012.345.678-90' }]] } }, [BAD_CPF], ['Nome', 'CPF', 'E-mail', 'Linha original', 'Erros'], [['Ana Souza', '012.345.678-90', 'ana@x.com', '3', 'CPF inválido. | E-mail repetido.']]],
    ['a correction of an unmapped field is left out', { ...RUN, review: { edits: [[3, { city: 'Recife' }]] } }, [BAD_CPF], ['Nome', 'CPF', 'E-mail', 'Linha original', 'Erros'], [['Ana Souza', '123', 'ana@x.com', '3', 'CPF inválido. | E-mail repetido.']]],
    ['a row wider than the headers: its extra columns by letter', { headers: ['Nome'], mapping: ['name'] }, [{ row: 2, cells: ['Bruno', 'x'] }], ['Nome', 'B', 'Linha original', 'Erros'], [['Bruno', 'x', '2', '']]],
    ['a headerless file: columns by letter', { headers: ['', ''], mapping: ['name', null] }, [{ row: 1, cells: ['Carla'] }], ['A', 'B', 'Linha original', 'Erros'], [['Carla', '', '1', '']]],
    ['a run no longer stored', undefined, [{ row: 5, cells: ['Davi', '1'] }], ['A', 'B', 'Linha original', 'Erros'], [['Davi', '1', '5', '']]],
    ['nothing rejected', RUN, [], ['Nome', 'CPF', 'E-mail', 'Linha original', 'Erros'], []],
  ])('%s', (_, run, rejected, header, rows) => {
    const sheet = buildErrorSheet(run, rejected);
    expect(sheet.header).toEqual(header);
    expect(sheet.rows).toEqual(rows);
    expect(sheet.width).toBe(header.length - 2);
  });
});
