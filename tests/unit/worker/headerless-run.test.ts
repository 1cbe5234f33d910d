import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { api } from '../../../src/worker/api';
import type { Parsed } from '../../../src/domain/problems';
import type { RunRecord } from '../../../src/storage/types';
import { columnLetter } from '../../../src/domain/text';
import { getDb } from '../../../src/storage/db';
import { loadRunLog } from '../../../src/storage/importRun';
import { openWorkbook } from '../../../src/spreadsheet/read';
import { buildCsv } from '../../support/spreadsheets/build';
import { HEADERLESS_ROWS } from '../../support/spreadsheets/legacy';
import { formatCpf, makeCpf } from '../../support/brazil';

/** The hand-typed list and two more clients, with a broken CPF on spreadsheet row 3. */
const ROWS = [
  ...HEADERLESS_ROWS.map((row, i) => (i === 2 ? row.map((cell, c) => (c === 1 ? '987.654.321-01' : cell)) : [...row])),
  ['Carlos Pereira', formatCpf(makeCpf(901)), 'carlos@exemplo.com', '(41) 99123-4567', 'Varejo'],
  ['Denise Araújo', formatCpf(makeCpf(902)), 'denise@exemplo.com', '(51) 99234-5678', 'Atacado'],
];

/** A File as the file chooser gives it (a copy of the bytes, in an ArrayBuffer of its own). */
function csvFile(bytes: Uint8Array, name: string): File {
  return new File([Uint8Array.from(bytes)], name, { type: 'text/csv' });
}

function expectRun(result: Parsed<RunRecord | null>): RunRecord {
  expect(result.problems.filter((p) => p.level === 'error')).toEqual([]);
  if (!result.data) throw new Error('the import did not run');
  return result.data;
}

describe('a headerless file through the worker API: review, run log and error workbook agree', () => {
  it('numbers rows as in Excel (row 1 is a client) and names the columns by letter', async () => {
    const file = csvFile(buildCsv(ROWS), 'lista.csv');
    const opened = await api.openFile(file);
    expect(opened.problems).toEqual([]);
    const preview = await api.previewSheet(0);
    expect(preview.data).toMatchObject({ headerRow: -1, headerCandidate: 0, dataRows: 6 });
    expect(preview.data?.columns.map((c) => c.header)).toEqual(['Coluna A', 'Coluna B', 'Coluna C', 'Coluna D', 'Coluna E']);
    const mapping = [...(preview.data?.mapping ?? [])];
    mapping[4] = 'group';

    const summary = await api.review(mapping, {});
    expect(summary.total).toBe(6);
    expect(summary.counts.error).toBe(1);
    expect((await api.reviewItems({ status: 'error', code: null }, 0, 10)).items.map((i) => i.rowNumber)).toEqual([3]);
    // Letters name no layout: nothing is remembered for the next headerless file.
    expect(await getDb().mappings.count()).toBe(0);

    const run = expectRun(await api.startImport({ existing: 'skip', createGroups: true }));
    expect(run).toMatchObject({ headerRow: 0, headers: ['Coluna A', 'Coluna B', 'Coluna C', 'Coluna D', 'Coluna E'] });
    expect(run.counts).toMatchObject({ total: 6, imported: 5, errors: 1 });
    const log = await loadRunLog(getDb(), run.id);
    expect(log.map((line) => [line.row, line.status])).toEqual([[1, 'imported'], [2, 'imported'], [3, 'error'], [4, 'imported'], [5, 'imported'], [6, 'imported']]);

    const errors = openWorkbook(await api.errorWorkbook(run.id, 'xlsx'), 'erros.xlsx').data?.readSheet(0).data?.rows ?? [];
    expect(errors[0]).toEqual(['Coluna A', 'Coluna B', 'Coluna C', 'Coluna D', 'Coluna E', 'Linha original', 'Erros']);
    expect(errors[1]?.slice(0, 6)).toEqual([...(ROWS[2] ?? []), '3']);
  });

  it('a cancelled headerless import resumes from the same file, reading it the same way (no header row)', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [`Cliente ${columnLetter(i)} Souza`, formatCpf(makeCpf(5000 + i)), `c${i + 1}@exemplo.com.br`, '(11) 98765-4321', 'Retomada']);
    const bytes = buildCsv(rows);
    await api.openFile(csvFile(bytes, 'lista-grande.csv'));
    const preview = await api.previewSheet(0);
    expect(preview.data?.headerRow).toBe(-1);
    await api.review([...(preview.data?.mapping ?? []).slice(0, 4), 'group'], {});
    const cancelled = expectRun(await api.startImport({ existing: 'skip', createGroups: true }, () => api.cancelImport()));
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.counts.imported).toBeGreaterThan(0);
    expect(cancelled.counts.imported).toBeLessThan(2500);

    const resumed = await api.resumeImport(cancelled.id, csvFile(bytes, 'lista-grande.csv'));
    expect(resumed.problems).toEqual([]);
    expect(resumed.data).toMatchObject({ status: 'done', headerRow: 0, counts: { total: 2500, imported: 2500, errors: 0 } });
    const log = await loadRunLog(getDb(), cancelled.id);
    expect(log[0]?.row).toBe(1);
    expect(log[log.length - 1]?.row).toBe(2500);
    // Two chunks of a few thousand rows: generous room for a loaded machine, not a timing check.
  }, 60_000);
});
