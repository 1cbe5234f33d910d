import { describe, expect, it } from 'vitest';
import { VALID_DDDS, classifyPhone, formatPhone, parsePhone } from '../../../src/domain/rules';
import { expectProblem } from './helpers';

describe('phones', () => {
  it('knows the 67 DDDs', () => {
    expect(VALID_DDDS.size).toBe(67);
    for (const ddd of ['20', '23', '25', '26', '29', '30', '36', '39', '40', '50', '52', '56', '57', '58', '59', '60', '70', '72', '76', '78', '80', '90']) {
      expect(VALID_DDDS.has(ddd)).toBe(false);
    }
  });

  it.each([
    ['(11) 98765-4321', '+5511987654321'],
    ['11987654321', '+5511987654321'],
    ['11 98765 4321', '+5511987654321'],
    ['11 9 8765-4321', '+5511987654321'],
    ['11.98765.4321', '+5511987654321'],
    ['+55 11 98765-4321', '+5511987654321'],
    ['+55 (11) 98765-4321', '+5511987654321'],
    ['+5511987654321', '+5511987654321'],
    ['(+55) 11 98765-4321', '+5511987654321'],
    ['55 11 98765-4321', '+5511987654321'],
    ['5511987654321', '+5511987654321'],
    ['011 98765-4321', '+5511987654321'],
    ['0xx11 98765-4321', '+5511987654321'],
    ['(0xx11) 98765-4321', '+5511987654321'],
    ['0 21 11 98765-4321', '+5511987654321'],
    ['015 11 98765-4321', '+5511987654321'],
    ['041 11 98765-4321', '+5511987654321'],
    ['(021) 99876-5432', '+5521998765432'],
    ['11987654321.0', '+5511987654321'],
    ['Cel: (11) 98765-4321', '+5511987654321'],
    ['+55 0 11 98765-4321', '+5511987654321'],
    ['(55) 99123-4567', '+5555991234567'],
    ['(99) 98123-4567', '+5599981234567'],
    ['(61)\u00a099999-0000', '+5561999990000'],
  ])('accepts the mobile %s as %s', (raw, e164) => {
    expect(parsePhone(raw, 'mobile')).toEqual({ data: e164, problems: [] });
  });

  it.each([
    ['(11) 3456-7890', '+551134567890'],
    ['1134567890', '+551134567890'],
    ['+55 11 3456-7890', '+551134567890'],
    ['0 11 3456-7890', '+551134567890'],
    ['015 11 3456-7890', '+551134567890'],
    ['(21) 2345-6789', '+552123456789'],
    ['(51) 5555-1234', '+555155551234'],
    ['(47) 4009-1234', '+5540091234'],
    ['Tel.: (31) 3333-4444', '+553133334444'],
    ['0800 123 4567', '+558001234567'],
    ['0800-123-4567', '+558001234567'],
    ['08001234567', '+558001234567'],
    ['8001234567', '+558001234567'],
    ['0300 123 4567', '+553001234567'],
    ['0500 123 4567', '+555001234567'],
    ['0900 123 4567', '+559001234567'],
    ['4004-1234', '+5540041234'],
    ['4003 5678', '+5540035678'],
    ['3003-1234', '+5530031234'],
    ['(11) 4004-1234', '+5540041234'],
  ])('accepts the landline or service number %s as %s', (raw, e164) => {
    expect(parsePhone(raw, 'landline')).toEqual({ data: e164, problems: [] });
  });

  it.each([
    ['(11) 8765-4321', 'mobile', '+5511987654321'],
    ['1187654321', 'mobile', '+5511987654321'],
    ['(21) 7654-3210', 'landline', '+5521976543210'],
    ['+55 31 9988-7766', 'mobile', '+5531999887766'],
    ['(85) 6123-4567', 'mobile', '+5585961234567'],
  ] as const)('suggests the ninth digit for the old mobile %s', (raw, expected, suggestion) => {
    const result = parsePhone(raw, expected);
    expect(result.data).toBeNull();
    const problem = expectProblem(result.problems, 'phone.missing_ninth_digit', 'error', raw);
    expect(problem.suggestion).toBe(suggestion);
    expect(problem.message).toContain(formatPhone(suggestion));
  });

  it.each([
    ['(20) 98765-4321', 'phone.invalid_ddd', '20'],
    ['(10) 3456-7890', 'phone.invalid_ddd', '10'],
    ['(23) 3456-7890', 'phone.invalid_ddd', '23'],
    ['+55 90 98765-4321', 'phone.invalid_ddd', '90'],
    ['98765-4321', 'phone.missing_ddd', 'DDD'],
    ['3456-7890', 'phone.missing_ddd', 'DDD'],
    ['987654321', 'phone.missing_ddd', 'DDD'],
    ['123', 'phone.length', '3 dígitos'],
    ['119876543210', 'phone.length', '12 dígitos'],
    ['não tem', 'phone.invalid', 'telefone'],
    ['sem telefone', 'phone.invalid', 'telefone'],
    ['(11) 1234-5678', 'phone.invalid_number', 'começa'],
    ['(11) 81234-5678', 'phone.invalid_number', 'começa'],
    ['(11) 0234-5678', 'phone.invalid_number', 'começa'],
  ])('rejects %s with %s', (raw, code, mention) => {
    const result = parsePhone(raw, 'mobile');
    expect(result.data).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(expectProblem(result.problems, code, 'error', raw).message).toContain(mention);
  });

  it.each([
    ['(11) 3456-7890', 'mobile', '+551134567890', 'Celular'],
    ['(11) 98765-4321', 'landline', '+5511987654321', 'Telefone'],
    ['0800 123 4567', 'mobile', '+558001234567', 'Celular'],
    ['4004-1234', 'mobile', '+5540041234', 'Celular'],
  ] as const)('warns that %s does not fit the %s column but keeps it', (raw, expected, e164, column) => {
    const result = parsePhone(raw, expected);
    expect(result.data).toBe(e164);
    expect(expectProblem(result.problems, 'phone.kind_mismatch', 'warning', raw).message).toContain(column);
  });

  it.each([
    ['(11) 3456-7890 ramal 123', '123'],
    ['(11) 3456-7890 r. 12', '12'],
    ['(11) 3456-7890 x123', '123'],
    ['(11) 3456-7890 - Ramal: 45', '45'],
    ['11 3456-7890 ext 9', '9'],
  ])('leaves out the extension of %s with a warning', (raw, extension) => {
    const result = parsePhone(raw, 'landline');
    expect(result.data).toBe('+551134567890');
    expect(expectProblem(result.problems, 'phone.extension_ignored', 'warning', raw).message).toContain(extension);
  });

  it.each([
    ['(11) 98765-4321 / (11) 91234-5678', '(11) 91234-5678'],
    ['11987654321; 11912345678', '11912345678'],
    ['(11) 98765-4321 ou (11) 91234-5678', '(11) 91234-5678'],
    ['(11) 98765-4321, (11) 91234-5678 e 3456-7890', '(11) 91234-5678, 3456-7890'],
  ])('keeps only the first of several numbers in %s', (raw, left) => {
    const result = parsePhone(raw, 'mobile');
    expect(result.data).toBe('+5511987654321');
    expect(expectProblem(result.problems, 'phone.extra_ignored', 'warning', raw).message).toContain(left);
  });

  it('keeps a foreign number with a warning', () => {
    const result = parsePhone('+1 415 555 2671', 'mobile');
    expect(result.data).toBe('+14155552671');
    expectProblem(result.problems, 'phone.foreign', 'warning', '+1 415 555 2671');
  });

  it.each(['', '  ', '\u00a0'])('treats %j as empty', (raw) => {
    expect(parsePhone(raw, 'mobile')).toEqual({ data: null, problems: [] });
  });

  it.each([
    ['+5511987654321', '(11) 98765-4321', 'mobile'],
    ['+551134567890', '(11) 3456-7890', 'landline'],
    ['+558001234567', '0800 123 4567', 'service'],
    ['+553001234567', '0300 123 4567', 'service'],
    ['+5540041234', '4004-1234', 'service'],
    ['+14155552671', '+14155552671', 'foreign'],
  ])('formats %s as %s (%s)', (e164, shown, kind) => {
    expect(formatPhone(e164)).toBe(shown);
    expect(classifyPhone(e164)).toBe(kind);
  });

  it('round-trips: the formatted number parses back to the same E.164', () => {
    for (const e164 of ['+5511987654321', '+551134567890', '+558001234567', '+5540041234']) {
      expect(parsePhone(formatPhone(e164), 'landline').data).toBe(e164);
    }
  });
});
