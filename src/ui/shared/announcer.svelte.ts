/**
 * One polite live region for the whole app (Announcer.svelte): screens say what changed ("3 linhas
 * com erros") without a live region of their own re-reading buttons and numbers on every update.
 */
class Announcer {
  message = $state('');
  private timer: ReturnType<typeof setTimeout> | undefined;

  say(text: string): void {
    // Emptied first: the same sentence twice in a row is read twice.
    this.message = '';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.message = text), 100);
  }
}

export const announcer = new Announcer();
