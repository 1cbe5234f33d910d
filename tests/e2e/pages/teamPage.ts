import { expect, type Page } from '@playwright/test';
import type { OfficeUser } from '../support/couch';

/** "Trabalho em equipe" as a user drives it, and the sync state the header always shows. */
export class TeamPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Trabalho em equipe' }).click();
    await expect(this.page.getByRole('heading', { name: 'Trabalho em equipe', level: 1 })).toBeVisible();
  }

  async connect(server: string, database: string, user: OfficeUser): Promise<void> {
    await this.open();
    await this.page.getByLabel('Endereço do servidor').fill(server);
    await this.page.getByLabel('Banco de dados').fill(database);
    await this.page.getByLabel('Usuário').fill(user.name);
    await this.page.getByLabel('Senha').fill(user.password);
    await this.page.getByRole('button', { name: 'Conectar' }).click();
    await expect(this.page.getByRole('heading', { name: 'Conectado' })).toBeVisible();
  }

  get state() {
    return this.page.getByRole('status', { name: 'Sincronização' });
  }

  async expectSynced(): Promise<void> {
    await expect(this.state).toHaveText(/^Sincronizado/, { timeout: 90_000 });
  }
}
