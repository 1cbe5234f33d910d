import { describe, expect, it } from 'vitest';
import { validateClient, type RawClient } from '../../../src/domain/validateClient';
import { validateRow } from '../../../src/domain/review';
import type { Mapping } from '../../../src/domain/mapping';
import type { Problem } from '../../../src/domain/problems';
import { formatPhone } from '../../../src/domain/rules';
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
    ['Telefone', { mobile: '(11) 98765-4321', phone: '(11) 1234-5678' }, 'phone', 'phone.invalid_number', 'mobile', '+5511987654321'],
    // No DDD to suggest: the other phone is a 4004 number or foreign; an old 8-digit mobile would still lack its 9.
    ['Celular', { mobile: '98765-4321', phone: '4004-1234' }, 'mobile', 'phone.missing_ddd', 'phone', '+5540041234'],
    ['Telefone', { mobile: '+1 415 555 2671', phone: '3456-7890' }, 'phone', 'phone.missing_ddd', 'mobile', '+14155552671'],
    ['Celular', { mobile: '8765-4321', phone: '(11) 3456-7890' }, 'mobile', 'phone.missing_ddd', 'phone', '+551134567890'],
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

  // A phone without DDD next to a valid phone with one: still an error, the other phone's DDD suggested.
  it.each([
    ['Celular', { mobile: '98765-4321', phone: '(11) 3333-4444' }, 'mobile', '+5511987654321', 'Sugerimos o DDD 11, o mesmo do Telefone; confira.'],
    ['Celular (9 digits together)', { mobile: '987654321', phone: '(31) 3333-4444' }, 'mobile', '+5531987654321', 'Sugerimos o DDD 31, o mesmo do Telefone; confira.'],
    ['Celular (with a label)', { mobile: 'Cel: 98765-4321', phone: '+55 21 2345-6789' }, 'mobile', '+5521987654321', 'Sugerimos o DDD 21, o mesmo do Telefone; confira.'],
    ['Celular (two numbers: the first one)', { mobile: '98765-4321 / 91234-5678', phone: '(11) 3333-4444' }, 'mobile', '+5511987654321', 'Sugerimos o DDD 11, o mesmo do Telefone; confira.'],
    ['Telefone', { mobile: '(21) 98765-4321', phone: '3456-7890' }, 'phone', '+552134567890', 'Sugerimos o DDD 21, o mesmo do Celular; confira.'],
    ['Telefone (8 digits together)', { mobile: '(85) 99876-5432', phone: '34567890' }, 'phone', '+558534567890', 'Sugerimos o DDD 85, o mesmo do Celular; confira.'],
  ] satisfies [string, RawClient, PhoneField, string, string][])(
    'a %s without DDD stays an error, suggesting the DDD of the other phone (%j)',
    (_, overrides, field, suggestion, sentence) => {
      const bad = overrides[field] ?? '';
      const alone = validateClient(completeRaw({ mobile: '', phone: '', [field]: bad }));
      const original = alone.problems.find((p) => p.code === 'phone.missing_ddd');
      expect(original?.suggestion).toBeUndefined();

      for (const options of [{}, { typedByHand: true }]) {
        const { data, problems } = validateClient(completeRaw(overrides), undefined, options);
        expect(problems).toEqual([{ code: 'phone.missing_ddd', field, value: bad, level: 'error', message: `${original?.message ?? '?'} ${sentence}`, suggestion }]);
        expectSentence(problems[0]?.message ?? '');
        expect(data[field]).toBe('');
      }
    },
  );

  it.each([
    ['no other phone', { mobile: '98765-4321', phone: '' }, 'mobile', 'phone.missing_ddd', 'error'],
    ['the other phone invalid', { mobile: '98765-4321', phone: 'não tem' }, 'mobile', 'phone.missing_ddd', 'error'],
    ['the other phone without DDD (4004)', { mobile: '98765-4321', phone: '4004-1234' }, 'mobile', 'phone.dropped', 'warning'],
    ['the other phone foreign', { mobile: '+1 415 555 2671', phone: '3456-7890' }, 'phone', 'phone.dropped', 'warning'],
    ['not valid even with the DDD (old mobile)', { mobile: '8765-4321', phone: '(11) 3333-4444' }, 'mobile', 'phone.dropped', 'warning'],
  ] satisfies [string, RawClient, PhoneField, string, string][])('no DDD is suggested with %s', (_, overrides, field, code, level) => {
    const { problems } = validateClient(completeRaw(overrides));
    const problem = problems.find((p) => p.code === code);
    expect(problem).toMatchObject({ field, level });
    expect(problem?.suggestion).toBeUndefined();
    expect(problem?.message).not.toContain('Sugerimos');
  });

  it('in the review, "Usar sugestão" on the suggested DDD makes the row ready', () => {
    const mapping: Mapping = ['name', 'document', 'mobile', 'phone', 'email', 'group'];
    const cells = ['Maria da Silva', formatCpf(CPF), '98765-4321', '(11) 3333-4444', 'maria@exemplo.com.br', 'Tributário'];
    const row = validateRow({ rowNumber: 2, cells, edits: {} }, mapping);
    expect(row.status).toBe('error');
    const suggestion = row.problems.find((p) => p.code === 'phone.missing_ddd')?.suggestion ?? '';
    expect(suggestion).toBe('+5511987654321');
    // The review types the suggestion as shown, formatted.
    const fixed = validateRow({ rowNumber: 2, cells, edits: { mobile: formatPhone(suggestion) } }, mapping);
    expect(fixed.status).toBe('ready');
    expect(fixed.draft).toMatchObject({ mobile: '+5511987654321', phone: '+551133334444' });
  });

  // Two numbers in one phone cell with the other phone field empty: the second one fills it.
  it.each([
    ['a landline and a mobile without DDD in Telefone', { mobile: '', phone: '(11) 3333-4444 / 99999-8888' }, 'phone', '+5511999998888', '+551133334444', ['phone.moved'],
      ['(11) 3333-4444 ficou no Telefone e (11) 99999-8888 foi para o Celular, que estava vazio.', 'O número 99999-8888 estava sem DDD: usamos o DDD 11, o mesmo do primeiro número; confira.']],
    ['a landline and a mobile with its own DDD in Telefone', { mobile: '', phone: '(11) 3333-4444; (21) 99999-8888' }, 'phone', '+5521999998888', '+551133334444', ['phone.moved'],
      ['(11) 3333-4444 ficou no Telefone e (21) 99999-8888 foi para o Celular']],
    ['a mobile and a landline in Telefone (swapped)', { mobile: '', phone: '(11) 99999-8888 / 3333-4444' }, 'phone', '+5511999998888', '+551133334444', ['phone.moved'],
      ['(11) 99999-8888 é de celular e foi para o Celular, que estava vazio; (11) 3333-4444 é de telefone fixo e ficou no Telefone.', 'usamos o DDD 11']],
    ['two mobiles in Telefone', { mobile: '', phone: '(11) 99999-8888 ou (11) 98888-7777' }, 'phone', '+5511988887777', '+5511999998888', ['phone.kind_mismatch', 'phone.moved'],
      ['(11) 99999-8888 ficou no Telefone e (11) 98888-7777 foi para o Celular']],
    ['a mobile and a landline in Celular', { mobile: '(11) 98765-4321 ou (11) 3456-7890', phone: '' }, 'mobile', '+5511987654321', '+551134567890', ['phone.moved'],
      ['(11) 98765-4321 ficou no Celular e (11) 3456-7890 foi para o Telefone, que estava vazio.']],
    ['a landline and a mobile in Celular (swapped)', { mobile: '(48) 3456-7890, 98765-4321', phone: '' }, 'mobile', '+5548987654321', '+554834567890', ['phone.moved'],
      ['(48) 3456-7890 é de telefone fixo e foi para o Telefone, que estava vazio; (48) 98765-4321 é de celular e ficou no Celular.']],
    ['two mobiles in Celular', { mobile: '11987654321 / 11912345678', phone: '' }, 'mobile', '+5511987654321', '+5511912345678', ['phone.moved'],
      ['(11) 98765-4321 ficou no Celular e (11) 91234-5678 foi para o Telefone', 'O número (11) 91234-5678 é de celular; se quiser, mude-o de campo.']],
    ['a landline and a 0800 in Telefone', { mobile: '', phone: '(11) 3333-4444 / 0800 123 4567' }, 'phone', '+558001234567', '+551133334444', ['phone.moved'],
      ['0800 123 4567 foi para o Celular', 'O número 0800 123 4567 é de atendimento (0800, 4004 e parecidos); se quiser, mude-o de campo.']],
    ['two lines in one Excel cell', { mobile: '', phone: '(11) 3333-4444\n99999-8888' }, 'phone', '+5511999998888', '+551133334444', ['phone.moved'],
      ['(11) 3333-4444 ficou no Telefone e (11) 99999-8888 foi para o Celular']],
    ['three numbers in Telefone', { mobile: '', phone: '(11) 3333-4444 / 99999-8888 / 2222-1111' }, 'phone', '+5511999998888', '+551133334444', ['phone.moved', 'phone.extra_ignored'],
      ['foi para o Celular', 'Ficou de fora: 2222-1111.']],
  ] satisfies [string, RawClient, PhoneField, string, string, string[], string[]][])(
    '%s: each number goes to a field, with phone.moved (%j)',
    (_, overrides, field, mobile, phone, expectedCodes, fragments) => {
      const { data, problems } = validateClient(completeRaw(overrides));
      expect(data).toMatchObject({ mobile, phone });
      expect(codes(problems)).toEqual(expectedCodes);
      for (const p of problems) expect(p).toMatchObject({ field, value: overrides[field], level: 'warning' });
      const sentences = problems.map((p) => p.message).join(' ');
      for (const fragment of fragments) expect(sentences).toContain(fragment);
      problems.forEach((p) => expectSentence(p.message));
    },
  );

  it('three numbers: the one left out is named in phone.extra_ignored', () => {
    const { problems } = validateClient(completeRaw({ mobile: '', phone: '(11) 3333-4444 / 99999-8888 / 2222-1111' }));
    const extra = problems.find((p) => p.code === 'phone.extra_ignored');
    expect(extra?.message).toBe('A célula tinha mais de dois telefones; só os dois primeiros foram usados. Ficou de fora: 2222-1111.');
  });

  it.each([
    ['the other field filled (Telefone cell)', { mobile: '(11) 98765-4321', phone: '(11) 3333-4444 / 99999-8888' }, '+5511987654321', '+551133334444', ['phone.extra_ignored']],
    ['the other field filled (Celular cell)', { mobile: '(11) 98765-4321 / 3333-4444', phone: '(11) 2222-3333' }, '+5511987654321', '+551122223333', ['phone.extra_ignored']],
    ['the other field filled but invalid', { mobile: 'não tem', phone: '(11) 3333-4444 / 99999-8888' }, '', '+551133334444', ['phone.dropped', 'phone.extra_ignored']],
    ['an invalid second number', { mobile: '', phone: '(11) 3333-4444 / 12345' }, '', '+551133334444', ['phone.extra_ignored']],
    ['the same number twice', { mobile: '', phone: '(11) 3333-4444 / 3333-4444' }, '', '+551133334444', ['phone.extra_ignored']],
    ['a foreign second number', { mobile: '', phone: '(11) 3333-4444 / +1 415 555 2671' }, '', '+551133334444', ['phone.extra_ignored']],
    ['a first number without DDD to lend (4004)', { mobile: '', phone: '4004-1234 / 99999-8888' }, '', '+5540041234', ['phone.extra_ignored']],
  ] satisfies [string, RawClient, string, string, string[]][])('with %s, nothing moves (%j)', (_, overrides, mobile, phone, expectedCodes) => {
    const { data, problems } = validateClient(completeRaw(overrides));
    expect(data).toMatchObject({ mobile, phone });
    expect(codes(problems).sort()).toEqual(expectedCodes);
    expect(problems.find((p) => p.code === 'phone.extra_ignored')?.message).toContain('só o primeiro foi usado');
  });

  it('in the review, a moved phone leaves the row ready, the warning on the cell that held both numbers', () => {
    const mapping: Mapping = ['name', 'document', 'mobile', 'phone', 'email', 'group'];
    const cells = ['Maria da Silva', formatCpf(CPF), '', '(11) 3333-4444 / 99999-8888', 'maria@exemplo.com.br', 'Tributário'];
    const row = validateRow({ rowNumber: 2, cells, edits: {} }, mapping);
    expect(row.status).toBe('ready');
    expect(row.problems.map((p) => [p.code, p.field, p.value])).toEqual([['phone.moved', 'phone', '(11) 3333-4444 / 99999-8888']]);
    expect(row.draft).toMatchObject({ mobile: '+5511999998888', phone: '+551133334444' });
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

describe('one "Cidade/UF" cell', () => {
  it.each<[string, RawClient, { city: string; uf: string }]>([
    ['fills an empty UF', { city: 'Campinas/SP' }, { city: 'Campinas', uf: 'SP' }],
    ['agrees with the UF given', { city: 'Recife - PE', uf: 'Pernambuco' }, { city: 'Recife', uf: 'PE' }],
    ['a UF that disagrees leaves the city as typed', { city: 'Recife - PE', uf: 'SP' }, { city: 'Recife - PE', uf: 'SP' }],
    ['a plain city', { city: 'Embu-Guaçu', uf: 'SP' }, { city: 'Embu-Guaçu', uf: 'SP' }],
  ])('%s', (_, overrides, expected) => {
    const { data, problems } = validateClient(completeRaw(overrides));
    expect(data).toMatchObject(expected);
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  });
});
