/**
 * CSV/TXT to rows, without SheetJS: an RFC 4180 parser (quoted fields may hold delimiters, doubled
 * quotes and line breaks; CRLF, LF or CR) that never guesses types, so `01234567890`, `05/03/2024`
 * and `1.234,56` stay exactly as written.
 */
import type { Parsed, Problem } from '../../domain/problems';
import type { ReadLimits } from './limits';
import { sheetProblems, type Place } from './messages';
import { isBlank, trimTrailingBlanks } from './rows';
import type { ProgressCallback } from './types';

export const DELIMITERS = [';', '\t', ',', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface RecordScan {
  /** 1-based record (row) where a quote opened and never closed, if any. */
  unclosedQuoteRow: number | null;
}

/** Calls `onRecord` with each record's fields and the offset just after it; returning false stops. */
export function parseRecords(text: string, delimiter: string, onRecord: (fields: string[], end: number) => boolean): RecordScan {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let unclosedQuoteRow: number | null = null;
  let records = 0;
  let fields: string[] = [];
  let i = 0;
  while (i < n) {
    let value = '';
    if (text.charCodeAt(i) === QUOTE) {
      let start = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(start);
          i = n;
          unclosedQuoteRow ??= records + 1;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
    }
    // Unquoted text, or what follows a closing quote (kept, as Excel does with `"abc"def`).
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === d || c === LF || c === CR) break;
      j++;
    }
    if (j > i) value += text.slice(i, j);
    i = j;
    fields.push(value);
    if (i >= n) break;
    if (text.charCodeAt(i) === d) {
      if (++i === n) fields.push('');
      continue;
    }
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records++;
    if (!onRecord(fields, i)) return { unclosedQuoteRow };
    fields = [];
  }
  if (fields.length > 0) onRecord(fields, n);
  return { unclosedQuoteRow };
}

const SNIFF_CHARS = 64 * 1024;
const SNIFF_RECORDS = 50;

/** How regular a delimiter makes the first records: share of records with the most common field count (≥ 2). */
function scoreDelimiter(sample: string, truncated: boolean, delimiter: Delimiter): { consistency: number; width: number } {
  const counts = new Map<number, number>();
  let records = 0;
  parseRecords(sample, delimiter, (fields, end) => {
    if (truncated && end >= sample.length) return false; // the cut record is incomplete
    if (fields.some((f) => !isBlank(f))) {
      records++;
      counts.set(fields.length, (counts.get(fields.length) ?? 0) + 1);
    }
    return records < SNIFF_RECORDS;
  });
  let best = { consistency: 0, width: 1 };
  for (const [width, count] of counts) {
    if (width < 2) continue;
    const consistency = count / records;
    if (consistency > best.consistency || (consistency === best.consistency && width > best.width)) best = { consistency, width };
  }
  return best;
}

/** The delimiter that splits the first lines most consistently; ties go to more columns, then to `;` (Brazil's Excel). */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, SNIFF_CHARS);
  const truncated = text.length > sample.length;
  let best: { delimiter: Delimiter; consistency: number; width: number } = { delimiter: ';', consistency: 0, width: 1 };
  for (const delimiter of DELIMITERS) {
    const score = scoreDelimiter(sample, truncated, delimiter);
    if (score.consistency > best.consistency || (score.consistency === best.consistency && score.width > best.width)) {
      best = { delimiter, ...score };
    }
  }
  return best.delimiter;
}

const SEP_DIRECTIVE = /^sep=([;,\t|])[ \t]*(\r\n|\n|\r|$)/i;

/**
 * Excel's `sep=;` first line names the delimiter and is not shown as a row when Excel opens the file,
 * so it is honoured and dropped: row numbers stay those the user sees.
 */
function readSepDirective(text: string): { text: string; delimiter: Delimiter } | null {
  const match = SEP_DIRECTIVE.exec(text);
  const delimiter = DELIMITERS.find((d) => d === match?.[1]);
  return match && delimiter ? { text: text.slice(match[0].length), delimiter } : null;
}

export interface CsvTable {
  rows: string[][];
  delimiter: Delimiter;
  unclosedQuoteRow: number | null;
}

/**
 * Parses the whole text into trimmed rows. Blank records are held back and only stored when a filled
 * record follows, so trailing blank lines cost nothing; rows and columns over the limits stop the parse.
 */
export function readCsv(source: string, limits: ReadLimits, place: Place, onProgress?: ProgressCallback): Parsed<CsvTable | null> {
  const { text, delimiter } = readSepDirective(source) ?? { text: source, delimiter: detectDelimiter(source) };
  const rows: string[][] = [];
  let index = -1;
  let firstFilled = -1;
  const stop: { problem?: Problem } = {};
  const { unclosedQuoteRow } = parseRecords(text, delimiter, (fields, end) => {
    index++;
    if ((index & 0x1fff) === 0) onProgress?.('parsing', end / text.length);
    if (trimTrailingBlanks(fields).length === 0) return true;
    if (firstFilled < 0) firstFilled = index;
    if (index - firstFilled > limits.maxRows || firstFilled > limits.maxRows) {
      stop.problem = sheetProblems.tooManyRows(place, limits);
      return false;
    }
    if (fields.length > limits.maxColumns) {
      stop.problem = sheetProblems.tooManyColumns(place, fields.length, limits);
      return false;
    }
    while (rows.length < index) rows.push([]);
    rows.push(fields);
    return true;
  });
  if (stop.problem) return { data: null, problems: [stop.problem] };
  onProgress?.('parsing', 1);
  return { data: { rows, delimiter, unclosedQuoteRow }, problems: [] };
}
