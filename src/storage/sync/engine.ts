/**
 * Team sync on this machine: PouchDB's live replication between the local database `clientela-sync` and
 * the office's server, the pump from the register's outbox into it, and the changes feed back into the
 * register. Runs on the main thread, started only when sync is configured. The feed is read a page at a
 * time from the position the register has applied (not a live feed, which reads a thousand documents in
 * one task and queues everything in memory): a page when the replication writes, until none is left.
 */
import { liveQuery, type Subscription } from 'dexie';
import { isRegisterDoc } from '../../domain/sync/docs';
import { ClientelaDb } from '../db';
import { applyChanges, SINCE_KEY, type IncomingChange } from './apply';
import { mergeConflicts } from './conflicts';
import { databaseUrl, refusalMessage, UNREACHABLE } from './access';
import { LOCAL_SYNC_DB, loadPouch, type PouchDb } from './pouch';
import { pumpOutbox } from './pump';
import type { SyncConfig } from './types';

export type SyncStatus =
  | { state: 'synced' }
  | { state: 'syncing'; pending: number }
  | { state: 'offline' }
  | { state: 'error'; message: string };

// Small pages, each its own transaction, with a pause between: applying runs on the main thread, and a
// machine receiving an import must stay responsive (bench --sync: B's longest task).
const APPLY_BATCH = 100;
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A change from the feed, and whether it still has two versions to merge. */
interface Queued {
  change: IncomingChange;
  conflicted: boolean;
}

export class SyncEngine {
  #local: PouchDb | undefined;
  #replication: PouchDB.Replication.Sync<object> | undefined;
  #outbox: Subscription | undefined;
  /** About how many changes of the feed are still to apply (told as "sincronizando N"). */
  #pendingIn = 0;
  /** Something asked for work while a round ran: one more round after it. */
  #again = false;
  #lastSeq: string | number = 0;
  #busy = false;
  #pendingOut = 0;
  #pendingReplication = 0;
  #active = false;
  #error: string | null = null;
  #stopped = false;
  readonly #applyDb = new ClientelaDb('clientela', { outbox: false });
  readonly #onOnline = () => this.#restartReplication();
  readonly #onOffline = () => this.#report();

  constructor(private readonly db: ClientelaDb, private readonly config: SyncConfig, private readonly onStatus: (status: SyncStatus) => void) {}

  async start(): Promise<void> {
    const Pouch = await loadPouch();
    this.#local = new Pouch(LOCAL_SYNC_DB);
    const since = (await this.db.syncMeta.get(SINCE_KEY))?.value;
    this.#lastSeq = typeof since === 'string' || typeof since === 'number' ? since : 0;
    this.#outbox = liveQuery(() => this.db.syncOutbox.count()).subscribe((count) => {
      this.#pendingOut = count;
      this.#report();
      this.#work();
    });
    this.#startReplication(Pouch);
    addEventListener('online', this.#onOnline);
    addEventListener('offline', this.#onOffline);
  }

  #remote(Pouch: typeof PouchDB): PouchDb {
    return new Pouch(databaseUrl(this.config), { skip_setup: true, auth: { username: this.config.user, password: this.config.password } });
  }

  #startReplication(Pouch: typeof PouchDB): void {
    if (!this.#local || this.#stopped) return;
    // A short back-off: an office network comes back in seconds, and the state must say so soon. Batches of
    // 500 rather than PouchDB's 100: a 10k import reached machine B in 50 s instead of 74 (bench --sync).
    this.#replication = this.#local.sync(this.#remote(Pouch), { live: true, retry: true, batch_size: 500, back_off_function: (delay) => Math.min(Math.max(delay * 2, 1000), 5000) })
      .on('change', (info) => {
        const pending = (info.change as { pending?: number }).pending;
        this.#pendingReplication = typeof pending === 'number' ? pending : 0;
        this.#report();
        // Documents came from the server: the next page of the feed has them.
        if (info.direction === 'pull') this.#work();
      })
      .on('active', () => { this.#active = true; this.#error = null; this.#report(); this.#work(); })
      .on('paused', (err: unknown) => { this.#active = false; this.#pendingReplication = 0; this.#error = err ? this.#describe(err) : null; this.#report(); this.#work(); })
      .on('denied', (err: unknown) => { this.#error = this.#describe(err); this.#report(); })
      .on('error', (err: unknown) => { this.#error = this.#describe(err); this.#report(); });
  }

  #restartReplication(): void {
    this.#replication?.cancel();
    void loadPouch().then((Pouch) => this.#startReplication(Pouch));
  }

  #describe(err: unknown): string | null {
    const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 0;
    if (status === 403) return 'O servidor recusou uma alteração: este usuário pode só consultar o cadastro (somente leitura).';
    if (status >= 400) return refusalMessage(status, this.config);
    return navigator.onLine ? UNREACHABLE : null;
  }

  #queued(change: PouchDB.Core.ChangesResponseChange<object>): Queued {
    const doc: unknown = change.doc;
    if (change.deleted) return { change: { id: change.id, deleted: true }, conflicted: false };
    if (isRegisterDoc(doc)) return { change: { id: change.id, doc }, conflicted: '_conflicts' in doc };
    // Design documents and anything else are not the register: only the feed position moves.
    return { change: { id: change.id, ignored: true }, conflicted: false };
  }

  /** One worker loop: incoming changes first (merging conflicts), then the outbox. Never two at once. */
  #work(): void {
    if (this.#stopped || !this.#local) return;
    if (this.#busy) {
      this.#again = true;
      return;
    }
    this.#busy = true;
    this.#again = false;
    let failed = false;
    void this.#drain().catch((err: unknown) => {
      failed = true;
      console.error('Clientela sync:', err);
      this.#error = `Erro ao sincronizar: ${err instanceof Error ? err.message : String(err)}`;
      this.#report();
    }).finally(() => {
      this.#busy = false;
      this.#report();
      // What is still queued is tried again: at once after a batch, a little later after a failure (the cause
      // — a busy register, the network — is often gone by then), so nothing stays queued for good.
      if (!this.#stopped && (failed || this.#again || this.#pendingOut > 0)) setTimeout(() => this.#work(), failed ? 2000 : 50);
    });
  }

  async #drain(): Promise<void> {
    const local = this.#local;
    if (!local) return;
    while (!this.#stopped) {
      const page = await local.changes({ since: this.#lastSeq, limit: APPLY_BATCH, include_docs: true, conflicts: true });
      if (page.results.length === 0) break;
      const batch = page.results.map((change) => this.#queued(change));
      for (const queued of batch) if (queued.conflicted) await mergeConflicts(local, queued.change.id);
      // A conflicted document comes again, merged (a later position): only the settled ones go in now.
      const settled = batch.filter((q) => !q.conflicted).map((q) => q.change);
      this.#lastSeq = page.last_seq;
      await applyChanges(this.#applyDb, settled, this.#lastSeq);
      const updateSeq = (await local.info()).update_seq;
      this.#pendingIn = typeof updateSeq === 'number' && typeof this.#lastSeq === 'number' ? Math.max(0, updateSeq - this.#lastSeq) : 0;
      // The queue shrank: the state ("sincronizando N") must say so, or it stays at the last count told.
      this.#report();
      await yieldToPage();
    }
    this.#pendingIn = 0;
    while ((await pumpOutbox(this.db, local)) > 0 && !this.#stopped);
  }

  #report(): void {
    if (this.#stopped) return;
    // PouchDB may tell a batch's `pending` after it paused: a paused replication has nothing in flight.
    const pending = this.#pendingOut + (this.#active ? this.#pendingReplication : 0) + this.#pendingIn;
    if (!navigator.onLine) this.onStatus({ state: 'offline' });
    else if (this.#error !== null) this.onStatus({ state: 'error', message: this.#error });
    else if (pending > 0 || this.#active) this.onStatus({ state: 'syncing', pending });
    else this.onStatus({ state: 'synced' });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    removeEventListener('online', this.#onOnline);
    removeEventListener('offline', this.#onOffline);
    this.#outbox?.unsubscribe();
    this.#replication?.cancel();
    this.#applyDb.close();
  }

  /** "Desconectar": the local replication database goes (the register stays). */
  async forget(): Promise<void> {
    await this.stop();
    await this.#local?.destroy();
  }
}
