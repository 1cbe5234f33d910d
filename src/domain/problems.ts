/**
 * A problem found in a value or a row. Codes are stable (tests, logs and filters rely on them);
 * the message is a sentence in Portuguese that a non-technical person understands.
 */
export type ProblemLevel = 'error' | 'warning' | 'fix';

export interface Problem {
  /** Stable identifier, e.g. `cpf.check_digits`. */
  code: string;
  /** Field key the problem is about; '' when it concerns the whole row or file. */
  field: string;
  /** The original value as it was in the spreadsheet. */
  value: string;
  level: ProblemLevel;
  message: string;
  /** A value the user may accept as the fix (for `fix`, the value that was applied). */
  suggestion?: string;
}

/** A problem produced by a single-value rule, before it is stamped with the field it belongs to. */
export type RuleProblem = Omit<Problem, 'field'>;

/** What every parser and validator returns: the data it could make, and what it found. Never throws. */
export interface Parsed<T, P = Problem> {
  data: T;
  problems: P[];
}

/** A single-value rule's result: `data` is null when the value is empty or unusable. */
export type RuleResult<T> = Parsed<T | null, RuleProblem>;

export function ruleProblem(
  code: string,
  level: ProblemLevel,
  value: string,
  message: string,
  suggestion?: string,
): RuleProblem {
  return suggestion === undefined ? { code, level, value, message } : { code, level, value, message, suggestion };
}

/** A problem about a whole file, run or action rather than one field's value. */
export function generalProblem(code: string, message: string, level: ProblemLevel = 'error'): Problem {
  return { code, field: '', value: '', level, message };
}

/** A refusal: no data, and the one problem saying why. */
export function refusal(code: string, message: string): Parsed<null> {
  return { data: null, problems: [generalProblem(code, message)] };
}

export function withField(field: string, problems: readonly RuleProblem[]): Problem[] {
  return problems.map((p) => ({ ...p, field }));
}

export function hasError(problems: readonly Pick<Problem, 'level'>[]): boolean {
  return problems.some((p) => p.level === 'error');
}

export const LEVEL_LABEL: Record<ProblemLevel, string> = {
  error: 'Erro',
  warning: 'Aviso',
  fix: 'Corrigido automaticamente',
};

/**
 * A row with no problem shares this one frozen list (1,000,000 rows, 1,000,000 empty arrays less), so a
 * row's list is never pushed to: `addProblem` gives the row a list of its own.
 */
export const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

export function addProblem(row: { problems: readonly Problem[] }, problem: Problem): void {
  row.problems = [...row.problems, problem];
}
