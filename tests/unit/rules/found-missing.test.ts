/** Rules other projects' test suites have and this one lacked, table-driven. */
import { describe, expect, it } from 'vitest';
import { formatDocument, isValidCpf, parseDocument, parseEmail, parseLongText, parsePhone, parseText } from '../../../src/domain/rules';
import { isMonthFirstOnly, parseBirthDate } from '../../../src/domain/rules/birthDate';
import { hasMonthFirstDates } from '../../../src/domain/dateColumns';
import { CLIENT_FIELDS } from '../../../src/domain/entities/client';
import { reviewTable } from '../../../src/domain/review';
import { breakLastDigit, makeCnpj, makeCpf } from './helpers';

describe('phones written with labels by other systems', () => {
  it.each<[string, string]>([
    ['TIPO FONE: Celular | FONE: 47996811771', '+5547996811771'],
    ['Nr. Fone: (11) 3456-7890', '+551134567890'],
    ['Celular: 47 99681-1771', '+5547996811771'],
  ])('"%s" gives %s', (raw, e164) => {
    expect(parsePhone(raw, 'mobile').data).toBe(e164);
  });

  it('a cell with only a label is still no phone', () => {
    expect(parsePhone('TIPO FONE: Celular', 'mobile').problems.map((p) => p.code)).toEqual(['phone.invalid']);
  });
});

describe('an 11-digit number that is a CNPJ without its three leading zeros', () => {
  // CNPJs of companies registered early start with "000"; Excel drops those zeros from a number cell.
  const cnpj = makeCnpj('000123450001');
  const bare = cnpj.slice(3);

  it('is offered as the CNPJ when it is no valid CPF', () => {
    expect(isValidCpf(bare)).toBe(false);
    const { data, problems } = parseDocument(bare);
    expect(data).toBeNull();
    expect(problems).toMatchObject([{ code: 'document.cnpj_lost_zeros', level: 'error', suggestion: cnpj }]);
    expect(problems[0]?.message).toContain(formatDocument(cnpj));
    // Accepted in the review as the punctuated CNPJ it shows, it is read as typed: the zeros stay.
    expect(parseDocument(formatDocument(cnpj)).data).toEqual({ document: cnpj, kind: 'PJ' });
  });

  it.each<[string, string]>([
    ['a valid CPF stays a CPF', makeCpf('529982247')],
    ['an invalid CPF that is no CNPJ either', breakLastDigit(makeCpf('529982247'))],
    ['a punctuated CPF (typed as text, no zeros lost)', formatDocument(bare)],
  ])('%s', (_, value) => {
    expect(parseDocument(value).problems.map((p) => p.code)).not.toContain('document.cnpj_lost_zeros');
  });
});

describe('birth and foundation dates', () => {
  const today = '2026-12-01';
  it.each<[string, string, string[]]>([
    ['25/12/1980', '1980-12-25', []],
    ['01/12/2026', '2026-12-01', []],
    ['02/12/2026', '2026-12-02', ['date.future']],
    ['25/12/2036', '2036-12-25', ['date.future']],
    ['2099-01-01', '2099-01-01', ['date.future']],
  ])('"%s" → %s %j', (raw, iso, codes) => {
    const { data, problems } = parseBirthDate(raw, { today });
    expect(data).toBe(iso);
    expect(problems.map((p) => p.code)).toEqual(codes);
    for (const p of problems) expect(p.level).toBe('warning');
  });
});

describe('a date column where some dates can only be month first', () => {
  it.each<[string, boolean]>([
    ['05/13/1980', true],
    ['12/31/1999', true],
    ['13/05/1980', false],
    ['05/03/1980', false],
    ['1980-05-13', false],
  ])('"%s" can only be month first: %s', (raw, expected) => {
    expect(isMonthFirstOnly(raw)).toBe(expected);
  });

  it.each<[string, string | null, string[], string | undefined]>([
    ['05/03/1980', null, ['date.ambiguous_order'], '1980-05-03'],
    ['05/05/1980', '1980-05-05', [], undefined],
    ['25/03/1980', '1980-03-25', [], undefined],
    ['05/13/1980', null, ['date.us_format'], '1980-05-13'],
  ])('in such a column "%s" → %s %j', (raw, data, codes, suggestion) => {
    const result = parseBirthDate(raw, { monthFirst: true });
    expect(result.data).toBe(data);
    expect(result.problems.map((p) => p.code)).toEqual(codes);
    expect(result.problems[0]?.suggestion).toBe(suggestion);
  });

  it('the review looks at the whole column: the ambiguous rows are flagged, not read day first', () => {
    const rows = [['Nome', 'Nascimento'], ['Ana', '05/13/1980'], ['Bia', '05/03/1980'], ['Caio', '25/03/1980']];
    const mapping = ['name', 'birthDate'];
    expect(hasMonthFirstDates(rows, 0, mapping, CLIENT_FIELDS)).toBe(true);
    const reviewed = reviewTable(rows, 0, mapping, undefined, { context: { date1904: false, monthFirstDates: true } });
    const codes = reviewed.map((r) => r.problems.filter((p) => p.field === 'birthDate').map((p) => p.code));
    expect(codes).toEqual([['date.us_format'], ['date.ambiguous_order'], []]);
    expect(hasMonthFirstDates([['Nome', 'Nascimento'], ['Bia', '05/03/1980']], 0, mapping, CLIENT_FIELDS)).toBe(false);
  });
});

describe('e-mails other checkers refuse', () => {
  it.each<[string, string]>([
    ['p*****4@gmail.com', 'email.masked'],
    ['jo***@***.com.br', 'email.masked'],
    [`${'a'.repeat(65)}@exemplo.com`, 'email.too_long'],
    [`ana@${['b', 'c', 'd', 'e'].map((c) => c.repeat(62)).join('.')}.com`, 'email.too_long'],
  ])('"%s" is an error: %s', (raw, code) => {
    const { data, problems } = parseEmail(raw);
    expect(data).toBeNull();
    expect(problems.map((p) => [p.code, p.level])).toEqual([[code, 'error']]);
  });

  it.each([`${'a'.repeat(64)}@exemplo.com`, 'ana+clientes@exemplo.com.br'])('"%s" is fine', (raw) => {
    expect(parseEmail(raw).problems).toEqual([]);
  });

  it.each<[string, string]>([
    ['maria@gmail.com.br', 'maria@gmail.com'],
    ['maria@gmil.com', 'maria@gmail.com'],
    ['maria@hotmsil.com', 'maria@hotmail.com'],
    ['maria@gmail.comm', 'maria@gmail.com'],
    ['maria@hotmaill.com', 'maria@hotmail.com'],
    ['maria@yahoo.com.bt', 'maria@yahoo.com.br'],
  ])('"%s" gets the suggestion %s', (raw, suggestion) => {
    expect(parseEmail(raw).problems).toMatchObject([{ code: 'email.typo', suggestion }]);
  });

  it.each(['maria@hotmail.com.br', 'maria@outlook.com.br', 'maria@yahoo.com.br'])('"%s" is a real domain, no typo', (raw) => {
    expect(parseEmail(raw).problems).toEqual([]);
  });
});

describe('emoji and accents written as XML character references', () => {
  it.each<[string, string]>([
    ['Ana &#128512;', 'Ana 😀'],
    ['Ana &#x1F600;', 'Ana 😀'],
    ['Jo&#227;o da Concei&#xE7;&#xE3;o', 'João da Conceição'],
    ['R&D &#; &#xZZ;', 'R&D &#; &#xZZ;'],
    ['&#55357;', '&#55357;'],
  ])('"%s" → "%s"', (raw, text) => {
    expect(parseText(raw).data).toBe(text);
    expect(parseLongText(raw).data).toBe(text);
  });
});
