import { afterEach, describe, expect, it } from 'vitest';
import { holdWriterLock, setTabId, useLockManager, writeAlone, type WriterTask } from '../../../src/storage/writerLock';
import { MemoryLocks } from '../../support/locks';
import { freshDb } from './fixtures';

afterEach(() => useLockManager(undefined));

/** Starts `task` in "another tab" holding the lock until `release` is called. */
function holdElsewhere(locks: MemoryLocks, db: ReturnType<typeof freshDb>, task: WriterTask): { release: () => void; done: Promise<unknown> } {
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  setTabId('outra-aba');
  const done = holdWriterLock(db, task, () => gate);
  setTabId('esta-aba');
  return { release, done };
}

describe('writer lock: one writer at a time across tabs', () => {
  it.each<[string, WriterTask, RegExp]>([
    ['an undo', { kind: 'undo' }, /^Uma importação está sendo desfeita em outra aba\./],
    ['a restore', { kind: 'restore' }, /^Uma cópia de segurança está sendo restaurada em outra aba\./],
    ['"Apagar todos os dados"', { kind: 'erase' }, /^Os dados do Clientela estão sendo apagados em outra aba\./],
    ['a group change', { kind: 'group' }, /^Um grupo está sendo alterado em outra aba\./],
  ])('while %s runs elsewhere a second writer is refused, names it, and does not run', async (_, task, message) => {
    const locks = new MemoryLocks();
    useLockManager(locks);
    const db = freshDb();
    const other = holdElsewhere(locks, db, task);
    let ran = false;
    const second = await holdWriterLock(db, { kind: 'restore' }, async () => { ran = true; });
    expect(ran).toBe(false);
    expect(second).toMatchObject({ held: false, problem: { code: 'writer.busy', level: 'error' } });
    if (!second.held) expect(second.problem.message).toMatch(message);
    other.release();
    await other.done;
    expect(await holdWriterLock(db, { kind: 'restore' }, async () => 'ran')).toEqual({ held: true, value: 'ran' });
  });

  it('an import elsewhere is named with its progress read from its run record', async () => {
    const locks = new MemoryLocks();
    useLockManager(locks);
    const db = freshDb();
    await db.runs.add({
      id: 'r1', entity: 'clients', fileName: 'a.csv', fileSize: 1, fileHash: 'h', sheet: 'a', headerRow: 1, headers: [], mapping: [], options: { existing: 'skip', createGroups: true },
      status: 'running', counts: { total: 20000, imported: 11000, updated: 0, skipped: 500, errors: 500 }, createdGroupIds: [], startedAt: 1, nextChunk: 6,
    });
    const other = holdElsewhere(locks, db, { kind: 'import', runId: 'r1' });
    const refused = await writeAlone(db, { kind: 'import', runId: 'r2' }, 'import', async () => ({ data: 1, problems: [] }));
    expect(refused.data).toBeNull();
    expect(refused.problems[0]?.message).toMatch(/^Uma importação está em andamento em outra aba: 12\.000 de 20\.000 linhas\. /);
    other.release();
    await other.done;
  });

  it('says "nesta aba" when the writer is this same tab (its worker)', async () => {
    const locks = new MemoryLocks();
    useLockManager(locks);
    const db = freshDb();
    setTabId('esta-aba');
    let release = (): void => {};
    const done = holdWriterLock(db, { kind: 'restore' }, () => new Promise<void>((r) => (release = r)));
    const refused = await holdWriterLock(db, { kind: 'group' }, async () => 1);
    expect(refused.held ? '' : refused.problem.message).toMatch(/^Uma cópia de segurança está sendo restaurada nesta aba\./);
    release();
    await done;
  });

  it('without Web Locks (an old browser) the work runs unguarded rather than never', async () => {
    useLockManager(null);
    expect(await holdWriterLock(freshDb(), { kind: 'undo' }, async () => 7)).toEqual({ held: true, value: 7 });
  });

  it('the lock is released when the work throws, and writeAlone turns the error into a Portuguese problem', async () => {
    useLockManager(new MemoryLocks());
    const db = freshDb();
    const full = await writeAlone(db, { kind: 'restore' }, 'restore', () => Promise.reject(new DOMException('quota', 'QuotaExceededError')));
    expect(full.problems.map((p) => p.code)).toEqual(['storage.full']);
    expect(full.problems[0]?.message).toContain('Nada foi restaurado');
    expect(await holdWriterLock(db, { kind: 'restore' }, async () => 'again')).toEqual({ held: true, value: 'again' });
  });
});
