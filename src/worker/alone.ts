/**
 * An import or a resume runs alone (one writer at a time across tabs, storage/writerLock.ts), and any
 * failure comes back as a Portuguese problem with the failed run instead of a throw through Comlink.
 */
import type { Parsed } from '../domain/problems';
import { getDb } from '../storage/db';
import { RunFailedError } from '../storage/runFailure';
import { storageProblem } from '../storage/storageError';
import type { RunRecord } from '../storage/types';
import { holdWriterLock } from '../storage/writerLock';
import { holdingRunLock } from './prepare';

/** An import or resume: the writer lock, the run's own lock, and a failed run (with its reason) rather than a throw. */
export async function importAlone(runId: string, work: () => Promise<RunRecord>): Promise<Parsed<RunRecord | null>> {
  try {
    const held = await holdWriterLock(getDb(), { kind: 'import', runId }, () => holdingRunLock(runId, work));
    return held.held ? { data: held.value, problems: [] } : { data: null, problems: [held.problem] };
  } catch (error) {
    if (error instanceof RunFailedError) return { data: error.run, problems: [error.problem] };
    return { data: null, problems: [await storageProblem(error, 'import')] };
  }
}
