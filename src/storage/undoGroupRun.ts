/**
 * Undoing a Grupos run: the groups it created go away — but the ones clients were put in since, which
 * stay (their names kept in the run, for the log page to say) — and the descriptions it changed go back
 * to how they were. Atomic, and refused like a clients' undo while a later run changed the same groups.
 */
import type { ClientelaDb } from './db';
import { loadRunLog } from './importRun';
import { checkUndo } from './undoRun';
import type { RunRecord } from './types';

export async function undoGroupRun(db: ClientelaDb, runId: string): Promise<RunRecord> {
  // Invariant: an undo happens whole or not at all; the run is marked undone in the same transaction.
  return db.transaction('rw', [db.clients, db.groups, db.runs, db.runLogs, db.history], async () => {
    const run = await db.runs.get(runId);
    if (!run) throw new Error(`run ${runId} not found`);
    if (run.status === 'undone' || (await checkUndo(db, runId)).blockedBy !== null) return run;
    const kept: string[] = [];
    for (const row of await loadRunLog(db, runId)) {
      if (row.status === 'imported' && row.groupId) {
        const group = await db.groups.get(row.groupId);
        if (!group) continue;
        if ((await db.clients.where('groupId').equals(group.id).count()) > 0) kept.push(group.name);
        else await db.groups.delete(group.id);
      }
      // Only the description: a rename made by hand since stays.
      if (row.status === 'updated' && row.groupId && row.groupBefore) await db.groups.update(row.groupId, { description: row.groupBefore.description });
    }
    const undone: RunRecord = { ...run, status: 'undone', undoneAt: Date.now(), ...(kept.length > 0 ? { keptGroups: kept } : {}) };
    await db.runs.put(undone);
    return undone;
  });
}
