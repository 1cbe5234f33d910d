import { describe, expect, it } from 'vitest';
import { reviewRange, reviewTable, validateRow } from '../../../src/domain/review';
import { packReviewRows, unpackReviewRows } from '../../../src/domain/reviewTransfer';
import type { Mapping } from '../../../src/domain/mapping';
import { breakCheckDigit, formatCpf, makeCpf } from '../../support/brazil';

const MAPPING: Mapping = ['name', 'document', 'mobile', 'email', 'group'];

describe('reviewed rows packed for another thread', () => {
  it.each([
    ['a valid row', ['Ana Souza', formatCpf(makeCpf(7)), '(11) 98765-4321', 'ana@exemplo.com.br', 'Tributário']],
    ['a row with an error', ['Bruno', breakCheckDigit(makeCpf(8)), '(11) 98765-4321', 'bruno@exemplo.com.br', 'Tributário']],
    ['a row fixed automatically', ['  carla   lima ', makeCpf(9), '11987654321', 'CARLA@EXEMPLO.COM.BR', 'Tributário']],
    ['an incomplete row', ['Davi', '', '', '', '']],
    ['a value holding the separator', ['Eva\u0001Lima', formatCpf(makeCpf(10)), '(11) 98765-4321', 'eva@exemplo.com.br', 'Grupo\u0001A']],
  ])('%s comes back as validated', (_, cells) => {
    const row = validateRow({ rowNumber: 5, cells, edits: {} }, MAPPING);
    expect(unpackReviewRows(packReviewRows([row]), () => cells)).toEqual([row]);
  });

  it('keeps row numbers, order and the cells of the table they came from', () => {
    const table = [['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'], ...Array.from({ length: 30 }, (_, i) => (i === 4 ? ['', '', '', '', ''] : [`Cliente ${i}`, formatCpf(makeCpf(100 + i)), '(11) 98765-4321', `c${i}@exemplo.com.br`, 'A']))];
    const rows = reviewTable(table, 0, MAPPING);
    const back = unpackReviewRows(packReviewRows(rows), (n) => table[n - 1] ?? []);
    expect(back).toEqual(rows);
    expect(back[0]?.cells).toBe(table[1]);
  });
});

describe('reviewRange: a share of a table', () => {
  const table = [['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'], ...Array.from({ length: 12 }, (_, i) => [`Cliente ${i}`, formatCpf(makeCpf(200 + i)), '', `c${i}@exemplo.com.br`, 'A'])];

  it.each([
    [1, 5],
    [5, 9],
    [9, 13],
  ])('rows %i to %i reviewed from a slice keep the spreadsheet row numbers', (from, to) => {
    const whole = reviewTable(table, 0, MAPPING).filter((r) => r.rowNumber > from && r.rowNumber <= to);
    const slice = table.slice(from, to);
    expect(reviewRange(slice, 0, slice.length, MAPPING, {}, undefined, from)).toEqual(whole);
  });
});
