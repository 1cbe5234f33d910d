import { describe, expect, it } from 'vitest';
import { UF_NAMES, formatCep, parseCep, parseUf, splitCityUf } from '../../../src/domain/rules';
import { expectProblem } from './helpers';

describe('CEP', () => {
  it.each([
    ['01310-100', '01310100'],
    ['01310100', '01310100'],
    ['01.310-100', '01310100'],
    [' 01310 100 ', '01310100'],
    ['CEP: 01310-100', '01310100'],
    ['20040-020', '20040020'],
    ['90010–150', '90010150'],
    ['70040-010', '70040010'],
    ['99999-999', '99999999'],
  ])('accepts %s as %s', (raw, cep) => {
    expect(parseCep(raw)).toEqual({ data: cep, problems: [] });
  });

  it.each([
    ['1310100', '01310100'],
    ['1310100.0', '01310100'],
    ['4538133', '04538133'],
    ['1001000', '01001000'],
  ])('restores the leading zero Excel dropped from %s', (raw, cep) => {
    const result = parseCep(raw);
    expect(result.data).toBe(cep);
    expect(expectProblem(result.problems, 'cep.leading_zero_restored', 'fix', raw).suggestion).toBe(cep);
  });

  it.each([
    ['1310-100', 'cep.length'],
    ['013101000', 'cep.length'],
    ['0131', 'cep.length'],
    ['131010', 'cep.length'],
    ['01310-10', 'cep.length'],
    ['01310-1OO', 'cep.invalid_chars'],
    ['Av. Paulista', 'cep.invalid_chars'],
    ['00000-000', 'cep.invalid'],
    ['00999-999', 'cep.invalid'],
  ])('rejects %s with %s', (raw, code) => {
    const result = parseCep(raw);
    expect(result.data).toBeNull();
    expectProblem(result.problems, code, 'error', raw);
  });

  it('says how many digits a CEP of the wrong length has', () => {
    expect(parseCep('0131').problems[0]?.message).toContain('4 dígitos');
  });

  it.each([['01310100', '01310-100'], ['20040020', '20040-020'], ['123', '123']])('formatCep(%s) is %s', (cep, shown) => {
    expect(formatCep(cep)).toBe(shown);
  });

  it('treats empty as no data', () => {
    expect(parseCep('  ')).toEqual({ data: null, problems: [] });
  });
});

describe('UF', () => {
  it('has the 27 federative units', () => {
    expect(Object.keys(UF_NAMES)).toHaveLength(27);
  });

  it.each([
    ['SP', 'SP'],
    ['sp', 'SP'],
    [' rj ', 'RJ'],
    ['S.P.', 'SP'],
    ['Mg', 'MG'],
    ['DF', 'DF'],
    ['TO', 'TO'],
  ])('accepts the code %s as %s', (raw, code) => {
    expect(parseUf(raw)).toEqual({ data: code, problems: [] });
  });

  it.each([
    ['São Paulo', 'SP'],
    ['sao paulo', 'SP'],
    ['SAO PAULO', 'SP'],
    ['SÃO PAULO', 'SP'],
    ['RIO GRANDE DO SUL', 'RS'],
    ['Rio Grande do Norte', 'RN'],
    ['rio de janeiro', 'RJ'],
    ['Espírito Santo', 'ES'],
    ['espirito santo', 'ES'],
    ['Pará', 'PA'],
    ['Paraná', 'PR'],
    ['Paraiba', 'PB'],
    ['Mato Grosso do Sul', 'MS'],
    ['Mato Grosso', 'MT'],
    ['Distrito Federal', 'DF'],
    ['Rondônia', 'RO'],
    ['  minas   gerais ', 'MG'],
    ['Ceará', 'CE'],
    ['Piauí', 'PI'],
    ['Goiás', 'GO'],
  ])('turns the state name %s into %s', (raw, code) => {
    const result = parseUf(raw);
    expect(result.data).toBe(code);
    expect(result.problems).toHaveLength(1);
    const problem = expectProblem(result.problems, 'uf.name_converted', 'fix', raw);
    expect(problem.suggestion).toBe(code);
    expect(problem.message).toContain(code);
  });

  it.each([['XX'], ['S'], ['Brasil'], ['São Paulo - Capital'], ['BR'], ['Sampa']])('rejects %s', (raw) => {
    const result = parseUf(raw);
    expect(result.data).toBeNull();
    expectProblem(result.problems, 'uf.unknown', 'error', raw);
  });

  it('treats empty as no data', () => {
    expect(parseUf('')).toEqual({ data: null, problems: [] });
  });
});

describe('splitCityUf (one "Cidade/UF" column)', () => {
  it.each<[string, { city: string; uf: string } | null]>([
    ['São Paulo/SP', { city: 'São Paulo', uf: 'SP' }],
    ['São Paulo / sp', { city: 'São Paulo', uf: 'SP' }],
    ['Campinas - SP', { city: 'Campinas', uf: 'SP' }],
    ['Recife (PE)', { city: 'Recife', uf: 'PE' }],
    ['Niterói, RJ', { city: 'Niterói', uf: 'RJ' }],
    ['Brasília-DF', { city: 'Brasília', uf: 'DF' }],
    ['São Paulo', null],
    ['Embu-Guaçu', null],
    ['Cidade/XX', null],
    ['SP', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(splitCityUf(raw)).toEqual(expected);
  });
});
