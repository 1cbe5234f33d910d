import { describe, expect, it } from 'vitest';
import { checkKindAgainstDocument, parseGroup, parseKind, parseLongText, parseText } from '../../../src/domain/rules';
import { expectProblem } from './helpers';

describe('tipo de pessoa', () => {
  it.each([
    ['F', 'PF'], ['f', 'PF'], ['PF', 'PF'], ['pf', 'PF'], ['P.F.', 'PF'], ['Física', 'PF'], ['FISICA', 'PF'],
    ['fisica', 'PF'], ['Pessoa Física', 'PF'], ['PESSOA FISICA', 'PF'], ['PF - Pessoa Física', 'PF'], ['CPF', 'PF'],
    ['J', 'PJ'], ['j', 'PJ'], ['PJ', 'PJ'], ['P.J.', 'PJ'], ['Jurídica', 'PJ'], ['JURIDICA', 'PJ'],
    ['Pessoa Jurídica', 'PJ'], ['pessoa juridica', 'PJ'], ['PJ - Pessoa Jurídica', 'PJ'], ['CNPJ', 'PJ'], ['Empresa', 'PJ'],
  ])('reads %s as %s', (raw, kind) => {
    expect(parseKind(raw)).toEqual({ data: kind, problems: [] });
  });

  it.each([['X'], ['M'], ['Pessoa'], ['Física ou Jurídica'], ['1']])('rejects %s', (raw) => {
    const result = parseKind(raw);
    expect(result.data).toBeNull();
    expectProblem(result.problems, 'kind.unknown', 'error', raw);
  });

  it('treats empty as no data', () => {
    expect(parseKind(' ')).toEqual({ data: null, problems: [] });
  });

  it.each([
    ['PF', '52998224725', null],
    ['PJ', '11222333000181', null],
    ['PJ', '12ABC34501DE35', null],
    ['PJ', '52998224725', 'CPF'],
    ['PF', '11222333000181', 'CNPJ'],
    ['PF', '12ABC34501DE35', 'CNPJ'],
  ] as const)('checks the kind %s against the document %s', (given, document, mention) => {
    const problems = checkKindAgainstDocument(given, document);
    if (mention === null) {
      expect(problems).toEqual([]);
    } else {
      expect(problems).toHaveLength(1);
      expect(expectProblem(problems, 'kind.mismatch', 'error', given).message).toContain(mention);
    }
  });

  it('says nothing when the document is not normalized yet', () => {
    expect(checkKindAgainstDocument('PF', '')).toEqual([]);
  });
});

describe('names and free text', () => {
  it.each([
    ['  Maria da Silva  ', 'Maria da Silva'],
    ['Maria   da\tSilva', 'Maria da Silva'],
    ['Maria\u00a0da\u00a0Silva', 'Maria da Silva'],
    ['MARIA DA SILVA', 'MARIA DA SILVA'],
    ['maria da silva', 'maria da silva'],
    ['Padaria\nEstrela LTDA', 'Padaria Estrela LTDA'],
    ['\u200bJoão\ufeff', 'João'],
    ['McDonald\'s', 'McDonald\'s'],
    // The zero-width joiner glues emoji sequences: kept between two pictographs, removed elsewhere.
    ['Maria \u{1F469}\u200d\u2696\ufe0f Silva', 'Maria \u{1F469}\u200d\u2696\ufe0f Silva'],
    ['Família \u{1F468}\u200d\u{1F469}\u200d\u{1F467}', 'Família \u{1F468}\u200d\u{1F469}\u200d\u{1F467}'],
    ['\u{1F469}\u{1F3FD}\u200d\u2696\ufe0f Ana', '\u{1F469}\u{1F3FD}\u200d\u2696\ufe0f Ana'],
    ['\u{1F3F3}\ufe0f\u200d\u{1F308} Bar', '\u{1F3F3}\ufe0f\u200d\u{1F308} Bar'],
    ['Ma\u200dria', 'Maria'],
    ['Maria\u200d \u{1F469}', 'Maria \u{1F469}'],
    ['\u{1F469}\u200d Maria', '\u{1F469} Maria'],
    ['\u200d\u{1F469}\u200d', '\u{1F469}'],
    ['Jo\u200c\u2060ão\u200b', 'João'],
  ])('parseText(%j) is %j', (raw, text) => {
    expect(parseText(raw)).toEqual({ data: text, problems: [] });
  });

  it.each(['', '   ', '\u00a0\n\t'])('parseText(%j) is empty', (raw) => {
    expect(parseText(raw)).toEqual({ data: null, problems: [] });
  });

  it('keeps emoji sequences in long text too', () => {
    expect(parseLongText('Ma\u200dria\n\u{1F468}\u200d\u{1F469}\u200d\u{1F467}').data).toBe('Maria\n\u{1F468}\u200d\u{1F469}\u200d\u{1F467}');
  });

  it('keeps line breaks in long text, collapsing spaces inside lines', () => {
    expect(parseLongText('  Ligar  de manhã \r\n\r\n\r\n- pagar   boleto  ').data).toBe('Ligar de manhã\n\n- pagar boleto');
  });
});

describe('parseGroup', () => {
  it.each<[string, string | null]>([
    ['Trabalhista', 'Trabalhista'],
    ['  Clientes   ativos ', 'Clientes ativos'],
    ['', null],
    ['* myContacts', null],
    ['* myContacts ::: Clientes', 'Clientes'],
    ['Clientes ::: * starred', 'Clientes'],
    ['*VIP*', '*VIP*'],
  ])('%j → %j, with no problem', (raw, expected) => {
    expect(parseGroup(raw)).toEqual({ data: expected, problems: [] });
  });

  it('keeps the first of several labels and names the others in a warning', () => {
    const raw = '* myContacts ::: Clientes ::: VIP ::: Família';
    const { data, problems } = parseGroup(raw);
    expect(data).toBe('Clientes');
    expect(expectProblem(problems, 'group.extra_ignored', 'warning', raw).message).toContain('VIP, Família');
  });

  it.each<[string, string, string]>([
    ['---', 'group.name_invalid', 'ao menos uma letra ou um número'],
    ['***', 'group.name_invalid', 'ao menos uma letra ou um número'],
    ['G'.repeat(81), 'group.name_too_long', 'tem 81 caracteres; use no máximo 80'],
  ])('applies the Grupos screen\'s rules to a group from a spreadsheet: %j is %s', (raw, code, words) => {
    const { data, problems } = parseGroup(raw);
    expect(data).toBeNull();
    expect(expectProblem(problems, code, 'error', raw).message).toContain(words);
  });

  it('takes a name of exactly 80 characters', () => {
    expect(parseGroup('G'.repeat(80))).toEqual({ data: 'G'.repeat(80), problems: [] });
  });
});
