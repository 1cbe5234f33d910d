import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { canResume, CHUNK_SIZE, chunkSizeFor, loadRunLog, markInterruptedRuns, resumeRun, runImport } from '../../../src/storage/importRun';
import { checkUndo, undoRun } from '../../../src/storage/undoRun';
import { newGroup } from '../../../src/storage/groups';
import type { ImportOptions, RunRecord, RunStatus } from '../../../src/storage/types';
import type { ReviewRow } from '../../../src/domain/review';
import {
  blankRow, cpfOf, fail, freshDb, meta, review, rowRepeatingCpfOf, rowWithBrokenCpf, rowWithoutEmail, snapshot, table, validRow,
} from './fixtures';

const DEFAULTS: ImportOptions = { existing: 'skip', createGroups: true };

function validRows(from: number, count: number, group?: string): string[][] {
  return Array.from({ length: count }, (_, i) => validRow(from + i, group));
}

describe('runImport: every row accounted for', () => {
  // Spreadsheet rows: 1 header, 2-4 valid, 5 broken CPF, 6 blank, 7 repeats row 3's CPF, 8 without e-mail, 9 valid.
  const mixedSheet = () => table([validRow(1), validRow(2), validRow(3), rowWithBrokenCpf(4), blankRow(), rowRepeatingCpfOf(2, 5), rowWithoutEmail(6), validRow(7)]);

  it('counts imported, skipped and errors that add up to the rows of data', async () => {
    const db = freshDb();
    const run = await runImport(db, meta(), await review(db, mixedSheet()), DEFAULTS);
    expect(run.status).toBe('done');
    expect(run.counts).toEqual({ total: 7, imported: 4, updated: 0, skipped: 1, errors: 2 });
    const { imported, updated, skipped, errors, total } = run.counts;
    expect(imported + updated + skipped + errors).toBe(total);
    expect(await db.runs.get(run.id)).toEqual(run);
    expect(run.endedAt).toBeGreaterThanOrEqual(run.startedAt);
  });

  it('logs each row once, with the row number the user sees in Excel', async () => {
    const db = freshDb();
    const run = await runImport(db, meta(), await review(db, mixedSheet()), DEFAULTS);
    const log = await loadRunLog(db, run.id);
    expect(log.map((l) => [l.row, l.status])).toEqual([
      [2, 'imported'], [3, 'imported'], [4, 'imported'], [5, 'error'], [7, 'skipped'], [8, 'error'], [9, 'imported'],
    ]);
  });

  it('keeps the original cells and Portuguese messages of rejected rows (for the error workbook)', async () => {
    const db = freshDb();
    const sheet = mixedSheet();
    const log = await loadRunLog(db, (await runImport(db, meta(), await review(db, sheet), DEFAULTS)).id);
    const errors = log.filter((l) => l.status === 'error');
    expect(errors.map((e) => [e.row, e.cells, e.messages?.map((m) => m.code)])).toEqual([
      [5, sheet[4], ['cpf.check_digits']],
      [8, sheet[7], ['required.email']],
    ]);
    for (const message of errors.flatMap((e) => e.messages ?? [])) {
      expect(message.level).toBe('error');
      expect(message.message).toMatch(/^[A-ZÀ-Ú"].{20,}[.?]$/);
    }
    expect(errors[0]?.messages?.[0]?.message).toContain('CPF');
    const duplicate = log.find((l) => l.row === 7) ?? fail('row 7 not logged');
    expect(duplicate.messages?.map((m) => [m.code, m.message])).toEqual([['document.duplicate_in_file', expect.stringContaining('linha 3')]]);
  });

  it('stamps created clients with their run and row, and links each log line to its client', async () => {
    const db = freshDb();
    const run = await runImport(db, meta(), await review(db, mixedSheet()), DEFAULTS);
    const clients = await db.clients.toArray();
    expect(clients.map((c) => [c.row, c.runId, c.document]).sort()).toEqual([
      [2, run.id, cpfOf(1)], [3, run.id, cpfOf(2)], [4, run.id, cpfOf(3)], [9, run.id, cpfOf(7)],
    ]);
    const log = await loadRunLog(db, run.id);
    for (const client of clients) expect(log.find((l) => l.row === client.row)?.clientId).toBe(client.id);
    expect(clients.find((c) => c.row === 2)).toMatchObject({ name: 'Cliente 1', kind: 'PF', mobile: '+5511987650001', email: 'cliente1@exemplo.com.br' });
  });
});

describe('runImport: chunks', () => {
  // 10 rows, chunks of 3: [2,3,4] [5,6,7] [8,9,10] [11]; row 6 has a broken CPF, row 9 repeats row 2's CPF.
  const sheetOfTen = () => table([...validRows(1, 4), rowWithBrokenCpf(5), validRow(6), validRow(7), rowRepeatingCpfOf(1, 8), validRow(9), validRow(10)]);

  it('writes one compact log record per chunk', async () => {
    const db = freshDb();
    const progress: [number, number][] = [];
    const run = await runImport(db, meta(), await review(db, sheetOfTen()), DEFAULTS, { onProgress: (done, total) => progress.push([done, total]) }, 3);
    const chunks = await db.runLogs.where('[runId+chunk]').between([run.id, -Infinity], [run.id, Infinity]).toArray();
    expect(chunks.map((c) => [c.chunk, c.rows.map((r) => r.row)])).toEqual([
      [0, [2, 3, 4]], [1, [5, 6, 7]], [2, [8, 9, 10]], [3, [11]],
    ]);
    expect(progress).toEqual([[3, 10], [6, 10], [9, 10], [10, 10]]);
    expect(run.nextChunk).toBe(4);
  });

  it.each([
    [1, { total: 10, imported: 3, updated: 0, skipped: 0, errors: 0 }, 'cancelled'],
    [2, { total: 10, imported: 5, updated: 0, skipped: 0, errors: 1 }, 'cancelled'],
    [3, { total: 10, imported: 7, updated: 0, skipped: 1, errors: 1 }, 'cancelled'],
    [4, { total: 10, imported: 8, updated: 0, skipped: 1, errors: 1 }, 'done'],
  ] as const)('after %i chunk(s) the stored run has its counts and next chunk', async (chunks, counts, status) => {
    const db = freshDb();
    let checks = 0;
    const run = await runImport(db, meta(), await review(db, sheetOfTen()), DEFAULTS, { isCancelled: () => checks++ >= chunks }, 3);
    const stored = await db.runs.get(run.id);
    expect(stored).toMatchObject({ counts, nextChunk: chunks, status });
    expect(await db.clients.count()).toBe(counts.imported);
    expect(await loadRunLog(db, run.id)).toHaveLength(Math.min(10, chunks * 3));
  });
});

describe('runImport: clients already registered', () => {
  it.each([
    ['reviewed again against the database', true],
    ['reviewed before the first import (stale review)', false],
  ])('importing the same rows twice with the defaults creates nothing the second time (%s)', async (_, reviewAgain) => {
    const db = freshDb();
    const sheet = table(validRows(1, 5));
    const firstRows = await review(db, sheet);
    const first = await runImport(db, meta(), firstRows, DEFAULTS);
    expect(first.counts.imported).toBe(5);
    const before = await snapshot(db);

    const secondRows = reviewAgain ? await review(db, sheet) : firstRows;
    if (reviewAgain) expect(secondRows.map((r) => r.status)).toEqual(Array(5).fill('existing'));
    const second = await runImport(db, meta(), secondRows, DEFAULTS);

    expect(second.counts).toEqual({ total: 5, imported: 0, updated: 0, skipped: 5, errors: 0 });
    expect(second.createdGroupIds).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
    const log = await loadRunLog(db, second.id);
    expect(log.every((l) => l.status === 'skipped' && l.messages?.some((m) => m.code === 'document.already_registered'))).toBe(true);
    expect(log.map((l) => l.clientId)).toEqual(before.clients.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)).map((c) => c.id));
  });

  /** The stored client lacks landline and CEP; the new row has them, plus another name and e-mail. */
  function rowWithNewDataFor(seed: number): string[] {
    return ['Maria Souza', cpfOf(seed), '', 'maria.nova@exemplo.com.br', 'Tributário', '(11) 3456-7890', '01310-100'];
  }

  it.each([
    ['complete', { name: 'Cliente 1', email: 'cliente1@exemplo.com.br', mobile: '+5511987650001', phone: '+551134567890', cep: '01310100' }],
    ['replace', { name: 'Maria Souza', email: 'maria.nova@exemplo.com.br', mobile: '', phone: '+551134567890', cep: '01310100' }],
  ] as const)('existing: %s', async (existing, expected) => {
    const db = freshDb();
    await runImport(db, meta(), await review(db, table([validRow(1)])), DEFAULTS);
    const [stored] = await db.clients.toArray();
    if (!stored) fail('first import stored nothing');

    const run = await runImport(db, meta(), await review(db, table([rowWithNewDataFor(1)])), { existing, createGroups: true });

    expect(run.counts).toMatchObject({ imported: 0, updated: 1 });
    const after = await db.clients.toArray();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ ...expected, id: stored.id, createdAt: stored.createdAt, document: stored.document, groupId: stored.groupId });
    expect(after[0]?.updatedAt).toBeGreaterThanOrEqual(stored.updatedAt);
    const [line] = await loadRunLog(db, run.id);
    expect(line).toMatchObject({ row: 2, status: 'updated', clientId: stored.id, before: stored });
  });

  it('existing: complete with nothing to fill skips the row and says why', async () => {
    const db = freshDb();
    await runImport(db, meta(), await review(db, table([validRow(1)])), DEFAULTS);
    const before = await snapshot(db);
    const run = await runImport(db, meta(), await review(db, table([validRow(1)])), { existing: 'complete', createGroups: true });
    expect(run.counts).toMatchObject({ updated: 0, skipped: 1 });
    expect(await snapshot(db)).toEqual(before);
    const [line] = await loadRunLog(db, run.id);
    expect(line?.messages?.at(-1)?.message).toMatch(/sem campos vazios/);
  });
});

describe('runImport: groups', () => {
  it('creates each group named in the file once, whatever its case and accents', async () => {
    const db = freshDb();
    const civel = newGroup('Cível');
    await db.groups.add(civel);
    const sheet = table([validRow(1, 'Tributário'), validRow(2, 'tributario'), validRow(3, '  TRIBUTÁRIO '), validRow(4, 'Trabalhista'), validRow(5, 'civel')]);
    const run = await runImport(db, meta(), await review(db, sheet), DEFAULTS);

    const groups = await db.groups.toArray();
    expect(groups.map((g) => g.name).sort()).toEqual(['Cível', 'Trabalhista', 'Tributário']);
    expect(run.createdGroupIds.sort()).toEqual(groups.filter((g) => g.id !== civel.id).map((g) => g.id).sort());
    expect(groups.filter((g) => g.id !== civel.id).every((g) => g.runId === run.id)).toBe(true);
    const clients = await db.clients.toArray();
    const groupOfRow = (row: number) => clients.find((c) => c.row === row)?.groupId;
    expect(groupOfRow(3)).toBe(groupOfRow(2));
    expect(groupOfRow(4)).toBe(groupOfRow(2));
    expect(groupOfRow(5)).not.toBe(groupOfRow(2));
    expect(groupOfRow(6)).toBe(civel.id);
  });

  it('with createGroups false, rows naming an unknown group are errors (group.not_found)', async () => {
    const db = freshDb();
    await db.groups.add(newGroup('Cível'));
    const sheet = table([validRow(1, 'CIVEL'), validRow(2, 'Inexistente')]);
    const run = await runImport(db, meta(), await review(db, sheet), { existing: 'skip', createGroups: false });

    expect(run.counts).toMatchObject({ imported: 1, errors: 1 });
    expect(run.createdGroupIds).toEqual([]);
    expect(await db.groups.count()).toBe(1);
    const rejected = (await loadRunLog(db, run.id)).find((l) => l.row === 3);
    expect(rejected).toMatchObject({ status: 'error', cells: sheet[2] });
    const message = rejected?.messages?.find((m) => m.code === 'group.not_found');
    expect(message).toMatchObject({ field: 'group', level: 'error' });
    expect(message?.message).toContain('"Inexistente" não existe');
  });
});

describe('chunkSizeFor', () => {
  it.each([
    [7, 2000],
    [2500, 2000],
    [30_000, 6000],
    [100_000, 20_000],
    [1_000_000, 20_000],
  ])('%i rows: chunks of %i', (rows, size) => {
    expect(chunkSizeFor(rows)).toBe(size);
  });
});

describe('runImport: cancel and interruption', () => {
  /** Seven rows in chunks of 3, cancelled once the first chunk is in (the choices kept: it can be resumed). */
  async function cancelAfterFirstChunk(): Promise<{ db: ReturnType<typeof freshDb>; rows: ReviewRow[]; cancelled: RunRecord }> {
    const db = freshDb();
    const rows = await review(db, table(validRows(1, 7)));
    let chunksDone = 0;
    const withChoices = { ...meta(), review: { defaults: {}, declined: [], edits: [] } };
    const cancelled = await runImport(db, withChoices, rows, DEFAULTS, { onProgress: () => chunksDone++, isCancelled: () => chunksDone >= 1 }, 3);
    return { db, rows, cancelled };
  }

  it('a cancel after the first chunk keeps that chunk and stops', async () => {
    const db = freshDb();
    let chunksDone = 0;
    const run = await runImport(db, meta(), await review(db, table(validRows(1, 7))), DEFAULTS, {
      onProgress: () => chunksDone++,
      isCancelled: () => chunksDone >= 1,
    }, 3);
    expect(run.status).toBe('cancelled');
    expect(await db.runs.get(run.id)).toMatchObject({ status: 'cancelled', counts: { imported: 3 }, nextChunk: 1, endedAt: expect.any(Number) });
    expect((await db.clients.toArray()).map((c) => c.row).sort()).toEqual([2, 3, 4]);
    expect(await db.runLogs.count()).toBe(1);
  });

  it('a resumed run goes on from its next chunk: every row imported once, counts adding up', async () => {
    const { db, rows, cancelled } = await cancelAfterFirstChunk();
    expect(canResume(cancelled)).toBe(true);
    const resumed = await resumeRun(db, cancelled.id, rows, {}, 3);
    expect(resumed).toMatchObject({ status: 'done', nextChunk: 3, counts: { total: 7, imported: 7, updated: 0, skipped: 0, errors: 0 } });
    expect((await db.clients.toArray()).map((c) => c.row ?? 0).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect((await loadRunLog(db, cancelled.id)).map((l) => l.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(canResume(resumed)).toBe(false);
    // A finished run is never run twice.
    expect(await resumeRun(db, cancelled.id, rows, {}, 3)).toMatchObject({ status: 'done' });
    expect(await db.clients.count()).toBe(7);
  });

  it('a resume goes on in the chunks the run started with (recorded on it), whatever size it is asked for', async () => {
    const { db, rows, cancelled } = await cancelAfterFirstChunk();
    expect(await db.runs.get(cancelled.id)).toMatchObject({ chunkSize: 3, nextChunk: 1 });
    const resumed = await resumeRun(db, cancelled.id, rows, {}, 5);
    expect(resumed).toMatchObject({ status: 'done', nextChunk: 3, counts: { imported: 7 } });
    expect((await db.clients.toArray()).map((c) => c.row ?? 0).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('a run from before the chunk size was recorded goes on in the chunks it is given (the size of then)', async () => {
    const { db, rows, cancelled } = await cancelAfterFirstChunk();
    await db.runs.update(cancelled.id, { chunkSize: undefined });
    expect((await db.runs.get(cancelled.id))?.chunkSize).toBeUndefined();
    expect(CHUNK_SIZE).toBe(2000);
    expect(await resumeRun(db, cancelled.id, rows, {}, 3)).toMatchObject({ status: 'done', nextChunk: 3, counts: { imported: 7 } });
  });

  it('tells the progress inside a chunk, before it commits, and once more when it has', async () => {
    const db = freshDb();
    const writing: number[] = [];
    const committed: number[] = [];
    await runImport(db, meta(), await review(db, table(validRows(1, 2100))), DEFAULTS, { onWriting: (d) => writing.push(d), onProgress: (d) => committed.push(d) }, 20_000);
    expect(writing).toEqual([2000, 2100]);
    expect(committed).toEqual([2100]);
  }, 60_000);

  it.each<[RunStatus, boolean, boolean]>([
    ['interrupted', true, true], ['cancelled', true, true], ['failed', true, true],
    ['done', true, false], ['undone', true, false], ['running', true, false],
    ['interrupted', false, false],
  ])('canResume: a %s run, choices kept %s → %s', (status, kept, expected) => {
    const run: RunRecord = {
      ...meta(), id: 'r', entity: 'clients', options: DEFAULTS, status, nextChunk: 1, createdGroupIds: [], startedAt: 0,
      counts: { total: 9, imported: 3, updated: 0, skipped: 0, errors: 0 }, ...(kept ? { review: { defaults: {}, declined: [], edits: [] } } : {}),
    };
    expect(canResume(run)).toBe(expected);
  });

  it('markInterruptedRuns turns the runs left running into interrupted ones', async () => {
    const db = freshDb();
    const statuses: RunStatus[] = ['running', 'done', 'running', 'cancelled', 'undone', 'failed'];
    const runs: RunRecord[] = statuses.map((status, i) => ({
      ...meta(), id: `run-${i}`, entity: 'clients', options: DEFAULTS, status, nextChunk: 0, createdGroupIds: [], startedAt: i,
      counts: { total: 0, imported: 0, updated: 0, skipped: 0, errors: 0 },
    }));
    await db.runs.bulkAdd(runs);
    expect(await markInterruptedRuns(db)).toBe(2);
    expect((await db.runs.orderBy('startedAt').toArray()).map((r) => r.status)).toEqual(['interrupted', 'done', 'interrupted', 'cancelled', 'undone', 'failed']);
    expect(await markInterruptedRuns(db)).toBe(0);
  });

  it('markInterruptedRuns leaves alone a run still going on in another tab (its Web Lock is held)', async () => {
    const db = freshDb();
    const runs: RunRecord[] = ['run-a', 'run-b'].map((id, i) => ({
      ...meta(), id, entity: 'clients', options: DEFAULTS, status: 'running', nextChunk: 0, createdGroupIds: [], startedAt: i,
      counts: { total: 0, imported: 0, updated: 0, skipped: 0, errors: 0 },
    }));
    await db.runs.bulkAdd(runs);
    expect(await markInterruptedRuns(db, new Set(['run-b']))).toBe(1);
    expect((await db.runs.orderBy('startedAt').toArray()).map((r) => [r.id, r.status])).toEqual([['run-a', 'interrupted'], ['run-b', 'running']]);
  });
});

describe('undoRun', () => {
  it.each(['replace', 'complete'] as const)('restores the exact state before the run (existing: %s), keeping later edits to other clients', async (existing) => {
    const db = freshDb();
    // Before: clients 1-3 in group "Cível" (client 1 without landline), from an earlier run.
    const earlier = await runImport(db, meta(), await review(db, table(validRows(1, 3, 'Cível'))), DEFAULTS);
    const before = await snapshot(db);

    // The run: updates client 1 (fills or replaces its landline), creates 4 and 5 in a new group.
    const updateOfClient1 = [...validRow(1, 'Cível').slice(0, 5), '(21) 2345-6789', ''];
    updateOfClient1[0] = 'Cliente Um Renomeado';
    const sheet = table([updateOfClient1, validRow(4, 'Novo grupo'), validRow(5, 'novo grupo')]);
    const run = await runImport(db, meta(), await review(db, sheet), { existing, createGroups: true });
    expect(run.counts).toMatchObject({ imported: 2, updated: 1 });
    expect(run.createdGroupIds).toHaveLength(1);

    // Later, the user edits client 3 (not touched by the run).
    const client3 = before.clients.find((c) => c.row === 4) ?? fail('client 3 missing');
    const edited = { ...client3, name: 'Cliente Três Editado', updatedAt: client3.updatedAt + 1 };
    await db.clients.put(edited);

    const undone = await undoRun(db, run.id);

    expect(undone).toMatchObject({ id: run.id, status: 'undone', undoneAt: expect.any(Number) });
    expect(await db.runs.get(run.id)).toEqual(undone);
    expect(await snapshot(db)).toEqual({ ...before, clients: before.clients.map((c) => (c.id === edited.id ? edited : c)) });
    expect((await db.runs.get(earlier.id))?.status).toBe('done');
  });

  it('a second undo is harmless', async () => {
    const db = freshDb();
    await runImport(db, meta(), await review(db, table([validRow(1)])), DEFAULTS);
    const run = await runImport(db, meta(), await review(db, table([validRow(2, 'Outro')])), DEFAULTS);
    const first = await undoRun(db, run.id);
    const state = await snapshot(db);
    const second = await undoRun(db, run.id);
    expect(second).toEqual(first);
    expect(await snapshot(db)).toEqual(state);
    expect(state.clients).toHaveLength(1);
  });

  it('keeps a group the run created when another client was moved into it after the import', async () => {
    const db = freshDb();
    await runImport(db, meta(), await review(db, table([validRow(1, 'Cível')])), DEFAULTS);
    const run = await runImport(db, meta(), await review(db, table([validRow(2, 'Novo grupo')])), DEFAULTS);
    const newGroupId = run.createdGroupIds[0] ?? fail('no group created');
    const client1 = (await db.clients.filter((c) => c.runId !== run.id).first()) ?? fail('client 1 missing');
    await db.clients.put({ ...client1, groupId: newGroupId });

    await undoRun(db, run.id);

    expect(await db.groups.get(newGroupId)).toBeDefined();
    expect((await db.clients.toArray()).map((c) => [c.id, c.groupId])).toEqual([[client1.id, newGroupId]]);
  });
});

describe('undo is a stack: a later run on the same clients is undone first', () => {
  it('refuses to undo a run while a later run that updated its clients stands, then undoes both in order', async () => {
    const db = freshDb();
    const empty = await snapshot(db);
    const first = await runImport(db, meta(), await review(db, table([validRow(1), validRow(2)])), DEFAULTS);
    const renamed = [...validRow(1)];
    renamed[0] = 'Cliente Um Renomeado';
    const second = await runImport(db, meta(), await review(db, table([renamed])), { existing: 'replace', createGroups: true });
    expect(second.counts.updated).toBe(1);

    expect(await checkUndo(db, first.id)).toEqual({ blockedBy: expect.objectContaining({ id: second.id }), editedSince: 0 });
    const afterBoth = await snapshot(db);
    expect(await undoRun(db, first.id)).toMatchObject({ status: 'done' });
    expect(await snapshot(db)).toEqual(afterBoth);

    expect((await checkUndo(db, second.id)).blockedBy).toBeNull();
    await undoRun(db, second.id);
    expect((await checkUndo(db, first.id)).blockedBy).toBeNull();
    await undoRun(db, first.id);
    expect((await snapshot(db)).clients).toEqual(empty.clients);
  });

  it('a later run on other clients does not block; hand edits since the run are counted for the confirmation', async () => {
    const db = freshDb();
    const run = await runImport(db, meta(), await review(db, table([validRow(1), validRow(2)])), DEFAULTS);
    await runImport(db, meta(), await review(db, table([validRow(3)])), DEFAULTS);
    const client = (await db.clients.filter((c) => c.runId === run.id).first()) ?? fail('client missing');
    await db.clients.put({ ...client, name: 'Editado à mão', updatedAt: (run.endedAt ?? 0) + 1 });
    expect(await checkUndo(db, run.id)).toEqual({ blockedBy: null, editedSince: 1 });
  });
});

describe('runImport: a chunk is all or nothing', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The run failed in its second chunk: only the first chunk's clients, log and counters are stored. */
  async function expectOnlyFirstChunk(db: ReturnType<typeof freshDb>, rows: ReviewRow[], chunkSize: number): Promise<void> {
    const [run] = await db.runs.toArray();
    expect(run).toMatchObject({ status: 'failed', nextChunk: 1, endedAt: expect.any(Number), counts: { total: rows.length, imported: chunkSize, updated: 0, skipped: 0, errors: 0 } });
    expect((await db.clients.toArray()).map((c) => c.row).sort()).toEqual(rows.slice(0, chunkSize).map((r) => r.rowNumber));
    expect((await db.runLogs.toArray()).map((c) => c.chunk)).toEqual([0]);
  }

  it('a constraint failure inside bulkAdd rolls the whole chunk back', async () => {
    const db = freshDb();
    const rows = await review(db, table(validRows(1, 6)));
    // From the second chunk on every new client gets the same id, so bulkAdd hits the primary key.
    const bulkAdd = db.clients.bulkAdd.bind(db.clients);
    let sameIds = false;
    vi.spyOn(db.clients, 'bulkAdd').mockImplementation((clients) => bulkAdd(sameIds ? [...clients].map((c) => ({ ...c, id: '00000000-0000-7000-8000-000000000000' })) : clients));
    await expect(runImport(db, meta(), rows, DEFAULTS, { onProgress: () => { sameIds = true; } }, 3)).rejects.toThrow();
    await expectOnlyFirstChunk(db, rows, 3);
  });

  it('two rows of one chunk with the same document that bypassed markDuplicates: the second is not added', async () => {
    const db = freshDb();
    const rows = await review(db, table([validRow(1), rowRepeatingCpfOf(1, 2), validRow(3)]));
    const second = rows[1] ?? fail('row missing');
    second.status = 'ready';
    second.problems = [];
    const run = await runImport(db, meta(), rows, DEFAULTS);
    expect(run.counts).toMatchObject({ imported: 2, skipped: 1, errors: 0 });
    expect(await db.clients.count()).toBe(2);
  });

  it('a failure after the clients were written (the log record) rolls them back too', async () => {
    const db = freshDb();
    const rows = await review(db, table(validRows(1, 7)));
    const add = db.runLogs.add.bind(db.runLogs);
    vi.spyOn(db.runLogs, 'add').mockImplementation((chunk, key) => (chunk.chunk === 1 ? Dexie.Promise.reject(new Error('disk full')) : add(chunk, key)));
    await expect(runImport(db, meta(), rows, DEFAULTS, {}, 3)).rejects.toThrow('disk full');
    await expectOnlyFirstChunk(db, rows, 3);
  });
});
