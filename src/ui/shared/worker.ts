import * as Comlink from 'comlink';
import type { WorkerApi } from '../../worker/api';
import { currentTabId } from '../../storage/writerLock';

/**
 * The one worker: created lazily, and terminated and recreated when a parse runs away or is cancelled
 * (a synchronous SheetJS parse cannot be interrupted any other way).
 */
let worker: Worker | undefined;
let remote: Comlink.Remote<WorkerApi> | undefined;

export function getWorker(): Comlink.Remote<WorkerApi> {
  if (!remote) {
    worker = new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module', name: `clientela:${currentTabId()}` });
    worker.addEventListener('error', reportDeath);
    remote = Comlink.wrap<WorkerApi>(worker);
  }
  return remote;
}

/** Callers waiting on a long call (an import) hear here that the worker died: its promise would never settle. */
const deathListeners = new Set<(error: Error) => void>();

function reportDeath(event: ErrorEvent): void {
  const error = new Error(event.message || 'o processamento em segundo plano parou');
  for (const listener of deathListeners) listener(error);
}

/** Rejects when the worker dies (an uncaught error, out of memory); `stop` forgets the caller. */
export function whenWorkerDies(): { died: Promise<never>; stop: () => void } {
  let listener: (error: Error) => void = () => {};
  const died = new Promise<never>((_, reject) => {
    listener = reject;
    deathListeners.add(listener);
  });
  return { died, stop: () => deathListeners.delete(listener) };
}

export function restartWorker(): void {
  remote?.[Comlink.releaseProxy]();
  worker?.terminate();
  worker = undefined;
  remote = undefined;
}

export { Comlink };
