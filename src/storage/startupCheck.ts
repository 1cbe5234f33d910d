/**
 * What the app checks when it starts: runs left "running" by a closed tab, a crash or a write that could
 * not be made (a full disk) are marked interrupted, with the reason, so that "Retomar importação" is
 * offered. A run whose Web Lock is held is going on in another tab and is left alone. Never throws: the
 * app opens even when the disk is full.
 */
import type { ClientelaDb } from './db';
import { markInterruptedRuns, RUN_LOCK_PREFIX } from './importRun';
import { interruptedReason } from './runFailure';
import { readStorageUsage } from './storageError';

function locksTell(): boolean {
  return typeof navigator !== 'undefined' && 'locks' in navigator;
}

async function runsStillGoing(): Promise<Set<string>> {
  const held = locksTell() ? ((await navigator.locks.query()).held ?? []) : [];
  return new Set(held.flatMap((lock) => (lock.name?.startsWith(RUN_LOCK_PREFIX) ? [lock.name.slice(RUN_LOCK_PREFIX.length)] : [])));
}

/** How many runs were marked interrupted (0 when the check itself could not be made). */
export async function markCutRuns(db: ClientelaDb): Promise<number> {
  try {
    return await markInterruptedRuns(db, await runsStillGoing(), interruptedReason(await readStorageUsage()));
  } catch {
    // A full disk refuses this write too: the runs stay "running" and are marked on a later start.
    return 0;
  }
}

/**
 * The same check at any time (the log page of a run shown "running"): only where Web Locks tell a run
 * going on in another tab from one left behind — without them, that tab's import would be stopped.
 */
export async function markLeftRuns(db: ClientelaDb): Promise<number> {
  return locksTell() ? markCutRuns(db) : 0;
}
