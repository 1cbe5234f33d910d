import { afterEach, describe, expect, it, vi } from 'vitest';
import { reviewRange, reviewTable } from '../../../src/domain/review';
import { packReviewRows } from '../../../src/domain/reviewTransfer';
import type { Mapping } from '../../../src/domain/mapping';
import { reviewInParallel, type HelperMessage, type HelperRequest } from '../../../src/worker/reviewPool';
import { breakCheckDigit, formatCpf, makeCpf } from '../../support/brazil';

const MAPPING: Mapping = ['name', 'document', 'mobile', 'email', 'group'];

/** 9,000 rows below a header: valid ones, a broken CPF every 97th, a blank one every 250th. */
function buildTable(): string[][] {
  const rows = Array.from({ length: 9000 }, (_, i) => {
    if (i % 250 === 3) return ['', '', '', '', ''];
    const cpf = i % 97 === 0 ? breakCheckDigit(makeCpf(1000 + i)) : formatCpf(makeCpf(1000 + i));
    return [`Cliente ${i}`, cpf, '(11) 98765-4321', `c${i}@exemplo.com.br`, `Grupo ${i % 7}`];
  });
  return [['Nome', 'CPF', 'Celular', 'E-mail', 'Grupo'], ...rows];
}

type Behaviour = 'works' | 'cannot start' | 'fails to load' | 'dies';

/** Stands for the browser's Worker: runs reviewHelper.ts's work on a copy of the message, later. */
function fakeWorker(behaviour: Behaviour): { started: () => number } {
  let started = 0;
  class FakeWorker {
    onmessage: ((event: { data: HelperMessage }) => void) | null = null;
    onerror: ((event: { preventDefault: () => void }) => void) | null = null;
    onmessageerror: (() => void) | null = null;
    constructor() {
      if (behaviour === 'cannot start') throw new Error('no workers here');
      started++;
      setTimeout(() => (behaviour === 'fails to load' ? this.onerror?.({ preventDefault: () => undefined }) : this.onmessage?.({ data: { kind: 'ready' } })));
    }
    postMessage(request: HelperRequest): void {
      const { rows, rowOffset, mapping, options } = structuredClone(request);
      setTimeout(() => {
        if (behaviour === 'dies') return this.onerror?.({ preventDefault: () => undefined });
        this.onmessage?.({ data: { kind: 'received' } });
        const reviewed = reviewRange(rows, 0, rows.length, mapping, options, (done) => this.onmessage?.({ data: { kind: 'progress', done } }), rowOffset);
        this.onmessage?.({ data: structuredClone({ kind: 'done', packed: packReviewRows(reviewed) }) });
      });
    }
    terminate(): void {}
  }
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('navigator', { hardwareConcurrency: 4 });
  return { started: () => started };
}

afterEach(() => vi.unstubAllGlobals());

describe('the review shared with helper workers', () => {
  const table = buildTable();
  const alone = reviewTable(table, 0, MAPPING);

  it.each<Behaviour>(['works', 'cannot start', 'fails to load', 'dies'])('gives the same rows as one thread when a helper %s', async (behaviour) => {
    const workers = fakeWorker(behaviour);
    const progress: number[] = [];
    const rows = await reviewInParallel(table, 0, MAPPING, {}, (done, total) => progress.push(done / total));
    expect(rows).toEqual(alone);
    expect(rows[0]?.cells).toBe(table[1]);
    expect(workers.started()).toBe(behaviour === 'cannot start' ? 0 : 3);
    expect(progress.every((p, i) => p <= 1 && (i === 0 || p >= (progress[i - 1] ?? 0)))).toBe(true);
  });

  it('stays on one thread for a small sheet or a single core', async () => {
    const workers = fakeWorker('works');
    expect(await reviewInParallel(table.slice(0, 500), 0, MAPPING, {})).toEqual(reviewTable(table.slice(0, 500), 0, MAPPING));
    vi.stubGlobal('navigator', { hardwareConcurrency: 1 });
    expect(await reviewInParallel(table, 0, MAPPING, {})).toEqual(alone);
    expect(workers.started()).toBe(0);
  });
});
