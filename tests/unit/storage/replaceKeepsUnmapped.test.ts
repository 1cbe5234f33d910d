import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/storage/importRun';
import { runGroupImport } from '../../../src/storage/groupImport';
import { createGroup, describeGroup, loadGroupIndex } from '../../../src/storage/groups';
import { markGroupRepeats, reviewGroupTable } from '../../../src/domain/groupReview';
import { listMappedFields } from '../../../src/domain/mapping';
import { CLIENT_FIELDS } from '../../../src/domain/entities/client';
import type { Mapping } from '../../../src/domain/mapping';
import type { ClientRecord } from '../../../src/domain/entities/client';
import { fail, freshDb, meta, review, table, validRow, MAPPING } from './fixtures';

describe('listMappedFields: the fields a file has a column for', () => {
  it.each<[string, Mapping, string[]]>([
    ['mapped columns', ['name', null, 'email'], ['name', 'email']],
    ['a DDD column counts for its phone', ['name', 'mobile.ddd', 'mobile'], ['name', 'mobile']],
    ['nothing mapped', [null, null], []],
  ])('%s', (_, mapping, expected) => {
    expect([...listMappedFields(mapping, CLIENT_FIELDS)].sort()).toEqual([...expected].sort());
  });
});

/** A stored client without what a run changes anyway (when, which run and row, the search terms). */
function comparable(client: ClientRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(client).filter(([key]) => !['updatedAt', 'runId', 'row', 'terms'].includes(key)));
}

/** A stored client as the first, complete import leaves it: every column of the fixtures filled. */
async function storedClient(): Promise<{ db: ReturnType<typeof freshDb>; before: ClientRecord }> {
  const db = freshDb();
  const full = validRow(1);
  full[5] = '(11) 3333-4444';
  full[6] = '01310-100';
  await runImport(db, meta(), await review(db, table([full])), { existing: 'skip', createGroups: true });
  return { db, before: (await db.clients.toArray())[0] ?? fail('not stored') };
}

describe('"Substituir" writes what the file brings and keeps what it has no column for', () => {
  it.each<[string, (row: string[]) => string[], Mapping, (before: ClientRecord) => Partial<ClientRecord>]>([
    ['a list of names and mobiles keeps e-mail, group, landline and CEP', (row) => ['Cliente Um Novo', row[1] ?? '', '(21) 99876-5432'], ['name', 'document', 'mobile'],
      (before) => ({ ...before, name: 'Cliente Um Novo', mobile: '+5521998765432' })],
    ['a mapped column left empty empties the field (here Telefone and CEP)', (row) => [row[0] ?? '', row[1] ?? '', row[2] ?? '', row[3] ?? '', row[4] ?? '', '', row[6] ?? ''], MAPPING,
      (before) => ({ ...before, phone: '', cep: '' })],
  ])('%s', async (_, change, mapping, expected) => {
    const { db, before } = await storedClient();
    const row = change(validRow(1));
    const header = ['Nome', 'CPF/CNPJ', 'Celular', 'E-mail', 'Grupo', 'Telefone', 'CEP'].slice(0, mapping.length);
    const run = await runImport(db, meta(mapping), await review(db, [header, row], mapping), { existing: 'replace', createGroups: true, importIncomplete: true });
    expect(run.counts.updated).toBe(1);
    const after = (await db.clients.get(before.id)) ?? fail('gone');
    expect(comparable(after)).toEqual(comparable({ ...before, ...expected(before) }));
  });
});

describe('"Substituir" of groups without a Descrição column', () => {
  it('keeps the stored description', async () => {
    const db = freshDb();
    const stored = (await createGroup(db, 'Tributário')).data ?? fail('not created');
    await describeGroup(db, stored.id, 'Clientes do contencioso tributário');
    const rows = reviewGroupTable([['Nome do grupo'], ['tributario']], 0, ['name']);
    markGroupRepeats(rows, new Map([...(await loadGroupIndex(db))].map(([key, g]) => [key, g.id])));
    const run = await runGroupImport(db, { fileName: 'grupos.csv', fileSize: 1, fileHash: 'h', sheet: 'Grupos', headerRow: 1, headers: ['Nome do grupo'], mapping: ['name'], review: { defaults: {}, declined: [], edits: [] } }, rows, { existing: 'replace', createGroups: false });
    expect(run.counts.skipped).toBe(1);
    expect((await db.groups.get(stored.id))?.description).toBe('Clientes do contencioso tributário');
  });
});
