import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { ReviewSummary } from '../../src/worker/api';
import type { WizardStep } from '../../src/ui/import/wizard.svelte';

/** A legacy ERP list: rows lacking e-mail or CPF/CNPJ, old mobiles, phones without DDD, no group. */
const summary: ReviewSummary = {
  total: 10,
  notes: [],
  newGroups: [],
  counts: { ready: 0, fixed: 0, error: 4, duplicate: 0, existing: 0, incomplete: 6 },
  problems: [
    { code: 'required.email', level: 'error', count: 6, title: 'E-mail principal vazio', example: 'E-mail principal é obrigatório e está vazio.', suggested: 0 },
    { code: 'phone.missing_ddd', level: 'error', count: 3, title: 'Telefone sem DDD', example: 'O telefone "3433-1234" está sem DDD.', suggested: 1 },
    { code: 'phone.missing_ninth_digit', level: 'error', count: 2, title: 'Celular sem o nono dígito', example: 'Falta o nono dígito.', suggested: 2 },
    { code: 'required.group', level: 'error', count: 4, title: 'Grupo vazio', example: 'Grupo é obrigatório e está vazio.', suggested: 0 },
  ],
};

const worker = {
  reviewItems: vi.fn(async () => ({ total: 0, items: [] })),
  applySuggestions: vi.fn(async () => summary),
  applyDdd: vi.fn(async () => summary),
  setDefaults: vi.fn(async () => summary),
  startImport: vi.fn(async () => ({ id: 'run-1', counts: { total: 10, imported: 6, updated: 0, skipped: 0, errors: 4, incomplete: 6 } })),
};

vi.mock('../../src/ui/shared/worker', () => ({
  getWorker: () => worker,
  restartWorker: () => undefined,
  Comlink: { proxy: <T>(f: T) => f },
}));

const { default: ReviewStep } = await import('../../src/ui/import/ReviewStep.svelte');
const { ImportWizard } = await import('../../src/ui/import/wizard.svelte');

function reviewStep(): Extract<WizardStep, { kind: 'review' }> {
  return {
    kind: 'review', file: { fileName: 'erp.xls', info: { sheets: [] }, sheetIndex: 0 } as unknown as Extract<WizardStep, { kind: 'review' }>['file'],
    preview: { headerRow: 0, topRows: [], dataRows: 10, columns: [], mapping: [], fromProfile: false, entity: 'clients', entityReason: null }, mapping: [], summary,
    options: { existing: 'skip', createGroups: true, importIncomplete: false }, declined: [], busy: false, defaults: {},
  };
}

function renderStep() {
  const wizard = new ImportWizard();
  const step = reviewStep();
  wizard.step = step;
  render(ReviewStep, { props: { wizard, step } });
  return wizard;
}

describe('ReviewStep: incomplete rows and fixes in bulk', () => {
  beforeEach(() => {
    for (const fn of Object.values(worker)) fn.mockClear();
  });

  it('counts incomplete rows apart and imports them only with "Importar como cadastro incompleto"', async () => {
    const wizard = renderStep();
    const startImport = vi.spyOn(wizard, 'startImport').mockResolvedValue();
    expect(screen.getByText(/incompletas \(só faltam/).textContent).toBe('6 incompletas (só faltam dados obrigatórios)');
    const start = screen.getByRole('button', { name: 'Iniciar importação' });
    expect(start).toBeDisabled();
    expect(screen.getByText(/Marque "Importar como cadastro incompleto"/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: /Importar como cadastro incompleto/ }));
    expect(start).toBeEnabled();
    expect(screen.getByText('6 linhas serão importadas ou atualizadas.')).toBeInTheDocument();
    await userEvent.click(start);
    expect(startImport).toHaveBeenCalledWith(expect.objectContaining({ importIncomplete: true }));
  });

  it('applies a kind of suggestion to all its rows in one action', async () => {
    renderStep();
    await userEvent.click(screen.getByRole('button', { name: 'Aplicar a todas as 2 linhas' }));
    expect(worker.applySuggestions).toHaveBeenCalledWith('phone.missing_ninth_digit');
    await userEvent.click(screen.getByRole('button', { name: 'Aplicar a todas as 1 linha' }));
    expect(worker.applySuggestions).toHaveBeenLastCalledWith('phone.missing_ddd');
  });

  it('takes a DDD typed once for the phones the city does not tell, and the group for rows without one', async () => {
    renderStep();
    expect(screen.getByText((_, el) => el?.tagName === 'SPAN' && /^2 telefones sem DDD e sem sugestão/.test(el.textContent ?? ''))).toBeInTheDocument();
    const apply = screen.getByRole('button', { name: 'Aplicar o DDD' });
    expect(apply).toBeDisabled();
    await userEvent.type(screen.getByLabelText('DDD para os telefones sem DDD'), '47');
    await userEvent.click(apply);
    expect(worker.applyDdd).toHaveBeenCalledWith('47');
    await userEvent.type(screen.getByLabelText('Grupo para as linhas sem grupo'), 'Clientes antigos');
    await userEvent.click(screen.getByRole('button', { name: 'Usar este grupo' }));
    await waitFor(() => expect(worker.setDefaults).toHaveBeenCalledWith({ group: 'Clientes antigos' }));
  });
});
