/**
 * The worker's review of a list with incomplete rows, end to end in Node (fake-indexeddb): the office's
 * required fields read from storage, fixes in bulk, the group for rows without one, the import with
 * "Importar como cadastro incompleto", and the same file again creating nothing.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../src/worker/api';
import { getDb } from '../../../src/storage/db';
import { saveRequiredFields } from '../../../src/storage/settings';
import { formatCpf, makeCpf } from '../../support/brazil';

const CSV = [
  'Nome;CPF/CNPJ;Celular;E-mail;Grupo;Cidade;UF',
  `Ana Lima;${formatCpf(makeCpf(1))};(11) 98765-4321;ana@exemplo.com.br;Cível;São Paulo;SP`,
  `Bruno Dias;${formatCpf(makeCpf(2))};99681-1771;;;Joinville;SC`,
  'Carla Souza;;98877-6655;;;Vila Sem Nome;SP',
  'CARLA SOUZA;;(11) 98877-6655;;;;',
].join('\r\n');

async function openAndReview() {
  await api.openFile(new File([CSV], 'erp.csv', { type: 'text/csv' }));
  const preview = await api.previewSheet(0);
  const mapping = preview.data?.mapping ?? [];
  return { mapping, summary: await api.review(mapping, {}) };
}

beforeEach(async () => {
  const db = getDb();
  await Promise.all([db.clients.clear(), db.groups.clear(), db.runs.clear(), db.runLogs.clear(), db.mappings.clear(), db.settings.clear()]);
});

describe('worker review with incomplete rows', () => {
  it('counts them apart, fixes in bulk, and imports them as incomplete when asked', async () => {
    const { summary } = await openAndReview();
    expect(summary.counts).toMatchObject({ ready: 1, error: 2, incomplete: 1, duplicate: 0 });
    expect(summary.problems.find((k) => k.code === 'phone.missing_ddd')).toMatchObject({ count: 2, suggested: 1 });

    let next = await api.applySuggestions('phone.missing_ddd');
    expect(next.problems.find((k) => k.code === 'phone.missing_ddd')).toMatchObject({ count: 1, suggested: 0 });
    next = await api.applyDdd('11');
    // Carla's second row, now with the same name and phone as the first: the same client, not created twice.
    expect(next.counts).toMatchObject({ ready: 1, error: 0, incomplete: 2, duplicate: 1 });
    next = await api.setDefaults({ group: 'Clientes do ERP' });
    expect(next.problems.find((k) => k.code === 'required.group')).toBeUndefined();

    const { data: run, problems } = await api.startImport({ existing: 'skip', createGroups: true, importIncomplete: true });
    expect(problems).toEqual([]);
    expect(run?.counts).toEqual({ total: 4, imported: 3, updated: 0, skipped: 1, errors: 0, incomplete: 2 });
    expect(run?.review?.required).toEqual(['name', 'document', 'phone', 'email', 'group']);
    const bruno = await getDb().clients.where('document').equals(makeCpf(2)).first();
    expect(bruno).toMatchObject({ mobile: '+5547996811771', email: '' });

    // The same file again: the clients without CPF/CNPJ are found by name and phone.
    await openAndReview();
    await api.applySuggestions('phone.missing_ddd');
    const again = await api.applyDdd('11');
    expect(again.counts).toMatchObject({ existing: 3, duplicate: 1 });
  });

  it('follows the office\'s required fields', async () => {
    await saveRequiredFields(getDb(), ['phone']);
    await openAndReview();
    await api.applySuggestions('phone.missing_ddd');
    const summary = await api.applyDdd('11');
    // Without E-mail and Grupo required, Bruno is complete; Carla still lacks her CPF/CNPJ.
    expect(summary.counts).toMatchObject({ ready: 2, incomplete: 1, duplicate: 1 });
  });
});
