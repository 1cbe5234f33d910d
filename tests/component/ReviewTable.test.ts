import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { ReviewItem } from '../../src/domain/review';
import type { ReviewSummary } from '../../src/worker/api';

const summary: ReviewSummary = {
  total: 3,
  notes: [],
  newGroups: [],
  counts: { ready: 1, fixed: 1, error: 1, duplicate: 0, existing: 0, incomplete: 0 },
  problems: [
    { code: 'cpf.check_digits', level: 'error', count: 1, title: 'CPF com dígitos verificadores errados', example: 'O CPF "529.982.247-26" não é válido: os dígitos verificadores não conferem.', suggested: 0 },
    { code: 'document.leading_zero_restored', level: 'fix', count: 1, title: 'CPF/CNPJ com zeros à esquerda restaurados', example: 'Os zeros do início foram restaurados.', suggested: 0 },
  ],
};

const items: ReviewItem[] = [
  { rowNumber: 3, name: 'Ana Souza', status: 'error', field: 'document', value: '529.982.247-26', problem: { code: 'cpf.check_digits', field: 'document', value: '529.982.247-26', level: 'error', message: 'O CPF "529.982.247-26" não é válido: os dígitos verificadores não conferem.' } },
  { rowNumber: 4, name: 'Bruno Lima', status: 'error', field: 'mobile', value: '(11) 8765-4321', problem: { code: 'phone.missing_ninth_digit', field: 'mobile', value: '(11) 8765-4321', level: 'error', message: 'Falta o nono dígito.', suggestion: '+5511987654321' } },
];

const worker = {
  reviewItems: vi.fn(async (filter: { status: string; code: string | null }) => {
    const shown = items.filter((i) => (filter.code === null || i.problem.code === filter.code) && (filter.status === 'problems' || i.status === filter.status));
    return { total: shown.length, items: shown };
  }),
  editCell: vi.fn(async () => ({ ...summary, counts: { ...summary.counts, ready: 2, error: 0 } })),
};

vi.mock('../../src/ui/shared/worker', () => ({
  getWorker: () => worker,
  restartWorker: () => undefined,
  Comlink: { proxy: <T>(f: T) => f },
}));

const { default: ReviewTable } = await import('../../src/ui/import/ReviewTable.svelte');
const { ImportWizard } = await import('../../src/ui/import/wizard.svelte');

describe('ReviewTable', () => {
  beforeEach(() => {
    worker.reviewItems.mockClear();
    worker.editCell.mockClear();
  });

  it('lists each problem with its row, client name, field, value and Portuguese reason', async () => {
    render(ReviewTable, { props: { wizard: new ImportWizard(), summary } });
    expect(await screen.findByText('Linha 3')).toBeInTheDocument();
    expect(screen.getByText('Ana Souza')).toBeInTheDocument();
    expect(screen.getByLabelText('CPF/CNPJ da linha 3')).toHaveValue('529.982.247-26');
    const line = within(screen.getAllByRole('listitem')[0] ?? document.body);
    expect(line.getByText(/os dígitos verificadores não conferem/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Linhas com observações (2)' })).toBeInTheDocument();
  });

  it('re-validates a row as soon as a cell is corrected', async () => {
    const wizard = new ImportWizard();
    const setSummary = vi.spyOn(wizard, 'setSummary');
    render(ReviewTable, { props: { wizard, summary } });
    const cell = await screen.findByLabelText('CPF/CNPJ da linha 3');
    await userEvent.clear(cell);
    await userEvent.type(cell, '529.982.247-25');
    await userEvent.tab();
    expect(worker.editCell).toHaveBeenCalledWith(3, 'document', '529.982.247-25');
    await waitFor(() => expect(setSummary).toHaveBeenCalled());
  });

  it('applies a suggested fix with one click', async () => {
    render(ReviewTable, { props: { wizard: new ImportWizard(), summary } });
    await userEvent.click(await screen.findByRole('button', { name: /Usar sugestão/ }));
    expect(worker.editCell).toHaveBeenCalledWith(4, 'mobile', '(11) 98765-4321');
  });

  it('filters by kind of problem', async () => {
    render(ReviewTable, { props: { wizard: new ImportWizard(), summary } });
    await screen.findByText('Linha 3');
    await userEvent.selectOptions(screen.getByLabelText('Tipo de problema'), 'cpf.check_digits');
    await waitFor(() => expect(worker.reviewItems).toHaveBeenLastCalledWith({ status: 'problems', code: 'cpf.check_digits' }, 0, 100));
    await waitFor(() => expect(screen.queryByText('Linha 4')).not.toBeInTheDocument());
  });
});
