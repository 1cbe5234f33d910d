/** Test data builders: valid Brazilian documents computed the same way the Receita does. */

function checkDigit(body: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(i) - 48) * (weights[i] ?? 0);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** A valid CPF (11 digits) made from a seed number. */
export function makeCpf(seed: number): string {
  const body = String(100_000_000 + ((seed * 7_919) % 899_999_999)).slice(0, 9);
  const d1 = checkDigit(body, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = checkDigit(body + d1, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${body}${d1}${d2}`;
}

export function formatCpf(cpf: string): string {
  return cpf.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
}

/** A valid CNPJ: 12 characters (digits, or letters for the new alphanumeric CNPJ) and 2 check digits. */
export function makeCnpj(base12: string): string {
  const d1 = checkDigit(base12, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = checkDigit(base12 + d1, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${base12}${d1}${d2}`;
}

/** The same CPF with a wrong last digit. */
export function breakCheckDigit(cpf: string): string {
  const last = Number(cpf.at(-1));
  return cpf.slice(0, -1) + String((last + 1) % 10);
}

/** A valid CPF from its first 9 digits (which may start with zeros). */
export function cpfFromBody(body9: string): string {
  const d1 = checkDigit(body9, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = checkDigit(body9 + d1, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${body9}${d1}${d2}`;
}
