import { describe, expect, it } from 'vitest';
import { listGroupReviewItems, markGroupRepeats, reviewGroupTable, validateGroup } from '../../../src/domain/groupReview';
import { countStatuses } from '../../../src/domain/reviewSummary';
import { guessEntity } from '../../../src/domain/entityGuess';
import { suggestMapping } from '../../../src/domain/mapping';
import { GROUP_FIELDS } from '../../../src/domain/entities/group';
import { toMatchKey } from '../../../src/domain/text';

const MAPPING = ['name', 'description'];

describe('validateGroup: the Grupos screen rules for a group coming from a spreadsheet', () => {
  it.each([
    ['a plain name', { name: 'Tributário' }, 'Tributário', []],
    ['spaces collapsed', { name: '  Contencioso   trabalhista ' }, 'Contencioso trabalhista', []],
    ['80 characters', { name: 'a'.repeat(80) }, 'a'.repeat(80), []],
    ['81 characters', { name: 'a'.repeat(81) }, '', ['group.name_too_long']],
    ['only punctuation', { name: '--- !!! ---' }, '', ['group.name_invalid']],
    ['no name', { name: '  ', description: 'Sem nome' }, '', ['required.name']],
    ['a digit is enough', { name: '2024' }, '2024', []],
  ])('%s', (_, raw, name, codes) => {
    const { data, problems } = validateGroup(raw);
    expect(data.name).toBe(name);
    expect(problems.map((p) => p.code)).toEqual(codes);
    for (const p of problems) expect(p.message).toMatch(/[a-zà-ú]{3,}/);
  });

  it.each([
    ['kept with its line breaks', 'Ações\nem andamento', 'Ações\nem andamento', []],
    ['300 characters', 'd'.repeat(300), 'd'.repeat(300), []],
    ['301 characters', 'd'.repeat(301), '', ['group.description_too_long']],
  ])('a description %s', (_, description, kept, codes) => {
    const { data, problems } = validateGroup({ name: 'Grupo', description });
    expect(data.description).toBe(kept);
    expect(problems.map((p) => p.code)).toEqual(codes);
  });

  it('says in Portuguese what is wrong and what to do', () => {
    expect(validateGroup({ name: '...' }).problems[0]?.message).toBe('O nome do grupo precisa ter ao menos uma letra ou um número.');
    expect(validateGroup({ name: 'x'.repeat(81) }).problems[0]?.message).toBe('O nome do grupo tem 81 caracteres; use no máximo 80.');
  });
});

describe('the review of a Grupos sheet', () => {
  // Spreadsheet rows: 2 new, 3 registered (other accents and case), 4 repeats row 2, 5 invalid, 6 blank, 7 new.
  const sheet = [
    ['Nome do grupo*', 'Descrição'],
    ['Tributário', 'Impostos'],
    ['CLIENTES VIP', ''],
    ['tributario', 'de novo'],
    ['***', 'inválido'],
    ['', ' '],
    ['Família', ''],
  ];

  function reviewed() {
    const rows = reviewGroupTable(sheet, 0, MAPPING);
    markGroupRepeats(rows, new Map([[toMatchKey('Clientes VIP'), 'g-vip']]));
    return rows;
  }

  it('counts new, already registered, repeated and invalid rows; blank rows are not rows', () => {
    const rows = reviewed();
    expect(rows.map((r) => [r.rowNumber, r.status])).toEqual([[2, 'ready'], [3, 'existing'], [4, 'duplicate'], [5, 'error'], [7, 'ready']]);
    expect(countStatuses(rows)).toEqual({ ready: 2, fixed: 0, error: 1, duplicate: 1, existing: 1, incomplete: 0 });
    expect(rows[1]?.existingId).toBe('g-vip');
    expect(rows[2]?.problems.map((p) => p.message)).toEqual(['Este grupo já aparece na linha 2 da planilha (o mesmo nome, sem diferença de maiúsculas ou acentos). Só a primeira linha é importada.']);
  });

  it('lists the rows with problems for the review table, with the value to correct', () => {
    const items = listGroupReviewItems(reviewed(), MAPPING, { status: 'problems', code: null });
    expect(items.map((i) => [i.rowNumber, i.field, i.value, i.problem.code])).toEqual([
      [3, 'name', 'CLIENTES VIP', 'group.already_registered'],
      [4, 'name', 'tributario', 'group.duplicate_in_file'],
      [5, 'name', '***', 'group.name_invalid'],
    ]);
  });

  it('maps the usual headers of a list of groups', () => {
    const headers = ['Grupo', 'Observação'];
    expect(suggestMapping(headers.map((header) => ({ header, values: [] })), GROUP_FIELDS)).toEqual(['name', 'description']);
    expect(suggestMapping(['Categoria', 'Descrição'].map((header) => ({ header, values: [] })), GROUP_FIELDS)).toEqual(['name', 'description']);
  });
});

describe('guessEntity: a list of groups is recognised, a client list stays one', () => {
  it.each([
    ['the Grupos template', 'Grupos', ['Nome do grupo*', 'Descrição'], 'groups'],
    ['a tab named Grupos with plain headers', 'Grupos', ['Nome', 'Descrição'], 'groups'],
    ['a "Categoria" column on any tab', 'Planilha1', ['Categoria', 'Observação'], 'groups'],
    ['the Grupos template saved as CSV', 'modelo-grupos', ['Nome do grupo*', 'Descrição'], 'groups'],
    ['the Clientes template', 'Clientes', ['Nome/Razão Social*', 'CPF/CNPJ*', 'E-mail principal*', 'Grupo*'], 'clients'],
    ['names with their group', 'Planilha1', ['Nome', 'Grupo'], 'clients'],
    ['a tab named Grupos holding clients', 'Grupos', ['Nome', 'CPF', 'Telefone'], 'clients'],
    ['a headerless sheet', 'Planilha1', [], 'clients'],
  ])('%s', (_, sheet, headers, entity) => {
    const guess = guessEntity(sheet, headers);
    expect(guess.entity).toBe(entity);
    expect(guess.reason === null).toBe(entity === 'clients');
  });
});
