import { describe, expect, it } from 'vitest';
import { formatDocument, isValidCnpj, parseDocument } from '../../../src/domain/rules';
import { breakLastDigit, expectProblem, makeCnpj } from './helpers';

const NUMERIC_BODIES = ['112223330001', '003603050001', '123456780001', '605746840001', '476039750001'];
const ALPHA_BODIES = ['12ABC34501DE', 'AB1234560001', 'ZZZZZZZZ0001', '1A2B3C4D5E6F', 'X0000000000Y'];

describe('CNPJ', () => {
  it.each<readonly [string, string]>([
    ['11.222.333/0001-81', '11222333000181'],
    ['11222333000181', '11222333000181'],
    ['11 222 333 0001 81', '11222333000181'],
    ['11.222.333/0001–81', '11222333000181'],
    ['CNPJ: 11.222.333/0001-81', '11222333000181'],
    ['00.360.305/0001-04', '00360305000104'],
    ['00.000.000/0001-91', '00000000000191'],
    ['12.ABC.345/01DE-35', '12ABC34501DE35'],
    ['12ABC34501DE35', '12ABC34501DE35'],
    ['12.abc.345/01de-35', '12ABC34501DE35'],
    ['12abc34501de35', '12ABC34501DE35'],
    [' 12.AbC.345/01dE-35 ', '12ABC34501DE35'],
    ...NUMERIC_BODIES.map((body) => [makeCnpj(body), makeCnpj(body)] as const),
    ...ALPHA_BODIES.map((body) => [formatDocument(makeCnpj(body)), makeCnpj(body)] as const),
    ...ALPHA_BODIES.map((body) => [makeCnpj(body).toLowerCase(), makeCnpj(body)] as const),
  ])('accepts %s as the CNPJ %s', (raw, expected) => {
    const result = parseDocument(raw);
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual({ document: expected, kind: 'PJ' });
  });

  it.each<readonly [string, string]>([
    ['11.222.333/0001-80', 'cnpj.check_digits'],
    ['11.222.333/0001-18', 'cnpj.check_digits'],
    ['12.ABC.345/01DE-36', 'cnpj.check_digits'],
    ['12.ABD.345/01DE-35', 'cnpj.check_digits'],
    ['12.ABC.345/01DE-3A', 'cnpj.check_digits'],
    ['12.ABC.345/01DE-AB', 'cnpj.check_digits'],
    ...NUMERIC_BODIES.map((body) => [breakLastDigit(makeCnpj(body)), 'cnpj.check_digits'] as const),
    ...ALPHA_BODIES.map((body) => [breakLastDigit(makeCnpj(body)), 'cnpj.check_digits'] as const),
    ['11.111.111/1111-11', 'cnpj.repeated_digits'],
    ['00000000000000', 'cnpj.repeated_digits'],
    ['11.222.333/0001-8', 'document.length'],
    ['11.222.333/0001-811', 'document.length'],
    ['12.ABC.345/01DE', 'document.invalid_chars'],
    ['12.ÁBC.345/01DE-35', 'document.invalid_chars'],
  ])('rejects %s with %s', (raw, code) => {
    const result = parseDocument(raw);
    expect(result.data).toBeNull();
    expect(result.problems).toHaveLength(1);
    expectProblem(result.problems, code, 'error', raw);
  });

  it.each([
    ['11222333000181', true],
    ['12ABC34501DE35', true],
    ['12abc34501de35', false],
    ['12ABC34501DE3A', false],
    ['11222333000180', false],
    ['1122233300018', false],
  ])('isValidCnpj(%s) is %s', (value, valid) => {
    expect(isValidCnpj(value)).toBe(valid);
  });

  it.each([
    ['11222333000181', '11.222.333/0001-81'],
    ['12ABC34501DE35', '12.ABC.345/01DE-35'],
    ['123', '123'],
  ])('formatDocument(%s) is %s', (doc, shown) => {
    expect(formatDocument(doc)).toBe(shown);
  });
});
