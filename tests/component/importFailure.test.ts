import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import type { WizardStep } from '../../src/ui/import/wizard.svelte';
import type { RunRecord } from '../../src/storage/types';

const restartWorker = vi.fn();
const worker = { startImport: vi.fn() };
let killWorker: (error: Error) => void = () => {};

vi.mock('../../src/ui/shared/worker', () => ({
  getWorker: () => worker,
  restartWorker,
  whenWorkerDies: () => ({ died: new Promise<never>((_, reject) => (killWorker = reject)), stop: () => {} }),
  Comlink: { proxy: <T>(f: T) => f },
}));

const { ImportWizard } = await import('../../src/ui/import/wizard.svelte');
const { default: DoneStep } = await import('../../src/ui/import/DoneStep.svelte');

/** The wizard's step read afresh (TypeScript keeps the narrowing of the last assignment across awaits). */
function stepOf(wizard: InstanceType<typeof ImportWizard>): WizardStep {
  return wizard.step;
}

function reviewStep(): Extract<WizardStep, { kind: 'review' }> {
  return {
    kind: 'review',
    file: { fileName: 'clientes.csv', info: { format: 'csv', sheets: [] }, sheetIndex: 0 },
    preview: { headerRow: 0, topRows: [], dataRows: 3, columns: [], mapping: [], fromProfile: false, entity: 'clients', entityReason: null },
    mapping: [],
    summary: { total: 3, notes: [], counts: { ready: 3, fixed: 0, error: 0, duplicate: 0, existing: 0, incomplete: 0 }, problems: [], newGroups: [] },
    options: { existing: 'skip', createGroups: true },
    declined: [],
    busy: false,
    defaults: {},
  };
}

function failedRun(): RunRecord {
  return {
    id: 'r1', entity: 'clients', fileName: 'clientes.csv', fileSize: 1, fileHash: 'h', sheet: 'clientes', headerRow: 1, headers: [], mapping: [],
    options: { existing: 'skip', createGroups: true }, status: 'failed', counts: { total: 3, imported: 2, updated: 0, skipped: 0, errors: 0 },
    createdGroupIds: [], startedAt: 1, endedAt: 2, nextChunk: 1, failure: 'O armazenamento do navegador está cheio.',
  };
}

afterEach(() => {
  worker.startImport.mockReset();
  restartWorker.mockClear();
});

describe('after "Iniciar importação" the wizard always leaves "Importando…"', () => {
  it('a failed run is shown as failed, with its reason and the way to resume', async () => {
    const wizard = new ImportWizard();
    wizard.step = reviewStep();
    worker.startImport.mockResolvedValue({ data: failedRun(), problems: [{ code: 'storage.full', field: '', value: '', level: 'error', message: 'O armazenamento do navegador está cheio (o Clientela usa 50 MB de 50 MB permitidos).' }] });
    await wizard.startImport({ existing: 'skip', createGroups: true });
    const step = stepOf(wizard);
    if (step.kind !== 'done') throw new Error('expected the done step');
    expect(step.run.status).toBe('failed');
    render(DoneStep, { props: { wizard, step } });
    expect(screen.getByText('Importação falhou.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('O armazenamento do navegador está cheio');
    expect(screen.getByText(/use "Retomar importação"/)).toBeInTheDocument();
  });

  it('a refusal (another tab imports) goes back to the review, saying why', async () => {
    const wizard = new ImportWizard();
    wizard.step = reviewStep();
    worker.startImport.mockResolvedValue({ data: null, problems: [{ code: 'writer.busy', field: '', value: '', level: 'error', message: 'Uma importação está em andamento em outra aba: 12.000 de 20.000 linhas.' }] });
    await wizard.startImport({ existing: 'replace', createGroups: true });
    expect(wizard.step).toMatchObject({ kind: 'review', busy: false, options: { existing: 'replace' }, problems: [{ code: 'writer.busy' }] });
  });

  it('a call that throws ends on the review with a Portuguese problem, the worker replaced', async () => {
    const wizard = new ImportWizard();
    wizard.step = reviewStep();
    worker.startImport.mockRejectedValue(new Error('Comlink: port closed'));
    await wizard.startImport({ existing: 'skip', createGroups: true });
    expect(restartWorker).toHaveBeenCalledTimes(1);
    expect(wizard.step).toMatchObject({ kind: 'review', problems: [{ code: 'storage.failed', level: 'error' }] });
  });

  it('a worker that dies (its promise would never settle) ends the same way', async () => {
    const wizard = new ImportWizard();
    wizard.step = reviewStep();
    worker.startImport.mockReturnValue(new Promise(() => {}));
    const importing = wizard.startImport({ existing: 'skip', createGroups: true });
    expect(wizard.step.kind).toBe('importing');
    killWorker(new Error('o processamento em segundo plano parou'));
    await importing;
    expect(restartWorker).toHaveBeenCalledTimes(1);
    const step = stepOf(wizard);
    expect(step.kind).toBe('review');
    expect(step.kind === 'review' && step.problems?.[0]?.message).toMatch(/Retomar importação/);
  });
});
