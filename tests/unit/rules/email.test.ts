import { describe, expect, it } from 'vitest';
import { parseEmail, splitEmails } from '../../../src/domain/rules';
import { expectProblem } from './helpers';

describe('parseEmail', () => {
  it.each([
    ['maria@exemplo.com.br', 'maria@exemplo.com.br'],
    ['  Maria@Exemplo.COM.BR  ', 'maria@exemplo.com.br'],
    ['MARIA.SILVA@EMPRESA.COM', 'maria.silva@empresa.com'],
    ['joao_silva+financeiro@empresa.com.br', 'joao_silva+financeiro@empresa.com.br'],
    ['contato@sub.dominio-empresa.com.br', 'contato@sub.dominio-empresa.com.br'],
    ['a@b.co', 'a@b.co'],
    ['maria\u00a0@exemplo.com'.replace('\u00a0', ''), 'maria@exemplo.com'],
    ['o\'neil@exemplo.com', 'o\'neil@exemplo.com'],
    ['123@456.net', '123@456.net'],
    ['ana@gmail.com', 'ana@gmail.com'],
  ])('accepts %s as %s', (raw, email) => {
    expect(parseEmail(raw)).toEqual({ data: email, problems: [] });
  });

  // Outlook and Gmail copy an address with its "display name"; a link copied from a page starts "mailto:".
  it.each([
    ['Maria <maria@x.com>', 'maria@x.com'],
    ['"Maria Silva" <maria@x.com>', 'maria@x.com'],
    ['"Silva, Maria" <Maria@X.com>', 'maria@x.com'],
    ['"maria@x.com" <maria@x.com>', 'maria@x.com'],
    ['João da Silva <joao.silva@empresa.com.br>', 'joao.silva@empresa.com.br'],
    ['  Maria\u00a0 <  maria@x.com >  ', 'maria@x.com'],
    ['<maria@x.com>', 'maria@x.com'],
    ['mailto:maria@x.com', 'maria@x.com'],
    ['MAILTO:Maria@X.com', 'maria@x.com'],
    ['Maria <mailto:maria@x.com>', 'maria@x.com'],
  ])('takes the address out of %j: %s', (raw, email) => {
    expect(parseEmail(raw)).toEqual({ data: email, problems: [] });
  });

  it.each([
    ['Maria <maria@x>', 'email.domain', '"maria@x"'],
    ['Maria <maria.x.com>', 'email.missing_at', '"maria.x.com"'],
    ['Maria <maria@x.com', 'email.spaces', '"Maria <maria@x.com"'],
    ['Maria <>', 'email.spaces', '"Maria <>"'],
    ['a@x.com <b@y.com>', 'email.spaces', '"a@x.com <b@y.com>"'],
  ])('%j with a name is still checked: %s about %s', (raw, code, shown) => {
    const result = parseEmail(raw);
    expect(result.data).toBeNull();
    expect(expectProblem(result.problems, code, 'error', raw).message).toContain(shown);
  });

  it.each([
    ['maria.exemplo.com', 'email.missing_at'],
    ['maria', 'email.missing_at'],
    ['maria@@exemplo.com', 'email.multiple_at'],
    ['maria@exemplo.com@outro.com', 'email.multiple_at'],
    ['maria silva@exemplo.com', 'email.spaces'],
    ['maria @exemplo.com', 'email.spaces'],
    ['joão@exemplo.com', 'email.accents'],
    ['maria@exemplo', 'email.domain'],
    ['maria@exemplo.c', 'email.domain'],
    ['maria@exemplo.com.', 'email.domain'],
    ['maria@exemplo..com', 'email.domain'],
    ['maria@-exemplo.com', 'email.domain'],
    ['maria@exemplo.123', 'email.domain'],
    ['maria..silva@exemplo.com', 'email.syntax'],
    ['.maria@exemplo.com', 'email.syntax'],
    ['maria.@exemplo.com', 'email.syntax'],
    ['@exemplo.com', 'email.syntax'],
    ['maria(silva)@exemplo.com', 'email.syntax'],
  ])('rejects %s with %s', (raw, code) => {
    const result = parseEmail(raw);
    expect(result.data).toBeNull();
    expect(result.problems).toHaveLength(1);
    expectProblem(result.problems, code, 'error', raw);
  });

  it.each([
    ['ana@gmail.con', 'ana@gmail.com'],
    ['ana@gmial.com', 'ana@gmail.com'],
    ['ana@hotmail.con', 'ana@hotmail.com'],
    ['ana@hotmal.com', 'ana@hotmail.com'],
    ['ana@gmail.co', 'ana@gmail.com'],
    ['ana@outlok.com', 'ana@outlook.com'],
  ])('keeps %s but warns about the likely typo', (raw, suggestion) => {
    const result = parseEmail(raw);
    expect(result.data).toBe(raw);
    expect(expectProblem(result.problems, 'email.typo', 'warning', raw).suggestion).toBe(suggestion);
  });

  it('suggests the fix for a known typo that is not even a valid domain', () => {
    const result = parseEmail('ana@yahoo.com.b');
    expect(result.data).toBeNull();
    expect(expectProblem(result.problems, 'email.domain', 'error', 'ana@yahoo.com.b').suggestion).toBe('ana@yahoo.com.br');
  });

  it.each(['', '   ', '\u00a0'])('treats %j as empty', (raw) => {
    expect(parseEmail(raw)).toEqual({ data: null, problems: [] });
  });
});

describe('splitEmails', () => {
  it.each([
    ['a@x.com; b@y.com', 'a@x.com', 'b@y.com'],
    ['a@x.com;b@y.com', 'a@x.com', 'b@y.com'],
    ['a@x.com, b@y.com', 'a@x.com', 'b@y.com'],
    ['a@x.com / b@y.com', 'a@x.com', 'b@y.com'],
    ['a@x.com b@y.com', 'a@x.com', 'b@y.com'],
    ['a@x.com\nb@y.com', 'a@x.com', 'b@y.com'],
    ['A@X.COM ; B@Y.COM ;', 'a@x.com', 'b@y.com'],
    ['a@x.com e b@y.com', 'a@x.com', 'b@y.com'],
    ['ana@x.com ::: ana.silva@y.com.br', 'ana@x.com', 'ana.silva@y.com.br'],
    ['ana@x.com:::ana.silva@y.com.br', 'ana@x.com', 'ana.silva@y.com.br'],
    ['Ana@X.com ::: Ana.Silva@Y.com.br ::: ', 'ana@x.com', 'ana.silva@y.com.br'],
    ['ana@x.com :::\nana.silva@y.com.br', 'ana@x.com', 'ana.silva@y.com.br'],
    ['Ana <ana@x.com>; Bia <bia@y.com>', 'ana@x.com', 'bia@y.com'],
    ['Ana <ana@x.com>, bia@y.com', 'ana@x.com', 'bia@y.com'],
    ['ana@x.com, Bia Souza <bia@y.com>', 'ana@x.com', 'bia@y.com'],
    ['"Silva, Ana" <ana@x.com>; "Souza, Bia" <bia@y.com>', 'ana@x.com', 'bia@y.com'],
    ['Ana Maria <ana@x.com> ::: Bia <bia@y.com>', 'ana@x.com', 'bia@y.com'],
    ['Ana <ana@x.com>\nBia <bia@y.com>', 'ana@x.com', 'bia@y.com'],
    ['a@x.com Bia <bia@y.com>', 'a@x.com', 'bia@y.com'],
    ['mailto:ana@x.com; MAILTO:bia@y.com', 'ana@x.com', 'bia@y.com'],
  ])('splits %j into principal %s and secundário %s', (raw, email, secondary) => {
    const result = splitEmails(raw);
    expect(result.data).toEqual({ email, secondary });
    expect(result.problems).toHaveLength(1);
    const problem = expectProblem(result.problems, 'email.secondary_from_cell', 'warning', raw);
    expect(problem.message).toContain('secundário');
  });

  it.each([
    ['maria@exemplo.com', 'maria@exemplo.com'],
    ['  Maria@Exemplo.com ; ', 'maria@exemplo.com'],
    ['a@x.com; A@X.com', 'a@x.com'],
    ['Maria <maria@exemplo.com>', 'maria@exemplo.com'],
    ['"Silva, Maria" <maria@exemplo.com>', 'maria@exemplo.com'],
    ['Maria <maria@exemplo.com>; maria@exemplo.com', 'maria@exemplo.com'],
    ['mailto:maria@exemplo.com', 'maria@exemplo.com'],
  ])('a single address %j has no secundário', (raw, email) => {
    expect(splitEmails(raw)).toEqual({ data: { email, secondary: null }, problems: [] });
  });

  it('leaves out a third address with a warning', () => {
    const raw = 'a@x.com; b@y.com; c@z.com; d@w.com';
    const result = splitEmails(raw);
    expect(result.data).toEqual({ email: 'a@x.com', secondary: 'b@y.com' });
    expectProblem(result.problems, 'email.secondary_from_cell', 'warning', raw);
    const extra = expectProblem(result.problems, 'email.extra_ignored', 'warning', raw);
    expect(extra.message).toContain('c@z.com, d@w.com');
  });

  it('Google Contacts\' " ::: " list: a third address is left out with a warning', () => {
    const raw = 'ana@x.com ::: ana.silva@y.com.br ::: ana@z.org';
    const result = splitEmails(raw);
    expect(result.data).toEqual({ email: 'ana@x.com', secondary: 'ana.silva@y.com.br' });
    expect(expectProblem(result.problems, 'email.extra_ignored', 'warning', raw).message).toContain('ana@z.org');
  });

  it.each([
    ['ana@x.com ::: ', 'ana@x.com'],
    ['::: ana@x.com', 'ana@x.com'],
    ['ana@x.com ::: ANA@X.COM', 'ana@x.com'],
  ])('a single address with Google\'s separator %j has no secundário', (raw, email) => {
    expect(splitEmails(raw)).toEqual({ data: { email, secondary: null }, problems: [] });
  });

  it('a single ":" is not a separator: the cell is one broken address', () => {
    const raw = 'ana@x.com:ana@y.com';
    const result = splitEmails(raw);
    expect(result.data).toBeNull();
    expectProblem(result.problems, 'email.multiple_at', 'error', raw);
  });

  it('keeps the principal when the second address is invalid', () => {
    const raw = 'a@x.com; b@y';
    const result = splitEmails(raw);
    expect(result.data).toEqual({ email: 'a@x.com', secondary: null });
    expect(result.problems.map((p) => p.code)).toEqual(['email.secondary_invalid']);
    expectProblem(result.problems, 'email.secondary_invalid', 'warning', raw);
  });

  it('rejects the cell when the first address is invalid', () => {
    const raw = 'a@x; b@y.com';
    const result = splitEmails(raw);
    expect(result.data).toBeNull();
    expectProblem(result.problems, 'email.domain', 'error', raw);
  });

  it('reports a single broken address as such, not as a list', () => {
    const raw = 'maria silva@exemplo.com';
    const result = splitEmails(raw);
    expect(result.data).toBeNull();
    expectProblem(result.problems, 'email.spaces', 'error', raw);
  });

  it('passes typo warnings of both addresses along', () => {
    const raw = 'a@gmail.con; b@hotmail.con';
    const result = splitEmails(raw);
    expect(result.data).toEqual({ email: 'a@gmail.con', secondary: 'b@hotmail.con' });
    expect(result.problems.map((p) => p.code).sort()).toEqual(['email.secondary_from_cell', 'email.typo', 'email.typo']);
  });

  it.each(['', ' ; ', '\n', ' ::: '])('treats %j as empty', (raw) => {
    expect(splitEmails(raw)).toEqual({ data: null, problems: [] });
  });
});
