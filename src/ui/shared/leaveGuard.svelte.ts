/**
 * What would be lost by leaving the page now (an import in progress, review edits not yet imported).
 * While something is held the browser asks before closing or reloading the tab (`beforeunload`) and
 * "Atualizar" waits (src/ui/shared/update.svelte.ts): a new version never cuts an import short.
 */
class LeaveGuard {
  private holds = $state<{ id: number; reason: string }[]>([]);
  private next = 0;

  constructor() {
    addEventListener('beforeunload', (event) => {
      if (this.holds.length === 0) return;
      // preventDefault is what asks "leave the page?" in today's browsers; returnValue in older ones.
      event.preventDefault();
      event.returnValue = true;
    });
  }

  /** Holds the page until the returned function is called (calling it twice is harmless). */
  hold(reason: string): () => void {
    const id = ++this.next;
    this.holds = [...this.holds, { id, reason }];
    return () => {
      this.holds = this.holds.filter((h) => h.id !== id);
    };
  }

  /** Why leaving now would lose something, or '' when nothing is held. */
  get reason(): string {
    return this.holds[0]?.reason ?? '';
  }
}

export const leaveGuard = new LeaveGuard();
