/**
 * UF (DESIGN.md §4): the 27 two-letter codes; the state's full name (any case, with or without accents)
 * is turned into its code.
 *
 * Problem codes:
 *   uf.name_converted  fix    A state name ("São Paulo") replaced by its code (SP).
 *   uf.unknown         error  Neither a code nor a state name.
 */
import { ruleProblem, type RuleResult } from '../problems';
import { collapseSpaces, toMatchKey } from '../text';

/** Code → name, as written in Portuguese. */
export const UF_NAMES = {
  AC: 'Acre', AL: 'Alagoas', AP: 'Amapá', AM: 'Amazonas', BA: 'Bahia', CE: 'Ceará', DF: 'Distrito Federal',
  ES: 'Espírito Santo', GO: 'Goiás', MA: 'Maranhão', MT: 'Mato Grosso', MS: 'Mato Grosso do Sul',
  MG: 'Minas Gerais', PA: 'Pará', PB: 'Paraíba', PR: 'Paraná', PE: 'Pernambuco', PI: 'Piauí',
  RJ: 'Rio de Janeiro', RN: 'Rio Grande do Norte', RS: 'Rio Grande do Sul', RO: 'Rondônia', RR: 'Roraima',
  SC: 'Santa Catarina', SP: 'São Paulo', SE: 'Sergipe', TO: 'Tocantins',
} as const satisfies Record<string, string>;

export type UfCode = keyof typeof UF_NAMES;

const CODES: ReadonlySet<string> = new Set(Object.keys(UF_NAMES));
/** Match key of the name → code: "sao paulo" → SP. */
const BY_NAME: ReadonlyMap<string, string> = new Map(Object.entries(UF_NAMES).map(([code, name]) => [toMatchKey(name), code]));

export function isUfCode(value: string): boolean {
  return CODES.has(value);
}

/** The code for a state name, or null. Spaces, accents, case and punctuation do not matter. */
export function findUfByName(name: string): string | null {
  return BY_NAME.get(toMatchKey(name)) ?? null;
}

export function parseUf(raw: string): RuleResult<string> {
  const shown = collapseSpaces(raw);
  if (shown === '') return { data: null, problems: [] };
  // "sp", "S.P.", " SP " are the code as typed, not a change worth reporting.
  const letters = toMatchKey(shown).replace(/ /g, '').toUpperCase();
  if (letters.length === 2 && CODES.has(letters)) return { data: letters, problems: [] };
  const code = findUfByName(shown);
  if (code !== null) {
    return {
      data: code,
      problems: [ruleProblem('uf.name_converted', 'fix', raw, `O estado "${shown}" foi trocado pela sigla ${code}.`, code)],
    };
  }
  return {
    data: null,
    problems: [ruleProblem('uf.unknown', 'error', raw, `"${shown}" não é um estado brasileiro. Use a sigla do estado, por exemplo SP, RJ ou MG.`)],
  };
}

/**
 * "São Paulo/SP", "Campinas - SP", "Recife (PE)", "Niterói, RJ": a city cell that carries its state, as
 * many systems write one "Cidade/UF" column. The city and the UF code; null when the end is not a UF.
 */
export function splitCityUf(raw: string): { city: string; uf: string } | null {
  const match = /^(.*\S)\s*(?:[/,–-]\s*|\(\s*)([A-Za-z]{2})\s*\)?\s*$/.exec(collapseSpaces(raw));
  const [, city, code] = match ?? [];
  if (city === undefined || code === undefined || !CODES.has(code.toUpperCase())) return null;
  return { city, uf: code.toUpperCase() };
}
