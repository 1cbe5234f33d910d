/**
 * Which client fields a complete record needs ("Campos obrigatórios", set by the office). The seed's five
 * are the default, read from CLIENT_FIELDS' `required`; Nome/Razão Social is always required. Celular and
 * Telefone are one requirement ("phone": at least one of them), as in the seed.
 */
import { CLIENT_ENTITY, CLIENT_FIELDS, type ClientFieldKey } from './entities/client';
import type { FieldDef } from './entities/field';

/** A field key, or the name of a group of fields of which one must be filled ("phone"). */
export type Requirement = string;
export type RequiredSet = ReadonlySet<Requirement>;

export interface RequirementOption {
  key: Requirement;
  label: string;
  /** The fields that satisfy it (one is enough). */
  fields: readonly ClientFieldKey[];
  /** Nome/Razão Social: cannot be turned off. */
  fixed: boolean;
}

/**
 * Required whatever the office chooses: the name, and the CPF/CNPJ — the register's key; a client without
 * it can only come in as incomplete (and a client without a name not at all).
 */
export const ALWAYS_REQUIRED: readonly Requirement[] = ['name', 'document'];

const GROUP_LABELS: Readonly<Record<string, string>> = { phone: 'Celular e/ou Telefone' };

/** The checkboxes of "Campos obrigatórios", in field order (a group where its first field is). */
export const REQUIREMENT_OPTIONS: readonly RequirementOption[] = (() => {
  const options: RequirementOption[] = [];
  for (const field of CLIENT_FIELDS) {
    const group = typeof field.required === 'string' ? field.required : null;
    if (group === null) {
      options.push({ key: field.key, label: field.label, fields: [field.key], fixed: ALWAYS_REQUIRED.includes(field.key) });
      continue;
    }
    if (options.some((o) => o.key === group)) continue;
    options.push({ key: group, label: GROUP_LABELS[group] ?? field.label, fields: CLIENT_FIELDS.filter((f) => f.required === group).map((f) => f.key), fixed: false });
  }
  return options;
})();


/** The seed's required fields: Nome/Razão Social, CPF/CNPJ, Celular e/ou Telefone, E-mail principal, Grupo. */
export const DEFAULT_REQUIRED: RequiredSet = new Set(CLIENT_FIELDS.flatMap((f): Requirement[] => (f.required === true ? [f.key] : typeof f.required === 'string' ? [f.required] : [])));

/** A stored setting read back: unknown keys dropped, Nome always in. */
export function toRequiredSet(keys: readonly string[] | undefined): RequiredSet {
  if (keys === undefined) return DEFAULT_REQUIRED;
  const known = new Set(REQUIREMENT_OPTIONS.map((o) => o.key));
  return new Set([...ALWAYS_REQUIRED, ...keys.filter((k) => known.has(k))]);
}

/** Whether the field is required on its own or as part of a required group (the form marks it). */
export function isFieldRequired(key: ClientFieldKey, required: RequiredSet): boolean {
  return REQUIREMENT_OPTIONS.some((o) => required.has(o.key) && o.fields.includes(key));
}

/** The sentence of an empty requirement (the problem `required.<key>`). */
export function requiredMessage(option: RequirementOption): string {
  if (option.fields.length > 1) return CLIENT_ENTITY.requiredGroups[option.key] ?? `Informe ${option.label}.`;
  return `${option.label} é obrigatório e está vazio.`;
}

/** The requirements a client (draft or record: every field as text) leaves empty, in field order. */
export function listMissing(values: Readonly<Partial<Record<ClientFieldKey, string>>>, required: RequiredSet): RequirementOption[] {
  return REQUIREMENT_OPTIONS.filter((o) => required.has(o.key) && o.fields.every((f) => (values[f] ?? '') === ''));
}

/**
 * A missing required value (`required.email`, as opposed to an invalid value) that does not stop a row
 * from coming in as an incomplete client; a nameless row cannot.
 */
export function allowsIncomplete(problem: { code: string }): boolean {
  return problem.code.startsWith('required.') && problem.code !== 'required.name';
}

/** What a stored client lacks (its group is `groupId`, '' when it has none). */
export function listRecordMissing(record: Readonly<Omit<Partial<Record<ClientFieldKey, string>>, 'group'>> & { groupId: string }, required: RequiredSet): RequirementOption[] {
  return listMissing({ ...record, group: record.groupId }, required);
}

/** The client fields with `required` as the office set it (for checks written against FieldDef, like the mapping's). */
export function applyRequired(required: RequiredSet): FieldDef[] {
  return CLIENT_FIELDS.map((field): FieldDef => {
    const key = typeof field.required === 'string' ? field.required : field.key;
    const on = required.has(key);
    return { ...field, required: on ? (typeof field.required === 'string' ? field.required : true) : false };
  });
}
