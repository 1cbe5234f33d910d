import { CLIENT_FIELDS, type ClientDraft, type ClientFieldKey } from './entities/client';
import type { Mapping } from './mapping';
import { addProblem, NO_PROBLEMS, type Problem } from './problems';
import { DEFAULT_CONTEXT, type FieldDef, type ParseContext } from './entities/field';
import { validateClient, type RawClient } from './validateClient';
import { allowsIncomplete, type RequiredSet } from './requiredFields';
import { markContactRepeat, type ContactOwner } from './contactDuplicates';
import { suggestPlaceDdd } from './bulkFixes';

/**
 * Where a data row stands after validation:
 * ready (valid as typed), fixed (valid after automatic fixes), error (skipped), duplicate (its document
 * appears on an earlier row of the file), existing (its document is already registered), incomplete (its
 * only errors are required values left empty, but the name: it may come in as an incomplete client).
 * A row without CPF/CNPJ is at best incomplete; its repeats are found by name plus phone or e-mail.
 */
export type RowStatus = 'ready' | 'fixed' | 'error' | 'duplicate' | 'existing' | 'incomplete';

export interface ReviewRow {
  /** Spreadsheet row number as the user sees it in Excel. */
  rowNumber: number;
  /** The row's original cells, by column. */
  cells: string[];
  /** Values the user typed in the review, by field; they win over the cells. */
  edits: RawClient;
  draft: ClientDraft;
  /** Shared (`NO_PROBLEMS`) when there is none: replaced, never pushed to. */
  problems: readonly Problem[];
  status: RowStatus;
  /** For `existing`: the stored client's id (found by CPF/CNPJ, or by name plus phone or e-mail). */
  existingId?: string;
}

/**
 * Our exports put a `'` before a text starting with = + - @ tab or CR (formula injection, DESIGN.md §6):
 * read back, the quote is not part of the value ("'+1 555 0100" is the phone "+1 555 0100").
 */
function unneutralize(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** An entity's fields by mapping key: what reading a row's cells into fields needs to know. */
export interface FieldLookup {
  byKey: ReadonlyMap<string, FieldDef>;
  /** The field each prefix column ("DDD do Telefone") belongs to, by the prefix's mapping key. */
  byPrefix: ReadonlyMap<string, FieldDef>;
}

export function lookupFields(fields: readonly FieldDef[]): FieldLookup {
  const byKey = new Map<string, FieldDef>(fields.map((f) => [f.key, f]));
  return { byKey, byPrefix: new Map([...byKey.values()].flatMap((f) => (f.prefixColumn ? [[f.prefixColumn.key, f] as const] : []))) };
}

const CLIENT_LOOKUP = lookupFields(CLIENT_FIELDS);

/**
 * A cell that says nothing for its field: empty, or only what the field's rule drops without a complaint
 * (Google Contacts' "* myContacts" in Group Membership). A default fills it.
 */
function saysNothing(field: FieldDef | undefined, value: string | undefined): boolean {
  if (value === undefined || value.trim() === '') return true;
  const parsed = field?.parse?.(value, DEFAULT_CONTEXT);
  return parsed !== undefined && parsed.data === null && parsed.problems.length === 0;
}

/**
 * The row's raw values by field: the mapped cells, then the defaults for fields left blank (a Grupo for
 * the whole file, say), then what the user typed in the review.
 */
export function toRawClient(cells: readonly string[], mapping: Mapping, edits: RawClient = {}, defaults: RawClient = {}): RawClient {
  return toRawValues(cells, mapping, CLIENT_LOOKUP, edits, defaults);
}

/** toRawClient for any entity's fields (`lookup`): a Grupos spreadsheet's rows are read the same way. */
export function toRawValues<K extends string>(cells: readonly string[], mapping: Mapping, lookup: FieldLookup, edits: Partial<Record<K, string>> = {}, defaults: Partial<Record<K, string>> = {}): Partial<Record<K, string>> {
  const raw: Partial<Record<K, string>> = {};
  const prefixes = new Map<FieldDef, string>();
  mapping.forEach((key, column) => {
    if (key === null) return;
    const owner = lookup.byPrefix.get(key);
    if (owner) {
      if ((prefixes.get(owner) ?? '').trim() === '') prefixes.set(owner, cells[column] ?? '');
      return;
    }
    const field = key as K;
    const value = unneutralize(cells[column] ?? '');
    const before = raw[field] ?? '';
    const joinWith = lookup.byKey.get(field)?.joinWith;
    // "Nome" + "Sobrenome" are joined; otherwise (say "Fone 1", "Fone 2") the first non-empty value wins.
    if (before.trim() === '') raw[field] = value;
    else if (joinWith !== undefined && value.trim() !== '') raw[field] = `${before}${joinWith}${value}`;
  });
  for (const [field, prefix] of prefixes) {
    const key = field.key as K;
    const value = raw[key];
    if (value !== undefined && field.prefixColumn) raw[key] = field.prefixColumn.prepend(prefix, value);
  }
  for (const key in defaults) {
    const value = defaults[key] ?? '';
    if (value.trim() !== '' && saysNothing(lookup.byKey.get(key), raw[key])) raw[key] = value;
  }
  // Edits are rare: without any, the row's own values go as they are (no copy per row).
  for (const key in edits) return { ...raw, ...edits };
  return raw;
}

export function statusOf(problems: readonly Problem[]): RowStatus {
  const errors = problems.filter((p) => p.level === 'error');
  if (errors.length > 0) return errors.every(allowsIncomplete) ? 'incomplete' : 'error';
  return problems.some((p) => p.level === 'fix') ? 'fixed' : 'ready';
}

/**
 * A kind of automatic fix the user declined: the value is not corrected, so the row needs the user's own
 * correction (in the review table or in the spreadsheet) and is not imported as is.
 */
function declineFix(problem: Problem, draft: ClientDraft): Problem {
  if (problem.field in draft) draft[problem.field as ClientFieldKey] = '';
  return { ...problem, level: 'error', code: `${problem.code}.declined`, message: `${problem.message} Você recusou esta correção automática: corrija o valor para importar a linha.` };
}

/** Validates one row on its own (no duplicate or existing checks): used first, and after an edit. */
export function validateRow(row: Pick<ReviewRow, 'rowNumber' | 'cells' | 'edits'>, mapping: Mapping, options: RowOptions = {}): ReviewRow {
  const declined = options.declined ?? NO_DECLINED;
  const { data, problems } = validateClient(toRawClient(row.cells, mapping, row.edits, options.defaults), options.context, options.required ? { required: options.required } : {});
  const final = suggestPlaceDdd(data, declined.size === 0 ? problems : problems.map((p) => (p.level === 'fix' && declined.has(p.code) ? declineFix(p, data) : p)));
  // A literal of one shape, not `{ ...row, … }`: V8 gives a spread copy ≈ 250 bytes more per row (measured).
  return { rowNumber: row.rowNumber, cells: row.cells, edits: row.edits, draft: data, problems: final.length === 0 ? NO_PROBLEMS : final, status: statusOf(final) };
}

const NO_DECLINED: ReadonlySet<string> = new Set();

/** Every row the user did not edit shares this one (frozen: an edit replaces a row's `edits`, never adds to it). */
const NO_EDITS: RawClient = Object.freeze({});

export interface RowOptions {
  /** Codes of the automatic fixes the user declined. */
  declined?: ReadonlySet<string>;
  /** Facts about the file the rules need (its date system). */
  context?: ParseContext;
  /** Values for fields a row leaves empty, chosen for the whole file. */
  defaults?: RawClient;
  /** The office's required fields ("Campos obrigatórios"). */
  required?: RequiredSet;
}

const REPEAT_CODES = new Set(['document.duplicate_in_file', 'document.already_registered', 'contact.duplicate_in_file', 'contact.already_registered']);

/**
 * Adds what depends on the other rows and on the database: a document repeated in the file (the first
 * row wins) and a document already registered; for a row without document, the same by name plus phone
 * or e-mail (`contacts`: the stored clients by contact key). Rows with errors are left as they are.
 */
export function markDuplicates(rows: ReviewRow[], existing: ReadonlyMap<string, string>, contacts: ReadonlyMap<string, ContactOwner> = new Map()): void {
  const firstRow = new Map<string, number>();
  const earlierContacts = new Map<string, ContactOwner>();
  for (const row of rows) {
    // Only a row marked before (an edit, a new default) has anything to take off: the others are left as they are.
    if (row.existingId !== undefined) delete row.existingId;
    if (!row.problems.some((p) => REPEAT_CODES.has(p.code))) continue;
    row.problems = row.problems.filter((p) => !REPEAT_CODES.has(p.code));
    row.status = statusOf(row.problems);
  }
  // A complete row claims its client before an incomplete one does, wherever it is in the file: the
  // incomplete repeat is the one left out, never the complete row.
  const ordered = [...rows.filter((r) => r.status !== 'incomplete'), ...rows.filter((r) => r.status === 'incomplete')];
  for (const row of ordered) {
    const document = row.draft.document;
    if (row.status === 'error') continue;
    if (document === '') {
      markContactRepeat(row, earlierContacts, contacts);
      continue;
    }
    const first = firstRow.get(document);
    if (first !== undefined) {
      row.status = 'duplicate';
      addProblem(row, {
        code: 'document.duplicate_in_file',
        field: 'document',
        value: document,
        level: 'error',
        message: first < row.rowNumber
          ? `Este CPF/CNPJ já aparece na linha ${first} da planilha. Só a primeira linha é importada.`
          : `Este CPF/CNPJ aparece também na linha ${first} da planilha, que está completa: só aquela linha é importada.`,
      });
      continue;
    }
    firstRow.set(document, row.rowNumber);
    const existingId = existing.get(document);
    if (existingId !== undefined) {
      row.status = 'existing';
      row.existingId = existingId;
      addProblem(row, {
        code: 'document.already_registered',
        field: 'document',
        value: document,
        level: 'warning',
        message: 'Já existe um cliente cadastrado com este CPF/CNPJ.',
      });
    }
  }
}

function isBlank(cells: readonly string[] | undefined): boolean {
  return !cells || cells.every((c) => c.trim() === '');
}

/** Validates every data row below the header row; blank rows are not rows of data. */
export function reviewTable(rows: readonly string[][], headerRow: number, mapping: Mapping, onProgress?: (done: number, total: number) => void, options: RowOptions = {}): ReviewRow[] {
  const out: ReviewRow[] = [];
  const total = rows.length - headerRow - 1;
  for (let i = headerRow + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (!cells || isBlank(cells)) continue;
    out.push(validateRow({ rowNumber: i + 1, cells, edits: NO_EDITS }, mapping, options));
    if (onProgress && (i - headerRow) % 5000 === 0) onProgress(i - headerRow, total);
  }
  return out;
}

/** Which rows the review table shows: by status ('problems' = any row with a problem) and by problem code. */
export interface ReviewFilter {
  status: RowStatus | 'problems';
  code: string | null;
}

/** One line of the review table: a problem of a row, with the field's current value to edit. */
export interface ReviewItem {
  rowNumber: number;
  /** Who the row is about, so the user knows the line without opening the spreadsheet. */
  name: string;
  status: RowStatus;
  field: string;
  value: string;
  problem: Problem;
}

/** What the review table needs of a row, whatever the entity (a client's, a group's). */
export type ReviewableRow = Pick<ReviewRow, 'rowNumber' | 'cells' | 'problems' | 'status'> & { edits: Partial<Record<string, string>>; draft: { name: string } };

/** The review table's lines for a filter: one per problem of each matching row, in row order. */
export function listReviewItems(rows: readonly ReviewableRow[], mapping: Mapping, filter: ReviewFilter, lookup: FieldLookup = CLIENT_LOOKUP): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const row of rows) {
    if (row.problems.length === 0) continue;
    if (filter.status !== 'problems' && row.status !== filter.status) continue;
    if (filter.code !== null && !row.problems.some((p) => p.code === filter.code)) continue;
    const raw: Partial<Record<string, string>> = toRawValues(row.cells, mapping, lookup, row.edits);
    for (const problem of row.problems) {
      if (filter.code !== null && problem.code !== filter.code) continue;
      const value = problem.field in raw ? (raw[problem.field] ?? '') : problem.value;
      items.push({ rowNumber: row.rowNumber, name: row.draft.name || (raw.name ?? '').trim(), status: row.status, field: problem.field, value, problem });
    }
  }
  return items;
}
