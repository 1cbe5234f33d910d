import { describe, expect, it } from 'vitest';
import { parseGroup, parseLongText, parseText } from '../../../src/domain/rules';
import { validateClient } from '../../../src/domain/validateClient';
import { reviewTable } from '../../../src/domain/review';

describe('bidirectional control characters are removed, so a name cannot be spoofed', () => {
  it.each([
    ['right-to-left override', 'Ana\u202eairaM', 'AnaairaM'],
    ['left-to-right override', '\u202dJoão Silva', 'João Silva'],
    ['right-to-left embedding and pop', 'Maria \u202bda\u202c Silva', 'Maria da Silva'],
    ['isolates (LRI, RLI, FSI, PDI)', '\u2066Pedro\u2069 \u2067Souza\u2069 \u2068Lima\u2069', 'Pedro Souza Lima'],
    ['marks (LRM, RLM, ALM)', 'Clínica\u200e Boa\u200f Vida\u061c', 'Clínica Boa Vida'],
  ])('%s', (_, raw, clean) => {
    const result = parseText(raw);
    expect(result.data).toBe(clean);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'text.bidi_removed', level: 'fix', value: raw })]);
    expect(result.problems[0]?.message).toMatch(/direção da escrita.*removidos\.$/);
  });

  it('notes and groups too', () => {
    expect(parseLongText('linha 1\n\u202elinha 2').data).toBe('linha 1\nlinha 2');
    expect(parseLongText('linha 1\n\u202elinha 2').problems.map((p) => p.code)).toEqual(['text.bidi_removed']);
    expect(parseGroup('Tribut\u202eário').data).toBe('Tributário');
  });

  it('a plain name has no problem', () => {
    expect(parseText('Maria da Silva')).toEqual({ data: 'Maria da Silva', problems: [] });
  });

  it('in a client the removal is a fix on the name field, and the row is auto-corrected (logged with its message)', () => {
    const { data, problems } = validateClient({ name: 'Ana\u202eairaM', document: '529.982.247-25', mobile: '(11) 98765-4321', email: 'ana@exemplo.com.br', group: 'A' });
    expect(data.name).toBe('AnaairaM');
    expect(problems).toContainEqual(expect.objectContaining({ code: 'text.bidi_removed', field: 'name', level: 'fix' }));
    const [row] = reviewTable([['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'], ['Ana\u202eairaM', '529.982.247-25', '(11) 98765-4321', 'ana@exemplo.com.br', 'A']], 0, ['name', 'document', 'mobile', 'email', 'group']);
    expect(row?.status).toBe('fixed');
  });
});
