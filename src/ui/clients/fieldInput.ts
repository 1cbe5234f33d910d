import type { FieldDef } from '../../domain/entities/field';
import type { HTMLInputAttributes } from 'svelte/elements';

/**
 * The keyboard each field wants on a phone or tablet. CPF/CNPJ keeps a text keypad: the alphanumeric
 * CNPJ (IN RFB 2.229/2024) has letters, which a numeric keypad would not offer. CEP is digits only;
 * phones get the telephone keypad, which also has "+", "(" and "-".
 */
export function inputAttributes(field: Pick<FieldDef, 'format'>): HTMLInputAttributes {
  switch (field.format) {
    case 'document': return { type: 'text', inputmode: 'text', autocapitalize: 'characters', spellcheck: false };
    case 'cep': return { type: 'text', inputmode: 'numeric' };
    case 'phone': return { type: 'tel', inputmode: 'tel' };
    case 'email': return { type: 'email', inputmode: 'email', spellcheck: false };
    default: return { type: 'text' };
  }
}

/** "25/12/1980" (how the record shows it) or ISO, as the date field's ISO value; anything else empty. */
export function toIsoDate(value: string): string {
  const br = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (br) return `${br[3]}-${br[2]}-${br[1]}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : '';
}

/** The dropdown's values when the field has a fixed list (Tipo de pessoa, UF). */
export function optionsOf(field: object): readonly string[] | undefined {
  if (!('options' in field) || !Array.isArray(field.options)) return undefined;
  return field.options.filter((option): option is string => typeof option === 'string');
}

/** The words a person reads for a code of a dropdown. */
export const OPTION_LABELS: Readonly<Record<string, string>> = { PF: 'Pessoa física (PF)', PJ: 'Pessoa jurídica (PJ)' };
