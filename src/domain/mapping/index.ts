import type { FieldDef } from '../entities/field';
import { detectFieldFromValues, isMostlyMobiles } from './content';
import { headerAllowsContent, headerKeys, scoreHeader } from './headers';
import { dropOtherDocuments } from './documents';
import { toMatchKey } from '../text';

/** For each spreadsheet column, the field key it feeds, or null for "Ignorar coluna". */
export type Mapping = (string | null)[];

export interface ColumnSample {
  header: string;
  /** Non-empty values from the column (a sample of the data rows). */
  values: readonly string[];
}

/** Identifies a file's layout: same headers (in order) → same signature → same saved mapping. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((h) => toMatchKey(h)).join('|');
}

/**
 * Contact exports pair a value column with a column naming its kind ("Custom Field 1 - Type" = "CPF",
 * "Phone 1 - Type" = "Mobile"): such a label column is never data, even when its values look like some.
 */
const LABEL_COLUMN = /\s-\s*(?:type|label)$/i;

/** "FirstName", "Person - First name" and "first_name" are all "first name". */
function headerIn(header: string, names: readonly string[]): boolean {
  const keys = headerKeys(header).map((key) => key.replace(/ /g, ''));
  return names.some((name) => keys.includes(toMatchKey(name).replace(/ /g, '')));
}

/**
 * "Nome" + "Sobrenome", "First Name" + "Middle Name" + "Last Name": when the field's column is a first
 * piece (or the field has none yet) and pieces follow, every piece feeds the field. A column that already
 * holds the whole name ("Name", "Nome completo") is left alone, and the pieces beside it are not needed.
 */
function addNameParts(columns: readonly ColumnSample[], field: FieldDef, mapping: Mapping, used: Set<string>): void {
  if (!field.parts) return;
  const { first, rest } = field.parts;
  const restColumns = columns.flatMap((c, i) => (mapping[i] === null && headerIn(c.header, rest) ? [i] : []));
  if (restColumns.length === 0) return;
  const current = mapping.indexOf(field.key);
  if (current >= 0 && !headerIn(columns[current]?.header ?? '', first)) return;
  const firstColumns = columns.flatMap((c, i) => (mapping[i] === null && headerIn(c.header, first) ? [i] : []));
  for (const index of [...firstColumns, ...restColumns]) mapping[index] = field.key;
  used.add(field.key);
}

/**
 * Pre-fills the mapping: first by header text (best score wins, each field used once), then by content
 * for the columns still unmapped.
 */
export function suggestMapping(columns: readonly ColumnSample[], fields: readonly FieldDef[]): Mapping {
  const mapping: Mapping = columns.map(() => null);
  const candidates: { column: number; field: string; score: number }[] = [];
  columns.forEach((column, index) => {
    for (const field of fields) {
      const score = scoreHeader(column.header, field);
      if (score > 0) candidates.push({ column: index, field: field.key, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const used = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.column] !== null || used.has(c.field)) continue;
    mapping[c.column] = c.field;
    used.add(c.field);
  }
  for (const field of fields) addNameParts(columns, field, mapping, used);
  for (const field of fields) addOtherExactColumns(columns, field, mapping);
  columns.forEach((column, index) => {
    if (mapping[index] !== null || LABEL_COLUMN.test(column.header.trim())) return;
    const free = fields.filter((f) => !used.has(f.key) && headerAllowsContent(column.header, f.format));
    const key = detectFieldFromValues(column.values, free);
    if (key !== null) {
      mapping[index] = key;
      used.add(key);
    }
  });
  addPrefixColumns(columns, fields, mapping);
  preferMobileForMobiles(columns, mapping);
  dropOtherDocuments(columns, mapping);
  return mapping;
}

/** A field that may take several columns (CPF and CNPJ apart) gets every other column that names it exactly. */
function addOtherExactColumns(columns: readonly ColumnSample[], field: FieldDef, mapping: Mapping): void {
  if (field.firstOfSeveral !== true || !mapping.includes(field.key)) return;
  columns.forEach((column, index) => {
    if (mapping[index] === null && scoreHeader(column.header, field) > 0.9) mapping[index] = field.key;
  });
}

/**
 * "DDD do Celular", or a bare "DDD" just before a phone column (ERP exports write "DDD;Telefone"): the
 * column holds the start of that phone.
 */
function addPrefixColumns(columns: readonly ColumnSample[], fields: readonly FieldDef[], mapping: Mapping): void {
  columns.forEach((column, index) => {
    if (mapping[index] !== null) return;
    const named = fields.find((f) => f.prefixColumn && headerIn(column.header, f.prefixColumn.synonyms));
    const next = fields.find((f) => f.key === mapping[index + 1]);
    const target = named ?? (toMatchKey(column.header) === 'ddd' ? next : undefined);
    if (target?.prefixColumn) mapping[index] = target.prefixColumn.key;
  });
}

/** A "Telefone" column of mostly mobiles, and no Celular column: the numbers belong in Celular. */
function preferMobileForMobiles(columns: readonly ColumnSample[], mapping: Mapping): void {
  const phone = mapping.indexOf('phone');
  if (phone < 0 || mapping.includes('mobile') || mapping.indexOf('phone', phone + 1) >= 0) return;
  if (!isMostlyMobiles(columns[phone]?.values ?? [])) return;
  mapping[phone] = 'mobile';
  mapping.forEach((key, index) => {
    if (key === 'phone.ddd') mapping[index] = 'mobile.ddd';
  });
}

/**
 * The fields a file brings a column for (a prefix column, "DDD do Celular", counts for its field): what
 * "Substituir" may overwrite. A field the file has no column for is left as stored.
 */
export function listMappedFields(mapping: Mapping, fields: readonly FieldDef[]): Set<string> {
  const keys = new Set(mapping.filter((key) => key !== null));
  return new Set(fields.filter((field) => keys.has(field.key) || (field.prefixColumn !== undefined && keys.has(field.prefixColumn.key))).map((field) => field.key));
}

/** How many distinct fields a row of headers names: tells a data tab from an instructions tab. */
export function countNamedFields(headers: readonly string[], fields: readonly FieldDef[]): number {
  return fields.filter((field) => headers.some((header) => scoreHeader(header, field) > 0)).length;
}

export interface MappingCheck {
  /** Required fields (or required groups, by their first field) with no column. */
  missing: FieldDef[];
  /** Fields chosen for more than one column (a field whose pieces are joined may have several). */
  repeated: FieldDef[];
  /** Fields fed by several columns (joined, or the first filled one): the columns, in order. */
  joined: { field: FieldDef; columns: number[] }[];
}

/** `defaulted`: fields given one value for the whole file; they need no column. */
export function checkMapping(mapping: Mapping, fields: readonly FieldDef[], defaulted: readonly string[] = []): MappingCheck {
  const counts = new Map<string, number>();
  for (const key of mapping) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeated = fields.filter((f) => f.joinWith === undefined && f.firstOfSeveral !== true && (counts.get(f.key) ?? 0) > 1);
  for (const key of defaulted) counts.set(key, Math.max(1, counts.get(key) ?? 0));
  const missing: FieldDef[] = [];
  const groupsSeen = new Set<string>();
  for (const field of fields) {
    if (field.required === true && !counts.has(field.key)) missing.push(field);
    if (typeof field.required === 'string' && !groupsSeen.has(field.required)) {
      groupsSeen.add(field.required);
      const group = fields.filter((f) => f.required === field.required);
      if (!group.some((f) => counts.has(f.key))) missing.push(field);
    }
  }
  const joined = fields
    .filter((f) => (f.joinWith !== undefined || f.firstOfSeveral === true) && (counts.get(f.key) ?? 0) > 1)
    .map((field) => ({ field, columns: mapping.flatMap((key, column) => (key === field.key ? [column] : [])) }));
  return { missing, repeated, joined };
}
