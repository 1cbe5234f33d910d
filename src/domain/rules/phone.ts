/**
 * Brazilian phone numbers (DESIGN.md §4), stored in E.164: `+55` + DDD + number.
 *   mobile    +55 DD 9XXXXXXXX   shown (11) 98765-4321
 *   landline  +55 DD [2-5]XXXXXXX shown (11) 3456-7890
 *   0800 etc. +55 800XXXXXXX     (the leading 0 dropped, as in international format) shown 0800 123 4567
 *   4004 etc. +55 4004XXXX       (typed without DDD: the same number in every city) shown 4004-1234
 *   abroad    +<country><number> kept as typed (a warning: we cannot check it)
 *
 * Problem codes:
 *   phone.extension_ignored    warning  A "ramal"/extension after the number was left out.
 *   phone.extra_ignored        warning  The cell had more than one number; only the first was used.
 *   phone.kind_mismatch        warning  A landline in the Celular column or a mobile in the Telefone column.
 *   phone.foreign              warning  A number with a country code other than +55: kept, not checked.
 *   phone.invalid              error    Letters or symbols that are not part of a phone number.
 *   phone.invalid_ddd          error    The area code does not exist.
 *   phone.invalid_number       error    The number after the DDD cannot exist (starts with 0 or 1, or has
 *                                       9 digits without starting with 9).
 *   phone.missing_ninth_digit  error    An old 8-digit mobile; the suggestion adds the 9 (E.164).
 *   phone.missing_ddd          error    No DDD: 8 digits starting 2-9 or 9 digits starting 9, with no DDD in
 *                                       parentheses before them.
 *   phone.length               error    Any other number of digits (the message says how many it has and
 *                                       how many are expected).
 *
 * Service numbers ("números de acesso a serviços de tarifação compartilhada", the same in every city:
 * 3003-XXXX, 4004-XXXX...) are only recognised when typed WITHOUT a DDD. With a valid DDD before them the
 * number is a landline: "(11) 4004-1234" is also dialled that way, and "(11) 3000-0000" or
 * "(11) 4001-2233" are ordinary landlines — a typed DDD is never dropped.
 */
import { ruleProblem, type RuleProblem, type RuleResult } from '../problems';
import { collapseSpaces, onlyDigits } from '../text';
import { isValidDdd } from './ddd';
import { countDigits } from './plural';

export type PhoneKind = 'mobile' | 'landline';
/** What a stored (E.164) number is; `service` = 0800-like and 4004-like numbers. */
export type PhoneClass = PhoneKind | 'service' | 'foreign';

/** "ramal 123", "r. 12", "ext 45", "x123" at the end of the cell. */
const EXTENSION = /\s*[-–,;]?\s*(?:\b(?:ramal|ram|ral|r|ext|extens[aã]o)\.?|(?<=[\d\s)])x)\s*:?\s*(\d{1,6})\s*$/i;
/** "Cel: ", "Tel.", "Fone" typed before the number. */
const LABEL = /^(?:(?:nr|num|n[º°o]?)\.?\s*)?(?:telefone|tel|fone|celular|cel|whatsapp|whats|fixo|res|com)\.?\s*:?\s*(?=[\d(+])/i;
/** "0xx11", "(0xx11)": the old way to write "dial 0 and the carrier code". */
const ZERO_XX = /^\(?\s*0\s*xx\s*/i;
/** Toll-free and shared-cost numbers: 0800, 0300, 0500, 0900 + 7 digits (without the leading 0). */
const NON_GEOGRAPHIC = /^[3589]00\d{7}$/;
/**
 * Numbers dialled the same everywhere without DDD (Anatel's national shared-cost prefixes, used by banks,
 * card companies and carriers for their "capitais e regiões metropolitanas" lines): 3003, 3004, 4002
 * (e.g. Bradesco 4002-0022), 4003, 4004, 4007, 4020, 4062, 4090 + 4 digits. Other 3xxx/4xxx numbers are
 * ordinary landlines that need a DDD.
 */
const SERVICE = /^(?:3003|3004|4002|4003|4004|4007|4020|4062|4090)\d{4}$/;
/** "(11) ..." or "(011) ...": the DDD was typed, so a short number is missing digits, not its DDD. */
const TYPED_DDD = /^\s*(?:\+?\s*55\s*)?\(\s*0?\d{2}\s*\)/;

const MOBILE_EXAMPLE = 'por exemplo (11) 98765-4321';

function fail(code: string, raw: string, message: string, suggestion?: string): RuleResult<string> {
  return { data: null, problems: [ruleProblem(code, 'error', raw, message, suggestion)] };
}

/** The stored number's class, from its E.164 form. */
export function classifyPhone(e164: string): PhoneClass {
  if (!e164.startsWith('+55')) return 'foreign';
  const national = e164.slice(3);
  if (NON_GEOGRAPHIC.test(national) || SERVICE.test(national)) return 'service';
  return national.length === 11 ? 'mobile' : 'landline';
}

/** `(11) 98765-4321`, `(11) 3456-7890`, `0800 123 4567`, `4004-1234`; anything else unchanged. */
export function formatPhone(e164: string): string {
  const national = /^\+55(\d+)$/.exec(e164)?.[1];
  if (national === undefined) return e164;
  if (NON_GEOGRAPHIC.test(national)) return `0${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  if (SERVICE.test(national)) return `${national.slice(0, 4)}-${national.slice(4)}`;
  if (national.length === 11) return `(${national.slice(0, 2)}) ${national.slice(2, 7)}-${national.slice(7)}`;
  if (national.length === 10) return `(${national.slice(0, 2)}) ${national.slice(2, 6)}-${national.slice(6)}`;
  return e164;
}

/** Drops the trunk "0", the carrier code ("0 21 11 ...", "015 11 ...") and the country code "55". */
function stripPrefixes(digits: string, hasPlus: boolean): string {
  let d = digits;
  if (hasPlus || ((d.length === 12 || d.length === 13) && d.startsWith('55'))) d = d.slice(2);
  else if ((d.length === 14 || d.length === 15) && d.startsWith('0055')) d = d.slice(4);
  if (/^0[3589]00\d{7}$/.test(d)) return d.slice(1);
  if (d.startsWith('0') && (d.length === 13 || d.length === 14)) return d.slice(3);
  // 10 digits starting with 0 cannot be DDD + number (no DDD starts with 0): the trunk 0 before a short one.
  if (d.startsWith('0') && (d.length === 10 || d.length === 11 || d.length === 12)) return d.slice(1);
  return d;
}

/** A whole number without its DDD: a landline (8 digits, 2-5), an old mobile (8 digits, 6-9) or a mobile (9, starting 9). */
function lacksDdd(d: string, dddTyped: boolean): boolean {
  return !dddTyped && ((d.length === 8 && /^[2-9]/.test(d)) || (d.length === 9 && d.startsWith('9')));
}

/** Checks a national number (no prefixes) and returns it in E.164 or the error. */
function checkNational(raw: string, shown: string, d: string, dddTyped: boolean): RuleResult<string> {
  // A service number is 8 digits typed without DDD; with a DDD (10 digits) it is kept as a landline below.
  if (NON_GEOGRAPHIC.test(d) || (SERVICE.test(d) && !dddTyped)) return { data: `+55${d}`, problems: [] };
  if (lacksDdd(d, dddTyped)) {
    return fail('phone.missing_ddd', raw, `O telefone "${shown}" está sem DDD. Informe o DDD (2 dígitos) antes do número, ${MOBILE_EXAMPLE}.`);
  }
  if (d.length !== 10 && d.length !== 11) {
    const count = d.length < 10 ? `tem só ${countDigits(d.length)}, menos do que deveria` : `tem ${countDigits(d.length)}, mais do que deveria`;
    return fail('phone.length', raw, `O telefone "${shown}" ${count}: com o DDD, um celular tem 11 dígitos e um fixo tem 10, ${MOBILE_EXAMPLE}.`);
  }
  const ddd = d.slice(0, 2);
  const subscriber = d.slice(2);
  if (!isValidDdd(ddd)) {
    return fail('phone.invalid_ddd', raw, `O DDD ${ddd} do telefone "${shown}" não existe. Confira o DDD (por exemplo 11 para São Paulo, 21 para o Rio de Janeiro).`);
  }
  if (d.length === 11) {
    if (subscriber.startsWith('9')) return { data: `+55${d}`, problems: [] };
    return fail('phone.invalid_number', raw, `O telefone "${shown}" não é válido: um número com 9 dígitos depois do DDD é de celular e começa com 9. Confira o número.`);
  }
  if (/^[2-5]/.test(subscriber)) return { data: `+55${d}`, problems: [] };
  if (/^[6-9]/.test(subscriber)) {
    const suggestion = `+55${ddd}9${subscriber}`;
    return fail('phone.missing_ninth_digit', raw,
      `O celular "${shown}" está sem o 9 na frente: desde 2016 todo celular tem 9 dígitos depois do DDD. O número certo deve ser ${formatPhone(suggestion)}; confira e corrija.`, suggestion);
  }
  return fail('phone.invalid_number', raw, `O telefone "${shown}" não é válido: depois do DDD, um número de telefone não começa com ${subscriber.slice(0, 1)}. Confira o número.`);
}

function checkKind(raw: string, shown: string, e164: string, expected: PhoneKind): RuleProblem | null {
  const kind = classifyPhone(e164);
  if (kind === 'foreign' || kind === expected || (kind === 'service' && expected === 'landline')) return null;
  const what = kind === 'mobile' ? 'de celular' : kind === 'service' ? 'de atendimento (0800, 4004 e parecidos)' : 'de telefone fixo';
  const column = expected === 'mobile' ? 'Celular' : 'Telefone';
  return ruleProblem('phone.kind_mismatch', 'warning', raw,
    `O número "${shown}" é ${what}, mas está no campo ${column}. Ele foi aceito assim mesmo; se quiser, mude-o para o campo certo.`);
}

/** What a cell holds: its numbers as typed (the first one is used) and an extension cut off its end. */
interface CellParts {
  numbers: string[];
  extension: string | null;
}

/** Cuts off an extension ("ramal 123" at the end) and splits the numbers ("... / ...", "... ou ..."). */
function splitCell(shown: string): CellParts {
  let text = shown;
  let extension: string | null = null;
  const match = EXTENSION.exec(text);
  if (match !== null && onlyDigits(text.slice(0, match.index)).length >= 8) {
    extension = match[1] ?? '';
    text = text.slice(0, match.index);
  }
  // A part without a digit is a label some systems write beside the number ("TIPO FONE: Celular | FONE: 47996811771").
  const parts = text.split(/\s*(?:[;,|/\n]|\s(?:e|ou)\s)\s*/i).filter((part) => part.trim() !== '');
  const numbers = parts.some((part) => /\d/.test(part)) ? parts.filter((part) => /\d/.test(part)) : parts;
  return { numbers, extension };
}

/**
 * The numbers of a cell, as typed, extension left out: "(11) 3333-4444 / 99999-8888" → ["(11) 3333-4444",
 * "99999-8888"]. parsePhone uses the first one; validateClient may put the second one in the other phone
 * field. A number cell read with decimals is one number. Empty → [].
 */
/** The cell on one line; a line break between two numbers (two lines in one Excel cell) separates them. */
function showCell(raw: string): string {
  return collapseSpaces(raw.replace(/\s*[\r\n]+\s*/g, ' / ').replace(/^ \/ | \/ $/g, ''));
}

export function splitPhones(raw: string): string[] {
  const shown = showCell(raw);
  if (shown === '') return [];
  if (/^\d+[.,]0+$/.test(shown)) return [shown];
  return splitCell(shown).numbers;
}

/** Cuts off an extension and extra numbers, with a warning for each. */
function isolateNumber(raw: string, shown: string, problems: RuleProblem[]): string {
  const { numbers: [first = '', ...rest], extension } = splitCell(shown);
  if (extension !== null) {
    problems.push(ruleProblem('phone.extension_ignored', 'warning', raw,
      `O ramal ${extension} foi deixado de fora: o sistema guarda só o número do telefone. Se precisar, anote o ramal nas observações.`));
  }
  if (rest.length > 0) {
    problems.push(ruleProblem('phone.extra_ignored', 'warning', raw,
      `A célula tinha mais de um telefone; só o primeiro foi usado. Ficou de fora: ${rest.join(', ')}.`));
  }
  return first;
}

/** The DDD of a stored Brazilian mobile or landline ("+5511987654321" → "11"); null for other numbers. */
export function dddOf(e164: string): string | null {
  const kind = classifyPhone(e164);
  return kind === 'mobile' || kind === 'landline' ? e164.slice(3, 5) : null;
}

/**
 * The cell's (first) number read with `ddd` in front, when it was typed without one (what parsePhone
 * reports as phone.missing_ddd): its E.164 form, or null when the number has a DDD, is not a phone, or is
 * not valid with that DDD either (an old 8-digit mobile still lacks its ninth digit).
 */
export function withDdd(raw: string, ddd: string): string | null {
  const shown = showCell(raw);
  const numeric = /^(\d+)[.,]0+$/.exec(shown)?.[1];
  const candidate = numeric ?? (splitCell(shown).numbers[0] ?? '').replace(LABEL, '').replace(ZERO_XX, '0');
  if (!/^[\d\s()+\-.–]*$/.test(candidate) || !isValidDdd(ddd)) return null;
  const hasPlus = candidate.trimStart().startsWith('+');
  const digits = onlyDigits(candidate);
  if (hasPlus && !digits.startsWith('55')) return null;
  const national = stripPrefixes(digits, hasPlus);
  // A service number (4004-1234, 0800...) is complete without a DDD.
  if (NON_GEOGRAPHIC.test(national) || SERVICE.test(national) || !lacksDdd(national, TYPED_DDD.test(candidate))) return null;
  return checkNational(raw, shown, ddd + national, true).data;
}

/**
 * A phone from a spreadsheet cell; `expected` is the column's kind (Celular or Telefone). Punctuation,
 * +55, 0xx and carrier codes are tolerated. Empty → no data, no problem. Never throws.
 */
export function parsePhone(raw: string, expected: PhoneKind = 'mobile'): RuleResult<string> {
  const shown = showCell(raw);
  if (shown === '') return { data: null, problems: [] };
  const problems: RuleProblem[] = [];
  // A number cell read with decimals ("11987654321.0") is still the same number.
  const numeric = /^(\d+)[.,]0+$/.exec(shown)?.[1];
  const candidate = numeric ?? isolateNumber(raw, shown, problems).replace(LABEL, '').replace(ZERO_XX, '0');
  if (!/^[\d\s()+\-.–]*$/.test(candidate) || onlyDigits(candidate) === '') {
    return fail('phone.invalid', raw, `"${shown}" não parece um número de telefone. Informe só o DDD e o número, ${MOBILE_EXAMPLE}.`);
  }
  const hasPlus = candidate.trimStart().startsWith('+');
  const digits = onlyDigits(candidate);
  if (hasPlus && !digits.startsWith('55')) {
    if (digits.length < 8 || digits.length > 15) {
      return fail('phone.length', raw, `O telefone "${shown}" tem ${countDigits(digits.length)} e não é um número válido: com o código do país, um número tem de 8 a 15 dígitos.`);
    }
    problems.push(ruleProblem('phone.foreign', 'warning', raw,
      `O telefone "${shown}" não é do Brasil (não começa com +55). Ele foi aceito como está, sem conferência.`));
    return { data: `+${digits}`, problems };
  }
  const result = checkNational(raw, shown, stripPrefixes(digits, hasPlus), TYPED_DDD.test(candidate));
  // An error skips the value: the warnings about what was cut off no longer matter.
  if (result.data === null) return result;
  const mismatch = checkKind(raw, shown, result.data, expected);
  return { data: result.data, problems: mismatch === null ? problems : [...problems, mismatch] };
}
