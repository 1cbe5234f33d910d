import { describe, expect, it } from 'vitest';
import { RowOffsets } from '../../../src/ui/shared/rowOffsets';

/** The same answers the obvious way: every row's height summed. */
function summed(estimate: number, measured: Map<number, number>, index: number): number {
  let top = 0;
  for (let i = 0; i < index; i++) top += measured.get(i) ?? estimate;
  return top;
}

describe('RowOffsets: row tops from the few rows measured', () => {
  const cases: [string, Map<number, number>][] = [
    ['nothing measured', new Map()],
    ['one taller row', new Map([[3, 90]])],
    ['rows taller and shorter, measured out of order', new Map([[7, 20], [2, 100], [5, 44], [0, 60]])],
  ];

  it.each(cases)('%s: the same tops as summing every row', (_, measured) => {
    const offsets = new RowOffsets(44, measured);
    for (let index = 0; index <= 12; index++) expect(offsets.offsetOf(index)).toBe(summed(44, measured, index));
  });

  it.each(cases)('%s: the row under each pixel', (_, measured) => {
    const offsets = new RowOffsets(44, measured);
    for (let y = 0; y < summed(44, measured, 12); y += 7) {
      const index = offsets.indexAt(y, 12);
      expect(summed(44, measured, index)).toBeLessThanOrEqual(y);
      expect(summed(44, measured, index + 1)).toBeGreaterThan(y);
    }
  });

  it('a million rows: the end is the estimate times the count plus what the measured rows add', () => {
    const offsets = new RowOffsets(44, new Map([[999_999, 100]]));
    expect(offsets.offsetOf(1_000_000)).toBe(44_000_056);
    expect(offsets.indexAt(44_000_055, 1_000_000)).toBe(999_999);
  });
});
