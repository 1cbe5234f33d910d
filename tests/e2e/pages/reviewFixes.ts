import { expect, type Page } from '@playwright/test';

/** The review's "Corrigir de uma vez" card and its import options, as a user drives them. */
export class ReviewFixes {
  constructor(private readonly page: Page) {}

  private card() {
    return this.page.getByRole('region', { name: 'Corrigir de uma vez' });
  }

  /** "Aplicar a todas as N linhas" beside the kind of problem named `title`. */
  async applyAll(title: string): Promise<void> {
    const item = this.card().getByRole('listitem').filter({ hasText: `${title} com correção sugerida` });
    await item.getByRole('button', { name: /^Aplicar a todas as/ }).click();
    await expect(item).toHaveCount(0, { timeout: 60_000 });
  }

  async dddForAll(ddd: string): Promise<void> {
    await this.card().getByLabel('DDD para os telefones sem DDD').fill(ddd);
    await this.card().getByRole('button', { name: 'Aplicar o DDD' }).click();
    await expect(this.card().getByLabel('DDD para os telefones sem DDD')).toHaveCount(0, { timeout: 60_000 });
  }

  async groupForRowsWithout(name: string): Promise<void> {
    await this.card().getByLabel('Grupo para as linhas sem grupo').fill(name);
    await this.card().getByRole('button', { name: 'Usar este grupo' }).click();
    await expect(this.card().getByText(`Linhas sem grupo entram em "${name}"`)).toBeVisible({ timeout: 60_000 });
  }

  stat(label: string) {
    return this.page.locator('.stat', { hasText: label });
  }
}
