import { CLIENT_FIELDS, emptyClientDraft, type ClientDraft, type ClientFieldKey } from './entities/client';
import { CLIENT_ENTITY } from './entities/client';
import { withField, type Parsed, type Problem } from './problems';
import { parseText } from './rules';
import type { FieldDef } from './entities/field';

/** Raw cell text by field key, as mapped from one spreadsheet row (or typed in the form). */
export type RawClient = Partial<Record<ClientFieldKey, string>>;

function requiredProblem(field: FieldDef): Problem {
  return {
    code: `required.${field.key}`,
    field: field.key,
    value: '',
    level: 'error',
    message: `${field.label} é obrigatório e está vazio.`,
  };
}

/** Cross-field rules: a given Tipo de pessoa must agree with the document; one derived otherwise. */
function reconcileKind(draft: ClientDraft, raw: RawClient, problems: Problem[]): void {
  if (draft.document === '') return;
  const derived = draft.document.length === 11 ? 'PF' : 'PJ';
  if (draft.kind !== '' && draft.kind !== derived) {
    problems.push({
      code: 'kind.mismatch',
      field: 'kind',
      value: raw.kind ?? '',
      level: 'error',
      message: `O tipo de pessoa "${raw.kind ?? ''}" não combina com o documento: ${derived === 'PF' ? 'um CPF é de pessoa física (PF)' : 'um CNPJ é de pessoa jurídica (PJ)'}.`,
    });
    return;
  }
  draft.kind = derived;
}

/**
 * Normalizes and validates one client: each field through its rule, then the required fields and the
 * cross-field rules. Returns the normalized draft (fields with errors left empty) and every problem.
 */
export function validateClient(raw: RawClient): Parsed<ClientDraft> {
  const draft = emptyClientDraft();
  const problems: Problem[] = [];
  for (const field of CLIENT_FIELDS) {
    const value = raw[field.key] ?? '';
    if (value.trim() === '') continue;
    const parse = field.parse ?? parseText;
    const result = parse(value);
    problems.push(...withField(field.key, result.problems));
    if (result.data !== null) draft[field.key] = result.data;
  }
  reconcileKind(draft, raw, problems);
  const failed = new Set(problems.filter((p) => p.level === 'error').map((p) => p.field));
  const groupsFilled = new Map<string, boolean>();
  for (const field of CLIENT_FIELDS) {
    const filled = draft[field.key] !== '' || failed.has(field.key);
    if (field.required === true && !filled) problems.push(requiredProblem(field));
    if (typeof field.required === 'string') {
      groupsFilled.set(field.required, (groupsFilled.get(field.required) ?? false) || filled);
    }
  }
  for (const [group, filled] of groupsFilled) {
    if (filled) continue;
    const message = CLIENT_ENTITY.requiredGroups[group] ?? 'Campo obrigatório vazio.';
    problems.push({ code: `required.${group}`, field: group === 'phone' ? 'mobile' : group, value: '', level: 'error', message });
  }
  return { data: draft, problems };
}
