/**
 * Incomplete records (issue 8): rows whose only problems are required values left empty, the office's
 * required fields, repeats of clients without CPF/CNPJ, bulk fixes and the DDD of the client's place.
 */
import { describe, expect, it } from 'vitest';
import { markDuplicates, reviewTable, validateRow, type ReviewRow } from '../../../src/domain/review';
import { countProblems, countStatuses } from '../../../src/domain/reviewSummary';
import { checkMapping, type Mapping } from '../../../src/domain/mapping';
import { validateClient } from '../../../src/domain/validateClient';
import { applyRequired, DEFAULT_REQUIRED, REQUIREMENT_OPTIONS, listRecordMissing, toRequiredSet } from '../../../src/domain/requiredFields';
import { buildContactIndex } from '../../../src/domain/contactDuplicates';
import { collectDddEdits, collectSuggestedEdits } from '../../../src/domain/bulkFixes';
import { dddOfPlace } from '../../../src/domain/rules/dddByPlace';
import { emptyClientDraft, type ClientRecord } from '../../../src/domain/entities/client';
import { breakCheckDigit, formatCpf, makeCpf } from '../../support/brazil';

const MAPPING: Mapping = ['name', 'document', 'mobile', 'email', 'group', 'city', 'uf'];
const HEADER = ['Nome', 'CPF/CNPJ', 'Celular', 'E-mail', 'Grupo', 'Cidade', 'UF'];

function row(name: string, document: string, mobile: string, email: string, group: string, city = '', uf = ''): string[] {
  return [name, document, mobile, email, group, city, uf];
}

function reviewed(rows: string[][], stored: ClientRecord[] = [], options = {}): ReviewRow[] {
  const out = reviewTable([HEADER, ...rows], 0, MAPPING, undefined, options);
  markDuplicates(out, new Map(stored.flatMap((c) => (c.document ? [[c.document, c.id] as const] : []))), buildContactIndex(stored));
  return out;
}

function stored(fields: Partial<ClientRecord> & Pick<ClientRecord, 'id' | 'name'>): ClientRecord {
  const { group: _g, ...empty } = emptyClientDraft();
  return { ...empty, kind: 'PF', groupId: '', createdAt: 1, updatedAt: 1, ...fields };
}

const CPF = formatCpf(makeCpf(1));

describe('the incomplete status: only missing values, never invalid ones', () => {
  it.each([
    ['every required value', row('Ana', CPF, '(11) 98765-4321', 'ana@x.com.br', 'Cível'), 'ready', []],
    ['no e-mail', row('Ana', CPF, '(11) 98765-4321', '', 'Cível'), 'incomplete', ['required.email']],
    ['no CPF/CNPJ', row('Ana', '', '(11) 98765-4321', 'ana@x.com.br', 'Cível'), 'incomplete', ['required.document']],
    ['no phone, no e-mail, no group, no CPF/CNPJ', row('Ana', '', '', '', ''), 'incomplete', ['required.document', 'required.phone', 'required.email', 'required.group']],
    ['no name (always required)', row('', CPF, '(11) 98765-4321', 'ana@x.com.br', 'Cível'), 'error', ['required.name']],
    ['an invalid CPF next to a missing e-mail', row('Ana', breakCheckDigit(makeCpf(1)), '(11) 98765-4321', '', 'Cível'), 'error', ['cpf.check_digits', 'required.email']],
    ['a phone without DDD next to a missing e-mail', row('Ana', CPF, '98765-4321', '', 'Cível'), 'error', ['phone.missing_ddd', 'required.email']],
  ] as const)('%s → %s', (_label, cells, status, codes) => {
    const [only] = reviewed([[...cells]]);
    expect(only?.status).toBe(status);
    expect(only?.problems.map((p) => p.code)).toEqual(codes);
  });

  it('is counted apart in the summary', () => {
    const rows = reviewed([row('Ana', CPF, '(11) 98765-4321', '', 'Cível'), row('Bia', '', '(11) 98765-0000', 'bia@x.com', 'Cível'), row('', '', '', '', '', 'Joinville')]);
    expect(countStatuses(rows)).toMatchObject({ incomplete: 2, error: 1, ready: 0 });
  });
});

describe('"Campos obrigatórios": the office\'s required fields flow into validation', () => {
  it('defaults to the seed\'s five', () => {
    expect([...DEFAULT_REQUIRED]).toEqual(['name', 'document', 'phone', 'email', 'group']);
    expect(REQUIREMENT_OPTIONS.find((o) => o.key === 'phone')).toMatchObject({ label: 'Celular e/ou Telefone', fields: ['mobile', 'phone'] });
  });

  it.each([
    ['without e-mail and group', ['name', 'document', 'phone'], row('Ana', CPF, '(11) 98765-4321', '', ''), 'ready', []],
    ['with CEP… no: with Cidade', ['name', 'document', 'phone', 'city'], row('Ana', CPF, '(11) 98765-4321', '', ''), 'incomplete', ['required.city']],
    ['Nome and CPF/CNPJ cannot be turned off', [], row('', '', '', 'a@x.com', ''), 'error', ['required.name', 'required.document']],
  ] as const)('%s', (_label, keys, cells, status, codes) => {
    const required = toRequiredSet(keys);
    const [only] = reviewed([[...cells]], [], { required });
    expect(only?.status).toBe(status);
    expect(only?.problems.map((p) => p.code)).toEqual(codes);
    expect(validateClient({ name: cells[0], document: cells[1], mobile: cells[2], email: cells[3] }, undefined, { required }).problems.map((p) => p.code)).toEqual(codes);
  });

  it('unknown keys of a stored setting are dropped', () => {
    expect([...toRequiredSet(['email', 'nonsense'])]).toEqual(['name', 'document', 'email']);
  });

  it('what a stored client lacks follows the setting', () => {
    const client = stored({ id: 'c1', name: 'Ana', document: makeCpf(1), mobile: '+5511987654321', groupId: 'g1' });
    expect(listRecordMissing(client, DEFAULT_REQUIRED).map((o) => o.label)).toEqual(['E-mail principal']);
    expect(listRecordMissing(client, toRequiredSet(['phone']))).toEqual([]);
  });
});

describe('clients without CPF/CNPJ: repeats by name plus phone or e-mail', () => {
  it.each([
    ['same name (other case and accents) and phone', row('José da Silva', '', '(47) 99681-1771', '', ''), row('JOSE DA SILVA', '', '47 99681-1771', '', ''), 'duplicate', 'telefone'],
    ['same name and e-mail', row('Ana', '', '', 'Ana@X.com', ''), row('ana', '', '(11) 98765-0000', 'ana@x.com', ''), 'duplicate', 'e-mail'],
    ['same name, other phone', row('Ana', '', '(11) 98765-4321', '', ''), row('Ana', '', '(11) 98765-0000', '', ''), 'incomplete', null],
    ['other name, same phone', row('Ana', '', '(11) 98765-4321', '', ''), row('Bia', '', '(11) 98765-4321', '', ''), 'incomplete', null],
  ] as const)('in the file: %s', (_label, first, second, status, kind) => {
    const rows = reviewed([[...first], [...second]]);
    expect(rows.map((r) => r.status)).toEqual(['incomplete', status]);
    const problem = rows[1]?.problems.find((p) => p.code === 'contact.duplicate_in_file');
    if (kind === null) expect(problem).toBeUndefined();
    else expect(problem?.message).toBe(`Este cliente não tem CPF/CNPJ e a linha 2 da planilha tem o mesmo nome e o mesmo ${kind}: é o mesmo cliente. Só a linha 2 é importada.`);
  });

  it('against a stored client: "existing", with its id and name', () => {
    const ana = stored({ id: 'c-ana', name: 'Ana Souza', document: makeCpf(5), mobile: '+5511987654321' });
    const rows = reviewed([row('ANA SOUZA', '', '(11) 98765-4321', '', '')], [ana]);
    expect(rows.map((r) => [r.status, r.existingId])).toEqual([['existing', 'c-ana']]);
    expect(rows[0]?.problems.find((p) => p.code === 'contact.already_registered')?.message).toBe('Este cliente não tem CPF/CNPJ, mas já existe um cliente cadastrado com o mesmo nome e o mesmo telefone: Ana Souza.');
  });

  it('a row with CPF/CNPJ is still keyed by it, not by its name', () => {
    const ana = stored({ id: 'c-ana', name: 'Ana', document: makeCpf(5), mobile: '+5511987654321' });
    expect(reviewed([row('Ana', CPF, '(11) 98765-4321', 'a@x.com', 'Cível')], [ana]).map((r) => r.status)).toEqual(['ready']);
  });
});

describe('DDD of the client\'s place (Anatel)', () => {
  it.each([
    ['Joinville', 'SC', '47'],
    ['SÃO JOSÉ DOS CAMPOS', 'SP', '12'],
    ['Campinas', 'SP', '19'],
    ['', 'SE', '79'],
    ['Qualquer', 'DF', '61'],
    ['Cidade Inventada', 'SP', null],
    ['', 'SP', null],
    ['Joinville', '', null],
  ])('%s/%s → %s', (city, uf, ddd) => {
    expect(dddOfPlace(city, uf)?.ddd ?? null).toBe(ddd);
  });

  it('is offered as the suggestion of a phone without DDD, saying where it comes from', () => {
    const [only] = reviewed([row('Ana', CPF, '99681-1771', 'a@x.com', 'Cível', 'Joinville', 'SC')]);
    const problem = only?.problems.find((p) => p.code === 'phone.missing_ddd');
    expect(problem?.suggestion).toBe('+5547996811771');
    expect(problem?.message).toContain('Sugerimos o DDD 47, de Joinville/SC; confira.');
    expect(countProblems(only ? [only] : []).find((k) => k.code === 'phone.missing_ddd')?.suggested).toBe(1);
  });
});

describe('bulk fixes', () => {
  const sheet = () => [
    row('Ana', CPF, '99681-1771', 'a@x.com', 'Cível', 'Joinville', 'SC'),
    row('Bia', formatCpf(makeCpf(2)), '3433-1234', 'b@x.com', 'Cível', 'Cidade Inventada', 'SP'),
    row('Caio', formatCpf(makeCpf(3)), '(11) 8765-4321', 'c@x.com', 'Cível'),
    row('Davi', formatCpf(makeCpf(4)), '(11) 8765-0000', 'd@x.com', 'Cível'),
  ];

  it.each([
    ['phone.missing_ninth_digit', [4, 5], { 4: '+5511987654321', 5: '+5511987650000' }],
    ['phone.missing_ddd', [2], { 2: '+5547996811771' }],
  ] as const)('"Aplicar a todas": %s', (code, rowNumbers, expected) => {
    const rows = reviewed(sheet());
    const edits = collectSuggestedEdits(rows, code);
    expect([...edits.keys()]).toEqual(rowNumbers);
    for (const [rowNumber, edit] of edits) expect(edit.mobile).toBe(expected[rowNumber as keyof typeof expected]);
    const fixed = rows.map((r) => (edits.has(r.rowNumber) ? validateRow({ ...r, edits: edits.get(r.rowNumber) ?? {} }, MAPPING) : r));
    for (const n of rowNumbers) expect(fixed.find((r) => r.rowNumber === n)?.status).toBe('ready');
  });

  it('"DDD para os telefones sem DDD": the typed DDD goes to every phone still without one', () => {
    const rows = reviewed(sheet());
    const edits = collectDddEdits(rows, '13');
    expect([...edits]).toEqual([[3, { mobile: '+551334331234' }]]);
    expect(collectDddEdits(rows, '20').size).toBe(0);
  });
});

describe('the mapping asks for the columns of the office\'s required fields', () => {
  it.each([
    ['the seed\'s', DEFAULT_REQUIRED, ['group']],
    ['without Grupo', toRequiredSet(['phone', 'email']), []],
    ['with Cidade', toRequiredSet(['phone', 'email', 'group', 'city']), ['group', 'city']],
  ])('%s', (_label, required, missing) => {
    const mapping: Mapping = ['name', 'document', 'mobile', 'email'];
    expect(checkMapping(mapping, applyRequired(required)).missing.map((f) => f.key)).toEqual(missing);
  });
});
