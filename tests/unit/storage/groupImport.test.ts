import { describe, expect, it } from 'vitest';
import { runGroupImport, resumeGroupRun } from '../../../src/storage/groupImport';
import { undoGroupRun } from '../../../src/storage/undoGroupRun';
import { loadRunLog, runImport, type RunMeta } from '../../../src/storage/importRun';
import { checkUndo } from '../../../src/storage/undoRun';
import { createGroup, describeGroup, loadGroupIndex } from '../../../src/storage/groups';
import { markGroupRepeats, reviewGroupTable, type GroupReviewRow } from '../../../src/domain/groupReview';
import type { ClientelaDb } from '../../../src/storage/db';
import type { ExistingPolicy, ImportOptions } from '../../../src/storage/types';
import { freshDb, review, table, validRow } from './fixtures';
import { createBackup, readBackup } from '../../../src/storage/backup';

const HEADER = ['Nome do grupo*', 'Descrição'];
const MAPPING = ['name', 'description'];
const SKIP: ImportOptions = { existing: 'skip', createGroups: false };

function groupMeta(): RunMeta {
  return { fileName: 'grupos.xlsx', fileSize: 100, fileHash: 'h', sheet: 'Grupos', headerRow: 1, headers: HEADER, mapping: MAPPING, review: { defaults: {}, declined: [], edits: [] } };
}

/** Reviews a Grupos sheet the way the worker does: validation, then repeats and registered groups. */
async function reviewGroups(db: ClientelaDb, rows: string[][]): Promise<GroupReviewRow[]> {
  const reviewed = reviewGroupTable([HEADER, ...rows], 0, MAPPING);
  markGroupRepeats(reviewed, new Map([...(await loadGroupIndex(db))].map(([key, g]) => [key, g.id])));
  return reviewed;
}

async function groupsByName(db: ClientelaDb): Promise<Record<string, string>> {
  return Object.fromEntries((await db.groups.toArray()).map((g) => [g.name, g.description]));
}

describe('runGroupImport', () => {
  it('creates the new groups, logs every row and counts them; an invalid or repeated row creates nothing', async () => {
    const db = freshDb();
    const rows = await reviewGroups(db, [['Tributário', 'Impostos'], ['...', ''], ['TRIBUTARIO', 'outra'], ['Família', '']]);
    const run = await runGroupImport(db, groupMeta(), rows, SKIP);
    expect(run).toMatchObject({ entity: 'groups', status: 'done', counts: { total: 4, imported: 2, updated: 0, skipped: 1, errors: 1 } });
    expect(await groupsByName(db)).toEqual({ Tributário: 'Impostos', Família: '' });
    const log = await loadRunLog(db, run.id);
    expect(log.map((l) => [l.row, l.status])).toEqual([[2, 'imported'], [3, 'error'], [4, 'skipped'], [5, 'imported']]);
    expect(log[1]?.cells).toEqual(['...', '']);
    expect((await db.runs.get(run.id))?.createdGroupIds).toHaveLength(2);
  });

  it('importing the same file twice with the default choice creates nothing the second time', async () => {
    const db = freshDb();
    const sheet = [['Tributário', 'Impostos'], ['Família', '']];
    await runGroupImport(db, groupMeta(), await reviewGroups(db, sheet), SKIP);
    const again = await runGroupImport(db, groupMeta(), await reviewGroups(db, sheet), SKIP);
    expect(again.counts).toMatchObject({ imported: 0, skipped: 2 });
    expect(await db.groups.count()).toBe(2);
  });

  it.each<[ExistingPolicy, string, string, string]>([
    ['skip', '', 'Nova descrição', ''],
    ['complete', '', 'Nova descrição', 'Nova descrição'],
    ['complete', 'Antiga', 'Nova descrição', 'Antiga'],
    ['replace', 'Antiga', 'Nova descrição', 'Nova descrição'],
  ])('an existing group under "%s" (stored "%s", file "%s") ends with "%s"; undo gives the stored one back', async (existing, stored, typed, after) => {
    const db = freshDb();
    const group = (await createGroup(db, 'Clientes VIP')).data;
    if (group && stored !== '') await describeGroup(db, group.id, stored);
    const run = await runGroupImport(db, groupMeta(), await reviewGroups(db, [['clientes vip', typed]]), { existing, createGroups: false });
    expect(await groupsByName(db)).toEqual({ 'Clientes VIP': after });
    expect(run.counts.updated).toBe(after === stored ? 0 : 1);
    await undoGroupRun(db, run.id);
    expect(await groupsByName(db)).toEqual({ 'Clientes VIP': stored });
  });
});

describe('undoGroupRun', () => {
  it('removes the groups the run created, but keeps (and names) the ones clients were put in since', async () => {
    const db = freshDb();
    const run = await runGroupImport(db, groupMeta(), await reviewGroups(db, [['Tributário', ''], ['Família', '']]), SKIP);
    await runImport(db, { fileName: 'clientes.xlsx', fileSize: 1, fileHash: 'c', sheet: 'Clientes', headerRow: 1, headers: [], mapping: ['name', 'document', 'mobile', 'email', 'group', 'phone', 'cep'] }, await review(db, table([validRow(1, 'Família')])), { existing: 'skip', createGroups: true });
    expect(await checkUndo(db, run.id)).toEqual({ blockedBy: null, editedSince: 0 });
    const undone = await undoGroupRun(db, run.id);
    expect(undone).toMatchObject({ status: 'undone', keptGroups: ['Família'] });
    expect(Object.keys(await groupsByName(db))).toEqual(['Família']);
    expect(await db.clients.count()).toBe(1);
    expect((await db.runs.get(run.id))?.status).toBe('undone');
  });

  it('waits for a later Grupos run that changed the same groups to be undone first', async () => {
    const db = freshDb();
    const first = await runGroupImport(db, groupMeta(), await reviewGroups(db, [['Tributário', '']]), SKIP);
    const second = await runGroupImport(db, groupMeta(), await reviewGroups(db, [['Tributário', 'Impostos']]), { existing: 'complete', createGroups: false });
    expect((await checkUndo(db, first.id)).blockedBy?.id).toBe(second.id);
    expect((await undoGroupRun(db, first.id)).status).toBe('done');
    await undoGroupRun(db, second.id);
    await undoGroupRun(db, first.id);
    expect(await db.groups.count()).toBe(0);
  });
});

describe('a Grupos run cut short', () => {
  it('stops after the chunk in flight on cancel, and a resume with the same rows goes on from the next chunk', async () => {
    const db = freshDb();
    const rows = await reviewGroups(db, Array.from({ length: 5 }, (_, i) => [`Grupo ${i + 1}`, '']));
    let chunks = 0;
    const cancelled = await runGroupImport(db, groupMeta(), rows, SKIP, { onProgress: () => chunks++, isCancelled: () => chunks >= 1 }, 2);
    expect(cancelled).toMatchObject({ status: 'cancelled', nextChunk: 1, counts: { imported: 2 } });
    const resumed = await resumeGroupRun(db, cancelled.id, rows, {}, 2);
    expect(resumed).toMatchObject({ status: 'done', counts: { total: 5, imported: 5 } });
    expect(await db.groups.count()).toBe(5);
    expect((await loadRunLog(db, cancelled.id)).map((l) => l.row)).toEqual([2, 3, 4, 5, 6]);
  });

  it('re-checks each chunk: a run undone in another tab meanwhile writes nothing more and fails with its reason', async () => {
    const db = freshDb();
    const rows = await reviewGroups(db, [['A1', ''], ['B2', ''], ['C3', '']]);
    const id = crypto.randomUUID();
    let stopped = false;
    const outcome = runGroupImport(db, { ...groupMeta(), id }, rows, SKIP, {
      onProgress: () => {
        if (stopped) return;
        stopped = true;
        // "Another tab" marks the run undone between the first and the second chunk.
        void db.runs.update(id, { status: 'undone' });
      },
    }, 1);
    await expect(outcome).rejects.toMatchObject({ problem: { code: 'run.stopped' } });
    expect(await db.groups.count()).toBe(1);
    expect((await db.runs.get(id))?.status).toBe('undone');
  });
});

describe('a Grupos run in the backup', () => {
  it('is kept with its log (the groups it changed, as they were) and read back as a valid backup', async () => {
    const db = freshDb();
    await createGroup(db, 'Família');
    const run = await runGroupImport(db, groupMeta(), await reviewGroups(db, [['Tributário', ''], ['família', 'Herança']]), { existing: 'replace', createGroups: false });
    await undoGroupRun(db, run.id);
    const { data, problems } = readBackup(JSON.stringify(await createBackup(db)));
    expect(problems.map((p) => p.message)).toEqual([]);
    expect(data?.runs[0]).toMatchObject({ entity: 'groups', status: 'undone' });
    expect(data?.runLogs[0]?.rows[1]).toMatchObject({ status: 'updated', groupBefore: { name: 'Família', description: '' } });
  });
});
