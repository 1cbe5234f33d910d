/**
 * The chunk loop every import shares (clients, groups): one transaction per chunk written by the
 * entity's own `commit`, a cancel checked between chunks, a failure turned into a failed run with its
 * reason (runFailure.ts), and the run reopened from its next chunk on resume.
 */
import type { ClientelaDb } from './db';
import { canResume, type ImportHooks } from './importRun';
import { markRunFailed } from './runFailure';
import type { LogRow, RunCounts, RunRecord } from './types';

/**
 * Writes chunks `run.nextChunk`.. of `total` rows; `commit(chunk, from, to, onWritten)` writes one in its
 * own transaction, and may tell how many of its rows it has sent so far (`hooks.onWriting`).
 */
export async function writeChunks(db: ClientelaDb, run: RunRecord, total: number, commit: (chunk: number, from: number, to: number, onWritten: (rows: number) => void) => Promise<void>, hooks: ImportHooks, chunkSize: number): Promise<RunRecord> {
  const chunks = Math.ceil(total / chunkSize);
  try {
    for (let chunk = run.nextChunk; chunk < chunks; chunk++) {
      if (hooks.isCancelled?.()) {
        run.status = 'cancelled';
        break;
      }
      const from = chunk * chunkSize;
      await commit(chunk, from, Math.min(total, from + chunkSize), (rows) => hooks.onWriting?.(from + rows, total));
      hooks.onProgress?.(Math.min(total, (chunk + 1) * chunkSize), total);
    }
    if (run.status === 'running') run.status = 'done';
  } catch (error) {
    throw await markRunFailed(db, run, error);
  }
  run.endedAt = Date.now();
  await db.runs.update(run.id, { status: run.status, endedAt: run.endedAt });
  return run;
}

/** A run cut short, marked running again to go on; a finished or undone one comes back as it is, with `resumable` false. */
export async function reopenRun(db: ClientelaDb, runId: string): Promise<{ run: RunRecord; resumable: boolean }> {
  const run = await db.runs.get(runId);
  if (!run) throw new Error(`run ${runId} not found`);
  // Only a run cut short goes on; a finished or undone one would import its rows a second time.
  if (!canResume(run)) return { run, resumable: false };
  run.status = 'running';
  delete run.failure;
  await db.runs.update(run.id, { status: 'running', failure: undefined });
  return { run, resumable: true };
}

/** A log line counted in its run's counters (in the chunk's transaction, with the line). */
export function countLogRow(counts: RunCounts, entry: LogRow): void {
  if (entry.status === 'imported') counts.imported++;
  else if (entry.status === 'updated') counts.updated++;
  else if (entry.status === 'skipped') counts.skipped++;
  else counts.errors++;
}
