import type { ClientRecord } from '../../domain/entities/client';
import { NO_FILTER, type ClientFilter } from '../../domain/clientFilter';
import { DEFAULT_SORT, type ClientSort, type ClientSortKey } from '../../domain/clientSearch';
import { onClientsChanged, type ClientQuery } from '../../storage/clientQuery';
import { readClientWindow, warmUp } from './clientSource';

/** Rows asked at a time (a screen shows about 13). */
export const PAGE = 100;
/** During an import in another tab, the list follows the changes at most this often. */
const REFRESH_MS = 1000;

/**
 * The register's list state: the query (filter and sort) and the windows read so far. The page never
 * holds every client: `items` has one slot per found client, filled only where the list was shown.
 */
export class ClientList {
  filter = $state<ClientFilter>({ ...NO_FILTER });
  sort = $state<ClientSort>({ ...DEFAULT_SORT });
  /** Clients the query finds, and clients stored (undefined until the first answer). */
  total = $state(0);
  registered = $state<number | undefined>(undefined);
  items = $state.raw<(ClientRecord | undefined)[]>([]);
  error = $state<string | null>(null);

  /** Bumped when the query or the data changes: answers to an older one are dropped. */
  private generation = 0;
  // Pages asked for this generation (plain, not reactive: it only avoids asking twice).
  private requested: boolean[] = [];
  private range = { first: 0, last: PAGE };
  private busy = false;
  private again = false;
  private warmed = false;

  /**
   * `toTop`: told when the user changes the query (not when the list opens with the one left): the list
   * goes back to its first row, as a new result starts there. A window deep in a large result is also
   * the costly one to read (it needs the result's whole order).
   */
  constructor({ toTop }: { toTop?: () => void } = {}) {
    let opened = false;
    $effect(() => {
      void JSON.stringify(this.filter);
      void JSON.stringify(this.sort);
      if (opened) {
        this.range = { first: 0, last: PAGE };
        toTop?.();
      }
      opened = true;
      this.reload();
    });
    $effect(() => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stop = onClientsChanged(() => {
        timer ??= setTimeout(() => {
          timer = undefined;
          this.reload();
        }, REFRESH_MS);
      });
      return () => {
        stop();
        clearTimeout(timer);
      };
    });
  }

  get query(): ClientQuery {
    return { filter: $state.snapshot(this.filter), sort: $state.snapshot(this.sort) };
  }

  /** A click on a column header: sorts by it, or turns its order around when it already sorts. */
  sortBy(key: ClientSortKey): void {
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: key === 'updatedAt' };
  }

  /** Told by the list which rows are in view. */
  show(first: number, last: number): void {
    this.range = { first, last };
    for (let page = Math.floor(first / PAGE); page <= Math.floor(Math.max(first, last - 1) / PAGE); page++) void this.loadPage(page, this.generation);
  }

  /**
   * Starts over for the current query, keeping the rows shown until the new ones arrive. While one
   * answer is awaited, keystrokes only mark that another is needed: the worker answers the last query,
   * not every letter typed.
   */
  private reload(): void {
    this.generation++;
    this.requested = [];
    if (this.busy) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      do {
        this.again = false;
        await this.loadPage(Math.floor(this.range.first / PAGE), this.generation, true);
      } while (this.again);
    } finally {
      this.busy = false;
    }
    this.show(this.range.first, this.range.last);
  }

  /**
   * The list's top, read before it is counted: shown at once, in a list of the size known so far. (The
   * page waits for the count when it comes back to a place further down: a shorter list would cut the scroll.)
   */
  private showFirst(clients: ClientRecord[], generation: number, fresh: boolean): void {
    if (generation === this.generation) this.place(clients, 0, fresh ? Math.max(this.items.length, clients.length) : undefined);
  }

  /** Puts `clients` in the list from `offset`: into a new list of `size` slots, or into a copy of the one shown. */
  private place(clients: readonly ClientRecord[], offset: number, size?: number): void {
    const items = size === undefined ? this.items.slice() : new Array<ClientRecord | undefined>(size);
    clients.forEach((client, i) => (items[offset + i] = client));
    this.items = items;
  }

  private async loadPage(page: number, generation: number, fresh = false): Promise<void> {
    if (this.requested[page] === true && !fresh) return;
    this.requested[page] = true;
    try {
      const window = await readClientWindow(this.query, page * PAGE, PAGE, (clients) => this.showFirst(clients, generation, fresh));
      if (generation !== this.generation) return;
      this.place(window.clients, window.offset, fresh || window.total !== this.items.length ? window.total : undefined);
      this.total = window.total;
      this.registered = window.registered;
      this.error = null;
      if (!this.warmed && window.registered > 0) {
        this.warmed = true;
        warmUp(this.query);
      }
    } catch (err) {
      this.requested[page] = false;
      this.error = err instanceof Error ? err.message : String(err);
    }
  }
}
