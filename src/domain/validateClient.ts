/**
 * Validation of a whole client: each field through its rule (src/domain/rules), then the required fields
 * and the cross-field rules.
 *
 * Problem codes added here (besides the rules' own):
 *   required.<field>     error    A required field is empty (required.phone: neither Celular nor Telefone).
 *   email.extra_ignored  warning  The E-mail principal cell had a second address, but the E-mail secundário
 *                                 column is filled: the second address was left out.
 *   kind.mismatch        error    (from the kind rule) the Tipo de pessoa disagrees with the CPF/CNPJ.
 *   phone.moved          warning  A Celular (or Telefone) cell held two numbers and the other phone field is
 *                                 empty: the second number went to the other field instead of being left out
 *                                 (phone.extra_ignored). Written without DDD, it takes the DDD of the first
 *                                 number. When the first one fits the other field better (a mobile in the
 *                                 Telefone cell, a landline second), the two swap places. The sentence says
 *                                 which number went where. The problem is on the cell that held the numbers.
 *                                 With the other field filled, nothing moves (phone.extra_ignored as before).
 *   phone.missing_ddd    error    (from the phone rule) with a valid Brazilian number in the other phone
 *                                 field, the error gets a suggestion: the number with that DDD (E.164), and
 *                                 the sentence says so ("Sugerimos o DDD 11, o mesmo do Telefone; confira.").
 *   phone.dropped        warning  Celular and Telefone are required as a group: when one of them is valid,
 *                                 an invalid value in the other one does not reject the row. Its error
 *                                 becomes this warning (the rule's sentence + "ficou de fora"), the field is
 *                                 left empty and the client keeps the valid phone. With no valid phone the
 *                                 error stays. An error with a suggestion is NOT dropped
 *                                 (phone.missing_ninth_digit, phone.missing_ddd with the other phone's DDD):
 *                                 that number is almost surely right, its suggestion fixes it in one click
 *                                 ("Usar sugestão"), and dropping it would silently lose a good number.
 */
import { CLIENT_FIELDS, emptyClientDraft, type ClientDraft, type ClientFieldKey } from './entities/client';
import { DEFAULT_REQUIRED, listMissing, requiredMessage, type RequiredSet } from './requiredFields';
import { withField, type Parsed, type Problem, type RuleResult } from './problems';
import { checkKindAgainstDocument, classifyPhone, dddOf, formatPhone, kindOfDocument, parsePhone, parseText, parseUf, splitCityUf, splitEmails, splitPhones, withDdd } from './rules';
import { DEFAULT_CONTEXT, type FieldDef, type ParseContext } from './entities/field';

/** Raw cell text by field key, as mapped from one spreadsheet row (or typed in the form). */
export type RawClient = Partial<Record<ClientFieldKey, string>>;

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

type PhoneField = 'mobile' | 'phone';

interface PhoneFieldInfo {
  key: PhoneField;
  label: string;
  other: PhoneField;
  otherLabel: string;
}

const PHONE_FIELDS: readonly PhoneFieldInfo[] = [
  { key: 'mobile', label: 'Celular', other: 'phone', otherLabel: 'Telefone' },
  { key: 'phone', label: 'Telefone', other: 'mobile', otherLabel: 'Celular' },
];

/** Whether a stored number belongs in the field: a mobile in Celular, a landline or 0800/4004 in Telefone. */
function fits(e164: string, field: PhoneField): boolean {
  const kind = classifyPhone(e164);
  if (kind === 'foreign') return true;
  return field === 'mobile' ? kind === 'mobile' : kind !== 'mobile';
}

function kindWords(e164: string): string {
  const kind = classifyPhone(e164);
  return kind === 'mobile' ? 'de celular' : kind === 'service' ? 'de atendimento (0800, 4004 e parecidos)' : 'de telefone fixo';
}

/**
 * The second number of a cell, if it is a valid Brazilian number: as typed, or — typed without DDD — with
 * the DDD of the first number (`ddd` is then that DDD).
 */
function readSecondNumber(typed: string, first: string): { e164: string; ddd: string | null } | null {
  const parsed = parsePhone(typed);
  if (parsed.data !== null) return classifyPhone(parsed.data) === 'foreign' ? null : { e164: parsed.data, ddd: null };
  const ddd = dddOf(first);
  const completed = ddd === null ? null : withDdd(typed, ddd);
  return completed === null ? null : { e164: completed, ddd };
}

/**
 * Cross-field rule (phone.moved): a phone cell with two numbers fills the other phone field when it is
 * empty, each number in the field it fits best.
 */
function moveSecondPhone(raw: RawClient, draft: ClientDraft, problems: Problem[]): Problem[] {
  let result = problems;
  for (const { key, label, other, otherLabel } of PHONE_FIELDS) {
    const first = draft[key];
    if (first === '' || draft[other] !== '' || (raw[other] ?? '').trim() !== '') continue;
    const value = raw[key] ?? '';
    const [, typed, ...rest] = splitPhones(value);
    const second = typed === undefined ? null : readSecondNumber(typed, first);
    if (second === null || second.e164 === first) continue;
    const swap = !fits(first, key) && fits(first, other) && fits(second.e164, key);
    draft[key] = swap ? second.e164 : first;
    draft[other] = swap ? first : second.e164;
    let message = swap
      ? `A célula tinha dois telefones: ${formatPhone(first)} é ${kindWords(first)} e foi para o ${otherLabel}, que estava vazio; ${formatPhone(second.e164)} é ${kindWords(second.e164)} e ficou no ${label}.`
      : `A célula tinha dois telefones: ${formatPhone(first)} ficou no ${label} e ${formatPhone(second.e164)} foi para o ${otherLabel}, que estava vazio.`;
    if (second.ddd !== null) message += ` O número ${typed ?? ''} estava sem DDD: usamos o DDD ${second.ddd}, o mesmo do primeiro número; confira.`;
    if (!swap && !fits(second.e164, other)) message += ` O número ${formatPhone(second.e164)} é ${kindWords(second.e164)}; se quiser, mude-o de campo.`;
    // The first number's kind_mismatch no longer applies once it moved to the field it fits.
    result = result.filter((p) => p.field !== key || (p.code !== 'phone.extra_ignored' && (!swap || p.code !== 'phone.kind_mismatch')));
    result.push({ code: 'phone.moved', field: key, value, level: 'warning', message });
    if (rest.length > 0) {
      result.push({
        code: 'phone.extra_ignored',
        field: key,
        value,
        level: 'warning',
        message: `A célula tinha mais de dois telefones; só os dois primeiros foram usados. Ficou de fora: ${rest.join(', ')}.`,
      });
    }
  }
  return result;
}

/**
 * Cross-field rule: a phone without DDD next to a valid Brazilian number in the other phone field gets
 * that DDD as a suggestion (it stays an error: the user confirms with "Usar sugestão").
 */
function suggestDdd(draft: ClientDraft, problems: Problem[]): Problem[] {
  return problems.map((p): Problem => {
    const field = PHONE_FIELDS.find((f) => f.key === p.field);
    if (p.code !== 'phone.missing_ddd' || field === undefined || p.suggestion !== undefined) return p;
    const ddd = dddOf(draft[field.other]);
    const suggestion = ddd === null ? null : withDdd(p.value, ddd);
    if (suggestion === null) return p;
    return { ...p, suggestion, message: `${p.message} Sugerimos o DDD ${ddd ?? ''}, o mesmo do ${field.otherLabel}; confira.` };
  });
}

/**
 * Cross-field rule: with one valid phone, the errors of the other phone field become `phone.dropped`
 * warnings (its value is already left empty: a rule's error gives no data), unless one of them carries a
 * suggestion (see phone.dropped above). Phones have no automatic fixes, so a declined fix (review.ts) can
 * never empty the valid phone this relies on.
 */
function dropInvalidSecondPhone(draft: ClientDraft, problems: Problem[]): Problem[] {
  let result = problems;
  for (const { key, label, other, otherLabel } of PHONE_FIELDS) {
    if (draft[other] === '' || draft[key] !== '') continue;
    const errors = result.filter((p) => p.field === key && p.level === 'error');
    if (errors.length === 0 || errors.some((p) => p.suggestion !== undefined)) continue;
    result = result.map((p): Problem => {
      if (!errors.includes(p)) return p;
      return {
        code: 'phone.dropped',
        field: key,
        value: p.value,
        level: 'warning',
        message: `${p.message} Como o ${otherLabel} está certo, este ${label} ficou de fora e o cliente fica só com o ${otherLabel}; corrija o número se quiser guardá-lo também.`,
      };
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
  /** The office's required fields ("Campos obrigatórios"); the seed's by default. */
  required?: RequiredSet;
}

/**
 * Normalizes and validates one client: each field through its rule, then the required fields and the
 * cross-field rules. Returns the normalized draft (fields with errors left empty) and every problem.
 */
/** One "Cidade/UF" cell ("São Paulo/SP") gives the city and, when the UF is empty, the UF too. */
function splitCityCell(raw: RawClient): RawClient {
  const parts = splitCityUf(raw.city ?? '');
  if (parts === null) return raw;
  const uf = (raw.uf ?? '').trim();
  if (uf !== '' && parseUf(uf).data !== parts.uf) return raw;
  return { ...raw, city: parts.city, uf: uf === '' ? parts.uf : uf };
}

export function validateClient(typed: RawClient, context: ParseContext = DEFAULT_CONTEXT, options: ValidateOptions = {}): Parsed<ClientDraft> {
  const raw = splitCityCell(typed);
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
    if (result.problems.length > 0) problems.push(...withField(field.key, result.problems));
    if (result.data !== null) draft[field.key] = result.data;
  }
  reconcileKind(draft, raw, problems);
  problems = suggestDdd(draft, moveSecondPhone(raw, draft, problems));
  if (options.typedByHand !== true) problems = dropInvalidSecondPhone(draft, problems);
  // A field whose value was invalid is not empty: its own error says what to fix.
  const filled: Partial<Record<ClientFieldKey, string>> = { ...draft };
  for (const p of problems) if (p.level === 'error' && p.field in filled) filled[p.field as ClientFieldKey] = 'x';
  for (const option of listMissing(filled, options.required ?? DEFAULT_REQUIRED)) {
    problems.push({ code: `required.${option.key}`, field: option.fields[0] ?? option.key, value: '', level: 'error', message: requiredMessage(option) });
  }
  return { data: draft, problems };
}
