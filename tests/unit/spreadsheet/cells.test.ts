import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { cellToText, numberToText, serialToIso } from '../../../src/spreadsheet/read/cells';

describe('serialToIso', () => {
  it.each<[number, boolean, string | null]>([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, '1900-02-29'], // Lotus's fictitious day, kept so later serials line up
    [61, false, '1900-03-01'],
    [45356, false, '2024-03-05'],
    [45356.5, false, '2024-03-05T12:00:00'],
    [45356.999999999, false, '2024-03-06'], // rounds to midnight of the next day
    [43893.894, false, '2020-03-03T21:27:22'],
    [0.75, false, '18:00:00'],
    [0, true, '00:00:00'],
    [1, true, '1904-01-02'],
    [45356 - 1462, true, '2024-03-05'],
    [2958465, false, '9999-12-31'],
    [2958466, false, null],
    [-1, false, null],
  ])('%d (1904: %s) → %s', (serial, date1904, iso) => {
    expect(serialToIso(serial, date1904)).toBe(iso);
  });

  it('agrees with SheetJS’s own date code for whole days in both systems', () => {
    const parse: (v: number, o: { date1904: boolean }) => { y: number; m: number; d: number } = XLSX.SSF.parse_date_code;
    for (const date1904 of [false, true]) {
      for (let serial = 1; serial < 80_000; serial += 997) {
        const { y, m, d } = parse(serial, { date1904 });
        const expected = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(serialToIso(serial, date1904)).toBe(expected);
      }
    }
  });
});

describe('numberToText', () => {
  it.each<[number, string]>([
    [1234567890, '1234567890'],
    [12345678000195, '12345678000195'],
    [1e21, '1000000000000000000000'],
    [-42, '-42'],
    [1234.56, '1234.56'],
    [0.1 + 0.2, '0.3'],
    [-0.5, '-0.5'],
  ])('%d → %s', (value, text) => {
    expect(numberToText(value)).toBe(text);
  });
});

describe('cellToText', () => {
  it.each<[XLSX.CellObject | undefined, string]>([
    [undefined, ''],
    [{ t: 's', v: '  texto com espaços ' }, '  texto com espaços '],
    [{ t: 'n', v: 45356, z: 'dd/mm/yyyy' }, '2024-03-05'],
    [{ t: 'n', v: 45356, z: '0' }, '45356'],
    [{ t: 'n', v: 45356, z: '[$R$-416] #,##0.00' }, '45356'],
    [{ t: 'n', v: 5e9, z: 'dd/mm/yyyy' }, '5000000000'], // not a date any more: the number itself
    [{ t: 'b', v: true }, 'VERDADEIRO'],
    [{ t: 'b', v: false }, 'FALSO'],
    [{ t: 'e', v: 0x2a }, ''],
    [{ t: 'z' }, ''],
    [{ t: 'd', v: new Date(Date.UTC(2024, 2, 5)) }, '2024-03-05'],
    // Before 01/03/1900 programs disagree on serials: the shown text wins (ODS), a negative serial is LibreOffice's.
    [{ t: 'n', v: -3698, z: 'm/d/yy', w: '15/11/1889' }, '15/11/1889'],
    [{ t: 'n', v: 60, z: 'm/d/yy', w: '1900-02-28' }, '1900-02-28'],
    [{ t: 'n', v: -3697, z: 'yyyy\\-mm\\-dd' }, '1889-11-15'],
    [{ t: 'n', v: 59, z: 'dd/mm/yyyy' }, '1900-02-28'],
    [{ t: 'n', v: -3697, z: '0' }, '-3697'],
    [{ t: 'd', v: new Date(Date.UTC(2024, 2, 5, 8, 30)) }, '2024-03-05T08:30:00'],
  ])('%j → %j', (cell, text) => {
    expect(cellToText(cell, false)).toBe(text);
  });

  it.each<[number, string]>([[2, '1900-01-01'], [60, '1900-02-28'], [-3697, '1889-11-15'], [61, '1900-03-01']])(
    'an XLSX written by LibreOffice: serial %d is %s (its days count from 30/12/1899)', (serial, text) => {
      expect(cellToText({ t: 'n', v: serial, z: 'dd/mm/yyyy' }, false, true)).toBe(text);
    });
});
