/**
 * Undoing a run: what it created is removed, what it updated goes back to how it was, atomically. Runs
 * are undone like a stack: while a later run that changed the same clients stands, this one cannot be
 * undone (its "before" would overwrite the later run's work, and the later run's undo would bring back
 * clients this one removed).
 */
import type { ClientRecord } from '../domain/entities/client';
import type { ClientelaDb } from './db';
import { loadRunLog } from './importRun';
import type { RunRecord, UndoKept } from './types';
import { diffClients, historyEntry } from './history';
import { SYNC_CONFIG_KEY } from './sync/outbox';
import { changedSince, keptBecauseChanged } from './sync/undoShared';

export interface UndoCheck {
  /** A later run, not undone, that changed clients this run wrote: undo that one first. */
  blockedBy: RunRecord | null;
  /** Clients this run wrote that were edited by hand since: undoing discards those edits too. */
  editedSince: number;
}

/** The ids of the clients (or, for a Grupos run, the groups) a run created and updated. */
async function touchedBy(db: ClientelaDb, runId: string): Promise<Set<string>> {
  const log = await loadRunLog(db, runId);
  return new Set(log.flatMap((row) => {
    const id = row.clientId ?? row.groupId;
    return (row.status === 'imported' || row.status === 'updated') && id ? [id] : [];
  }));
}

/** What undoing the run would run into, for the confirmation the user sees first. */
export async function checkUndo(db: ClientelaDb, runId: string): Promise<UndoCheck> {
  const run = await db.runs.get(runId);
  if (!run || run.status === 'undone') return { blockedBy: null, editedSince: 0 };
  const mine = await touchedBy(db, runId);
  const later = (await db.runs.where('startedAt').aboveOrEqual(run.startedAt).toArray()).filter((r) => r.status !== 'undone' && r.id !== run.id);
  for (const other of later.sort((a, b) => b.startedAt - a.startedAt)) {
    const theirs = await touchedBy(db, other.id);
    if ([...theirs].some((id) => mine.has(id))) return { blockedBy: other, editedSince: 0 };
  }
  const since = run.endedAt ?? run.startedAt;
  const current = await db.clients.bulkGet([...mine]);
  const editedSince = current.filter((c) => c !== undefined && c.updatedAt > since).length;
  return { blockedBy: null, editedSince };
}

/**
 * Undoes a run: removes the clients it created, restores the ones it updated, removes the groups it
 * created that no client uses anymore. Atomic. Refused (the run comes back unchanged) while a later run
 * that changed the same clients stands.
 */
export async function undoRun(db: ClientelaDb, runId: string): Promise<RunRecord> {
  // Invariant: an undo happens whole or not at all; the run is marked undone in the same transaction.
  return db.transaction('rw', [db.clients, db.groups, db.runs, db.runLogs, db.history, db.syncMeta], async () => {
    const run = await db.runs.get(runId);
    if (!run) throw new Error(`run ${runId} not found`);
    if (run.status === 'undone' || (await checkUndo(db, runId)).blockedBy !== null) return run;
    let created: string[] = [];
    let restored: ClientRecord[] = [];
    for (const row of await loadRunLog(db, runId)) {
      if (row.status === 'imported' && row.clientId) created.push(row.clientId);
      if (row.status === 'updated' && row.before) restored.push(row.before);
    }
    // A shared register (team sync): what someone changed since the run stays as it is now.
    const kept: UndoKept[] = [];
    if ((await db.syncMeta.get(SYNC_CONFIG_KEY)) !== undefined) {
      const since = run.endedAt ?? run.startedAt;
      const keep = async <T>(items: T[], idOf: (item: T) => string, wasCreated: boolean): Promise<T[]> => {
        const current = await db.clients.bulkGet(items.map(idOf));
        return items.filter((_, i) => {
          const now = current[i];
          if (!changedSince(now, since)) return true;
          kept.push(keptBecauseChanged(now, wasCreated));
          return false;
        });
      };
      created = await keep(created, (id) => id, true);
      restored = await keep(restored, (c) => c.id, false);
    }
    await db.clients.bulkDelete(created);
    // A client the run created leaves with its history; a restored one keeps it, and says it was restored.
    await db.history.where('clientId').anyOf(created).delete();
    const current = await db.clients.bulkGet(restored.map((c) => c.id));
    await db.history.bulkAdd(restored.map((before, i) => {
      const now = current[i];
      return historyEntry(before.id, 'undo', 'updated', now ? diffClients(now, before) : [], { runId });
    }));
    await db.clients.bulkPut(restored);
    for (const groupId of run.createdGroupIds) {
      if ((await db.clients.where('groupId').equals(groupId).count()) === 0) await db.groups.delete(groupId);
    }
    const undone: RunRecord = { ...run, status: 'undone', undoneAt: Date.now(), ...(kept.length > 0 ? { undoKept: kept } : {}) };
    await db.runs.put(undone);
    return undone;
  });
}
