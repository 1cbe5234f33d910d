/**
 * The benchmark's baseline page (not part of the app): the browser's own floor for an import, measured
 * in a worker — SheetJS's dense parse of the file, then one Dexie bulkAdd of the same records into a
 * database with the app's schema and indexes. `npm run bench` drives it next to the app.
 */
import type { BaselineResult } from './baselineWorker';

declare global {
  interface Window {
    runBaseline: () => Promise<BaselineResult>;
  }
}

window.runBaseline = () => {
  const input = document.querySelector<HTMLInputElement>('#file');
  const file = input?.files?.[0];
  if (!file) return Promise.reject(new Error('no file chosen'));
  const worker = new Worker(new URL('./baselineWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<BaselineResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BaselineResult | { error: string }>) => {
      worker.terminate();
      if ('error' in event.data) reject(new Error(event.data.error));
      else resolve(event.data);
    };
    worker.postMessage(file);
  });
};
