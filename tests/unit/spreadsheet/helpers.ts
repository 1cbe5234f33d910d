/** Shared assertions: every fixture goes through the real `openWorkbook`. */
import { expect } from 'vitest';
import type { Parsed, Problem } from '../../../src/domain/problems';
import { openWorkbook, type OpenedWorkbook, type ReadLimits } from '../../../src/spreadsheet/read';
import { FIXTURES, type FixtureName } from '../../support/spreadsheets/build';

export function openFixture(name: FixtureName, limits?: Partial<ReadLimits>): Parsed<OpenedWorkbook | null> {
  return openWorkbook(FIXTURES[name](), name, limits);
}

/** A sentence for a person, in Portuguese: not empty, not a stack trace. */
export function expectPortuguese(problem: Problem | undefined): void {
  if (!problem) throw new Error('expected a problem');
  expect(problem.message.length).toBeGreaterThan(30);
  expect(problem.message).toMatch(/\b(o|a|de|não|arquivo|aba|planilha)\b/i);
  expect(problem.message).not.toMatch(/\b(error|undefined|null|exception|NaN)\b/i);
}

/** The file was refused with exactly this problem code, as an error, and nothing else came back. */
export function expectRefused(result: Parsed<unknown>, code: string): Problem {
  expect(result.data).toBeNull();
  expect(result.problems.map((p) => p.code)).toEqual([code]);
  const [problem] = result.problems;
  if (!problem) throw new Error('no problem');
  expect(problem.level).toBe('error');
  expect(problem.field).toBe('');
  expectPortuguese(problem);
  return problem;
}

export function expectOpened(result: Parsed<OpenedWorkbook | null>): OpenedWorkbook {
  expect(result.problems.filter((p) => p.level === 'error')).toEqual([]);
  if (!result.data) throw new Error('workbook did not open');
  return result.data;
}

/** Rows of one sheet (by index or name), failing the test when the sheet cannot be read. */
export function rowsOf(workbook: OpenedWorkbook, sheet: number | string = 0): string[][] {
  const index = typeof sheet === 'number' ? sheet : workbook.info.sheets.findIndex((s) => s.name === sheet);
  const table = workbook.readSheet(index);
  expect(table.problems.filter((p) => p.level === 'error')).toEqual([]);
  if (!table.data) throw new Error(`sheet ${sheet} did not convert`);
  return table.data.rows;
}

export function codesOf(result: Parsed<unknown>): string[] {
  return result.problems.map((p) => p.code);
}
