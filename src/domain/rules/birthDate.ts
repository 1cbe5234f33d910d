/**
 * The birth or foundation date: a date (see `parseDate`) that cannot be in the future, read knowing how
 * the rest of its column is written.
 *
 * Problem codes:
 *   date.future           warning  After today: a typo in the year, most likely; kept, to be checked.
 *   date.ambiguous_order  error    "05/03/1980" in a column where other dates can only be month first
 *                                  ("05/13/1980"): it may be 5 March or May 3rd, so it is not read
 *                                  silently as day first; the month-first reading is the suggestion.
 */
import { ruleProblem, type RuleResult } from '../problems';
import { collapseSpaces } from '../text';
import { formatDateBr, parseDate, type DateOptions } from './date';

export interface BirthDateOptions extends DateOptions {
  /** Some date of the same column can only be read month first (`isMonthFirstOnly`). */
  monthFirst?: boolean;
  /** Today as `yyyy-mm-dd` (default: the clock's UTC date). */
  today?: string;
}

/** A date typed with numbers only, first part before second: "05/13/1980", "5-3-80". */
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/;

/** A numeric date that exists only month first: its first part is a month and its second is a day above 12. */
export function isMonthFirstOnly(raw: string): boolean {
  const match = NUMERIC.exec(collapseSpaces(raw));
  if (!match) return false;
  const first = Number(match[1]);
  const second = Number(match[3]);
  return first >= 1 && first <= 12 && second > 12 && second <= 31;
}

function checkOrder(raw: string, shown: string, options: BirthDateOptions): RuleResult<string> | null {
  const match = NUMERIC.exec(shown);
  if (!match) return null;
  const [, first = '', separator = '/', second = '', year = ''] = match;
  if (Number(first) > 12 || Number(second) > 12 || Number(first) === Number(second)) return null;
  const dayFirst = parseDate(shown, options).data;
  const monthFirst = parseDate(`${second}${separator}${first}${separator}${year}`, options).data;
  if (dayFirst === null || monthFirst === null) return null;
  return {
    data: null,
    problems: [ruleProblem('date.ambiguous_order', 'error', raw,
      `A data "${shown}" pode ser ${formatDateBr(dayFirst)} ou ${formatDateBr(monthFirst)}: nesta coluna há datas escritas com o mês primeiro (como 05/13/1980), então não dá para saber. Confira a data e escreva-a como dia/mês/ano.`,
      monthFirst)],
  };
}

export function parseBirthDate(raw: string, options: BirthDateOptions = {}): RuleResult<string> {
  const shown = collapseSpaces(raw);
  const ambiguous = options.monthFirst === true ? checkOrder(raw, shown, options) : null;
  if (ambiguous !== null) return ambiguous;
  const result = parseDate(raw, options);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (result.data === null || result.data.slice(0, 10) <= today) return result;
  return {
    data: result.data,
    problems: [...result.problems, ruleProblem('date.future', 'warning', raw,
      `A data de nascimento/fundação "${shown}" (${formatDateBr(result.data.slice(0, 10))}) está no futuro. Confira o ano: pode ser um erro de digitação.`)],
  };
}
