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

export type HelperMessage = { kind: 'progress'; done: number } | { kind: 'done'; packed: PackedReview };

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
  const helpers = countHelpers(total);
  if (helpers === 0) return reviewRange(rows, first, rows.length, mapping, options, onProgress && ((done) => onProgress(done, total)));
  const share = Math.ceil(total / (helpers + 1));
  const done = new Array<number>(helpers + 1).fill(0);
  // The helpers' messages wait while this thread works: its own pace stands for every share's.
  const tell = (at: number, rowsDone: number): void => {
    done[at] = rowsDone;
    onProgress?.(Math.min(total, Math.max(done.reduce((a, b) => a + b, 0), (done[0] ?? 0) * (helpers + 1))), total);
  };
  const pending = Array.from({ length: helpers }, (_, k) => {
    const from = first + share * (k + 1);
    return reviewOnHelper(rows, from, Math.min(rows.length, from + share), mapping, options, (rowsDone) => tell(k + 1, rowsDone));
  });
  const mine = reviewRange(rows, first, Math.min(rows.length, first + share), mapping, options, (rowsDone) => tell(0, rowsDone));
  return mine.concat(...(await Promise.all(pending)));
}

function reviewOnHelper(rows: readonly string[][], from: number, to: number, mapping: Mapping, options: RowOptions, onProgress: (done: number) => void): Promise<ReviewRow[]> {
  const here = (): ReviewRow[] => reviewRange(rows, from, to, mapping, options, onProgress);
  if (from >= to) return Promise.resolve([]);
  return new Promise((resolve) => {
    let helper: Worker;
    try {
      helper = new Worker(new URL('./reviewHelper.ts', import.meta.url), { type: 'module', name: 'clientela-conferencia' });
    } catch {
      resolve(here());
      return;
    }
    const finish = (result: () => ReviewRow[]): void => {
      helper.terminate();
      resolve(result());
    };
    helper.onmessage = ({ data }: MessageEvent<HelperMessage>) => {
      if (data.kind === 'progress') onProgress(data.done);
      else finish(() => unpackReviewRows(data.packed, (rowNumber) => rows[rowNumber - 1] ?? []));
    };
    helper.onerror = (event) => {
      event.preventDefault();
      finish(here);
    };
    helper.onmessageerror = () => finish(here);
    helper.postMessage({ rows: rows.slice(from, to), rowOffset: from, mapping, options } satisfies HelperRequest);
  });
}
