/**
 * Validation of a whole client: each field through its rule (src/domain/rules), then the required fields
 * and the cross-field rules.
 *
 * Problem codes added here (besides the rules' own):
 *   required.<field>     error    A required field is empty (required.phone: neither Celular nor Telefone).
 *   email.extra_ignored  warning  The E-mail principal cell had a second address, but the E-mail secundário
 *                                 column is filled: the second address was left out.
 *   kind.mismatch        error    (from the kind rule) the Tipo de pessoa disagrees with the CPF/CNPJ.
 *   phone.dropped        warning  Celular and Telefone are required as a group: when one of them is valid,
 *                                 an invalid value in the other one does not reject the row. Its error
 *                                 becomes this warning (the rule's sentence + "ficou de fora"), the field is
 *                                 left empty and the client keeps the valid phone. With no valid phone the
 *                                 error stays. phone.missing_ninth_digit is NOT dropped: that number is
 *                                 almost surely right, its suggestion fixes it in one click ("Usar
 *                                 sugestão"), and dropping it would silently lose a good number.
 */
import { CLIENT_FIELDS, emptyClientDraft, type ClientDraft, type ClientFieldKey } from './entities/client';
import { CLIENT_ENTITY } from './entities/client';
import { withField, type Parsed, type Problem, type RuleResult } from './problems';
import { checkKindAgainstDocument, kindOfDocument, parseText, splitEmails } from './rules';
import { DEFAULT_CONTEXT, type FieldDef, type ParseContext } from './entities/field';

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

/** How a field's cell is read: its own rule, else plain text. */
function parserOf(field: FieldDef): (raw: string, context: ParseContext) => RuleResult<string> {
  return field.parse ?? parseText;
}

/**
 * E-mail principal: a cell with several addresses gives the principal and the secundário (DESIGN.md §4),
 * unless the E-mail secundário column has its own value, which then wins.
 */
function readEmails(value: string, raw: RawClient, draft: ClientDraft, problems: Problem[]): void {
  const { data, problems: found } = splitEmails(value);
  if (data === null) {
    problems.push(...withField('email', found));
    return;
  }
  draft.email = data.email;
  const secondaryGiven = (raw.secondaryEmail ?? '').trim() !== '';
  if (data.secondary === null || !secondaryGiven) {
    if (data.secondary !== null) draft.secondaryEmail = data.secondary;
    problems.push(...withField('email', found));
    return;
  }
  problems.push(...withField('email', found.filter((p) => p.code !== 'email.secondary_from_cell')), {
    code: 'email.extra_ignored',
    field: 'email',
    value,
    level: 'warning',
    message: `A célula tinha dois e-mails: "${data.email}" ficou como e-mail principal e "${data.secondary}" ficou de fora, porque a coluna E-mail secundário já está preenchida.`,
  });
}

const PHONE_FIELDS = [['mobile', 'Celular', 'phone', 'Telefone'], ['phone', 'Telefone', 'mobile', 'Celular']] as const;

/** Phone errors that are kept even when the other phone is valid (see phone.dropped above). */
const KEPT_PHONE_ERRORS: ReadonlySet<string> = new Set(['phone.missing_ninth_digit']);

/**
 * Cross-field rule: with one valid phone, the errors of the other phone field become `phone.dropped`
 * warnings (its value is already left empty: a rule's error gives no data). Phones have no automatic
 * fixes, so a declined fix (review.ts) can never empty the valid phone this relies on.
 */
function dropInvalidSecondPhone(draft: ClientDraft, problems: Problem[]): Problem[] {
  let result = problems;
  for (const [key, label, other, otherLabel] of PHONE_FIELDS) {
    if (draft[other] === '' || draft[key] !== '') continue;
    const errors = result.filter((p) => p.field === key && p.level === 'error');
    if (errors.length === 0 || errors.some((p) => KEPT_PHONE_ERRORS.has(p.code))) continue;
    result = result.map((p): Problem => {
      if (!errors.includes(p)) return p;
      const dropped: Problem = {
        code: 'phone.dropped',
        field: key,
        value: p.value,
        level: 'warning',
        message: `${p.message} Como o ${otherLabel} está certo, este ${label} ficou de fora e o cliente fica só com o ${otherLabel}; corrija o número se quiser guardá-lo também.`,
      };
      return p.suggestion === undefined ? dropped : { ...dropped, suggestion: p.suggestion };
    });
  }
  return result;
}

/** Cross-field rule: a given Tipo de pessoa must agree with the document; it is derived when empty. */
function reconcileKind(draft: ClientDraft, raw: RawClient, problems: Problem[]): void {
  const derived = kindOfDocument(draft.document);
  if (derived === null) return;
  if (draft.kind === 'PF' || draft.kind === 'PJ') {
    // The problem's value is the cell as typed ("Jurídica"), not the normalized kind.
    problems.push(...withField('kind', checkKindAgainstDocument(draft.kind, draft.document)).map((p) => ({ ...p, value: raw.kind ?? p.value })));
    return;
  }
  draft.kind = derived;
}

export interface ValidateOptions {
  /**
   * The record form: the person is there to fix what they typed, so nothing is left out with a warning
   * (an invalid second phone stays an error instead of becoming phone.dropped).
   */
  typedByHand?: boolean;
}

/**
 * Normalizes and validates one client: each field through its rule, then the required fields and the
 * cross-field rules. Returns the normalized draft (fields with errors left empty) and every problem.
 */
export function validateClient(raw: RawClient, context: ParseContext = DEFAULT_CONTEXT, options: ValidateOptions = {}): Parsed<ClientDraft> {
  const draft = emptyClientDraft();
  let problems: Problem[] = [];
  for (const field of CLIENT_FIELDS) {
    const value = raw[field.key] ?? '';
    if (value.trim() === '') continue;
    if (field.key === 'email') {
      readEmails(value, raw, draft, problems);
      continue;
    }
    const result = parserOf(field)(value, context);
    problems.push(...withField(field.key, result.problems));
    if (result.data !== null) draft[field.key] = result.data;
  }
  reconcileKind(draft, raw, problems);
  if (options.typedByHand !== true) problems = dropInvalidSecondPhone(draft, problems);
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
