/**
 * CEP (DESIGN.md §4): 8 digits, stored without the hyphen, shown `01310-100`.
 *
 * Problem codes:
 *   cep.leading_zero_restored  fix    A bare 7-digit number: Excel dropped the leading 0 (CEPs of the
 *                                     São Paulo area start with 0), so it was put back.
 *   cep.invalid_chars          error  Letters or symbols.
 *   cep.length                 error  Not 8 digits.
 *   cep.invalid                error  8 digits no CEP can have (below 01000-000).
 */
import { ruleProblem, type RuleResult } from '../problems';
import { collapseSpaces, onlyDigits } from '../text';
import { countDigits } from './plural';

/** "CEP: 01310-100", "CEP 01310100" — a label typed in the cell. */
const LABEL = /^cep\s*[:.-]?\s*/i;

function fail(code: string, raw: string, message: string): RuleResult<string> {
  return { data: null, problems: [ruleProblem(code, 'error', raw, message)] };
}

/** `01310-100`; anything that is not 8 digits unchanged. */
export function formatCep(cep: string): string {
  return /^\d{8}$/.test(cep) ? `${cep.slice(0, 5)}-${cep.slice(5)}` : cep;
}

export function parseCep(raw: string): RuleResult<string> {
  const shown = collapseSpaces(raw);
  if (shown === '') return { data: null, problems: [] };
  // A number cell read with decimals ("1310100.0") is still the same number.
  const value = shown.replace(LABEL, '').replace(/^(\d+)[.,]0+$/, '$1');
  if (!/^[\d\s.\-–]+$/.test(value)) {
    return fail('cep.invalid_chars', raw, `O CEP "${shown}" tem letras ou símbolos. Informe só os 8 números, por exemplo 01310-100.`);
  }
  const digits = onlyDigits(value);
  if (digits.length === 7 && /^\d+$/.test(value)) {
    const cep = `0${digits}`;
    return {
      data: cep,
      problems: [ruleProblem('cep.leading_zero_restored', 'fix', raw,
        `O zero do início do CEP foi restaurado: o Excel o apagou ao tratar o CEP como número. "${shown}" ficou ${formatCep(cep)}.`, cep)],
    };
  }
  if (digits.length !== 8) {
    return fail('cep.length', raw, `O CEP "${shown}" tem ${countDigits(digits.length)}, mas o CEP tem 8. Confira o número, por exemplo 01310-100.`);
  }
  if (digits < '01000000') {
    return fail('cep.invalid', raw, `O CEP "${shown}" não existe: todo CEP vai de 01000-000 a 99999-999. Confira o número.`);
  }
  return { data: digits, problems: [] };
}
