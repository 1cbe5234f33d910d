/**
 * Dates (DESIGN.md §4), stored as ISO `yyyy-mm-dd`. Always day first: `05/03/2024` is 5 March, never
 * May 3rd — a Brazilian office never writes month first, and guessing would silently corrupt data.
 *
 * Problem codes:
 *   date.two_digit_year  fix    "05/03/80": the century was chosen (1980); the message asks to check.
 *   date.no_year         warning  A day and month without a year: "--03-05" (ISO 8601 "--MM-DD", how Google
 *                                 Contacts exports a birthday without a year) or "05/03". Nothing is stored
 *                                 (data null): the field is left empty and the row is still imported; the
 *                                 message asks to fill in the whole date if the year is known.
 *   date.excel_serial    fix    A bare number read as an Excel date serial ("45356" → 05/03/2024).
 *   date.us_format       error  Month above 12 with a day up to 12 ("05/13/2024"): month/day order.
 *   date.impossible      error  A day or month that does not exist (31/02, 29/02/2023, month 13, day 0,
 *                               Excel's fake 29/02/1900), also without a year ("--02-30", "31/02").
 *   date.year_only       error  Just a year ("1980").
 *   date.out_of_range    error  Year before 1800 or after 2200 (a typo), or a serial Excel cannot hold.
 *   date.format          error  Not a date.
 */
import { ruleProblem, type RuleProblem, type RuleResult } from '../problems';
import { collapseSpaces, toMatchKey } from '../text';
import { convertExcelSerial } from './excel-date';

export interface DateOptions {
  /** The workbook uses the 1904 date system (old Mac Excel). */
  date1904?: boolean;
  /** The year two-digit years are pivoted on (default: this year): "25" ≤ pivot → 2025, else 1925. */
  referenceYear?: number;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Set when the year was typed with two digits. */
  shortYear: boolean;
  /** Day-first numeric text: a month above 12 may mean the writer used month/day. */
  dayFirst: boolean;
}

const TIME = String.raw`(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})${TIME}$`, 'i');
/** On the match key: "5 de marco de 2024", "05 mar 2024" (from "05-mar-2024"). */
const NAMED = /^(\d{1,2}) (?:de )?([a-z]+) (?:de )?(\d{2}|\d{4})$/;
const SERIAL = /^(\d+)(?:[.,]\d+)?$/;
/** "--03-05" or "--0305": ISO 8601 month and day without a year (Google Contacts' birthdays). */
const ISO_NO_YEAR = /^--(\d{2})-?(\d{2})$/;
/** "05/03", "5-3", "05.03": day and month without a year. */
const DAY_MONTH = /^(\d{1,2})([-/.])(\d{1,2})$/;
const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, janeiro: 1, january: 1, fev: 2, fevereiro: 2, feb: 2, february: 2, mar: 3, marco: 3, march: 3,
  abr: 4, abril: 4, apr: 4, april: 4, mai: 5, maio: 5, may: 5, jun: 6, junho: 6, june: 6,
  jul: 7, julho: 7, july: 7, ago: 8, agosto: 8, aug: 8, august: 8, set: 9, setembro: 9, sep: 9, sept: 9, september: 9,
  out: 10, outubro: 10, oct: 10, october: 10, nov: 11, novembro: 11, november: 11, dez: 12, dezembro: 12, dec: 12, december: 12,
};
const MONTH_LABELS = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];
const FORMAT_HINT = 'Use o formato dia/mês/ano, por exemplo 25/12/1980.';

function fail(code: string, raw: string, message: string, suggestion?: string): RuleResult<string> {
  return { data: null, problems: [ruleProblem(code, 'error', raw, message, suggestion)] };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function toIso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `2024-03-05` → `05/03/2024`, for the messages. */
export function formatDateBr(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "80" → 1980 and "15" → 2015 when the reference year is 2025: a two-digit year is never in the future. */
function expandYear(text: string, referenceYear: number): number {
  const year = Number(text);
  if (text.length === 4) return year;
  const century = Math.floor(referenceYear / 100) * 100;
  return year <= referenceYear % 100 ? century + year : century - 100 + year;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The text's day, month and year, or null when it is not a written date. */
function readParts(text: string, referenceYear: number): DateParts | null {
  const iso = ISO.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[3]), day: Number(iso[4]), shortYear: false, dayFirst: false };
  const br = DAY_FIRST.exec(text);
  if (br) {
    const yearText = br[4] ?? '';
    return { year: expandYear(yearText, referenceYear), month: Number(br[3]), day: Number(br[1]), shortYear: yearText.length === 2, dayFirst: true };
  }
  const named = NAMED.exec(toMatchKey(text));
  const month = named ? MONTH_NAMES[named[2] ?? ''] : undefined;
  if (named && month !== undefined) {
    const yearText = named[3] ?? '';
    return { year: expandYear(yearText, referenceYear), month, day: Number(named[1]), shortYear: yearText.length === 2, dayFirst: false };
  }
  // "05032024" (ddmmaaaa) or "20240305" (aaaammdd) typed without separators: taken only when one of the
  // two readings is a real date (day first is tried first), otherwise it is just a number.
  const dmy = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (dmy && isRealDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]))) {
    return { year: Number(dmy[3]), month: Number(dmy[2]), day: Number(dmy[1]), shortYear: false, dayFirst: true };
  }
  const ymd = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (ymd && isRealDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))) {
    return { year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]), shortYear: false, dayFirst: false };
  }
  return null;
}

function checkParts(raw: string, shown: string, parts: DateParts): RuleResult<string> {
  const { year, month, day } = parts;
  if (month > 12 && parts.dayFirst && day >= 1 && day <= 12 && month <= daysInMonth(year, day)) {
    return fail('date.us_format', raw,
      `A data "${shown}" parece estar no formato americano (mês/dia/ano): não existe mês ${month}. Escreva no formato dia/mês/ano: ${pad(month)}/${pad(day)}/${year}.`,
      toIso(year, day, month));
  }
  if (month < 1 || month > 12) return fail('date.impossible', raw, `A data "${shown}" não existe: não há mês ${month}. ${FORMAT_HINT}`);
  if (year < 1800 || year > 2200) return fail('date.out_of_range', raw, `A data "${shown}" tem o ano ${year}, que parece errado. Confira o ano. ${FORMAT_HINT}`);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    const why = day < 1 ? 'não há dia 0' : `${MONTH_LABELS[month - 1] ?? ''} de ${year} tem ${last} dias`;
    return fail('date.impossible', raw, `A data "${shown}" não existe: ${why}. Confira o dia e o mês.`);
  }
  const iso = toIso(year, month, day);
  if (!parts.shortYear) return { data: iso, problems: [] };
  const problem: RuleProblem = ruleProblem('date.two_digit_year', 'fix', raw,
    `A data "${shown}" tem o ano com 2 dígitos e foi lida como ${formatDateBr(iso)}. Confira se o século está certo.`, iso);
  return { data: iso, problems: [problem] };
}

/**
 * A day and month without a year: a warning and no data (the field is left empty), or null when the text
 * is not one. "05.03" that is not a real day and month is left to the Excel-serial reading.
 */
function readNoYear(raw: string, shown: string): RuleResult<string> | null {
  const iso = ISO_NO_YEAR.exec(shown);
  const dayMonth = iso === null ? DAY_MONTH.exec(shown) : null;
  if (iso === null && dayMonth === null) return null;
  const month = Number(iso !== null ? iso[1] : dayMonth?.[3]);
  const day = Number(iso !== null ? iso[2] : dayMonth?.[1]);
  // Without a year, 29/02 may exist: the longest February is used.
  const last = month >= 1 && month <= 12 ? daysInMonth(2000, month) : 0;
  const real = last > 0 && day >= 1 && day <= last;
  if (!real && dayMonth?.[2] === '.') return null;
  if (last === 0) return fail('date.impossible', raw, `A data "${shown}" não existe: não há mês ${month}. ${FORMAT_HINT}`);
  if (!real) {
    const why = day < 1 ? 'não há dia 0' : `${MONTH_LABELS[month - 1] ?? ''} tem no máximo ${last} dias`;
    return fail('date.impossible', raw, `A data "${shown}" não existe: ${why}. Confira o dia e o mês.`);
  }
  return {
    data: null,
    problems: [ruleProblem('date.no_year', 'warning', raw,
      `A data "${shown}" (dia ${pad(day)}/${pad(month)}) não tem o ano, por isso o campo ficou vazio. Se souber o ano, preencha a data completa, no formato dia/mês/ano.`)],
  };
}

function readSerial(raw: string, shown: string, date1904: boolean): RuleResult<string> {
  if (/^(?:19\d\d|20\d\d|2100)$/.test(shown)) {
    return fail('date.year_only', raw, `"${shown}" parece ser só o ano. Informe a data completa. ${FORMAT_HINT}`);
  }
  const converted = convertExcelSerial(Number(shown.replace(',', '.')), date1904);
  if (converted.kind === 'fake_leap_day') {
    return fail('date.impossible', raw, `O número "${shown}" corresponde a 29/02/1900 no Excel, um dia que não existiu. ${FORMAT_HINT}`);
  }
  if (converted.kind === 'out_of_range') return fail('date.format', raw, `"${shown}" não é uma data. ${FORMAT_HINT}`);
  const year = Number(converted.iso.slice(0, 4));
  if (year < 1800 || year > 2200) return fail('date.out_of_range', raw, `O número "${shown}" não corresponde a uma data plausível. ${FORMAT_HINT}`);
  return {
    data: converted.iso,
    problems: [ruleProblem('date.excel_serial', 'fix', raw,
      `O número "${shown}" foi lido como uma data do Excel: ${formatDateBr(converted.iso)}. Confira se está certa.`, converted.iso)],
  };
}

/** A date from a spreadsheet cell → `yyyy-mm-dd`. Empty → no data, no problem. Never throws. */
export function parseDate(raw: string, options: DateOptions = {}): RuleResult<string> {
  const shown = collapseSpaces(raw);
  if (shown === '') return { data: null, problems: [] };
  const parts = readParts(shown, options.referenceYear ?? new Date().getFullYear());
  if (parts !== null) return checkParts(raw, shown, parts);
  const noYear = readNoYear(raw, shown);
  if (noYear !== null) return noYear;
  if (SERIAL.test(shown)) return readSerial(raw, shown, options.date1904 === true);
  return fail('date.format', raw, `"${shown}" não é uma data que o sistema entenda. ${FORMAT_HINT}`);
}
