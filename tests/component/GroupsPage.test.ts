import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import GroupsPage from '../../src/ui/groups/GroupsPage.svelte';
import { getDb } from '../../src/storage/db';
import { newGroup } from '../../src/storage/groups';
import { draftToRecord } from '../../src/storage/clients';
import { validateClient } from '../../src/domain/validateClient';
import type { GroupRecord } from '../../src/domain/entities/client';
import { formatCpf, makeCpf } from '../support/brazil';

let nextSeed = 1;

async function addGroup(name: string, clients = 0): Promise<GroupRecord> {
  const group = newGroup(name);
  await getDb().groups.add(group);
  const records = Array.from({ length: clients }, () => {
    const seed = nextSeed++;
    const { data } = validateClient({ name: `Cliente ${seed}`, document: formatCpf(makeCpf(seed)), mobile: '(11) 98765-4321', email: `c${seed}@exemplo.com.br`, group: name });
    return draftToRecord(data, group.id);
  });
  await getDb().clients.bulkAdd(records);
  return group;
}

/** The list item of the group called `name` (the one whose name is shown in bold). */
async function groupItem(name: string): Promise<HTMLElement> {
  const list = await screen.findByRole('list', { name: 'Grupos cadastrados' });
  const item = within(list).getAllByRole('listitem').find((li) => li.querySelector('.name')?.textContent === name);
  if (!item) throw new Error(`group ${name} not listed`);
  return item;
}

async function names(): Promise<string[]> {
  const list = await screen.findByRole('list', { name: 'Grupos cadastrados' });
  return [...list.querySelectorAll('.name')].map((el) => el.textContent);
}

/** The status line is always there (so screen readers announce what appears in it): wait for its text. */
async function expectStatus(text: string): Promise<void> {
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(text));
}

// jsdom has no modal dialogs: showModal and close only toggle the open attribute here.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
  this.dispatchEvent(new Event('close'));
};

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('GroupsPage', () => {
  it('explains what a group is and lists the groups by name with their counts of clients', async () => {
    await addGroup('Trabalhista', 2);
    await addGroup('cível', 1);
    await addGroup('Ético');
    render(GroupsPage);
    expect(screen.getByRole('heading', { name: 'Grupos', level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/forma de organizar os clientes/)).toBeInTheDocument();
    expect(screen.getByText(/exatamente um grupo/)).toBeInTheDocument();
    expect(screen.getByText(/a importação cria esse grupo/)).toBeInTheDocument();
    await waitFor(async () => expect(await names()).toEqual(['cível', 'Ético', 'Trabalhista']));
    expect(await groupItem('Trabalhista')).toHaveTextContent('2 clientes');
    expect(await groupItem('cível')).toHaveTextContent('1 cliente');
    expect(await groupItem('Ético')).toHaveTextContent('0 clientes');
    expect(screen.getByText('3 grupos')).toBeInTheDocument();
  });

  it('says when there is no group yet', async () => {
    render(GroupsPage);
    expect(await screen.findByText(/Nenhum grupo ainda/)).toBeInTheDocument();
  });

  it('creates a group with a clean name and says so', async () => {
    render(GroupsPage);
    const input = screen.getByLabelText('Novo grupo');
    await userEvent.type(input, '  Direito   de Família ');
    await userEvent.click(screen.getByRole('button', { name: 'Criar grupo' }));
    await expectStatus('Grupo "Direito de Família" criado.');
    await waitFor(async () => expect(await names()).toEqual(['Direito de Família']));
    expect(input).toHaveValue('');
  });

  it('refuses an empty name and a name that exists, in Portuguese, next to the field', async () => {
    await addGroup('Tributário');
    render(GroupsPage);
    const input = screen.getByLabelText('Novo grupo');
    await userEvent.click(screen.getByRole('button', { name: 'Criar grupo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Digite um nome para o grupo.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Digite um nome para o grupo.');

    await userEvent.type(input, 'TRIBUTARIO');
    await userEvent.click(screen.getByRole('button', { name: 'Criar grupo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Já existe um grupo chamado "Tributário".');
    expect(await getDb().groups.count()).toBe(1);
  });

  it('renames a group inline; Cancelar leaves it as it was', async () => {
    await addGroup('Civel');
    render(GroupsPage);
    const item = await groupItem('Civel');
    await userEvent.click(within(item).getByRole('button', { name: 'Renomear o grupo Civel' }));
    const input = within(item).getByLabelText('Novo nome do grupo Civel');
    expect(input).toHaveFocus();
    await userEvent.clear(input);
    await userEvent.type(input, 'Outro');
    await userEvent.click(within(item).getByRole('button', { name: 'Cancelar' }));
    expect(await names()).toEqual(['Civel']);
    expect(within(item).getByRole('button', { name: /Renomear/ })).toHaveFocus();

    await userEvent.click(within(item).getByRole('button', { name: /Renomear/ }));
    const again = within(item).getByLabelText(/Novo nome/);
    expect(again).toHaveValue('Civel');
    await userEvent.clear(again);
    await userEvent.type(again, 'Cível e Família');
    await userEvent.click(within(item).getByRole('button', { name: 'Salvar' }));
    await expectStatus('Grupo "Civel" renomeado para "Cível e Família".');
    await waitFor(async () => expect(await names()).toEqual(['Cível e Família']));
  });

  it("refuses to rename a group to another group's name, and allows a change of case of its own", async () => {
    await addGroup('Penal');
    await addGroup('Trabalhista');
    render(GroupsPage);
    const item = await groupItem('Penal');
    await userEvent.click(within(item).getByRole('button', { name: /Renomear/ }));
    const input = within(item).getByLabelText(/Novo nome/);
    await userEvent.clear(input);
    await userEvent.type(input, 'trabalhista');
    await userEvent.click(within(item).getByRole('button', { name: 'Salvar' }));
    expect(await within(item).findByRole('alert')).toHaveTextContent('Já existe um grupo chamado "Trabalhista".');
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(input);
    await userEvent.type(input, 'PENAL');
    await userEvent.click(within(item).getByRole('button', { name: 'Salvar' }));
    await waitFor(async () => expect(await names()).toEqual(['PENAL', 'Trabalhista']));
  });

  it('deletes an empty group at once; for one with clients asks where they go, then moves them and deletes it', async () => {
    await addGroup('Vazio');
    await addGroup('Cheio', 3);
    await addGroup('Destino');
    render(GroupsPage);
    await userEvent.click(within(await groupItem('Vazio')).getByRole('button', { name: /Excluir/ }));
    await expectStatus('Grupo "Vazio" excluído.');

    const full = await groupItem('Cheio');
    await userEvent.click(within(full).getByRole('button', { name: 'Excluir o grupo Cheio' }));
    const dialog = await screen.findByRole('dialog', { name: 'Excluir o grupo "Cheio"' });
    expect(dialog).toHaveTextContent('O grupo tem 3 clientes.');
    expect(within(dialog).getByRole('button', { name: 'Mover e excluir' })).toBeDisabled();
    await userEvent.selectOptions(within(dialog).getByLabelText('Mover os clientes para'), 'Destino');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mover e excluir' }));
    await expectStatus('Grupo "Cheio" excluído; 3 clientes foram para o grupo "Destino".');
    await waitFor(async () => expect(await names()).toEqual(['Destino']));
    expect(await groupItem('Destino')).toHaveTextContent('3 clientes');
    expect(await getDb().history.count()).toBe(3);
  });

  it('edits a group\'s description in place', async () => {
    await addGroup('Penal');
    render(GroupsPage);
    const item = await groupItem('Penal');
    expect(item).toHaveTextContent('Sem descrição.');
    await userEvent.click(within(item).getByRole('button', { name: 'Editar descrição do grupo Penal' }));
    await userEvent.type(within(item).getByLabelText(/Descrição/), 'Processos criminais da Dra. Silva');
    await userEvent.click(within(item).getByRole('button', { name: 'Salvar descrição' }));
    await expectStatus('Descrição do grupo "Penal" salva.');
    await waitFor(async () => expect(await groupItem('Penal')).toHaveTextContent('Processos criminais da Dra. Silva'));
  });

  it('follows the database: a group added elsewhere (an import) shows up', async () => {
    render(GroupsPage);
    await screen.findByText(/Nenhum grupo ainda/);
    await addGroup('Da planilha', 1);
    await waitFor(async () => expect(await groupItem('Da planilha')).toHaveTextContent('1 cliente'));
  });
});
