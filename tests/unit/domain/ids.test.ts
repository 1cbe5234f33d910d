import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it.each([
    ['the epoch', 0, '00000000-0000'],
    ['01/12/2026', Date.UTC(2026, 11, 1), '01a22ee6-b000'],
  ])('is a UUID of version 7 whose first 48 bits are the time (%s)', (_, at, prefix) => {
    // In increasing order: the ids of one thread never go back in time (a later test checks it).
    const id = newId(at);
    expect(id).toMatch(UUID_V7);
    expect(id.slice(0, 13)).toBe(prefix);
  });

  it('sorts as text in the order the ids were made, within one millisecond and across many', () => {
    const at = Date.UTC(2030, 0, 1);
    // 10,000 ids in one millisecond overflow the counter: the later ones borrow the next milliseconds.
    const ids = [...Array.from({ length: 10_000 }, () => newId(at)), newId(at + 1), newId(at + 5_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it('never goes back when the clock does', () => {
    const first = newId(Date.UTC(2031, 0, 1));
    expect(newId(Date.UTC(2020, 0, 1)) > first).toBe(true);
  });

  it('differs between two machines making ids in the same millisecond (random bits)', () => {
    const at = Date.UTC(2032, 0, 1);
    const tails = new Set(Array.from({ length: 1000 }, (_, i) => newId(at + i * 1000).slice(19)));
    expect(tails.size).toBe(1000);
  });
});
