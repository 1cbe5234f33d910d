import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/domain/rules';
import { expectProblem, makeCnpj, makeCpf } from './helpers';

/** Valid documents that start with zeros, and the number Excel leaves of them. */
const CPF_WITH_ZEROS = ['012345678', '098765432', '001234567', '004455667', '070707070'].map((body) => makeCpf(body));
const CNPJ_WITH_ZEROS = ['003603050001', '012345670001', '001122330001', '098765430001'].map((body) => makeCnpj(body));

function asExcelNumber(document: string): string {
  return document.replace(/^0+/, '');
}

describe('documents damaged by Excel', () => {
  it.each<readonly [string, string, 'PF' | 'PJ']>([
    ['1234567890', '01234567890', 'PF'],
    ['1234567890.0', '01234567890', 'PF'],
    ['1234567890,0', '01234567890', 'PF'],
    ['1234567890.00', '01234567890', 'PF'],
    ['1.234.567.890', '01234567890', 'PF'],
    ['1,234,567,890', '01234567890', 'PF'],
    ['1,234,567,890.00', '01234567890', 'PF'],
    ['1.234.567.890,00', '01234567890', 'PF'],
    ['123456797', '00123456797', 'PF'],
    ['360305000104', '00360305000104', 'PJ'],
    ['360305000104.0', '00360305000104', 'PJ'],
    ['360.305.000.104', '00360305000104', 'PJ'],
    ...CPF_WITH_ZEROS.map((cpf) => [asExcelNumber(cpf), cpf, 'PF'] as const),
    ...CNPJ_WITH_ZEROS.map((cnpj) => [asExcelNumber(cnpj), cnpj, 'PJ'] as const),
  ])('restores the leading zeros of %s → %s (%s)', (raw, document, kind) => {
    const result = parseDocument(raw);
    expect(result.data).toEqual({ document, kind });
    expect(result.problems).toHaveLength(1);
    const problem = expectProblem(result.problems, 'document.leading_zero_restored', 'fix', raw);
    expect(problem.suggestion).toBe(document);
    expect(problem.message).toMatch(/zeros? do início/);
    expect(problem.message).toContain('Excel');
  });

  it.each([
    ['1234567891'],
    ['1234567899'],
    ['123456789'],
    ['987654321'],
    ['360305000105'],
    ['1122233300018'],
    ['1234567890123'],
    ['1234567891.0'],
  ])('rejects %s when the check digits fail even after padding', (raw) => {
    const result = parseDocument(raw);
    expect(result.data).toBeNull();
    expectProblem(result.problems, 'document.length', 'error', raw);
  });

  it('does not pad a value typed as text (punctuated): Excel only drops zeros from numbers', () => {
    const result = parseDocument('123.456.789-0');
    expect(result.data).toBeNull();
    expectProblem(result.problems, 'document.length', 'error', '123.456.789-0');
  });

  it('reads a CPF whose check digits are 00 typed with a dot, not as a number with decimals', () => {
    const cpf = makeCpf('100000037');
    expect(cpf).toBe('10000003700');
    expect(parseDocument('100000037.00')).toEqual({ data: { document: cpf, kind: 'PF' }, problems: [] });
  });

  it.each([
    ['1,23457E+13'],
    ['1.23457e13'],
    ['1.23457E+013'],
    ['1,12223E+13'],
    ['5,29982E+10'],
    ['5.29982E10'],
    ['1E+13'],
    ['  1,23457E+13  '],
  ])('rejects scientific notation %s: the digits are lost for good', (raw) => {
    const result = parseDocument(raw);
    expect(result.data).toBeNull();
    const problem = expectProblem(result.problems, 'document.scientific_notation', 'error', raw);
    expect(problem.message).toContain('Texto');
    expect(problem.message).toContain('Excel');
    expect(problem.message).toMatch(/exporte/);
  });

  it.each([
    ['12345678901234567'],
    ['11222333000181000'],
    ['1122233300018100'],
    ['12345678901234567.0'],
  ])('rejects %s: more digits than Excel keeps', (raw) => {
    const result = parseDocument(raw);
    expect(result.data).toBeNull();
    const problem = expectProblem(result.problems, 'document.digits_lost', 'error', raw);
    expect(problem.message).toContain('15 dígitos');
    expect(problem.message).toContain('Texto');
  });

  it('keeps 11 and 14 digit numbers as they are (no fix)', () => {
    expect(parseDocument('52998224725')).toEqual({ data: { document: '52998224725', kind: 'PF' }, problems: [] });
    expect(parseDocument('11222333000181.0')).toEqual({ data: { document: '11222333000181', kind: 'PJ' }, problems: [] });
  });

  it('does not pad very short numbers (191 is not Banco do Brasil)', () => {
    expectProblem(parseDocument('191').problems, 'document.length', 'error', '191');
  });
});
