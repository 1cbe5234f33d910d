import { expect, type Locator, type Page } from '@playwright/test';

/** The Clientes screen as a user reads it: the count line, the list's rows, the column buttons. */
export class ClientsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
    await expect(this.page.getByRole('heading', { name: 'Clientes', level: 1 })).toBeVisible();
  }

  get viewport(): Locator {
    return this.page.getByRole('region', { name: 'Clientes (lista rolável)' });
  }

  /** The rows the list has drawn (the ones in view and a few around them). */
  rows(): Locator {
    return this.viewport.getByRole('listitem');
  }

  async expectCount(found: number, registered: number): Promise<void> {
    const n = (value: number) => value.toLocaleString('pt-BR');
    await expect(this.page.getByText(`${n(found)} de ${n(registered)} clientes`)).toBeVisible({ timeout: 30_000 });
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Buscar').fill(text);
  }

  async sortBy(column: string): Promise<void> {
    await this.page.getByRole('button', { name: column, exact: true }).click();
  }

  async scrollToEnd(): Promise<void> {
    await this.viewport.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  }
}
