/**
 * One sync engine per browser, not per tab: the tab that holds the Web Lock `clientela-sync-engine` runs the
 * engine (PouchDB's replication, the pump, the applier); the other tabs of the app keep writing to the
 * register — the outbox is in the same IndexedDB, so the leader pushes their writes too — and show the
 * leader's state, told on a BroadcastChannel. When the leader tab closes the browser frees its lock and the
 * next waiting tab takes over, from the feed position and outbox they share. The browser's objects are
 * handed in, so the election and hand-over are tested without one (tests/unit/syncLeader.test.ts).
 */
import type { SyncStatus } from './engine';

export const ENGINE_LOCK = 'clientela-sync-engine';
export const SYNC_CHANNEL = 'clientela-sync';

/** What the tabs tell each other: the leader's state, a new tab asking for it, "Conectar" and "Desconectar". */
export type TabMessage = { type: 'status'; status: SyncStatus } | { type: 'ask' } | { type: 'connected' } | { type: 'disconnected' };

export interface Engine {
  start(): Promise<void>;
  stop(): Promise<void>;
  forget(): Promise<void>;
}

/** The part of `navigator.locks` used here (absent outside a secure context: then this tab just leads). */
export interface Locks {
  request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

/** The part of a BroadcastChannel used here. */
export interface TabChannel {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TabMessage>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<TabMessage>) => void): void;
}

export interface LeadershipOptions {
  locks: Locks | undefined;
  channel: TabChannel | undefined;
  /**
   * This tab's engine, once it leads; undefined when sync is no longer configured (a tab that waited while
   * another chose "Desconectar" may get the lock before it hears so: the register's settings are the truth).
   */
  createEngine: (onStatus: (status: SyncStatus) => void) => Promise<Engine | undefined>;
  /** The state this tab shows: its own engine's when it leads, the leader's otherwise. */
  onStatus: (status: SyncStatus) => void;
  /** Another tab chose "Desconectar": this one stops too (its screens go back to "not connected"). */
  onDisconnected: () => void;
}

export class EngineLeadership {
  #engine: Engine | undefined;
  #leading = false;
  #ended = false;
  #last: SyncStatus | undefined;
  #release: (() => void) | undefined;
  readonly #abort = new AbortController();
  readonly #onMessage = (event: MessageEvent<TabMessage>) => this.#hear(event.data);

  constructor(private readonly options: LeadershipOptions) {}

  /** Whether this tab runs the engine now. */
  get leading(): boolean {
    return this.#leading;
  }

  /** Joins the election: leads at once if no other tab does, otherwise follows and waits its turn. */
  start(): void {
    const { locks, channel } = this.options;
    channel?.addEventListener('message', this.#onMessage);
    if (!locks) {
      void this.#lead();
      return;
    }
    // The lock is held for as long as the callback's promise is pending: until stop(), or the tab closes.
    locks.request(ENGINE_LOCK, { signal: this.#abort.signal }, () => this.#lead()).catch(() => {
      // Aborted by stop() while still waiting: nothing to undo.
    });
    channel?.postMessage({ type: 'ask' });
  }

  async #lead(): Promise<void> {
    if (this.#ended) return;
    const held = new Promise<void>((resolve) => (this.#release = resolve));
    this.#leading = true;
    const engine = await this.options.createEngine((status) => this.#tell(status));
    if (!engine) {
      this.#leading = false;
      void this.#end(false).then(() => this.options.onDisconnected());
      return;
    }
    this.#engine = engine;
    if (this.#ended) {
      await engine.stop();
      return;
    }
    await engine.start();
    await held;
  }

  #tell(status: SyncStatus): void {
    this.#last = status;
    this.options.onStatus(status);
    this.options.channel?.postMessage({ type: 'status', status });
  }

  #hear(message: TabMessage): void {
    if (this.#ended) return;
    if (message.type === 'status' && !this.#leading) this.options.onStatus(message.status);
    else if (message.type === 'ask' && this.#leading && this.#last) this.options.channel?.postMessage({ type: 'status', status: this.#last });
    else if (message.type === 'disconnected') {
      // The leader forgets the local replication database; a follower only stops waiting.
      void this.#end(true).then(() => this.options.onDisconnected());
    }
  }

  /** Stops this tab's part (its engine if it leads; another tab takes over). */
  stop(): Promise<void> {
    return this.#end(false);
  }

  /**
   * "Desconectar" (once the settings are cleared): every tab stops, and the leader's local replication
   * database goes.
   */
  async forget(): Promise<void> {
    await this.#end(true);
    this.options.channel?.postMessage({ type: 'disconnected' });
  }

  async #end(forget: boolean): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    this.options.channel?.removeEventListener('message', this.#onMessage);
    this.#abort.abort();
    const engine = this.#engine;
    this.#engine = undefined;
    if (engine) await (forget ? engine.forget() : engine.stop());
    this.#leading = false;
    this.#release?.();
  }
}
