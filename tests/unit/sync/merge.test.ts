import { describe, expect, it } from 'vitest';
import { commonAncestorRev, mergeFields, resolveConflict, type Fields } from '../../../src/domain/sync/merge';

const FIELDS = ['name', 'email', 'city'];
const base: Fields = { name: 'Ana', email: 'ana@x.com', city: 'São Paulo' };

describe('mergeFields: a three-way merge per field against the common ancestor', () => {
  it.each([
    ['nobody changed anything', base, base, base, base, []],
    ['only the winner changed a field', base, { ...base, city: 'Campinas' }, base, { ...base, city: 'Campinas' }, []],
    ['only the loser changed a field', base, base, { ...base, city: 'Santos' }, { ...base, city: 'Santos' }, []],
    ['each side changed a different field', base, { ...base, city: 'Campinas' }, { ...base, email: 'ana@y.com' }, { ...base, city: 'Campinas', email: 'ana@y.com' }, []],
    ['both changed one field to the same value', base, { ...base, city: 'Recife' }, { ...base, city: 'Recife' }, { ...base, city: 'Recife' }, []],
    ['both changed one field to different values', base, { ...base, city: 'Santos' }, { ...base, city: 'Sorocaba' }, { ...base, city: 'Santos' }, [{ field: 'city', values: ['Santos', 'Sorocaba'] }]],
    ['one side emptied a field the other kept', base, { ...base, email: '' }, base, { ...base, email: '' }, []],
    ['no ancestor (the same CPF created on two machines): every differing field', null, { ...base, name: 'Ana S.' }, { ...base, name: 'Ana Souza', city: 'Rio' }, { ...base, name: 'Ana S.' }, [{ field: 'name', values: ['Ana S.', 'Ana Souza'] }, { field: 'city', values: ['São Paulo', 'Rio'] }]],
  ])('%s', (_case, ancestor, winner, loser, merged, conflicts) => {
    const result = mergeFields(FIELDS, ancestor, winner, loser);
    expect(result.merged).toEqual(merged);
    expect(result.conflicts).toEqual(conflicts);
  });

  it('keeps a conflict already open, adding the new value', () => {
    const result = mergeFields(FIELDS, base, { ...base, city: 'Santos' }, { ...base, city: 'Sorocaba' }, [{ field: 'city', values: ['Santos', 'Campinas'] }]);
    expect(result.conflicts).toEqual([{ field: 'city', values: ['Santos', 'Sorocaba', 'Campinas'] }]);
  });
});

describe('commonAncestorRev: the newest revision both histories share', () => {
  it.each([
    ['a shared parent', { start: 3, ids: ['c', 'b', 'a'] }, { start: 3, ids: ['z', 'b', 'a'] }, '2-b'],
    ['histories of different lengths', { start: 4, ids: ['d', 'c', 'b', 'a'] }, { start: 2, ids: ['y', 'a'] }, '1-a'],
    ['no shared revision', { start: 1, ids: ['a'] }, { start: 1, ids: ['b'] }, null],
  ])('%s', (_case, a, b, expected) => {
    expect(commonAncestorRev(a, b)).toBe(expected);
  });
});

describe('resolveConflict', () => {
  it('takes the settled field off the list and leaves the others', () => {
    expect(resolveConflict([{ field: 'city', values: ['a', 'b'] }, { field: 'email', values: ['c', 'd'] }], 'city')).toEqual([{ field: 'email', values: ['c', 'd'] }]);
  });
});
