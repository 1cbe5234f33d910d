import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ClientForm from '../../src/ui/clients/ClientForm.svelte';
import type { ClientDraft } from '../../src/domain/entities/client';
import type { Problem } from '../../src/domain/problems';

const valid = {
  name: 'Maria  da Silva',
  document: '529.982.247-25',
  mobile: '(11) 98765-4321',
  email: ' Maria@Exemplo.com.br ',
  group: 'Trabalhista',
};

function renderForm(initial: Record<string, string> = {}) {
  const onsave = vi.fn<(draft: ClientDraft) => Promise<Problem[]>>(async () => []);
  const oncancel = vi.fn();
  render(ClientForm, { props: { initial, groupNames: ['Trabalhista'], onsave, oncancel } });
  return { onsave, oncancel };
}

describe('ClientForm', () => {
  it('saves the normalized client with the same rules as the import', async () => {
    const { onsave } = renderForm(valid);
    await userEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(onsave).toHaveBeenCalledTimes(1);
    const draft = onsave.mock.calls[0]?.[0];
    expect(draft).toMatchObject({ name: 'Maria da Silva', document: '52998224725', kind: 'PF', mobile: '+5511987654321', email: 'maria@exemplo.com.br', group: 'Trabalhista' });
  });

  it('shows the Portuguese reason next to a wrong field and does not save', async () => {
    const { onsave } = renderForm({ ...valid, document: '529.982.247-26' });
    await userEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByLabelText('CPF/CNPJ*')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/dígitos verificadores/)).toBeInTheDocument();
  });

  it('shows every error at once and moves the focus to the first field to fix', async () => {
    const { onsave } = renderForm({ ...valid, document: '529.982.247-26', email: '' });
    await userEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByLabelText('CPF/CNPJ*')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('E-mail principal*')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('CPF/CNPJ*')).toHaveFocus();
  });

  it.each([
    ['CPF/CNPJ*', 'text', 'text'], // the alphanumeric CNPJ has letters: a text keypad
    ['CEP', 'text', 'numeric'],
    ['Celular', 'tel', 'tel'],
    ['E-mail principal*', 'email', 'email'],
  ])('%s is typed on a keypad that fits it (type %s, inputmode %s)', (label, type, inputmode) => {
    renderForm(valid);
    expect(screen.getByLabelText(label)).toHaveAttribute('type', type);
    expect(screen.getByLabelText(label)).toHaveAttribute('inputmode', inputmode);
  });

  it('offers UF and Tipo de pessoa as lists and the birth date as a date field, saved as the same date', async () => {
    const { onsave } = renderForm({ ...valid, uf: 'SP', kind: 'PF', birthDate: '25/12/1980' });
    expect(screen.getByLabelText('UF')).toHaveValue('SP');
    expect(screen.getByLabelText('Tipo de pessoa')).toHaveValue('PF');
    expect(screen.getByLabelText('Data de nascimento/fundação')).toHaveAttribute('type', 'date');
    expect(screen.getByLabelText('Data de nascimento/fundação')).toHaveValue('1980-12-25');
    await userEvent.selectOptions(screen.getByLabelText('UF'), 'RJ');
    await userEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(onsave.mock.calls[0]?.[0]).toMatchObject({ uf: 'RJ', birthDate: '1980-12-25' });
  });

  it('says which required field is empty', async () => {
    const { onsave } = renderForm({ ...valid, email: '' });
    await userEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByText('E-mail principal é obrigatório e está vazio.')).toBeInTheDocument();
  });

  it('validates a field when the user leaves it', async () => {
    renderForm(valid);
    const email = screen.getByLabelText('E-mail principal*');
    await userEvent.clear(email);
    await userEvent.type(email, 'maria.exemplo.com');
    await userEvent.tab();
    expect(screen.getByLabelText('E-mail principal*')).toHaveAttribute('aria-invalid', 'true');
  });

  it('never leaves out a wrong second phone the user typed: it is an error to fix, not a warning', async () => {
    const { onsave } = renderForm({ ...valid, phone: '(11) 1234-5678' });
    await userEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Telefone')).toHaveAttribute('aria-invalid', 'true');
  });
});
