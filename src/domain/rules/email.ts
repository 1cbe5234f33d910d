/**
 * E-mail addresses (DESIGN.md §4): trimmed, lowercased, syntax checked; a cell holding several
 * addresses (separated by ; , / spaces, new lines, "e"/"ou", or Google Contacts' " ::: ") gives the
 * principal and the secondary one. The "display name" form that Outlook and Gmail copy
 * ("Maria <maria@x.com>", "\"Silva, Maria\" <maria@x.com>") gives the address inside "<...>": the name is
 * left out without a problem (it is the same address). A "mailto:" before an address (a link copied from a
 * web page) is dropped too.
 *
 * Problem codes:
 *   email.missing_at        error    No "@".
 *   email.multiple_at       error    More than one "@" in what should be one address.
 *   email.spaces            error    Spaces inside the address.
 *   email.accents           error    Accented or other non-ASCII letters (most mail systems refuse them).
 *   email.domain            error    The part after "@" has no dot or its ending is not 2+ letters (with a
 *                                    suggestion when it is a known typo: "yahoo.com.b").
 *   email.syntax            error    Anything else: empty name, consecutive dots, dot at the start or end,
 *                                    forbidden characters.
 *   email.typo              warning  A well-known domain mistyped ("gmail.con", "gmail.com.br"): kept as
 *                                    typed, the corrected address is the suggestion.
 *   email.masked            error    Letters replaced by asterisks ("p*****4@gmail.com"), as systems show an
 *                                    address for privacy: not the real address.
 *   email.too_long          error    More than 64 characters before "@", or more than 254 in all (RFC 5321).
 *   email.secondary_from_cell  warning  (splitEmails) a second address in the cell became the secundário.
 *   email.secondary_invalid    warning  (splitEmails) the second address is not valid and was left out.
 *   email.extra_ignored        warning  (splitEmails) a third address and beyond were left out.
 */
import { ruleProblem, type RuleProblem, type RuleResult } from '../problems';
import { collapseSpaces } from '../text';

export interface EmailPair {
  email: string;
  secondary: string | null;
}

const LOCAL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^[a-z]{2,}$/;

/** Domains people often mistype, by the mistyped form. */
const DOMAIN_TYPOS: Readonly<Record<string, string>> = {
  'gmail.con': 'gmail.com', 'gmail.co': 'gmail.com', 'gmail.cm': 'gmail.com', 'gmail.om': 'gmail.com',
  'gmial.com': 'gmail.com', 'gmai.com': 'gmail.com', 'gmal.com': 'gmail.com',
  'gamil.com': 'gmail.com', 'gnail.com': 'gmail.com', 'gmaill.com': 'gmail.com', 'gmail.cmo': 'gmail.com',
  'hotmail.con': 'hotmail.com', 'hotmail.co': 'hotmail.com', 'hotmal.com': 'hotmail.com',
  'hotmial.com': 'hotmail.com', 'hotmai.com': 'hotmail.com', 'hotmil.com': 'hotmail.com', 'homail.com': 'hotmail.com',
  'outlook.con': 'outlook.com', 'outlok.com': 'outlook.com', 'outloo.com': 'outlook.com',
  'yahoo.con': 'yahoo.com', 'yaho.com': 'yahoo.com', 'yahoo.com.b': 'yahoo.com.br', 'yaho.com.br': 'yahoo.com.br',
  'uol.com': 'uol.com.br', 'uol.con.br': 'uol.com.br', 'bol.com': 'bol.com.br', 'bol.con.br': 'bol.com.br',
  'icloud.con': 'icloud.com',
  // Domains that do not exist with ".br" (or without it), and common slips of the finger.
  'gmail.com.br': 'gmail.com', 'gmil.com': 'gmail.com', 'gmail.comm': 'gmail.com', 'gmail.coom': 'gmail.com',
  'gemail.com': 'gmail.com', 'gmeil.com': 'gmail.com', 'gimail.com': 'gmail.com', 'gmail.cpm': 'gmail.com',
  'gmail.vom': 'gmail.com', 'gmail.xom': 'gmail.com', 'gmaiil.com': 'gmail.com', 'gmsil.com': 'gmail.com',
  'hotmsil.com': 'hotmail.com', 'hotmaill.com': 'hotmail.com', 'hotamil.com': 'hotmail.com', 'hotmeil.com': 'hotmail.com',
  'hormail.com': 'hotmail.com', 'hitmail.com': 'hotmail.com', 'hotmail.coom': 'hotmail.com', 'hotmail.cmo': 'hotmail.com',
  'otmail.com': 'hotmail.com', 'hotmail.com.b': 'hotmail.com.br', 'hotmail.con.br': 'hotmail.com.br',
  'outlok.com.br': 'outlook.com.br', 'outllok.com': 'outlook.com', 'outlook.com.b': 'outlook.com.br', 'outlook.con.br': 'outlook.com.br',
  'yahoo.com.bt': 'yahoo.com.br', 'yahoo.cm': 'yahoo.com', 'yhaoo.com': 'yahoo.com', 'yahho.com': 'yahoo.com', 'yahoo.con.br': 'yahoo.com.br',
  'uol.com.b': 'uol.com.br', 'bol.com.b': 'bol.com.br', 'terra.con.br': 'terra.com.br', 'terra.com.b': 'terra.com.br',
  'live.con': 'live.com', 'icloud.co': 'icloud.com', 'iclould.com': 'icloud.com', 'icoud.com': 'icloud.com',
};

/** RFC 5321: at most 64 characters before "@" and 254 in all. */
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;
/** Asterisks where letters were: "p*****4@gmail.com", "jo***@***.com". */
const MASKED = /\*{2,}|@.*\*/;

/** Words people write between two addresses ("a@x.com e b@y.com"). */
const CONNECTORS = new Set(['e', 'ou', 'and', 'or', '-']);

function fail(code: string, raw: string, message: string, suggestion?: string): RuleResult<string> {
  return { data: null, problems: [ruleProblem(code, 'error', raw, message, suggestion)] };
}

/** "mailto:" at the start of an address (case-insensitive). */
const MAILTO = /^mailto:/i;
/**
 * One mailbox in the display-name form, the whole text: an optional name (quoted, or without "@") and the
 * address in "<...>", perhaps with "mailto:".
 */
const MAILBOX = /^(?:"[^"]*"|[^<>"@]*)\s*<\s*(?:mailto:)?([^<>\s][^<>]*?)\s*>$/i;
/**
 * The same inside a cell with several addresses: the name must start the cell or follow a separator, and
 * an unquoted one has no "@" or separator in it (so "a@x.com Bia <b@y.com>" keeps a@x.com).
 */
const MAILBOXES = /(?<=^|[;,/\s\u00a0])(?:"[^"]*"|[^\s\u00a0<>";,/@]+(?:[ \u00a0]+[^\s\u00a0<>";,/@]+)*)?[ \u00a0]*<\s*(?:mailto:)?([^<>\s]+)\s*>/gi;
/** "mailto:" at the start of any address of a cell. */
const MAILTOS = /(?<=^|[;,/\s\u00a0])mailto:/gi;

/** The address of one mailbox written as `Name <address>` or `mailto:address`; other text unchanged. */
function unwrapAddress(text: string): string {
  // Most cells are a bare address: the mailbox pattern needs a "<", so it is not tried without one.
  const inner = text.includes('<') ? MAILBOX.exec(text)?.[1] : undefined;
  return (inner ?? text).replace(MAILTO, '');
}

/** Domains already judged: a list of 100,000 clients has a few hundred distinct ones (gmail.com…). */
const DOMAIN_VERDICTS = new Map<string, boolean>();
const MAX_DOMAIN_VERDICTS = 10_000;

/** At least two labels (letters, digits, inner hyphens) and a final label of 2+ letters. */
function isValidDomain(domain: string): boolean {
  const known = DOMAIN_VERDICTS.get(domain);
  if (known !== undefined) return known;
  const labels = domain.split('.');
  const top = labels[labels.length - 1] ?? '';
  const valid = labels.length >= 2 && labels.every((label) => DOMAIN_LABEL.test(label)) && TOP_LEVEL.test(top);
  if (DOMAIN_VERDICTS.size >= MAX_DOMAIN_VERDICTS) DOMAIN_VERDICTS.clear();
  DOMAIN_VERDICTS.set(domain, valid);
  return valid;
}

/** A single address: trimmed and lowercased. Empty → no data, no problem. */
export function parseEmail(raw: string): RuleResult<string> {
  const shown = unwrapAddress(collapseSpaces(raw));
  const value = shown.toLowerCase();
  if (value === '') return { data: null, problems: [] };
  const example = 'Use o formato nome@empresa.com.br.';
  if (/\s/.test(value)) return fail('email.spaces', raw, `O e-mail "${shown}" tem espaços no meio. Apague os espaços. ${example}`);
  const at = value.split('@');
  if (at.length === 1) return fail('email.missing_at', raw, `O e-mail "${shown}" está sem o "@". ${example}`);
  if (at.length > 2) {
    return fail('email.multiple_at', raw, `O e-mail "${shown}" tem mais de um "@". Se são dois e-mails, separe-os com ";". ${example}`);
  }
  const [local = '', domain = ''] = at;
  if (MASKED.test(value)) {
    return fail('email.masked', raw, `O e-mail "${shown}" está mascarado: tem asteriscos no lugar de letras, como alguns sistemas mostram os endereços por privacidade. Não é o endereço real; peça o e-mail completo ao cliente.`);
  }
  if (local.length > MAX_LOCAL || value.length > MAX_ADDRESS) {
    const which = local.length > MAX_LOCAL ? `a parte antes do "@" tem ${local.length} caracteres e o limite é ${MAX_LOCAL}` : `ele tem ${value.length} caracteres e o limite é ${MAX_ADDRESS}`;
    return fail('email.too_long', raw, `O e-mail "${shown}" é longo demais: ${which}. Confira se não foram colados dois endereços ou outro texto junto.`);
  }
  if (/[^\x20-\x7e]/.test(value)) {
    return fail('email.accents', raw, `O e-mail "${shown}" tem acento ou "ç". Endereços de e-mail são escritos sem acentos; confira com o cliente.`);
  }
  if (local === '' || !LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return fail('email.syntax', raw, `O e-mail "${shown}" não é válido: confira a parte antes do "@" (pontos seguidos, ponto no começo ou no fim, ou caracteres não permitidos). ${example}`);
  }
  const corrected = DOMAIN_TYPOS[domain];
  const suggestion = corrected === undefined ? undefined : `${local}@${corrected}`;
  if (!isValidDomain(domain)) {
    const hint = suggestion === undefined ? example : `Não seria ${suggestion}?`;
    return fail('email.domain', raw, `O e-mail "${shown}" não é válido: depois do "@" deve vir um domínio como empresa.com.br. ${hint}`, suggestion);
  }
  if (suggestion !== undefined) {
    return {
      data: value,
      problems: [ruleProblem('email.typo', 'warning', raw, `O e-mail "${shown}" parece ter um erro de digitação: não seria ${suggestion}? Confira com o cliente.`, suggestion)],
    };
  }
  return { data: value, problems: [] };
}

/**
 * Splits on ; , / white space (new lines too) and ":::" (Google Contacts puts several addresses in one
 * cell as "a@x.com ::: b@y.com"), dropping the connector words. A single ":" is not a separator. Each
 * "Name <address>" is first replaced by its address, and "mailto:" dropped.
 */
function splitAddresses(text: string): string[] {
  const addresses = (text.includes('<') ? text.replace(MAILBOXES, ' $1 ') : text).replace(MAILTOS, '');
  return addresses.split(/(?:[;,/\s\u00a0]|:::)+/).filter((part) => part !== '' && !CONNECTORS.has(part.toLowerCase()));
}

/**
 * A cell that may hold several addresses: the first is the principal, the second the secundário (a
 * warning says so), the rest are left out (another warning). Only when every piece has an "@" is the
 * cell taken as a list; otherwise it is one (broken) address and parseEmail says what is wrong.
 */
export function splitEmails(raw: string): RuleResult<EmailPair> {
  const parts = splitAddresses(raw);
  if (parts.length === 0) return { data: null, problems: [] };
  if (parts.length === 1 || !parts.every((part) => part.includes('@'))) {
    const single = parseEmail(parts.length === 1 ? (parts[0] ?? '') : raw);
    const problems = single.problems.map((p) => ({ ...p, value: raw }));
    return { data: single.data === null ? null : { email: single.data, secondary: null }, problems };
  }
  const addresses = [...new Set(parts.map((part) => part.toLowerCase()))];
  const first = parseEmail(addresses[0] ?? '');
  const problems: RuleProblem[] = first.problems.map((p) => ({ ...p, value: raw }));
  if (first.data === null) return { data: null, problems };
  let secondary: string | null = null;
  const second = addresses[1];
  if (second !== undefined) {
    const parsed = parseEmail(second);
    problems.push(...parsed.problems.filter((p) => p.level !== 'error').map((p) => ({ ...p, value: raw })));
    if (parsed.data === null) {
      problems.push(ruleProblem('email.secondary_invalid', 'warning', raw,
        `A célula tinha dois e-mails. "${first.data}" ficou como e-mail principal; o segundo, "${second}", não é válido e ficou de fora. Confira-o com o cliente.`));
    } else {
      secondary = parsed.data;
      problems.push(ruleProblem('email.secondary_from_cell', 'warning', raw,
        `A célula tinha dois e-mails: "${first.data}" ficou como e-mail principal e "${secondary}" foi para o e-mail secundário.`));
    }
  }
  const extra = addresses.slice(2);
  if (extra.length > 0) {
    problems.push(ruleProblem('email.extra_ignored', 'warning', raw,
      `A célula tinha mais de dois e-mails; só os dois primeiros foram usados. Ficou de fora: ${extra.join(', ')}.`));
  }
  return { data: { email: first.data, secondary }, problems };
}
