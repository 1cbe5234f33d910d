import { describe, expect, it } from 'vitest';
import { formatDocument, isValidCpf, parseDocument } from '../../../src/domain/rules';
import { breakLastDigit, expectProblem, makeCpf } from './helpers';

const VALID_BODIES = ['529982247', '111444777', '123456789', '987654321', '390533447', '862159302', '000000001', '746971314'];

describe('CPF', () => {
  it.each<readonly [string, string]>([
    ['529.982.247-25', '52998224725'],
    ['52998224725', '52998224725'],
    ['111.444.777-35', '11144477735'],
    ['111 444 777 35', '11144477735'],
    ['  529.982.247-25  ', '52998224725'],
    ['529\u00a0982\u00a0247\u00a025', '52998224725'],
    ['529982247-25', '52998224725'],
    ['529.982.247/25', '52998224725'],
    ['529.982.247.25', '52998224725'],
    ['529,982,247-25', '52998224725'],
    ['CPF: 529.982.247-25', '52998224725'],
    ['cpf 52998224725', '52998224725'],
    ['123.456.789-09', '12345678909'],
    ['529–982–247–25', '52998224725'],
    ...VALID_BODIES.map((body) => [makeCpf(body), makeCpf(body)] as const),
    ...VALID_BODIES.map((body) => [formatDocument(makeCpf(body)), makeCpf(body)] as const),
  ])('accepts %s as the CPF %s', (raw, expected) => {
    const result = parseDocument(raw);
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual({ document: expected, kind: 'PF' });
  });

  it.each<readonly [string, string]>([
    ['529.982.247-24', 'cpf.check_digits'],
    ['529.982.247-52', 'cpf.check_digits'],
    ['12345678900', 'cpf.check_digits'],
    ['111.444.777-53', 'cpf.check_digits'],
    ...VALID_BODIES.map((body) => [breakLastDigit(makeCpf(body)), 'cpf.check_digits'] as const),
    ['111.111.111-11', 'cpf.repeated_digits'],
    ['000.000.000-00', 'cpf.repeated_digits'],
    ['99999999999', 'cpf.repeated_digits'],
    ['529.982.247-2', 'document.length'],
    ['529.982.247-255', 'document.length'],
    ['5299', 'document.length'],
    ['529.982.247-2X', 'document.invalid_chars'],
    ['529;982;247-25', 'document.invalid_chars'],
    ['não tem', 'document.invalid_chars'],
    ['529#982#247#25', 'document.invalid_chars'],
  ])('rejects %s with %s', (raw, code) => {
    const result = parseDocument(raw);
    expect(result.data).toBeNull();
    expect(result.problems).toHaveLength(1);
    expectProblem(result.problems, code, 'error', raw);
  });

  it('says how many digits a wrong-length value has and what is expected', () => {
    const [problem] = parseDocument('529.982.247-2').problems;
    expect(problem?.message).toContain('10 dígitos');
    expect(problem?.message).toContain('11');
    expect(problem?.message).toContain('14');
  });

  it.each([
    ['52998224725', true],
    ['11144477735', true],
    ['52998224724', false],
    ['11111111111', false],
    ['5299822472', false],
    ['5299822472a', false],
  ])('isValidCpf(%s) is %s', (digits, valid) => {
    expect(isValidCpf(digits)).toBe(valid);
  });

  it.each([['', null], ['   ', null], ['\u00a0', null]])('treats %j as empty', (raw) => {
    expect(parseDocument(raw)).toEqual({ data: null, problems: [] });
  });

  it('formats a CPF for display', () => {
    expect(formatDocument('52998224725')).toBe('529.982.247-25');
  });
});
