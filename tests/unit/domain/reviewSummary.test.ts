import { describe, expect, it } from 'vitest';
import { reviewTable, type ReviewItem } from '../../../src/domain/review';
import { countReview, listRowEdits, pageItems, summarizeReview } from '../../../src/domain/reviewSummary';
import { formatCpf, makeCpf } from '../../support/brazil';

const MAPPING = ['name', 'document', 'email', 'mobile', 'group'];
const row = (name: string, n: number, group: string): string[] => [name, formatCpf(makeCpf(n)), `${name.split(' ')[0]?.toLowerCase()}@exemplo.com`, `(11) 9876${n}-4321`, group];
const TABLE = [
  ['Nome', 'CPF', 'E-mail', 'Celular', 'Grupo'],
  row('Ana Souza', 1, 'Varejo'),
  row('Bruno Lima', 2, 'varejo'),
  row('Carla Dias', 3, 'Atacado'),
  ['Davi Rocha', '123.456.789-00', 'davi@exemplo.com', '(11) 98765-4329', 'Indústria'],
];
const ROWS = reviewTable(TABLE, 0, MAPPING);

describe('the review summarized with the stored groups\' keys', () => {
  it.each<[string, string[], { name: string; rows: number }[]]>([
    ['no group stored: every group named by a ready row is new, most used first', [], [{ name: 'Varejo', rows: 2 }, { name: 'Atacado', rows: 1 }]],
    ['a stored group (by its key) is not new', ['varejo'], [{ name: 'Atacado', rows: 1 }]],
    ['every group stored', ['varejo', 'atacado'], []],
  ])('%s', (_, known, newGroups) => {
    const summary = summarizeReview(ROWS, ['Rodapé'], new Set(known));
    expect(summary).toMatchObject({ total: 4, notes: ['Rodapé'], newGroups });
    expect(summary.counts.error).toBe(1);
    expect(summary.problems.map((p) => p.code)).toContain(ROWS[3]?.problems[0]?.code);
  });

  it('counts any reviewed rows (a Grupos review too) and names no new group', () => {
    expect(countReview(ROWS, [])).toEqual({ ...summarizeReview(ROWS, [], new Set()), newGroups: [] });
    expect(countReview([], ['nota'])).toMatchObject({ total: 0, notes: ['nota'], problems: [], newGroups: [] });
  });
});

describe('a window of the review table', () => {
  const items = Array.from({ length: 5 }, (_, i): ReviewItem => ({ rowNumber: i + 2, name: `Cliente ${i}`, status: 'error', field: 'document', value: '', problem: { code: 'x', field: 'document', value: '', level: 'error', message: 'm' } }));
  it.each<[string, number, number, number[]]>([
    ['the first page', 0, 2, [2, 3]],
    ['a page in the middle', 2, 2, [4, 5]],
    ['the last, shorter page', 4, 2, [6]],
    ['past the end', 9, 2, []],
  ])('%s', (_, offset, limit, rowNumbers) => {
    const page = pageItems(items, offset, limit);
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.rowNumber)).toEqual(rowNumbers);
  });
});

describe('the review\'s corrections as a run keeps them', () => {
  it.each<[string, { rowNumber: number; edits: Record<string, string> }[], [number, Record<string, string>][]]>([
    ['no row corrected', [{ rowNumber: 2, edits: {} }], []],
    ['only the corrected rows, in order', [{ rowNumber: 2, edits: { name: 'Ana' } }, { rowNumber: 3, edits: {} }, { rowNumber: 4, edits: { email: 'a@b.com', name: '' } }], [[2, { name: 'Ana' }], [4, { email: 'a@b.com', name: '' }]]],
  ])('%s', (_, rows, expected) => {
    expect(listRowEdits(rows)).toEqual(expected);
  });
});
