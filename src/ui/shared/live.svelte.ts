import { liveQuery } from 'dexie';

/** Live data over a Dexie query: re-runs when the tables it read change. */
export class Live<T> {
  data = $state<T | undefined>(undefined);
  isLoading = $state(true);
  error = $state<string | null>(null);

  constructor(query: () => Promise<T>) {
    $effect(() => {
      const subscription = liveQuery(query).subscribe({
        next: (value) => {
          this.data = value;
          this.isLoading = false;
          this.error = null;
        },
        error: (err: unknown) => {
          this.isLoading = false;
          this.error = err instanceof Error ? err.message : String(err);
        },
      });
      return () => subscription.unsubscribe();
    });
  }
}
