/**
 * The review of a Grupos spreadsheet: each row through the group fields' rules (GROUP_FIELDS), then
 * repeats inside the file and groups already registered, matched by name the way the Grupos screen
 * matches them (without case, accents or punctuation). Same statuses, items and counts as the clients'
 * review, so the review screen and the log show both alike.
 *
 * Problem codes (besides the rules' own, group.name_invalid, group.name_too_long, group.description_too_long):
 *   required.name            error    The row has no group name.
 *   group.duplicate_in_file  error    The same group is on an earlier row of the file: only the first row counts.
 *   group.already_registered warning  A group with this name exists: what happens is the user's choice
 *                                     (ignore it, complete its empty description, or replace it).
 */
import { GROUP_FIELDS, type GroupDraft, type GroupFieldKey } from './entities/group';
import { DEFAULT_CONTEXT, type FieldDef, type ParseContext } from './entities/field';
import type { Mapping } from './mapping';
import { withField, type Parsed, type Problem } from './problems';
import { listReviewItems, lookupFields, statusOf, toRawValues, type ReviewFilter, type ReviewItem, type RowStatus } from './review';
import { toMatchKey } from './text';

/** Raw cell text by group field, as mapped from one spreadsheet row. */
export type RawGroup = Partial<Record<GroupFieldKey, string>>;

export interface GroupReviewRow {
  rowNumber: number;
  cells: string[];
  /** Values the user typed in the review, by field; they win over the cells. */
  edits: RawGroup;
  draft: GroupDraft;
  problems: Problem[];
  status: RowStatus;
  /** For `existing`: the stored group's id. */
  existingId?: string;
}

const GROUP_LOOKUP = lookupFields(GROUP_FIELDS);

/** Normalizes and validates one group: each field through its rule, then the required ones. */
export function validateGroup(raw: RawGroup, context: ParseContext = DEFAULT_CONTEXT): Parsed<GroupDraft> {
  const draft: GroupDraft = { name: '', description: '' };
  const problems: Problem[] = [];
  for (const field of GROUP_FIELDS) {
    const value = raw[field.key] ?? '';
    if (value.trim() !== '') {
      const parse: NonNullable<FieldDef['parse']> = field.parse;
      const result = parse(value, context);
      problems.push(...withField(field.key, result.problems));
      if (result.data !== null) draft[field.key] = result.data;
      continue;
    }
    if (field.required) problems.push({ code: `required.${field.key}`, field: field.key, value: '', level: 'error', message: `${field.label} é obrigatório e está vazio: sem ele a linha não vira um grupo.` });
  }
  return { data: draft, problems };
}

export function validateGroupRow(row: Pick<GroupReviewRow, 'rowNumber' | 'cells' | 'edits'>, mapping: Mapping, context?: ParseContext): GroupReviewRow {
  const { data, problems } = validateGroup(toRawValues(row.cells, mapping, GROUP_LOOKUP, row.edits), context);
  return { ...row, draft: data, problems, status: statusOf(problems) };
}

/** Every data row below the header row, validated on its own (blank rows are not rows of data). */
export function reviewGroupTable(rows: readonly string[][], headerRow: number, mapping: Mapping, context?: ParseContext): GroupReviewRow[] {
  const out: GroupReviewRow[] = [];
  for (let i = headerRow + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (!cells || cells.every((c) => c.trim() === '')) continue;
    out.push(validateGroupRow({ rowNumber: i + 1, cells, edits: {} }, mapping, context));
  }
  return out;
}

const REPEAT_CODES = new Set(['group.duplicate_in_file', 'group.already_registered']);

/**
 * A group named on an earlier row (the first row wins) and a group already registered (`known`: the
 * stored groups' ids by name key). Rows with errors are left as they are.
 */
export function markGroupRepeats(rows: GroupReviewRow[], known: ReadonlyMap<string, string>): void {
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    row.problems = row.problems.filter((p) => !REPEAT_CODES.has(p.code));
    delete row.existingId;
    row.status = statusOf(row.problems);
    if (row.status === 'error') continue;
    const key = toMatchKey(row.draft.name);
    const first = firstRow.get(key);
    if (first !== undefined) {
      row.status = 'duplicate';
      row.problems.push({ code: 'group.duplicate_in_file', field: 'name', value: row.draft.name, level: 'error', message: `Este grupo já aparece na linha ${first} da planilha (o mesmo nome, sem diferença de maiúsculas ou acentos). Só a primeira linha é importada.` });
      continue;
    }
    firstRow.set(key, row.rowNumber);
    const existingId = known.get(key);
    if (existingId === undefined) continue;
    row.status = 'existing';
    row.existingId = existingId;
    row.problems.push({ code: 'group.already_registered', field: 'name', value: row.draft.name, level: 'warning', message: 'Já existe um grupo com este nome.' });
  }
}

/** The review table's lines for a filter, as for clients. */
export function listGroupReviewItems(rows: readonly GroupReviewRow[], mapping: Mapping, filter: ReviewFilter): ReviewItem[] {
  return listReviewItems(rows, mapping, filter, GROUP_LOOKUP);
}
