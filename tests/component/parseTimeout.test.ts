import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

const restartWorker = vi.fn();
const never = new Promise<never>(() => undefined);
const worker = { openFile: vi.fn(() => never), previewSheet: vi.fn() };

vi.mock('../../src/ui/shared/worker', () => ({
  getWorker: () => worker,
  restartWorker,
  Comlink: { proxy: <T>(f: T) => f },
}));

const { ImportWizard, PARSE_TIMEOUT_MS } = await import('../../src/ui/import/wizard.svelte');
const { default: UploadStep } = await import('../../src/ui/import/UploadStep.svelte');

function file(): File {
  return new File([new Uint8Array([1, 2, 3])], 'enorme.xlsx');
}

describe('a parse that never ends', () => {
  afterEach(() => {
    vi.useRealTimers();
    restartWorker.mockClear();
  });

  it('is stopped after the time limit: the worker is restarted and the user told why', async () => {
    vi.useFakeTimers();
    const wizard = new ImportWizard();
    const opening = wizard.openFile(file());
    expect(wizard.step).toMatchObject({ kind: 'upload', busy: true, fileName: 'enorme.xlsx' });
    await vi.advanceTimersByTimeAsync(PARSE_TIMEOUT_MS);
    await opening;
    expect(restartWorker).toHaveBeenCalledTimes(1);
    expect(wizard.step).toMatchObject({ kind: 'upload', busy: false, problems: [{ code: 'file.timeout', level: 'error' }] });
    expect(wizard.step.kind === 'upload' && wizard.step.problems[0]?.message).toMatch(/demorou demais/);
  });

  it('can be cancelled by the user while the progress is shown', async () => {
    const wizard = new ImportWizard();
    void wizard.openFile(file());
    const step = wizard.step;
    if (step.kind !== 'upload') throw new Error('expected the upload step');
    render(UploadStep, { props: { wizard, step } });
    expect(screen.getByRole('progressbar', { name: 'Leitura do arquivo' })).toBeInTheDocument();
    expect(screen.getByText('enorme.xlsx').parentElement).toHaveTextContent('Lendo enorme.xlsx');
    // While SheetJS opens the file in one call, the bar has no value (animated) and says what it does.
    expect(screen.getByRole('progressbar', { name: 'Leitura do arquivo' })).not.toHaveAttribute('value');
    expect(screen.getByRole('status')).toHaveTextContent('Lendo o arquivo');
    await userEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(restartWorker).toHaveBeenCalledTimes(1);
    expect(wizard.step).toMatchObject({ kind: 'upload', busy: false, problems: [] });
  });
});

describe('a cancelled parse', () => {
  it('does not come back later to overwrite what the user did next', async () => {
    vi.useFakeTimers();
    const wizard = new ImportWizard();
    void wizard.openFile(file());
    wizard.cancelParse();
    restartWorker.mockClear();
    await vi.advanceTimersByTimeAsync(PARSE_TIMEOUT_MS * 2);
    expect(restartWorker).not.toHaveBeenCalled();
    expect(wizard.step).toMatchObject({ kind: 'upload', busy: false, problems: [] });
    vi.useRealTimers();
  });
});
