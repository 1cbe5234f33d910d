import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { SheetPreview } from '../../src/worker/api';

const columns = [
  { index: 0, letter: 'A', header: 'Nome do grupo*', samples: ['Tributário'] },
  { index: 1, letter: 'B', header: 'Descrição', samples: ['Impostos'] },
];
const base = { headerRow: 0, topRows: [], dataRows: 1, columns, fromProfile: false };
const asGroups: SheetPreview = { ...base, mapping: ['name', 'description'], entity: 'groups', entityReason: 'A aba se chama "Grupos" e não tem colunas de cliente (CPF/CNPJ, telefone, e-mail…).' };
const asClients: SheetPreview = { ...base, mapping: ['name', 'notes'], entity: 'clients', entityReason: null };

const worker = {
  previewSheet: vi.fn((_sheet: number, _header?: number, entity?: string) => Promise.resolve({ data: entity === 'clients' ? asClients : asGroups, problems: [] })),
};
vi.mock('../../src/ui/shared/worker', () => ({ getWorker: () => worker, restartWorker: () => undefined, Comlink: { proxy: <T>(f: T) => f } }));

const { ImportWizard } = await import('../../src/ui/import/wizard.svelte');
const { default: MappingStep } = await import('../../src/ui/import/MappingStep.svelte');

function renderGuessedGroups() {
  const wizard = new ImportWizard();
  const file = { fileName: 'grupos.xlsx', info: { sheets: [] }, sheetIndex: 0 } as never;
  wizard.step = { kind: 'mapping', file, preview: asGroups, mapping: [...asGroups.mapping], problems: [] };
  const view = render(MappingStep, { props: { wizard, step: wizard.step } });
  return { wizard, view };
}

function optionsOf(label: string): (string | null)[] {
  return within(screen.getByLabelText(label)).getAllByRole('option').map((o) => o.textContent);
}

describe('the entity choice in the mapping step', () => {
  it('shows a sheet guessed as groups as Grupos, says why, and maps it to the group fields', () => {
    renderGuessedGroups();
    const choice = screen.getByRole('group', { name: 'O que esta planilha contém?' });
    expect(within(choice).getByRole('radio', { name: 'Grupos' })).toBeChecked();
    expect(within(choice).getByRole('radio', { name: 'Clientes' })).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Reconhecemos uma planilha de grupos. A aba se chama "Grupos"');
    expect(optionsOf("Dado do sistema para 'Nome do grupo*' (coluna A)")).toEqual(['Ignorar coluna', 'Nome do grupo*', 'Descrição']);
    expect(screen.getByLabelText("Dado do sistema para 'Nome do grupo*' (coluna A)")).toHaveValue('name');
    // The clients' "group for rows without one" means nothing for a list of groups.
    expect(screen.queryByLabelText('Grupo para as linhas sem grupo')).not.toBeInTheDocument();
    expect(screen.queryByText(/em breve/)).not.toBeInTheDocument();
  });

  it('switched to Clientes, asks the worker for that entity and offers the client fields with its mapping', async () => {
    const { wizard, view } = renderGuessedGroups();
    await userEvent.click(screen.getByRole('radio', { name: 'Clientes' }));
    expect(worker.previewSheet).toHaveBeenLastCalledWith(0, 0, 'clients');
    // The import page hands the new step down, as it does with every step.
    await vi.waitFor(() => expect(wizard.step.kind === 'mapping' && wizard.step.preview.entity).toBe('clients'));
    if (wizard.step.kind === 'mapping') await view.rerender({ wizard, step: wizard.step });
    await vi.waitFor(() => expect(screen.getByLabelText("Dado do sistema para 'Descrição' (coluna B)")).toHaveValue('notes'));
    expect(optionsOf("Dado do sistema para 'Nome do grupo*' (coluna A)")).toContain('CPF/CNPJ*');
    expect(screen.getByRole('radio', { name: 'Clientes' })).toBeChecked();
    expect(screen.queryByText(/Reconhecemos/)).not.toBeInTheDocument();
    expect(wizard.step.kind === 'mapping' && wizard.step.mapping).toEqual(['name', 'notes']);
    expect(screen.getByLabelText('Grupo para as linhas sem grupo')).toBeInTheDocument();
  });
});
