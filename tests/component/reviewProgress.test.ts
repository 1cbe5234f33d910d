import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { ReviewSummary } from '../../src/worker/api';

let finishReview: (summary: ReviewSummary) => void = () => undefined;
let report: (done: number, total: number, phase: string) => void = () => undefined;
const worker = {
  review: vi.fn((_mapping: unknown, _defaults: unknown, onProgress: typeof report) => {
    report = onProgress;
    return new Promise<ReviewSummary>((resolve) => (finishReview = resolve));
  }),
};
vi.mock('../../src/ui/shared/worker', () => ({ getWorker: () => worker, restartWorker: () => undefined, Comlink: { proxy: <T>(f: T) => f } }));

const { ImportWizard } = await import('../../src/ui/import/wizard.svelte');
const { default: ProgressLine } = await import('../../src/ui/shared/ProgressLine.svelte');

const summary = { total: 1, notes: [], counts: { ready: 1, fixed: 0, error: 0, duplicate: 0, existing: 0, incomplete: 0 }, problems: [], newGroups: [] } satisfies ReviewSummary;

function mappingWizard(): InstanceType<typeof ImportWizard> {
  const wizard = new ImportWizard();
  const file = { fileName: 'a.csv', info: { sheets: [] }, sheetIndex: 0 } as never;
  wizard.step = { kind: 'mapping', file, preview: { headerRow: 0, topRows: [], dataRows: 1, columns: [], mapping: [], fromProfile: false, entity: 'clients', entityReason: null }, mapping: [], problems: [] };
  return wizard;
}

describe('"Conferindo": the review of every row', () => {
  it('shows its progress as the worker reports it', async () => {
    const wizard = mappingWizard();
    void wizard.toReview([]);
    expect(wizard.reviewing).toBe(true);
    report(5000, 20000, 'Conferindo');
    render(ProgressLine, { props: { label: 'Conferência dos dados', progress: wizard.progress } });
    expect(screen.getByRole('progressbar', { name: 'Conferência dos dados' })).toHaveAttribute('value', '5000');
    expect(screen.getByRole('status')).toHaveTextContent('Conferindo… 25%');
  });

  it('can be cancelled: the mapping stays, and the answer that comes later is dropped', async () => {
    const wizard = mappingWizard();
    const reviewing = wizard.toReview([]);
    const cancel = vi.fn(() => wizard.cancelReview());
    render(ProgressLine, { props: { label: 'Conferência dos dados', progress: wizard.progress, oncancel: cancel } });
    await userEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(wizard.reviewing).toBe(false);
    finishReview(summary);
    await reviewing;
    expect(wizard.step.kind).toBe('mapping');
  });
});
