/** A question the user answers in the app's modal dialog (ConfirmDialog.svelte), instead of window.confirm. */
export interface Confirmation {
  title: string;
  message: string;
  /** The button that goes ahead ("Excluir", "Desfazer importação"); "Cancelar" is the other one. */
  confirmLabel: string;
}

class Confirmations {
  current = $state<(Confirmation & { resolve: (yes: boolean) => void }) | null>(null);

  ask(question: Confirmation): Promise<boolean> {
    this.current?.resolve(false);
    return new Promise((resolve) => {
      this.current = { ...question, resolve };
    });
  }

  answer(yes: boolean): void {
    const current = this.current;
    this.current = null;
    current?.resolve(yes);
  }
}

export const confirmations = new Confirmations();

/** Resolves true when the user chooses the confirm button, false on "Cancelar" or Escape. */
export function askConfirmation(question: Confirmation): Promise<boolean> {
  return confirmations.ask(question);
}
