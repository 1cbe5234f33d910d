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

  // A wide sheet: the rows come a few per frame (the step's first paint is one short task), and in the end
  // every column is there with its choices, its chosen field and its callback.
  const wide = Array.from({ length: 20 }, (_, i) => ({ index: i, letter: String.fromCharCode(65 + i), header: `Campo ${i + 1}`, samples: [`valor ${i + 1}`] }));
  const wideMapping: Mapping = wide.map((c) => (c.index === 0 ? 'name' : c.index === 19 ? 'email' : null));

  it('a wide sheet shows its first rows at once and every column a few frames later, each with its choices and chosen field', async () => {
    render(MappingGrid, { props: { columns: wide, fields: CLIENT_FIELDS, mapping: wideMapping, onchange: vi.fn() } });
    expect(screen.getByLabelText("Dado do sistema para 'Campo 1' (coluna A)")).toHaveValue('name');
    // The rows come a few per animation frame: under load (CI) that takes more than findBy's default second.
    const last = await screen.findByLabelText("Dado do sistema para 'Campo 20' (coluna T)", undefined, { timeout: 15_000 });
    expect(last).toHaveValue('email');
    expect(screen.getAllByRole('row').slice(1)).toHaveLength(20);
    expect(screen.getByText('valor 20')).toBeInTheDocument();
    for (const select of screen.getAllByRole('combobox')) expect(within(select).getAllByRole('option')).toHaveLength(CLIENT_FIELDS.length + 3);
    expect(screen.getByLabelText("Dado do sistema para 'Campo 10' (coluna J)")).toHaveValue('');
  });

  it('hands the new mapping for a column shown in a later frame', async () => {
    const onchange = vi.fn<(mapping: Mapping) => void>();
    render(MappingGrid, { props: { columns: wide, fields: CLIENT_FIELDS, mapping: wideMapping, onchange } });
    await userEvent.selectOptions(await screen.findByLabelText("Dado do sistema para 'Campo 18' (coluna R)", undefined, { timeout: 15_000 }), 'CPF/CNPJ*');
    expect(onchange).toHaveBeenCalledWith(wideMapping.map((key, i) => (i === 17 ? 'document' : key)));
  });
});
