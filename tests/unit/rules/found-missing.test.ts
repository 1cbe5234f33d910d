/** Rules other projects' test suites have and this one lacked, table-driven. */
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../../src/domain/rules';

describe('phones written with labels by other systems', () => {
  it.each<[string, string]>([
    ['TIPO FONE: Celular | FONE: 47996811771', '+5547996811771'],
    ['Nr. Fone: (11) 3456-7890', '+551134567890'],
    ['Celular: 47 99681-1771', '+5547996811771'],
  ])('"%s" gives %s', (raw, e164) => {
    expect(parsePhone(raw, 'mobile').data).toBe(e164);
  });

  it('a cell with only a label is still no phone', () => {
    expect(parsePhone('TIPO FONE: Celular', 'mobile').problems.map((p) => p.code)).toEqual(['phone.invalid']);
  });
});
