import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { loadRunLog, resumeRun, runImport } from '../../../src/storage/importRun';
import { RunFailedError } from '../../../src/storage/runFailure';
import { markCutRuns } from '../../../src/storage/startupCheck';
import { undoRun } from '../../../src/storage/undoRun';
import { draftToRecord } from '../../../src/storage/clients';
import { groupKey } from '../../../src/storage/groups';
import type { ImportOptions } from '../../../src/storage/types';
import { fail, freshDb, meta, review, snapshot, table, validRow } from './fixtures';

const DEFAULTS: ImportOptions = { existing: 'skip', createGroups: true };
const CHUNK = 3;
/** A run that keeps the review choices, so that it can be resumed. */
const resumable = () => ({ ...meta(), review: { defaults: {}, declined: [], edits: [] } });

function validRows(from: number, count: number, group?: string): string[][] {
  return Array.from({ length: count }, (_, i) => validRow(from + i, group));
}

async function failureOf(promise: Promise<unknown>): Promise<RunFailedError> {
  const error = await promise.then(() => fail('the import did not fail'), (e: unknown) => e);
  if (!(error instanceof RunFailedError)) throw error;
  return error;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a chunk that fails mid-import ends the run cleanly', () => {
  it('a full disk in the second chunk: the run is failed with the storage message stored, the first chunk kept, nothing half-written', async () => {
    const db = freshDb();
    const rows = await review(db, table(validRows(1, 9)));
    const add = db.runLogs.add.bind(db.runLogs);
    vi.spyOn(db.runLogs, 'add').mockImplementation((chunk, key) => (chunk.chunk === 1 ? Dexie.Promise.reject(new DOMException('quota', 'QuotaExceededError')) : add(chunk, key)));
    const failed = await failureOf(runImport(db, meta(), rows, DEFAULTS, {}, CHUNK));
    expect(failed.problem.code).toBe('storage.full');
    const stored = await db.runs.get(failed.run.id) ?? fail('run missing');
    expect(stored).toMatchObject({ status: 'failed', nextChunk: 1, failure: expect.stringMatching(/^O armazenamento do navegador está cheio/), counts: { imported: CHUNK } });
    expect(await db.clients.count()).toBe(CHUNK);
    expect((await db.runLogs.toArray()).map((c) => c.chunk)).toEqual([0]);
  });

  it('resumed after the disk has room, it ends in the same state as an uninterrupted run', async () => {
    const sheet = table(validRows(1, 9));
    const straight = freshDb();
    await runImport(straight, meta(), await review(straight, sheet), DEFAULTS, {}, CHUNK);

    const db = freshDb();
    const rows = await review(db, sheet);
    const add = db.runLogs.add.bind(db.runLogs);
    let full = true;
    vi.spyOn(db.runLogs, 'add').mockImplementation((chunk, key) => (full && chunk.chunk === 2 ? Dexie.Promise.reject(new DOMException('quota', 'QuotaExceededError')) : add(chunk, key)));
    const failed = await failureOf(runImport(db, resumable(), rows, DEFAULTS, {}, CHUNK));
    full = false;
    const resumed = await resumeRun(db, failed.run.id, rows, {}, CHUNK);
    expect(resumed.failure).toBeUndefined();
    expect(resumed.status).toBe('done');
    const strip = (s: Awaited<ReturnType<typeof snapshot>>) => ({ documents: s.clients.map((c) => [c.document, c.name, c.row]).sort(), groups: s.groups.map((g) => g.name) });
    expect(strip(await snapshot(db))).toEqual(strip(await snapshot(straight)));
    expect((await loadRunLog(db, resumed.id)).map((l) => [l.row, l.status])).toEqual(rows.map((r) => [r.rowNumber, 'imported']));
  });

  it('a document stored meanwhile by another tab (an uncaught BulkError) becomes a failed run with its reason', async () => {
    const db = freshDb();
    const rows = await review(db, table(validRows(1, 6)));
    let stolen = false;
    const failed = await failureOf(runImport(db, resumable(), rows, DEFAULTS, {
      onProgress: () => {
        if (stolen) return;
        stolen = true;
        // "Another tab" stores row 5's client between the first and the second chunk.
        const other = rows[4] ?? fail('row missing');
        void db.clients.add(draftToRecord(other.draft, 'elsewhere'));
      },
    }, CHUNK));
    expect(failed.problem.code).toBe('storage.conflict');
    expect(await db.runs.get(failed.run.id)).toMatchObject({ status: 'failed', nextChunk: 1, failure: expect.stringContaining('já foi cadastrado') });
    // Resuming skips the client stored meanwhile as already registered.
    const resumed = await resumeRun(db, failed.run.id, rows, {}, CHUNK);
    expect(resumed).toMatchObject({ status: 'done', counts: { imported: 5, skipped: 1 } });
  });

  it('a run undone in another tab meanwhile: the next chunk re-checks it, writes nothing and the run stays undone', async () => {
    const db = freshDb();
    const rows = await review(db, table(validRows(1, 9)));
    let undone = false;
    const run = runImport(db, meta(), rows, DEFAULTS, {
      onProgress: () => {
        if (undone) return;
        undone = true;
        void db.runs.toCollection().first().then((r) => undoRun(db, r?.id ?? ''));
      },
    }, CHUNK);
    const failed = await failureOf(run);
    expect(failed.problem.code).toBe('run.stopped');
    expect(await db.runs.get(failed.run.id)).toMatchObject({ status: 'undone' });
    expect(await db.clients.count()).toBe(0);
  });

  it('a group deleted meanwhile: the chunk that would fill it is refused, no client without a group', async () => {
    const db = freshDb();
    const rows = await review(db, table([...validRows(1, 3, 'Tributário'), ...validRows(4, 3, 'Cível')]));
    let deleted = false;
    const failed = await failureOf(runImport(db, meta(), rows, DEFAULTS, {
      onProgress: () => {
        if (deleted) return;
        deleted = true;
        void db.groups.where('nameKey').equals(groupKey('Cível')).delete();
      },
    }, CHUNK));
    expect(failed.problem.code).toBe('run.group_gone');
    const groupIds = new Set((await db.groups.toArray()).map((g) => g.id));
    expect((await db.clients.toArray()).every((c) => groupIds.has(c.groupId))).toBe(true);
    expect(await db.runs.get(failed.run.id)).toMatchObject({ status: 'failed', failure: expect.stringContaining('excluído') });
  });

  it('when even marking the run failed cannot be written, the next start marks it interrupted with the reason', async () => {
    const db = freshDb();
    const rows = await review(db, table(validRows(1, 6)));
    const add = db.runLogs.add.bind(db.runLogs);
    vi.spyOn(db.runLogs, 'add').mockImplementation((chunk, key) => (chunk.chunk === 1 ? Dexie.Promise.reject(new DOMException('quota', 'QuotaExceededError')) : add(chunk, key)));
    const where = db.runs.where.bind(db.runs);
    // The write that marks the run failed (a where on its id) hits the full disk too.
    vi.spyOn(db.runs, 'where').mockImplementation((index) => {
      if (Object.is(index, 'id')) throw new DOMException('quota', 'QuotaExceededError');
      return where(index);
    });
    const failed = await failureOf(runImport(db, meta(), rows, DEFAULTS, {}, CHUNK));
    expect(failed.run.status).toBe('failed');
    expect((await db.runs.get(failed.run.id))?.status).toBe('running');
    vi.mocked(db.runs.where).mockImplementation(where);
    expect(await markCutRuns(db)).toBe(1);
    expect(await db.runs.get(failed.run.id)).toMatchObject({ status: 'interrupted', failure: expect.stringContaining('Retomar importação') });
  });

  it('the start-up check survives a full disk (it answers 0 instead of throwing)', async () => {
    const db = freshDb();
    vi.spyOn(db.runs, 'where').mockImplementation(() => { throw new DOMException('quota', 'QuotaExceededError'); });
    await expect(markCutRuns(db)).resolves.toBe(0);
  });
});
