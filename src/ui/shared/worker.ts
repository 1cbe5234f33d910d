import * as Comlink from 'comlink';
import type { WorkerApi } from '../../worker/api';

/**
 * The one worker: created lazily, and terminated and recreated when a parse runs away or is cancelled
 * (a synchronous SheetJS parse cannot be interrupted any other way).
 */
let worker: Worker | undefined;
let remote: Comlink.Remote<WorkerApi> | undefined;

export function getWorker(): Comlink.Remote<WorkerApi> {
  if (!remote) {
    worker = new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module', name: 'clientela' });
    remote = Comlink.wrap<WorkerApi>(worker);
  }
  return remote;
}

export function restartWorker(): void {
  remote?.[Comlink.releaseProxy]();
  worker?.terminate();
  worker = undefined;
  remote = undefined;
}

export { Comlink };
