import { expect, type Page } from '@playwright/test';

/** A client's record as a user reaches it: search the list, open it, "Editar", change fields, "Salvar". */
export class ClientRecordPage {
  constructor(private readonly page: Page) {}

  async open(name: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
    await this.page.getByLabel('Buscar').fill(name);
    await this.page.getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  /** Fields by their label (without the required star). */
  async edit(name: string, values: Record<string, string>): Promise<void> {
    await this.open(name);
    await this.page.getByRole('button', { name: 'Editar' }).click();
    await this.fill(values);
    await this.page.getByRole('button', { name: 'Salvar' }).click();
    await expect(this.page.getByText('Alterações salvas.')).toBeVisible();
  }

  /** "Novo cliente": the form filled by label (without the required star), then "Salvar". */
  async create(values: Record<string, string>): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Clientes' }).click();
    await this.page.getByRole('link', { name: 'Novo cliente' }).click();
    await this.fill(values);
    await this.page.getByRole('button', { name: 'Salvar' }).click();
    await expect(this.page.getByRole('heading', { name: values['Nome/Razão Social'] ?? '', level: 1 })).toBeVisible();
  }

  private async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.page.getByLabel(new RegExp(`^${label.replace('/', '\\/')}\\*?$`)).fill(value);
  }

  /** The value shown for a field on the record. */
  field(label: string) {
    return this.page.locator('.record div', { has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
  }
}
