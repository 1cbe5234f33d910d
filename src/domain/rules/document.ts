/**
 * CPF and CNPJ (DESIGN.md §4): punctuation tolerated; stored as 11 digits (CPF) or 14 uppercase
 * alphanumerics (CNPJ, including the alphanumeric CNPJ of IN RFB 2.229/2024).
 *
 * Problem codes:
 *   document.leading_zero_restored  fix    A bare number of 9-10 (CPF) or 12-13 (CNPJ) digits: Excel
 *                                          dropped the leading zeros; padded, the check digits hold.
 *   document.scientific_notation    error  "1,23457E+13": Excel turned the number into scientific notation
 *                                          and the last digits are lost for good.
 *   document.digits_lost            error  A bare number of more than 15 digits: Excel keeps only 15.
 *   document.cnpj_lost_zeros        error  A bare number of 11 digits that is no valid CPF but is a valid
 *                                          CNPJ once 3 leading zeros are restored (a CNPJ starting 000):
 *                                          the CNPJ is the suggestion, for the user to confirm.
 *   document.invalid_chars          error  Characters other than digits, . - / and spaces (letters are
 *                                          allowed only in a 14-character CNPJ).
 *   document.length                 error  Neither 11 nor 14 characters (also a damaged number that still
 *                                          fails once padded).
 *   cpf.repeated_digits             error  All 11 digits equal.
 *   cpf.check_digits                error  The last two digits do not match.
 *   cnpj.repeated_digits            error  All 14 digits equal.
 *   cnpj.check_digits               error  The last two characters do not match (or are not digits).
 */
import { ruleProblem, type RuleProblem, type RuleResult } from '../problems';
import { collapseSpaces } from '../text';
import { hasAllEqualChars, isValidCnpj, isValidCpf } from './checksum';
import { countDigits } from './plural';

export { isValidCpf, isValidCnpj } from './checksum';

export type PersonKind = 'PF' | 'PJ';
export interface DocumentData {
  /** 11 digits (CPF) or 14 uppercase characters 0-9A-Z (CNPJ). */
  document: string;
  kind: PersonKind;
}

/** "1,23457E+13", "1.23457e13", "1.23457E+013": how Excel shows a long number it has rounded. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
/** A number as a spreadsheet gives it: digits, maybe with an all-zero decimal part ("1234567890.0"). */
const BARE_NUMBER = /^(\d+)(?:[.,](0+))?$/;
/** A number shown with thousands separators ("1.234.567.890", "1,234,567,890.00"): also a number cell. */
const GROUPED_NUMBER = /^(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})+)(?:(?!\2)[.,]0+)?$/;
/** "CPF: 123...", "CNPJ 11.222..." — a label typed in the cell before the number. */
const LABEL = /^(?:cpf|cnpj)\s*(?:\/\s*(?:cpf|cnpj)\s*)?(?:n[º°o.]?\s*)?[:.-]?\s*(?=[0-9])/i;
/** Punctuation people and systems put in documents, including typographic dashes. */
const SEPARATORS = /[\s.,\-/\\_\u2010-\u2015]+/g;
/** More digits than this in a number cell means Excel rounded it (it keeps 15 significant digits). */
const EXCEL_MAX_DIGITS = 15;

const NO_DATA: RuleResult<DocumentData> = { data: null, problems: [] };

function fail(problem: RuleProblem): RuleResult<DocumentData> {
  return { data: null, problems: [problem] };
}

/** `123.456.789-09` for a CPF, `12.ABC.345/01DE-35` for a CNPJ; anything else unchanged. */
export function formatDocument(doc: string): string {
  if (/^\d{11}$/.test(doc)) return doc.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
  if (/^[0-9A-Za-z]{12}\d{2}$/.test(doc)) {
    return doc.toUpperCase().replace(/^(.{2})(.{3})(.{3})(.{4})(.{2})$/, '$1.$2.$3/$4-$5');
  }
  return doc;
}

function checkCpf(raw: string, shown: string, digits: string): RuleResult<DocumentData> {
  if (hasAllEqualChars(digits)) {
    return fail(ruleProblem('cpf.repeated_digits', 'error', raw,
      `O CPF "${shown}" tem todos os dígitos iguais, e esse número não existe. Informe o CPF correto do cliente.`));
  }
  if (!isValidCpf(digits)) {
    return fail(ruleProblem('cpf.check_digits', 'error', raw,
      `O CPF "${shown}" não é válido: os dígitos verificadores (os dois últimos) não conferem. Confira se algum número foi digitado errado.`));
  }
  return { data: { document: digits, kind: 'PF' }, problems: [] };
}

function checkCnpj(raw: string, shown: string, value: string): RuleResult<DocumentData> {
  if (hasAllEqualChars(value)) {
    return fail(ruleProblem('cnpj.repeated_digits', 'error', raw,
      `O CNPJ "${shown}" tem todos os caracteres iguais, e esse número não existe. Informe o CNPJ correto do cliente.`));
  }
  if (!/\d{2}$/.test(value)) {
    return fail(ruleProblem('cnpj.check_digits', 'error', raw,
      `O CNPJ "${shown}" não é válido: os dois últimos caracteres (os dígitos verificadores) são sempre números. Confira o CNPJ.`));
  }
  if (!isValidCnpj(value)) {
    return fail(ruleProblem('cnpj.check_digits', 'error', raw,
      `O CNPJ "${shown}" não é válido: os dígitos verificadores (os dois últimos) não conferem. Confira se algum caractere foi digitado errado.`));
  }
  return { data: { document: value, kind: 'PJ' }, problems: [] };
}

function reportLength(raw: string, shown: string, length: number): RuleResult<DocumentData> {
  return fail(ruleProblem('document.length', 'error', raw,
    `"${shown}" tem ${countDigits(length)}, mas o CPF tem 11 dígitos e o CNPJ tem 14. Confira se faltou ou sobrou algum número.`));
}

/** A punctuated or alphanumeric value, already uppercase and without separators. */
function checkCompact(raw: string, shown: string, compact: string): RuleResult<DocumentData> {
  if (/[A-Z]/.test(compact) && compact.length !== 14) {
    return fail(ruleProblem('document.invalid_chars', 'error', raw,
      `"${shown}" tem letras. O CPF só tem números; só o CNPJ novo (14 caracteres) pode ter letras. Confira o documento.`));
  }
  if (compact.length === 11) return checkCpf(raw, shown, compact);
  if (compact.length === 14) return checkCnpj(raw, shown, compact);
  return reportLength(raw, shown, compact.length);
}

/**
 * A cell that was a number in the spreadsheet: Excel dropped its leading zeros. We pad it back, but only
 * keep the result when the check digits hold — otherwise the number was simply wrong.
 */
function restoreLeadingZeros(raw: string, shown: string, digits: string): RuleResult<DocumentData> {
  const isCpf = digits.length <= 10;
  const target = isCpf ? 11 : 14;
  const padded = digits.padStart(target, '0');
  const valid = isCpf ? isValidCpf(padded) : isValidCnpj(padded);
  const name = isCpf ? 'CPF' : 'CNPJ';
  if (!valid) {
    return fail(ruleProblem('document.length', 'error', raw,
      `"${shown}" tem ${countDigits(digits.length)}, mas o ${name} tem ${target}. Mesmo completando com zeros à esquerda (que o Excel às vezes apaga), o ${name} não é válido. Confira o número.`));
  }
  const zeros = target - digits.length;
  const restored = zeros === 1
    ? `O zero do início do ${name} foi restaurado: o Excel o apagou`
    : `Os ${zeros} zeros do início do ${name} foram restaurados: o Excel os apagou`;
  const message = `${restored} ao tratar o documento como número. "${shown}" ficou ${formatDocument(padded)}.`;
  return {
    data: { document: padded, kind: isCpf ? 'PF' : 'PJ' },
    problems: [ruleProblem('document.leading_zero_restored', 'fix', raw, message, padded)],
  };
}

function checkBareNumber(raw: string, shown: string, integer: string, decimals: string): RuleResult<DocumentData> {
  // "529982247.00" may be a CPF typed with a dot before its check digits "00": try it whole first.
  const whole = integer + decimals;
  if (decimals !== '' && (whole.length === 11 || whole.length === 14)) {
    const asTyped = checkCompact(raw, shown, whole);
    if (asTyped.data !== null) return asTyped;
  }
  if (integer.length > EXCEL_MAX_DIGITS) {
    return fail(ruleProblem('document.digits_lost', 'error', raw,
      `"${shown}" tem ${countDigits(integer.length)}: o Excel tratou o documento como número e só guarda 15 dígitos, então parte dele se perdeu. Na planilha, formate a coluna como "Texto" antes de digitar ou colar os números e exporte o arquivo de novo.`));
  }
  if ([9, 10, 12, 13].includes(integer.length)) return restoreLeadingZeros(raw, shown, integer);
  const result = checkCompact(raw, shown, integer);
  return integer.length === 11 && result.data === null ? suggestLostCnpjZeros(raw, shown, integer, result) : result;
}

/**
 * 11 digits are a CPF's length, but also a CNPJ starting with "000" once Excel dropped those zeros. When
 * the digits are no valid CPF and the padded CNPJ is valid, that CNPJ is offered (not applied: the value
 * could also be a mistyped CPF).
 */
function suggestLostCnpjZeros(raw: string, shown: string, digits: string, asCpf: RuleResult<DocumentData>): RuleResult<DocumentData> {
  const padded = digits.padStart(14, '0');
  if (!isValidCnpj(padded) || hasAllEqualChars(padded)) return asCpf;
  return fail(ruleProblem('document.cnpj_lost_zeros', 'error', raw,
    `"${shown}" tem 11 dígitos, mas não é um CPF válido. Parece um CNPJ que perdeu os 3 zeros do início (o Excel os apaga ao tratar o documento como número): ${formatDocument(padded)}. Confira e, se for esse, aceite a correção.`,
    padded));
}

/** CPF or CNPJ from a spreadsheet cell; never throws. Empty → no data, no problem. */
export function parseDocument(raw: string): RuleResult<DocumentData> {
  const shown = collapseSpaces(raw);
  if (shown === '') return NO_DATA;
  const value = shown.replace(LABEL, '');
  if (SCIENTIFIC.test(value)) {
    return fail(ruleProblem('document.scientific_notation', 'error', raw,
      `"${shown}" está em notação científica: o Excel tratou o CPF/CNPJ como número e apagou os últimos dígitos, que não podem ser recuperados. Na planilha, formate a coluna como "Texto" antes de digitar ou colar os números e exporte o arquivo de novo.`));
  }
  const bare = BARE_NUMBER.exec(value);
  if (bare) return checkBareNumber(raw, shown, bare[1] ?? '', bare[2] ?? '');
  const grouped = GROUPED_NUMBER.exec(value);
  if (grouped) return checkBareNumber(raw, shown, (grouped[1] ?? '').replace(/\D/g, ''), '');
  const compact = value.toUpperCase().replace(SEPARATORS, '');
  const invalid = compact.replace(/[0-9A-Z]/g, '');
  if (invalid !== '') {
    const chars = [...new Set(invalid)].map((c) => `"${c}"`).join(', ');
    return fail(ruleProblem('document.invalid_chars', 'error', raw,
      `"${shown}" tem caracteres que não existem em CPF/CNPJ (${chars}). Use só números e letras (no CNPJ novo), com ou sem pontos, traço e barra.`));
  }
  return checkCompact(raw, shown, compact);
}
