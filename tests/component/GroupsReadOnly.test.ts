import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import GroupsPage from '../../src/ui/groups/GroupsPage.svelte';
import { getDb } from '../../src/storage/db';
import { newGroup } from '../../src/storage/groups';
import { READ_ONLY_MESSAGE, teamSync } from '../../src/ui/team/teamSync.svelte';

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  await db.groups.add(newGroup('Tributário'));
});

afterEach(() => {
  teamSync.readOnly = false;
});

/** Every button of the screen that changes a group: create, rename, delete, describe. */
async function changingButtons(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: 'Grupos cadastrados' });
  const row = within(list).getByRole('listitem');
  return [
    screen.getByRole('button', { name: 'Criar grupo' }),
    within(row).getByRole('button', { name: 'Renomear o grupo Tributário' }),
    within(row).getByRole('button', { name: 'Excluir o grupo Tributário' }),
    within(row).getByRole('button', { name: 'Editar descrição do grupo Tributário' }),
  ];
}

describe('GroupsPage for a read-only member of the office', () => {
  it('says "Somente leitura" and disables creating, renaming, deleting and describing groups', async () => {
    teamSync.readOnly = true;
    render(GroupsPage);
    expect(screen.getByText(READ_ONLY_MESSAGE)).toBeInTheDocument();
    for (const button of await changingButtons()) expect(button).toBeDisabled();
  });

  it('keeps them enabled for a member who may edit', async () => {
    render(GroupsPage);
    expect(screen.queryByText(READ_ONLY_MESSAGE)).not.toBeInTheDocument();
    for (const button of await changingButtons()) expect(button).toBeEnabled();
  });
});
