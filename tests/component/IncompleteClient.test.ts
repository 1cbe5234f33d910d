import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ClientForm from '../../src/ui/clients/ClientForm.svelte';
import IncompleteNotice from '../../src/ui/clients/IncompleteNotice.svelte';
import type { ClientDraft, ClientRecord } from '../../src/domain/entities/client';
import { emptyClientDraft } from '../../src/domain/entities/client';
import type { Problem } from '../../src/domain/problems';
import { DEFAULT_REQUIRED, toRequiredSet } from '../../src/domain/requiredFields';

/** An incomplete client as imported from a legacy ERP: no CPF/CNPJ, no e-mail, no group. */
const incomplete = { name: 'JOAO DA SILVA', document: '', mobile: '(47) 99681-1771', email: '', group: '' };

function renderForm(props: { required?: ReturnType<typeof toRequiredSet>; allowIncomplete?: boolean } = {}) {
  const onsave = vi.fn<(draft: ClientDraft) => Promise<Problem[]>>(async () => []);
  render(ClientForm, { props: { initial: incomplete, groupNames: ['Clientes antigos'], onsave, oncancel: vi.fn(), ...props } });
  return onsave;
}

describe('an incomplete client in its record', () => {
  it('says what it lacks and offers to complete it', async () => {
    const { group: _g, ...empty } = emptyClientDraft();
    const record: ClientRecord = { ...empty, id: 'c1', kind: 'PF', name: 'JOAO DA SILVA', mobile: '+5547996811771', groupId: '', createdAt: 1, updatedAt: 1 };
    const oncomplete = vi.fn();
    render(IncompleteNotice, { props: { record, required: DEFAULT_REQUIRED, oncomplete } });
    expect(screen.getByRole('status').textContent).toContain('Cadastro incompleto. Falta: CPF/CNPJ, E-mail principal, Grupo.');
    await userEvent.click(screen.getByRole('button', { name: 'Completar cadastro' }));
    expect(oncomplete).toHaveBeenCalled();
  });

  it('the form shows what is missing and saves it still incomplete, with the same rules', async () => {
    const onsave = renderForm({ allowIncomplete: true });
    expect(screen.getByRole('status').textContent).toBe('Cadastro incompleto: falta CPF/CNPJ, E-mail principal, Grupo. Preencha o que puder; o cadastro pode ser salvo ainda incompleto.');
    await userEvent.type(screen.getByLabelText('E-mail principal*'), 'Joao@Exemplo.com.br');
    expect(screen.getByRole('status').textContent).toContain('falta CPF/CNPJ, Grupo.');
    await userEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(onsave).toHaveBeenCalledWith(expect.objectContaining({ email: 'joao@exemplo.com.br', document: '', group: '' }));
  });

  it('never saves an invalid value, even on an incomplete client', async () => {
    const onsave = renderForm({ allowIncomplete: true });
    await userEvent.type(screen.getByLabelText('E-mail principal*'), 'joao.exemplo.com');
    await userEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByLabelText('E-mail principal*')).toHaveAttribute('aria-invalid', 'true');
  });

  it('follows the office\'s required fields (its labels and what it asks for)', async () => {
    renderForm({ required: toRequiredSet(['phone', 'city']), allowIncomplete: true });
    expect(screen.getByLabelText('Cidade*')).toBeInTheDocument();
    expect(screen.getByLabelText('E-mail principal')).toBeInTheDocument();
    expect(screen.getByRole('status').textContent).toContain('falta CPF/CNPJ, Cidade.');
  });
});
