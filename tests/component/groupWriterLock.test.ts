import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import GroupsPage from '../../src/ui/groups/GroupsPage.svelte';
import { getDb } from '../../src/storage/db';
import { newGroup } from '../../src/storage/groups';
import { holdWriterLock, setTabId, useLockManager } from '../../src/storage/writerLock';
import { MemoryLocks } from '../support/locks';

afterEach(async () => {
  useLockManager(undefined);
  await Promise.all(getDb().tables.map((table) => table.clear()));
});

describe('Grupos while another tab imports', () => {
  it('a rename and a delete are refused naming the import and its progress; nothing changes', { timeout: 60_000 }, async () => {
    const locks = new MemoryLocks();
    useLockManager(locks);
    const group = newGroup('Tributário');
    await getDb().groups.add(group);
    await getDb().runs.add({
      id: 'run-1', entity: 'clients', fileName: 'grande.csv', fileSize: 1, fileHash: 'h', sheet: 'grande', headerRow: 1, headers: [], mapping: [], options: { existing: 'skip', createGroups: true },
      status: 'running', counts: { total: 20000, imported: 12000, updated: 0, skipped: 0, errors: 0 }, createdGroupIds: [], startedAt: 1, nextChunk: 6,
    });
    let release = (): void => {};
    setTabId('outra-aba');
    const importing = holdWriterLock(getDb(), { kind: 'import', runId: 'run-1' }, () => new Promise<void>((r) => (release = r)));
    setTabId('esta-aba');

    render(GroupsPage);
    // Generous waits: the list comes from a live query, slow when the machine is busy.
    const list = await screen.findByRole('list', { name: 'Grupos cadastrados' }, { timeout: 15_000 });
    const item = await within(list).findByRole('listitem', {}, { timeout: 15_000 });
    await userEvent.click(within(item).getByRole('button', { name: 'Excluir o grupo Tributário' }));
    expect(await within(item).findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent('Uma importação está em andamento em outra aba: 12.000 de 20.000 linhas.');
    await userEvent.click(within(item).getByRole('button', { name: 'Renomear o grupo Tributário' }));
    await userEvent.clear(screen.getByLabelText(/Novo nome/));
    await userEvent.type(screen.getByLabelText(/Novo nome/), 'Fiscal{Enter}');
    expect(await screen.findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent('Uma importação está em andamento em outra aba');
    expect((await getDb().groups.get(group.id))?.name).toBe('Tributário');
    release();
    await importing;
  });
});
