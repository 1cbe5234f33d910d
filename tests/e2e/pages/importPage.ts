import { expect, type Page } from '@playwright/test';

/** The import wizard as a user drives it: nav link, real file chooser, buttons by their text. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('navigation').getByRole('link', { name: 'Importar dados' }).click();
    await expect(this.page.getByRole('heading', { name: 'Importar dados', level: 1 })).toBeVisible();
  }

  /** Uploads through the real file chooser opened by "Escolher arquivo". */
  async upload(name: string, buffer: Buffer, mimeType = 'application/octet-stream'): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByText('Escolher arquivo').click();
    await (await chooser).setFiles({ name, mimeType, buffer });
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Próximo passo' }).click();
  }

  mappingSelect(letter: string) {
    return this.page.getByLabel(new RegExp(`^Dado do sistema para (?:'.*' \\(coluna ${letter}\\)|a coluna ${letter} \\(sem cabeçalho\\))$`));
  }

  async startImport(): Promise<void> {
    await this.page.getByRole('button', { name: 'Iniciar importação' }).click();
    await expect(this.page.getByRole('button', { name: 'Ver logs da migração' })).toBeVisible({ timeout: 60_000 });
  }
}
