import { describe, expect, it } from 'vitest';
import { validateClient, type RawClient } from '../../../src/domain/validateClient';
import { validateRow } from '../../../src/domain/review';
import type { Mapping } from '../../../src/domain/mapping';
import type { Problem } from '../../../src/domain/problems';
import { formatCpf, makeCnpj, makeCpf } from '../../support/brazil';

const CPF = makeCpf(42);
const CNPJ = makeCnpj('112223330001');
const ALPHANUMERIC_CNPJ = makeCnpj('12ABC34501DE');

/** Every required field filled, as typed in a spreadsheet (formatted CPF, phone with punctuation). */
function completeRaw(overrides: RawClient = {}): RawClient {
  return { name: 'Maria da Silva', document: formatCpf(CPF), mobile: '(11) 98765-4321', email: 'Maria@Exemplo.com.br', group: 'Tributário', ...overrides };
}

type PhoneField = 'mobile' | 'phone';

function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}

/** A sentence for a non-technical reader: capital (or quote) first, full stop last. */
function expectSentence(message: string): void {
  expect(message).toMatch(/^["A-ZÀ-Ú]/);
  expect(message).toMatch(/[.?]$/);
  expect(message.length).toBeGreaterThan(20);
}

describe('validateClient', () => {
  it('a complete client has no problem and comes back normalized, kind derived', () => {
    const { data, problems } = validateClient(completeRaw());
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ name: 'Maria da Silva', document: CPF, kind: 'PF', mobile: '+5511987654321', email: 'maria@exemplo.com.br', group: 'Tributário', phone: '', cep: '' });
  });

  it.each([
    ['name', { name: '' }, 'required.name', 'name', 'Nome/Razão Social'],
    ['document', { document: '' }, 'required.document', 'document', 'CPF/CNPJ'],
    ['mobile and phone', { mobile: '', phone: '' }, 'required.phone', 'mobile', 'Celular ou Telefone'],
    ['email', { email: '' }, 'required.email', 'email', 'E-mail principal'],
    ['group', { group: '' }, 'required.group', 'group', 'Grupo'],
    ['name (only spaces)', { name: '   ' }, 'required.name', 'name', 'Nome/Razão Social'],
    ['group (only a tab)', { group: '\t' }, 'required.group', 'group', 'Grupo'],
  ] satisfies [string, RawClient, string, string, string][])('an empty %s is a required.* error in Portuguese', (_, overrides, code, field, label) => {
    const { problems } = validateClient(completeRaw(overrides));
    expect(problems).toEqual([{ code, field, value: '', level: 'error', message: expect.stringContaining(label) }]);
    expectSentence(problems[0]?.message ?? '');
  });

  it('an empty row gets exactly the five required errors', () => {
    expect(codes(validateClient({}).problems).sort()).toEqual(['required.document', 'required.email', 'required.group', 'required.name', 'required.phone']);
  });

  it.each([
    ['only Celular', { mobile: '(11) 98765-4321', phone: '' }],
    ['only Telefone', { mobile: '', phone: '(11) 3456-7890' }],
  ] satisfies [string, RawClient][])('%s is enough for the phone group', (_, overrides) => {
    expect(validateClient(completeRaw(overrides)).problems).toEqual([]);
  });

  it.each([
    ['an empty kind with a CPF', 'PF', '', CPF],
    ['an empty kind with a CNPJ', 'PJ', '', CNPJ],
    ['an empty kind with an alphanumeric CNPJ', 'PJ', '', ALPHANUMERIC_CNPJ],
    ['"PF" with a CPF', 'PF', 'PF', CPF],
    ['"Pessoa Jurídica" with a CNPJ', 'PJ', 'Pessoa Jurídica', CNPJ],
    ['"f" with a CPF', 'PF', 'f', CPF],
  ])('%s gives kind %s', (_, expected, kind, document) => {
    const { data, problems } = validateClient(completeRaw({ kind, document }));
    expect(problems).toEqual([]);
    expect(data.kind).toBe(expected);
  });

  it.each([
    ['PJ', CPF, 'um CPF', 'física'],
    ['Jurídica', CPF, 'um CPF', 'física'],
    ['PF', CNPJ, 'um CNPJ', 'jurídica'],
    ['F', ALPHANUMERIC_CNPJ, 'um CNPJ', 'jurídica'],
  ])('a given kind "%s" that disagrees with the document %s is kind.mismatch', (kind, document, documentText, rightKind) => {
    const { problems } = validateClient(completeRaw({ kind, document }));
    expect(problems).toEqual([{ code: 'kind.mismatch', field: 'kind', value: kind, level: 'error', message: expect.stringContaining(documentText) }]);
    expect(problems[0]?.message).toContain(`pessoa ${rightKind}`);
    expectSentence(problems[0]?.message ?? '');
  });

  it.each([
    ['document', { document: '123' }, 'document.length', 'required.document'],
    ['document', { document: '111.111.111-11' }, 'cpf.repeated_digits', 'required.document'],
    ['email', { email: 'maria.exemplo.com.br' }, 'email.missing_at', 'required.email'],
    ['mobile', { mobile: '98765-4321' }, 'phone.missing_ddd', 'required.phone'],
    ['phone', { mobile: '', phone: 'não tem' }, 'phone.invalid', 'required.phone'],
    ['kind', { kind: 'talvez' }, 'kind.unknown', 'required.kind'],
  ] satisfies [string, RawClient, string, string][])('an invalid %s is reported once, not also as missing', (field, overrides, code, requiredCode) => {
    const { data, problems } = validateClient(completeRaw(overrides));
    expect(codes(problems)).toContain(code);
    expect(codes(problems)).not.toContain(requiredCode);
    expect(problems.filter((p) => p.level === 'error')).toHaveLength(1);
    expect(problems.find((p) => p.code === code)?.field).toBe(field);
    if (field !== 'kind') expect(data[field as keyof typeof data]).toBe('');
  });

  it('a cell with two e-mails gives the principal and the secundário, with a warning', () => {
    const { data, problems } = validateClient(completeRaw({ email: 'Maria@Exemplo.com.br; financeiro@exemplo.com.br' }));
    expect(data).toMatchObject({ email: 'maria@exemplo.com.br', secondaryEmail: 'financeiro@exemplo.com.br' });
    expect(problems.map((p) => [p.code, p.field, p.level])).toEqual([['email.secondary_from_cell', 'email', 'warning']]);
  });

  it('a second e-mail in the cell does not overwrite a filled E-mail secundário column', () => {
    const { data, problems } = validateClient(completeRaw({ email: 'maria@exemplo.com.br, outro@exemplo.com.br', secondaryEmail: 'contato@exemplo.com.br' }));
    expect(data).toMatchObject({ email: 'maria@exemplo.com.br', secondaryEmail: 'contato@exemplo.com.br' });
    expect(problems.map((p) => [p.code, p.level])).toEqual([['email.extra_ignored', 'warning']]);
    expect(problems[0]?.message).toContain('outro@exemplo.com.br');
  });

  // Celular and Telefone are required as a group: one valid phone is enough, so a bad value in the other
  // one is left out with a phone.dropped warning instead of rejecting the row.
  it.each([
    ['Telefone', { mobile: '(11) 98765-4321', phone: 'não tem' }, 'phone', 'phone.invalid', 'mobile', '+5511987654321'],
    ['Telefone', { mobile: '(11) 98765-4321', phone: '(20) 3456-7890' }, 'phone', 'phone.invalid_ddd', 'mobile', '+5511987654321'],
    ['Telefone', { mobile: '(11) 98765-4321', phone: '1234567' }, 'phone', 'phone.length', 'mobile', '+5511987654321'],
    ['Telefone', { mobile: '(11) 98765-4321', phone: '3456-7890' }, 'phone', 'phone.missing_ddd', 'mobile', '+5511987654321'],
    ['Telefone', { mobile: '(11) 98765-4321', phone: '(11) 1234-5678' }, 'phone', 'phone.invalid_number', 'mobile', '+5511987654321'],
    ['Celular', { mobile: '98765-4321', phone: '(11) 3456-7890' }, 'mobile', 'phone.missing_ddd', 'phone', '+551134567890'],
    ['Celular', { mobile: '(11) 81234-5678', phone: '(11) 3456-7890' }, 'mobile', 'phone.invalid_number', 'phone', '+551134567890'],
    ['Celular', { mobile: 'sem celular', phone: '+1 415 555 2671' }, 'mobile', 'phone.invalid', 'phone', '+14155552671'],
  ] satisfies [string, RawClient, PhoneField, string, PhoneField, string][])(
    'an invalid %s next to a valid phone is dropped with a warning (%j)',
    (label, overrides, field, originalCode, other, kept) => {
      const bad = (overrides as RawClient)[field] ?? '';
      const alone = validateClient(completeRaw({ mobile: '', phone: '', [field]: bad }));
      const original = alone.problems.find((p) => p.code === originalCode);
      expect(original?.level).toBe('error');

      const { data, problems } = validateClient(completeRaw(overrides));
      expect(problems.filter((p) => p.level === 'error')).toEqual([]);
      const dropped = problems.find((p) => p.code === 'phone.dropped');
      expect(dropped).toMatchObject({ field, value: bad, level: 'warning' });
      expect(dropped?.message.startsWith(original?.message ?? '?')).toBe(true);
      expect(dropped?.message).toContain(`este ${label} ficou de fora`);
      expectSentence(dropped?.message ?? '');
      expect(data[field]).toBe('');
      expect(data[other]).toBe(kept);
    },
  );

  it('with neither phone valid, both phone errors stay errors (the row is rejected)', () => {
    const { problems } = validateClient(completeRaw({ mobile: '98765-4321', phone: 'não tem' }));
    expect(problems.map((p) => [p.code, p.field, p.level])).toEqual([
      ['phone.missing_ddd', 'mobile', 'error'],
      ['phone.invalid', 'phone', 'error'],
    ]);
  });

  it('an old 8-digit mobile in the second phone stays an error, with the ninth digit as suggestion', () => {
    const { problems } = validateClient(completeRaw({ mobile: '(11) 98765-4321', phone: '(11) 8765-4321' }));
    expect(problems).toEqual([expect.objectContaining({ code: 'phone.missing_ninth_digit', field: 'phone', level: 'error', suggestion: '+5511987654321' })]);
  });

  it('in the review, a row with a dropped second phone is ready to import', () => {
    const mapping: Mapping = ['name', 'document', 'mobile', 'phone', 'email', 'group'];
    const cells = ['Maria da Silva', formatCpf(CPF), '(11) 98765-4321', '(20) 3456-7890', 'maria@exemplo.com.br', 'Tributário'];
    const row = validateRow({ rowNumber: 2, cells, edits: {} }, mapping);
    expect(row.status).toBe('ready');
    expect(row.problems.map((p) => p.code)).toEqual(['phone.dropped']);
    expect(row.draft).toMatchObject({ mobile: '+5511987654321', phone: '' });
  });

  it.each([
    ['--03-05'],
    ['05/03'],
  ])('a birthday without a year (%s) is valid with a date.no_year warning, the date left empty', (birthDate) => {
    const { data, problems } = validateClient(completeRaw({ birthDate }));
    expect(problems).toEqual([{ code: 'date.no_year', field: 'birthDate', value: birthDate, level: 'warning', message: expect.stringContaining('não tem o ano') }]);
    expect(data.birthDate).toBe('');
    expect(data.name).toBe('Maria da Silva');
  });

  it('Observações keep their line breaks; other texts are one line', () => {
    const { data } = validateClient(completeRaw({ notes: '- ligar às 9h\r\n- prefere e-mail  ', name: 'Maria\nda  Silva' }));
    expect(data.notes).toBe('- ligar às 9h\n- prefere e-mail');
    expect(data.name).toBe('Maria da Silva');
  });
});
