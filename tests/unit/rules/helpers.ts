import { expect } from 'vitest';
import type { RuleProblem } from '../../../src/domain/problems';

/**
 * An independent mod-11 implementation for building test values: weights run 2, 3, 4... from the
 * right (wrapping after `maxWeight`), which is the same rule the production code writes as fixed tables.
 */
function checkDigit(body: string, maxWeight: number): string {
  let sum = 0;
  [...body].reverse().forEach((char, i) => {
    sum += (char.charCodeAt(0) - 48) * ((i % (maxWeight - 1)) + 2);
  });
  const r = sum % 11;
  return String(r < 2 ? 0 : 11 - r);
}

/** A valid CPF (11 digits) from its first 9 digits. */
export function makeCpf(body9: string): string {
  const first = checkDigit(body9, 11);
  return body9 + first + checkDigit(body9 + first, 12);
}

/** A valid CNPJ (14 characters) from its first 12 characters (0-9A-Z). */
export function makeCnpj(body12: string): string {
  const first = checkDigit(body12, 9);
  return body12 + first + checkDigit(body12 + first, 9);
}

/** The same value with its last digit changed, so the check digits fail. */
export function breakLastDigit(value: string): string {
  const last = Number(value.slice(-1));
  return value.slice(0, -1) + String((last + 1) % 10);
}

/** A sentence a Brazilian office worker reads: Portuguese words, capital start, final period. */
export function expectPortuguese(message: string): void {
  expect(message.length).toBeGreaterThan(20);
  expect(message).toMatch(/^["A-ZÀ-Ú]/);
  expect(message).toMatch(/[.?]$/);
  expect(message).toMatch(/\b(?:o|a|de|do|da|não|é|um|uma|foi|com|tem|ou)\b/i);
}

/** Checks the single problem of a result: its code, level, original value and message. */
export function expectProblem(problems: readonly RuleProblem[], code: string, level: RuleProblem['level'], raw: string): RuleProblem {
  const problem = problems.find((p) => p.code === code);
  expect(problem, `expected problem ${code}, got ${problems.map((p) => p.code).join(', ') || 'none'}`).toBeDefined();
  if (problem === undefined) throw new Error('unreachable');
  expect(problem.level).toBe(level);
  expect(problem.value).toBe(raw);
  expectPortuguese(problem.message);
  return problem;
}
