import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import MappingGrid from '../../src/ui/import/MappingGrid.svelte';
import { CLIENT_FIELDS } from '../../src/domain/entities/client';
import type { Mapping } from '../../src/domain/mapping';

const columns = [
  { index: 0, letter: 'A', header: 'Nome completo', samples: ['Maria da Silva', 'João Souza', 'ACME LTDA'] },
  { index: 1, letter: 'B', header: 'Coluna 2', samples: ['529.982.247-25', '111.444.777-35', '11.222.333/0001-81'] },
  { index: 2, letter: 'C', header: '', samples: [] },
];

function renderGrid(mapping: Mapping) {
  const onchange = vi.fn<(mapping: Mapping) => void>();
  render(MappingGrid, { props: { columns, fields: CLIENT_FIELDS, mapping, onchange } });
  return { onchange };
}

describe('MappingGrid', () => {
  it('shows one line per column with its letter, header, samples and the chosen field', () => {
    renderGrid(['name', 'document', null]);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const first = within(rows[0] ?? document.body);
    expect(first.getByText('A')).toBeInTheDocument();
    expect(first.getByText('Nome completo')).toBeInTheDocument();
    expect(first.getByText('João Souza')).toBeInTheDocument();
    expect(screen.getByLabelText("Dado do sistema para 'Nome completo' (coluna A)")).toHaveValue('name');
    expect(screen.getByLabelText("Dado do sistema para 'Coluna 2' (coluna B)")).toHaveValue('document');
    expect(screen.getByLabelText('Dado do sistema para a coluna C (sem cabeçalho)')).toHaveValue('');
    expect(within(rows[2] ?? document.body).getByText('(sem cabeçalho)')).toBeInTheDocument();
  });

  it('offers every field of the entity plus "Ignorar coluna", required ones marked *, and the DDD of each phone after it', () => {
    renderGrid([null, null, null]);
    const options = within(screen.getByLabelText("Dado do sistema para 'Nome completo' (coluna A)")).getAllByRole('option').map((o) => o.textContent);
    expect(options[0]).toBe('Ignorar coluna');
    expect(options).toContain('CPF/CNPJ*');
    expect(options.slice(options.indexOf('Celular'), options.indexOf('Celular') + 4)).toEqual(['Celular', 'DDD do Celular', 'Telefone', 'DDD do Telefone']);
    expect(options).toHaveLength(CLIENT_FIELDS.length + 3);
  });

  it('a CPF column and a CNPJ column may both feed CPF/CNPJ; two e-mail columns may not', () => {
    renderGrid(['document', 'document', null]);
    expect(screen.queryByText('Escolhido em mais de uma coluna')).not.toBeInTheDocument();
    renderGrid(['email', 'email', null]);
    expect(screen.getAllByText('Escolhido em mais de uma coluna')).toHaveLength(2);
  });

  it('hands the new mapping to the callback when the user picks a field', async () => {
    const { onchange } = renderGrid(['name', null, null]);
    await userEvent.selectOptions(screen.getByLabelText("Dado do sistema para 'Coluna 2' (coluna B)"), 'CPF/CNPJ*');
    expect(onchange).toHaveBeenCalledWith(['name', 'document', null]);
    await userEvent.selectOptions(screen.getByLabelText("Dado do sistema para 'Nome completo' (coluna A)"), 'Ignorar coluna');
    expect(onchange).toHaveBeenLastCalledWith([null, null, null]);
  });

  it('says when a field is chosen for two columns', () => {
    renderGrid(['email', 'email', null]);
    expect(screen.getAllByText('Escolhido em mais de uma coluna')).toHaveLength(2);
  });
});
