/**
 * The review of a large sheet on every core: this worker reviews the first share of the rows while
 * helper workers (reviewHelper.ts) review the others. Only the review's own results travel back, packed
 * (domain/reviewTransfer.ts); the cells stay here. A helper that cannot start or dies leaves its share
 * to this worker, so the result is always the same as reviewing on one thread.
 */
import { reviewRange, type ReviewRow, type RowOptions } from '../domain/review';
import { unpackReviewRows, type PackedReview } from '../domain/reviewTransfer';
import type { Mapping } from '../domain/mapping';

export interface HelperRequest {
  rows: string[][];
  /** The table's index of `rows[0]`. */
  rowOffset: number;
  mapping: Mapping;
  options: RowOptions;
}

export type HelperMessage = { kind: 'ready' } | { kind: 'received' } | { kind: 'progress'; done: number } | { kind: 'done'; packed: PackedReview };

/** Below this many rows starting a helper costs more than it saves. */
const PARALLEL_FROM = 4000;
const MAX_HELPERS = 3;

function countHelpers(rows: number): number {
  if (rows < PARALLEL_FROM || typeof Worker === 'undefined' || typeof navigator === 'undefined') return 0;
  return Math.max(0, Math.min(MAX_HELPERS, (navigator.hardwareConcurrency || 1) - 1));
}

/** reviewTable (domain/review.ts) of every row below `headerRow`, shared with helper workers when it pays. */
export async function reviewInParallel(rows: readonly string[][], headerRow: number, mapping: Mapping, options: RowOptions, onProgress?: (done: number, total: number) => void): Promise<ReviewRow[]> {
  const first = headerRow + 1;
  const total = rows.length - first;
  const started = await Promise.all(Array.from({ length: countHelpers(total) }, startHelper));
  const helpers = started.filter((helper) => helper !== null);
  if (helpers.length === 0) return reviewRange(rows, first, rows.length, mapping, options, onProgress && ((done) => onProgress(done, total)));
  const share = Math.ceil(total / (helpers.length + 1));
  const done = new Array<number>(helpers.length + 1).fill(0);
  // The helpers' messages wait while this thread works: its own pace stands for every share's.
  const tell = (at: number, rowsDone: number): void => {
    done[at] = rowsDone;
    onProgress?.(Math.min(total, Math.max(done.reduce((a, b) => a + b, 0), (done[0] ?? 0) * (helpers.length + 1))), total);
  };
  const handed = helpers.map((helper, k) => {
    const from = first + share * (k + 1);
    return reviewOnHelper(helper, rows, from, Math.min(rows.length, from + share), mapping, options, (rowsDone) => tell(k + 1, rowsDone));
  });
  // A message to a nested worker is delivered through this thread's event loop: each helper must have
  // its rows before this thread's synchronous share starts, or it would wait for the share to end.
  await Promise.all(handed.map((h) => h.received));
  const pending = handed.map((h) => h.result);
  const mine = reviewRange(rows, first, Math.min(rows.length, first + share), mapping, options, (rowsDone) => tell(0, rowsDone));
  return mine.concat(...(await Promise.all(pending)));
}

/** How long a helper may take to load before its share is reviewed here instead. */
const START_TIMEOUT_MS = 3000;

/**
 * A helper that has loaded, or null. Awaited before this thread starts its own share: a nested worker
 * loads through its parent's event loop, which a long synchronous review would hold up until its end.
 */
function startHelper(): Promise<Worker | null> {
  return new Promise((resolve) => {
    let helper: Worker;
    try {
      helper = new Worker(new URL('./reviewHelper.ts', import.meta.url), { type: 'module', name: 'clientela-conferencia' });
    } catch {
      resolve(null);
      return;
    }
    const fail = (): void => {
      clearTimeout(timer);
      helper.terminate();
      resolve(null);
    };
    const timer = setTimeout(fail, START_TIMEOUT_MS);
    helper.onerror = (event) => {
      event.preventDefault();
      fail();
    };
    helper.onmessage = ({ data }: MessageEvent<HelperMessage>) => {
      if (data.kind !== 'ready') return;
      clearTimeout(timer);
      resolve(helper);
    };
  });
}

/** Hands a share to a helper: `received` once it has the rows (or has failed), `result` its reviewed rows. */
function reviewOnHelper(helper: Worker, rows: readonly string[][], from: number, to: number, mapping: Mapping, options: RowOptions, onProgress: (done: number) => void): { received: Promise<void>; result: Promise<ReviewRow[]> } {
  const here = (): ReviewRow[] => reviewRange(rows, from, to, mapping, options, onProgress);
  let tellReceived = (): void => undefined;
  const received = new Promise<void>((resolve) => (tellReceived = resolve));
  const result = new Promise<ReviewRow[]>((resolve) => {
    const finish = (rowsOf: () => ReviewRow[]): void => {
      tellReceived();
      helper.terminate();
      resolve(rowsOf());
    };
    helper.onmessage = ({ data }: MessageEvent<HelperMessage>) => {
      if (data.kind === 'received') tellReceived();
      else if (data.kind === 'progress') onProgress(data.done);
      else if (data.kind === 'done') finish(() => unpackReviewRows(data.packed, (rowNumber) => rows[rowNumber - 1] ?? []));
    };
    // A helper that dies (out of memory) or cannot read the message: its share is reviewed here instead.
    helper.onerror = (event) => {
      event.preventDefault();
      finish(here);
    };
    helper.onmessageerror = () => finish(here);
    helper.postMessage({ rows: rows.slice(from, to), rowOffset: from, mapping, options } satisfies HelperRequest);
  });
  return { received, result };
}
