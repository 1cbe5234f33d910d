/**
 * Check digits of CPF and CNPJ (Receita Federal, mod 11).
 *
 * Each character counts as its ASCII code − 48, which is the plain digit value for 0-9 and 17..42 for
 * A-Z: the rule of the alphanumeric CNPJ (IN RFB 2.229/2024), so one routine serves both generations.
 */

const CPF_WEIGHTS_1 = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CPF_WEIGHTS_2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

function computeCheckDigit(body: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (body.charCodeAt(i) - 48) * (weights[i] ?? 0);
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** The two check digits a CPF body (its first 9 digits) must end with. */
export function computeCpfCheckDigits(body: string): string {
  const first = computeCheckDigit(body, CPF_WEIGHTS_1);
  const second = computeCheckDigit(`${body.slice(0, 9)}${first}`, CPF_WEIGHTS_2);
  return `${first}${second}`;
}

/** The two check digits a CNPJ body (its first 12 characters, 0-9A-Z) must end with. */
export function computeCnpjCheckDigits(body: string): string {
  const first = computeCheckDigit(body, CNPJ_WEIGHTS_1);
  const second = computeCheckDigit(`${body.slice(0, 12)}${first}`, CNPJ_WEIGHTS_2);
  return `${first}${second}`;
}

/** True when every character is the same ("111.111.111-11"): such numbers pass mod 11 but are not issued. */
export function hasAllEqualChars(value: string): boolean {
  return value.length > 0 && [...value].every((c) => c === value[0]);
}

/** 11 digits, not all equal, check digits right. */
export function isValidCpf(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || hasAllEqualChars(digits)) return false;
  return digits.slice(9) === computeCpfCheckDigits(digits.slice(0, 9));
}

/** Numeric or alphanumeric CNPJ, uppercase: 12 characters 0-9A-Z then 2 check digits, not all equal. */
export function isValidCnpj(value: string): boolean {
  if (!/^[0-9A-Z]{12}\d{2}$/.test(value) || hasAllEqualChars(value)) return false;
  return value.slice(12) === computeCnpjCheckDigits(value.slice(0, 12));
}
