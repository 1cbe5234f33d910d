import { describe, expect, it } from 'vitest';
import { markDuplicates, reviewTable, toRawClient, validateRow, type ReviewRow } from '../../../src/domain/review';
import { countProblems, countStatuses, listNewGroups } from '../../../src/domain/reviewSummary';
import type { Mapping } from '../../../src/domain/mapping';
import { breakCheckDigit, formatCpf, makeCnpj, makeCpf } from '../../support/brazil';

const MAPPING: Mapping = ['name', 'document', 'mobile', 'email', 'group'];
const HEADER = ['Nome', 'CPF/CNPJ', 'Celular', 'E-mail', 'Grupo'];

function validRow(seed: number): string[] {
  return [`Cliente ${seed}`, formatCpf(makeCpf(seed)), '(11) 98765-4321', `c${seed}@exemplo.com.br`, 'Tributário'];
}

/** A valid CPF whose first digit is 0 (makeCpf never gives one), so Excel drops it in a number column. */
function zeroLedCpf(): string {
  const body = '012345678';
  const digit = (text: string, firstWeight: number): number => {
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum += Number(text[i]) * (firstWeight - i);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const d1 = digit(body, 10);
  return `${body}${d1}${digit(body + d1, 11)}`;
}

/** Valid except that the CPF lost its leading zero (typed as a number): an automatic fix. */
function rowWithCpfMissingLeadingZero(): string[] {
  return ['Zé', zeroLedCpf().slice(1), '(11) 98765-4321', 'ze@exemplo.com.br', 'Tributário'];
}

/** Valid except for the missing e-mail (an error row). */
function rowWithoutEmail(seed: number): string[] {
  const row = validRow(seed);
  row[3] = '';
  return row;
}

function rowWithBrokenCpf(seed: number): string[] {
  const row = validRow(seed);
  row[1] = breakCheckDigit(makeCpf(seed));
  return row;
}

/** Another person typed with the CPF of client `seed`, unformatted. */
function rowRepeatingCpfOf(seed: number, otherSeed: number): string[] {
  const row = validRow(otherSeed);
  row[1] = makeCpf(seed);
  return row;
}

function reviewed(sheet: string[][], existing: ReadonlyMap<string, string> = new Map()): ReviewRow[] {
  const rows = reviewTable(sheet, 0, MAPPING);
  markDuplicates(rows, existing);
  return rows;
}

function row(rows: readonly ReviewRow[], rowNumber: number): ReviewRow {
  const found = rows.find((r) => r.rowNumber === rowNumber);
  expect(found, `row ${rowNumber}`).toBeDefined();
  if (!found) throw new Error(`row ${rowNumber} missing`);
  return found;
}

describe('reviewTable', () => {
  it('numbers rows as the spreadsheet does: header on row 3 → first data row is 4', () => {
    const sheet = [['Relatório de clientes'], ['Emitido em 01/03/2025'], HEADER, validRow(1), validRow(2)];
    expect(reviewTable(sheet, 2, MAPPING).map((r) => r.rowNumber)).toEqual([4, 5]);
  });

  it.each([
    ['an empty row', []],
    ['a row of empty strings', ['', '', '', '', '']],
    ['a row of spaces, tabs and line breaks', [' ', '\t', '\n', '  ', '']],
  ])('skips %s without renumbering the rows after it', (_, blank) => {
    const rows = reviewTable([HEADER, validRow(1), blank, validRow(2)], 0, MAPPING);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('reads a short (ragged) row as empty cells at the end', () => {
    const [only] = reviewTable([HEADER, validRow(1).slice(0, 3)], 0, MAPPING);
    expect(only?.status).toBe('incomplete');
    expect(only?.problems.map((p) => p.code).sort()).toEqual(['required.email', 'required.group']);
  });

  it('keeps the original cells, and gives ready, fixed, incomplete and error statuses', () => {
    const sheet = [HEADER, validRow(1), rowWithCpfMissingLeadingZero(), rowWithoutEmail(3), rowWithBrokenCpf(4)];
    const rows = reviewTable(sheet, 0, MAPPING);
    expect(rows.map((r) => r.status)).toEqual(['ready', 'fixed', 'incomplete', 'error']);
    expect(rows.map((r) => r.cells)).toEqual(sheet.slice(1));
    expect(rows.map((r) => r.cells)).toEqual(sheet.slice(1));
    expect(row(rows, 3).problems.map((p) => p.code)).toEqual(['document.leading_zero_restored']);
    expect(row(rows, 3).draft.document).toBe(zeroLedCpf());
  });
});

describe('toRawClient', () => {
  it('takes the first non-empty value when two columns feed one field', () => {
    const mapping: Mapping = ['name', 'phone', 'phone', null];
    expect(toRawClient(['Ana', '', '(11) 3456-7890', 'ignored'], mapping)).toEqual({ name: 'Ana', phone: '(11) 3456-7890' });
    expect(toRawClient(['Ana', '(11) 2222-3333', '(11) 3456-7890'], mapping)).toEqual({ name: 'Ana', phone: '(11) 2222-3333' });
  });

  it.each([
    ['an empty cell', ''],
    ['only spaces', '   '],
    ["Google Contacts' system label alone", '* myContacts'],
  ])('a default fills %s', (_, cell) => {
    expect(toRawClient(['Ana', cell], ['name', 'group'], {}, { group: 'Importados' })).toEqual({ name: 'Ana', group: 'Importados' });
  });

  it('a default never replaces a value of the row', () => {
    expect(toRawClient(['Ana', '* myContacts ::: Trabalhista'], ['name', 'group'], {}, { group: 'Importados' })).toEqual({ name: 'Ana', group: '* myContacts ::: Trabalhista' });
  });

  it.each<[string, string[], string | undefined]>([
    ['first and last name', ['Ana', 'Souza'], 'Ana Souza'],
    ['an empty middle piece', ['Ana', '', 'Souza'], 'Ana Souza'],
    ['only the last piece', ['', 'Souza'], 'Souza'],
  ])('joins the columns of a name in pieces: %s', (_, cells, expected) => {
    expect(toRawClient(cells, cells.map(() => 'name')).name?.replace(/\s+/g, ' ').trim()).toBe(expected);
  });

  it('puts the DDD of its own column in front of each phone', () => {
    const mapping: Mapping = ['name', 'phone.ddd', 'phone', 'mobile.ddd', 'mobile'];
    expect(toRawClient(['Ana', '11', '3456-7890', '021', '98765-4321'], mapping)).toEqual({ name: 'Ana', phone: '(11) 3456-7890', mobile: '(21) 98765-4321' });
    expect(toRawClient(['Ana', '11', '', '', '(21) 98765-4321'], mapping)).toEqual({ name: 'Ana', phone: '', mobile: '(21) 98765-4321' });
  });

  it('takes the first filled of a CPF column and a CNPJ column', () => {
    const mapping: Mapping = ['name', 'document', 'document'];
    expect(toRawClient(['Ana', '', '11.222.333/0001-81'], mapping)).toEqual({ name: 'Ana', document: '11.222.333/0001-81' });
    expect(toRawClient(['Ana', '529.982.247-25', ''], mapping)).toEqual({ name: 'Ana', document: '529.982.247-25' });
  });

  it('joins notes from several columns, one per line', () => {
    expect(toRawClient(['Prefere e-mail', 'Cliente desde 2010'], ['notes', 'notes'])).toEqual({ notes: 'Prefere e-mail\nCliente desde 2010' });
  });

  it('lets the review edits win over the cells', () => {
    expect(toRawClient(['Ana', 'x'], ['name', 'email'], { email: 'ana@exemplo.com.br' })).toEqual({ name: 'Ana', email: 'ana@exemplo.com.br' });
  });

  it.each([
    ["'+1 555 0100", '+1 555 0100'],
    ["'=SOMA(A1)", '=SOMA(A1)'],
    ["'-ligar cedo", '-ligar cedo'],
    ["'@maria", '@maria'],
    ["'texto entre aspas'", "'texto entre aspas'"],
    ["d'Ávila", "d'Ávila"],
  ])('reads %s (from our own export) as %s', (cell, expected) => {
    expect(toRawClient([cell], ['notes'])).toEqual({ notes: expected });
  });
});

describe('markDuplicates', () => {
  it('the first row with a document wins; later ones are duplicates naming it', () => {
    const rows = reviewed([HEADER, validRow(1), validRow(2), rowRepeatingCpfOf(1, 3), rowRepeatingCpfOf(1, 4)]);
    expect(rows.map((r) => r.status)).toEqual(['ready', 'ready', 'duplicate', 'duplicate']);
    for (const duplicate of [row(rows, 4), row(rows, 5)]) {
      const problem = duplicate.problems.find((p) => p.code === 'document.duplicate_in_file');
      expect(problem).toMatchObject({ field: 'document', level: 'error', value: makeCpf(1) });
      expect(problem?.message).toContain('linha 2');
    }
  });

  it('an earlier row with an error does not claim the document', () => {
    const rows = reviewed([HEADER, rowWithBrokenCpf(1), validRow(1)]);
    expect(rows.map((r) => r.status)).toEqual(['error', 'ready']);
  });

  it('an earlier incomplete row does not claim the document over a complete one: it is the repeat', () => {
    const rows = reviewed([HEADER, rowWithoutEmail(1), validRow(1)]);
    expect(rows.map((r) => r.status)).toEqual(['duplicate', 'ready']);
    expect(rows[0]?.problems.find((p) => p.code === 'document.duplicate_in_file')?.message).toBe('Este CPF/CNPJ aparece também na linha 3 da planilha, que está completa: só aquela linha é importada.');
  });

  it('a broken document is never a duplicate of another broken one', () => {
    const rows = reviewed([HEADER, rowWithBrokenCpf(1), rowWithBrokenCpf(1)]);
    expect(rows.map((r) => r.problems.map((p) => p.code))).toEqual([['cpf.check_digits'], ['cpf.check_digits']]);
  });

  it('a document already registered makes the row "existing", with the stored id', () => {
    const cnpj = makeCnpj('112223330001');
    const registered = validRow(2);
    registered[1] = cnpj;
    const rows = reviewed([HEADER, validRow(1), registered, rowRepeatingCpfOf(2, 9)], new Map([[cnpj, 'client-7'], [makeCpf(5), 'client-5']]));
    expect(rows.map((r) => [r.status, r.existingId])).toEqual([['ready', undefined], ['existing', 'client-7'], ['ready', undefined]]);
    expect(row(rows, 3).problems).toEqual([expect.objectContaining({ code: 'document.already_registered', level: 'warning' })]);
  });

  it('a repeat gets a list of its own: the rows without problems (one shared, frozen list) stay without', () => {
    const rows = reviewed([HEADER, validRow(1), validRow(2), rowRepeatingCpfOf(1, 3)]);
    expect(Object.isFrozen(row(rows, 2).problems)).toBe(true);
    expect(rows.map((r) => r.problems.length)).toEqual([0, 0, 1]);
    expect(Object.isFrozen(row(rows, 4).problems)).toBe(false);
  });

  it('is idempotent, and forgets a duplicate once the first row changes document', () => {
    const rows = reviewed([HEADER, validRow(1), rowRepeatingCpfOf(1, 2)]);
    markDuplicates(rows, new Map());
    expect(row(rows, 3).problems.map((p) => p.code)).toEqual(['document.duplicate_in_file']);
    const first = row(rows, 2);
    first.draft.document = makeCpf(99);
    markDuplicates(rows, new Map());
    expect(rows.map((r) => [r.status, r.problems])).toEqual([['ready', []], ['ready', []]]);
  });
});

describe('countStatuses and countProblems', () => {
  const sheet = () => [
    HEADER,
    validRow(1), // ready
    rowWithCpfMissingLeadingZero(), // fixed
    rowWithoutEmail(3), // incomplete: required.email
    rowWithoutEmail(4), // incomplete: required.email
    rowWithBrokenCpf(5), // error: cpf.check_digits
    rowRepeatingCpfOf(1, 6), // duplicate
    validRow(7), // existing
  ];

  it('counts every status', () => {
    expect(countStatuses(reviewed(sheet(), new Map([[makeCpf(7), 'id-7']])))).toEqual({ ready: 1, fixed: 1, error: 1, duplicate: 1, existing: 1, incomplete: 2 });
  });

  it('counts rows by problem code, most frequent first, with an example message', () => {
    const kinds = countProblems(reviewed(sheet(), new Map([[makeCpf(7), 'id-7']])));
    expect(kinds.map((k) => [k.code, k.level, k.count])).toEqual([
      ['required.email', 'error', 2],
      ['document.leading_zero_restored', 'fix', 1],
      ['cpf.check_digits', 'error', 1],
      ['document.duplicate_in_file', 'error', 1],
      ['document.already_registered', 'warning', 1],
    ]);
    expect(kinds[0]?.example).toBe('E-mail principal é obrigatório e está vazio.');
  });

  it('of nothing is nothing', () => {
    expect(countStatuses([])).toEqual({ ready: 0, fixed: 0, error: 0, duplicate: 0, existing: 0, incomplete: 0 });
    expect(countProblems([])).toEqual([]);
  });
});

describe('defaults for the whole file', () => {
  const mapping = ['name', 'document', 'mobile', 'email', null];
  it.each([
    ['an empty Grupo cell takes the default', '', 'Geral'],
    ['a filled Grupo cell keeps its own value', 'Tributário', 'Tributário'],
  ])('%s', (_label, cell, expected) => {
    const mappingWithGroup = [...mapping.slice(0, 4), 'group'];
    const row = validateRow({ rowNumber: 2, cells: ['Ana', '529.982.247-25', '(11) 98765-4321', 'ana@exemplo.com', cell], edits: {} }, mappingWithGroup, { defaults: { group: 'Geral' } });
    expect(row.draft.group).toBe(expected);
    expect(row.status).toBe('ready');
  });

  it('fills a field that has no column at all', () => {
    const row = validateRow({ rowNumber: 2, cells: ['Ana', '529.982.247-25', '(11) 98765-4321', 'ana@exemplo.com'], edits: {} }, mapping, { defaults: { group: 'Geral' } });
    expect(row.draft.group).toBe('Geral');
    expect(row.problems).toEqual([]);
  });
});

describe('listNewGroups', () => {
  function inGroup(seed: number, group: string): string[] {
    const row = validRow(seed);
    row[4] = group;
    return row;
  }

  it('names the groups of the rows ready to import that do not exist yet, most used first, once per name without accents or case', () => {
    const rows = reviewed([HEADER, inGroup(1, 'Cível'), inGroup(2, 'civel'), inGroup(3, 'Família'), inGroup(4, 'Tributário'), rowWithBrokenCpf(5)]);
    expect(listNewGroups(rows, new Set(['tributario']))).toEqual([{ name: 'Cível', rows: 2 }, { name: 'Família', rows: 1 }]);
  });

  it('rows with errors or repeated never count', () => {
    const broken = rowWithBrokenCpf(1);
    broken[4] = 'Novo';
    expect(listNewGroups(reviewed([HEADER, broken, inGroup(2, 'Outro'), inGroup(2, 'Outro')]), new Set())).toEqual([{ name: 'Outro', rows: 1 }]);
  });
});
