import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src/spreadsheet/read';
import { decodeText } from '../../../src/spreadsheet/read/text';
import { buildCsv } from '../../support/spreadsheets/build';
import { expectOpened, expectPortuguese, expectRefused, rowsOf } from './helpers';

/** A CSV whose old export left NUL bytes in the middle of a few cells. */
function withNuls(rows: string[][], nulAfter: readonly number[]): Uint8Array {
  const bytes = [...buildCsv(rows)];
  // From the last position back, so that each insertion leaves the earlier positions where they were.
  for (const position of [...nulAfter].sort((a, b) => b - a)) bytes.splice(position, 0, 0);
  return Uint8Array.from(bytes);
}

describe('a CSV with a few NUL bytes', () => {
  const rows = [['Nome', 'CPF'], ...Array.from({ length: 40 }, (_, i) => [`Cliente ${i}`, String(10_000_000_000 + i)])];

  it('nul-no-meio-das-celulas.csv: is read, the NULs dropped and said', () => {
    const opened = openWorkbook(withNuls(rows, [20, 100, 300]), 'nul-no-meio-das-celulas.csv');
    expect(rowsOf(expectOpened(opened))).toEqual(rows);
    const said = opened.problems.find((p) => p.code === 'file.nul_dropped');
    expect(said).toMatchObject({ level: 'warning' });
    expect(said?.message).toContain('3 caracteres nulos (NUL)');
    expectPortuguese(said);
  });

  it('one NUL is said in the singular', () => {
    const decoded = decodeText(withNuls(rows, [50]));
    expect(decoded).toMatchObject({ kind: 'text', droppedNuls: 1 });
    expect(openWorkbook(withNuls(rows, [50]), 'um-nul.csv').problems[0]?.message).toContain('1 caractere nulo (NUL)');
  });

  it('a file mostly made of NULs is still not a spreadsheet', () => {
    const binary = Uint8Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? 0 : 0x41 + (i % 20)));
    expectRefused(openWorkbook(binary, 'binario.csv'), 'file.not_spreadsheet');
  });
});
