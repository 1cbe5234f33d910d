import type { RuleResult } from '../problems';

/** How a field's values look; drives template cell formats, list display and export cell types. */
export type FieldFormat = 'text' | 'longtext' | 'document' | 'kind' | 'phone' | 'email' | 'cep' | 'uf' | 'date' | 'group';

/** What a rule may need to know about the file a value came from. */
export interface ParseContext {
  /** The workbook counts dates from 1904 (old Mac Excel): a bare serial number means another day. */
  date1904: boolean;
  /** A date column of the file has dates only readable month first: its ambiguous dates are flagged. */
  monthFirstDates?: boolean;
}

export const DEFAULT_CONTEXT: ParseContext = { date1904: false };

/**
 * One field of an entity. The list of these is the single source of truth for the template,
 * the mapping options, the validation, the review table, the form, the list and the export.
 */
export interface FieldDef<K extends string = string> {
  key: K;
  /** Label shown to the user and used as template header. */
  label: string;
  /** `true`: must have a value. A string: at least one field of that group must have a value. */
  required: boolean | string;
  format: FieldFormat;
  /** What the field means, shown in the template's "Instruções" sheet and in the form. */
  description: string;
  example: string;
  /** Header texts from other systems that mean this field (compared without accents, case or punctuation). */
  synonyms: readonly string[];
  /** Normalizes a raw cell. Absent: plain text (trimmed, spaces collapsed). */
  parse?: (raw: string, context: ParseContext) => RuleResult<string>;
  /** Allowed values, offered as a dropdown in the template and the form. */
  options?: readonly string[];
  /**
   * A field that may come in pieces ("Nome" + "Sobrenome", Google's "First Name" + "Last Name"): the
   * headers of a first piece and of the pieces that follow. Those columns all feed the field, joined.
   */
  parts?: { readonly first: readonly string[]; readonly rest: readonly string[] };
  /** Several columns may feed the field; their values are joined with this, in column order. */
  joinWith?: string;
  /** Several columns may feed the field (a CPF column and a CNPJ column); a row takes the first filled one. */
  firstOfSeveral?: boolean;
  /**
   * A column holding the start of the value, put in front of it ("DDD" beside "Telefone"): offered in the
   * mapping right after the field, under its own key.
   */
  prefixColumn?: {
    readonly key: string;
    readonly label: string;
    readonly synonyms: readonly string[];
    /** Puts the prefix cell in front of the field's cell. */
    readonly prepend: (prefix: string, value: string) => string;
  };
}

export interface EntityDef<K extends string = string> {
  name: 'clients' | 'groups';
  label: string;
  fields: readonly FieldDef<K>[];
  /** Message shown when none of a `required` group has a value, by group name. */
  requiredGroups: Readonly<Record<string, string>>;
}

/** The label with `*` when the field is required on its own (a field of a required group is explained instead). */
export function requiredLabel(field: FieldDef): string {
  return field.required === true ? `${field.label}*` : field.label;
}
