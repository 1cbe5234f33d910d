import { beforeEach, describe, expect, it, vi } from 'vitest';
// fake-indexeddb is slow in jsdom: the answers take longer than Testing Library's default second.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { getDb } from '../../src/storage/db';
import { newGroup } from '../../src/storage/groups';
import { ClientQueries, type ClientQuery } from '../../src/storage/clientQuery';
import { emptyClientDraft, type ClientRecord, type GroupRecord } from '../../src/domain/entities/client';
import { makeCpf } from '../support/brazil';
import { clientsPlace } from '../../src/ui/clients/listPlace.svelte';
import { NO_FILTER } from '../../src/domain/clientFilter';
import { DEFAULT_SORT } from '../../src/domain/clientSearch';

// The worker answers from the same indexes (here without its cache, so every answer is fresh).
const worker = {
  listClients: vi.fn((query: ClientQuery, offset: number, limit: number) => new ClientQueries(getDb()).window(query, offset, limit)),
};
vi.mock('../../src/ui/shared/worker', () => ({ getWorker: () => worker, restartWorker: () => undefined, Comlink: { proxy: <T>(f: T) => f } }));

const { default: ClientsPage } = await import('../../src/ui/clients/ClientsPage.svelte');

const COUNT = 250;
let clients: ClientRecord[] = [];
let groups: GroupRecord[] = [];

function client(i: number): ClientRecord {
  const { group: _g, kind: _k, ...fields } = emptyClientDraft();
  return {
    ...fields,
    id: `c${i}`,
    name: `${i % 3 === 0 ? 'Conceição' : 'Silva'} ${String(i).padStart(3, '0')}`,
    document: makeCpf(i),
    kind: 'PF',
    email: `c${i}@exemplo.com.br`,
    mobile: '',
    groupId: groups[i % 2]?.id ?? '',
    createdAt: 1,
    updatedAt: i,
  };
}

/** The names the list has drawn, top to bottom. */
function drawnNames(): string[] {
  return within(screen.getByRole('list', { name: 'Clientes' })).queryAllByRole('link').map((a) => a.textContent ?? '');
}

beforeEach(async () => {
  // Each test opens the list afresh, not where the previous one left it.
  Object.assign(clientsPlace, { filter: { ...NO_FILTER }, sort: { ...DEFAULT_SORT }, scrollTop: 0 });
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  groups = [newGroup('Trabalhista'), newGroup('Cível')];
  await db.groups.bulkAdd(groups);
  clients = Array.from({ length: COUNT }, (_, i) => client(i + 1));
  await db.clients.bulkAdd(clients);
  worker.listClients.mockClear();
});

describe('ClientsPage', { timeout: 60_000 }, () => {
  it('draws only a window of the list, in name order, and the next window when scrolled', async () => {
    render(ClientsPage);
    expect(await screen.findByText(/250 de 250 clientes/, {}, { timeout: 15_000 })).toBeInTheDocument();
    const byName = clients.map((c) => c.name).sort();
    await waitFor(() => expect(drawnNames()[0]).toBe(byName[0]), { timeout: 15_000 });
    expect(drawnNames().length).toBeLessThan(40);
    const viewport = screen.getByRole('region', { name: 'Clientes (lista rolável)' });
    Object.defineProperty(viewport, 'scrollTop', { value: 200 * 44, configurable: true });
    await fireEvent.scroll(viewport);
    await waitFor(() => expect(drawnNames()).toContain(byName[200]), { timeout: 15_000 });
    expect(drawnNames()).not.toContain(byName[0]);
    // The plain list is read from its index on this thread: the worker is only asked to get ready.
    expect(worker.listClients.mock.calls.map(([, offset, limit]) => [offset, limit])).toEqual([[0, 0]]);
  });

  it('shows the first rows before the clients are counted', async () => {
    const table = getDb().clients;
    const count = table.count.bind(table);
    let counted = (): void => undefined;
    const counting = new Dexie.Promise<void>((resolve) => (counted = resolve));
    const spy = vi.spyOn(table, 'count').mockImplementation(() => counting.then(() => count()));
    try {
      render(ClientsPage);
      const byName = clients.map((c) => c.name).sort();
      await waitFor(() => expect(drawnNames()[0]).toBe(byName[0]), { timeout: 15_000 });
      expect(screen.getByText(/Contando os clientes…/)).toBeInTheDocument();
      counted();
      expect(await screen.findByText(/250 de 250 clientes/, {}, { timeout: 15_000 })).toBeInTheDocument();
      expect(drawnNames()[0]).toBe(byName[0]);
    } finally {
      spy.mockRestore();
    }
  });

  it('sorts by a column header, and turns the order around on a second click', async () => {
    render(ClientsPage);
    await screen.findByText(/250 de 250 clientes/, {}, { timeout: 15_000 });
    await userEvent.click(screen.getByRole('button', { name: 'CPF/CNPJ' }));
    expect(screen.getByRole('button', { name: 'CPF/CNPJ' })).toHaveAttribute('aria-pressed', 'true');
    const byDocument = [...clients].sort((a, b) => (a.document < b.document ? -1 : 1)).map((c) => c.name);
    await waitFor(() => expect(drawnNames()[0]).toBe(byDocument[0]), { timeout: 15_000 });
    await userEvent.click(screen.getByRole('button', { name: 'CPF/CNPJ' }));
    await waitFor(() => expect(drawnNames()[0]).toBe(byDocument.at(-1)), { timeout: 15_000 });
    expect(screen.getByText(/Ordenado por CPF\/CNPJ, decrescente/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Alterado em' }));
    await waitFor(() => expect(drawnNames()[0]).toBe(clients.at(-1)?.name), { timeout: 15_000 });
  });

  it('searches and filters through the worker, and shows what it finds', async () => {
    render(ClientsPage);
    await screen.findByText(/250 de 250 clientes/, {}, { timeout: 15_000 });
    await userEvent.type(screen.getByLabelText('Buscar'), 'CONCEI');
    const found = clients.filter((c) => c.name.startsWith('Conceição'));
    expect(await screen.findByText(`${found.length} de 250 clientes`, { exact: false }, { timeout: 15_000 })).toBeInTheDocument();
    await waitFor(() => expect(drawnNames().every((name) => name.startsWith('Conceição'))).toBe(true), { timeout: 15_000 });
    expect(worker.listClients).toHaveBeenLastCalledWith({ filter: { search: 'CONCEI', groupId: '', kind: '' }, sort: { key: 'name', descending: false } }, 0, 100);
    await userEvent.selectOptions(screen.getByLabelText('Grupo'), 'Cível');
    const inGroup = found.filter((c) => c.groupId === groups[1]?.id);
    expect(await screen.findByText(`${inGroup.length} de 250 clientes`, { exact: false }, { timeout: 15_000 })).toBeInTheDocument();
  });

  it('goes back to the top when the user changes the filter, and reads only the first window', async () => {
    render(ClientsPage);
    await screen.findByText(/250 de 250 clientes/, {}, { timeout: 15_000 });
    const viewport = screen.getByRole('region', { name: 'Clientes (lista rolável)' });
    Object.defineProperty(viewport, 'scrollTop', { value: 240 * 44, configurable: true, writable: true });
    await fireEvent.scroll(viewport);
    const byName = clients.map((c) => c.name).sort();
    await waitFor(() => expect(drawnNames()).toContain(byName[245]), { timeout: 15_000 });
    worker.listClients.mockClear();
    await userEvent.selectOptions(screen.getByLabelText('Grupo'), 'Cível');
    const inGroup = clients.filter((c) => c.groupId === groups[1]?.id).map((c) => c.name).sort();
    expect(await screen.findByText(`${inGroup.length} de 250 clientes`, { exact: false }, { timeout: 15_000 })).toBeInTheDocument();
    await waitFor(() => expect(drawnNames()[0]).toBe(inGroup[0]), { timeout: 15_000 });
    expect(viewport.scrollTop).toBe(0);
    expect(clientsPlace.scrollTop).toBe(0);
    expect(worker.listClients.mock.calls.map(([, offset]) => offset)).toEqual([0]);
  });

  it('opens where the user left it, with the same filter', async () => {
    Object.assign(clientsPlace, { filter: { ...NO_FILTER, groupId: groups[1]?.id ?? '' }, scrollTop: 100 * 44 });
    render(ClientsPage);
    const inGroup = clients.filter((c) => c.groupId === groups[1]?.id).map((c) => c.name).sort();
    expect(await screen.findByText(`${inGroup.length} de 250 clientes`, { exact: false }, { timeout: 15_000 })).toBeInTheDocument();
    await waitFor(() => expect(drawnNames()).toContain(inGroup[105]), { timeout: 15_000 });
    expect(drawnNames()).not.toContain(inGroup[0]);
    expect(screen.getByRole('region', { name: 'Clientes (lista rolável)' }).scrollTop).toBe(100 * 44);
  });

  it('follows a change to the clients made elsewhere', async () => {
    render(ClientsPage);
    await screen.findByText(/250 de 250 clientes/, {}, { timeout: 15_000 });
    await getDb().clients.delete('c1');
    expect(await screen.findByText(/249 de 249 clientes/, {}, { timeout: 15_000 })).toBeInTheDocument();
  });
});
