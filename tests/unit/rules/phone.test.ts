import { describe, expect, it } from 'vitest';
import { VALID_DDDS, classifyPhone, formatPhone, parsePhone } from '../../../src/domain/rules';
import { dddOf, splitPhones, withDdd } from '../../../src/domain/rules/phone';
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
    ['(47) 4009-1234', '+554740091234'],
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
    ['3004 5678', '+5530045678'],
    ['4002-0022', '+5540020022'],
    ['4007-1234', '+5540071234'],
    ['4020-0185', '+5540200185'],
    ['4062-1234', '+5540621234'],
    ['4090-1125', '+5540901125'],
    ['+55 4004-1234', '+5540041234'],
  ])('accepts the landline or service number %s as %s', (raw, e164) => {
    expect(parsePhone(raw, 'landline')).toEqual({ data: e164, problems: [] });
  });

  // A typed DDD is never dropped: DDD + 8 digits starting 2-5 is a landline, even when the 8 digits
  // look like a no-DDD service number (4004-1234 is also dialled with the DDD before it).
  it.each([
    ['(11) 3000-0000', '+551130000000', '(11) 3000-0000'],
    ['(21) 3001-2345', '+552130012345', '(21) 3001-2345'],
    ['(11) 4001-2233', '+551140012233', '(11) 4001-2233'],
    ['(31) 3009-8765', '+553130098765', '(31) 3009-8765'],
    ['(11) 4004-1234', '+551140041234', '(11) 4004-1234'],
    ['11 3003-1234', '+551130031234', '(11) 3003-1234'],
    ['+55 11 4020-0185', '+551140200185', '(11) 4020-0185'],
    ['1140901125', '+551140901125', '(11) 4090-1125'],
  ])('keeps the DDD of %s: a landline %s, shown %s', (raw, e164, shown) => {
    expect(parsePhone(raw, 'landline')).toEqual({ data: e164, problems: [] });
    expect(classifyPhone(e164)).toBe('landline');
    expect(formatPhone(e164)).toBe(shown);
  });

  it.each([
    ['3000-0000'],
    ['3001-2345'],
    ['4001-2233'],
    ['4009-1234'],
    ['3456-7890'],
  ])('%s without DDD is not a service number: the DDD is missing', (raw) => {
    const result = parsePhone(raw, 'landline');
    expect(result.data).toBeNull();
    expectProblem(result.problems, 'phone.missing_ddd', 'error', raw);
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
    ['98765432', 'phone.missing_ddd', 'DDD'],
    ['123', 'phone.length', '3 dígitos'],
    ['119876543210', 'phone.length', '12 dígitos'],
    ['+1 555', 'phone.length', '4 dígitos'],
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

  // "sem DDD" only for a whole number without its DDD (8 digits, or 9 starting with 9, and no "(DD)"
  // typed): anything shorter is missing digits, and the message says how many it has and should have.
  it.each([
    ['1', 1],
    ['123', 3],
    ['1234567', 7],
    ['98765-43', 7],
    ['3456-789', 7],
    ['+55 98765-43', 7],
    ['12345678', 8],
    ['(11) 345678', 8],
    ['(21) 3456-78', 8],
    ['(11) 9876-54', 8],
    ['(91) 2345-678', 9],
    ['+55 (91) 2345-678', 9],
    ['(011) 2345-678', 9],
    ['123456789', 9],
    ['11 3456-789', 9],
  ])('%s is too short: phone.length with its %i digits and the expected 11 or 10', (raw, count) => {
    const result = parsePhone(raw, 'mobile');
    expect(result.data).toBeNull();
    expect(result.problems).toHaveLength(1);
    const { message } = expectProblem(result.problems, 'phone.length', 'error', raw);
    expect(message).toContain(`tem só ${count === 1 ? '1 dígito' : `${count} dígitos`}`);
    expect(message).toContain('um celular tem 11 dígitos e um fixo tem 10');
    expect(message).not.toContain('DDD.');
    expect(message).not.toMatch(/sem DDD/);
  });

  it.each([
    ['(11) 3456-7890', 'mobile', '+551134567890', 'Celular'],
    ['(11) 98765-4321', 'landline', '+5511987654321', 'Telefone'],
    ['0800 123 4567', 'mobile', '+558001234567', 'Celular'],
    ['4004-1234', 'mobile', '+5540041234', 'Celular'],
    ['(11) 4004-1234', 'mobile', '+551140041234', 'Celular'],
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

  it.each<[string, string[]]>([
    ['(11) 3333-4444 / 99999-8888', ['(11) 3333-4444', '99999-8888']],
    ['(11) 98765-4321, (11) 91234-5678 e 3456-7890', ['(11) 98765-4321', '(11) 91234-5678', '3456-7890']],
    ['11987654321; 11912345678', ['11987654321', '11912345678']],
    ['(11) 3456-7890 / 2222-3333 ramal 12', ['(11) 3456-7890', '2222-3333']],
    ['(11) 3456-7890', ['(11) 3456-7890']],
    ['11987654321.0', ['11987654321.0']],
    ['  ', []],
  ])('splitPhones(%j) is %j', (raw, parts) => {
    expect(splitPhones(raw)).toEqual(parts);
  });

  it.each<[string, string, string | null]>([
    ['98765-4321', '11', '+5511987654321'],
    ['987654321', '31', '+5531987654321'],
    ['3456-7890', '21', '+552134567890'],
    ['Cel: 98765-4321', '11', '+5511987654321'],
    ['98765-4321 / 91234-5678', '11', '+5511987654321'],
    ['+55 98765-4321', '11', '+5511987654321'],
    ['8765-4321', '11', null],
    ['4004-1234', '11', null],
    ['(11) 98765-4321', '21', null],
    ['98765-43', '11', null],
    ['não tem', '11', null],
    ['98765-4321', '20', null],
  ])('withDdd(%j, %j) is %j', (raw, ddd, e164) => {
    expect(withDdd(raw, ddd)).toBe(e164);
  });

  it.each<[string, string | null]>([
    ['+5511987654321', '11'],
    ['+552134567890', '21'],
    ['+558001234567', null],
    ['+5540041234', null],
    ['+14155552671', null],
  ])('dddOf(%j) is %j', (e164, ddd) => {
    expect(dddOf(e164)).toBe(ddd);
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
    ['+5530031234', '3003-1234', 'service'],
    ['+551140041234', '(11) 4004-1234', 'landline'],
    ['+551130000000', '(11) 3000-0000', 'landline'],
    ['+14155552671', '+14155552671', 'foreign'],
  ])('formats %s as %s (%s)', (e164, shown, kind) => {
    expect(formatPhone(e164)).toBe(shown);
    expect(classifyPhone(e164)).toBe(kind);
  });

  it('round-trips: the formatted number parses back to the same E.164', () => {
    for (const e164 of ['+5511987654321', '+551134567890', '+558001234567', '+5540041234', '+551140041234', '+551130000000']) {
      expect(parsePhone(formatPhone(e164), 'landline').data).toBe(e164);
    }
  });
});
