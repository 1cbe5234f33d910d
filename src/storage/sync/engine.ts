/**
 * Team sync on this machine: PouchDB's live replication between the local database `clientela-sync` and
 * the office's server, the pump from the register's outbox into it, and the changes feed back into the
 * register. Runs on the main thread, started only when sync is configured.
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

const APPLY_BATCH = 500;

/** A change from the feed, with its position and whether it still has two versions to merge. */
interface Queued {
  change: IncomingChange;
  seq: string | number;
  conflicted: boolean;
}

export class SyncEngine {
  #local: PouchDb | undefined;
  #replication: PouchDB.Replication.Sync<object> | undefined;
  #changes: PouchDB.Core.Changes<object> | undefined;
  #outbox: Subscription | undefined;
  #incoming: Queued[] = [];
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
    this.#changes = this.#local.changes({ since: this.#lastSeq, live: true, include_docs: true, conflicts: true })
      .on('change', (change) => this.#receive(change));
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
    // A short back-off: an office network comes back in seconds, and the state must say so soon.
    this.#replication = this.#local.sync(this.#remote(Pouch), { live: true, retry: true, back_off_function: (delay) => Math.min(Math.max(delay * 2, 1000), 5000) })
      .on('change', (info) => {
        const pending = (info.change as { pending?: number }).pending;
        this.#pendingReplication = typeof pending === 'number' ? pending : 0;
        this.#report();
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

  #receive(change: PouchDB.Core.ChangesResponseChange<object>): void {
    const doc: unknown = change.doc;
    const seq = change.seq;
    if (change.deleted) this.#incoming.push({ change: { id: change.id, deleted: true }, seq, conflicted: false });
    else if (isRegisterDoc(doc)) this.#incoming.push({ change: { id: change.id, doc }, seq, conflicted: '_conflicts' in doc });
    // Design documents and anything else are not the register: only the feed position moves.
    else this.#incoming.push({ change: { id: change.id, ignored: true }, seq, conflicted: false });
    this.#work();
  }

  /** One worker loop: incoming changes first (merging conflicts), then the outbox. Never two at once. */
  #work(): void {
    if (this.#busy || this.#stopped || !this.#local) return;
    this.#busy = true;
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
      if (!this.#stopped && (this.#incoming.length > 0 || this.#pendingOut > 0)) setTimeout(() => this.#work(), failed ? 2000 : 50);
    });
  }

  async #drain(): Promise<void> {
    const local = this.#local;
    if (!local) return;
    while (this.#incoming.length > 0 && !this.#stopped) {
      const batch = this.#incoming.splice(0, APPLY_BATCH);
      for (const queued of batch) if (queued.conflicted) await mergeConflicts(local, queued.change.id);
      // A conflicted document comes again, merged: only the settled ones go into the register now.
      const settled = batch.filter((q) => !q.conflicted).map((q) => q.change);
      const last = batch[batch.length - 1];
      if (last) this.#lastSeq = last.seq;
      await applyChanges(this.#applyDb, settled, this.#lastSeq);
      // The queue shrank: the state ("sincronizando N") must say so, or it stays at the last count told.
      this.#report();
    }
    while ((await pumpOutbox(this.db, local)) > 0 && !this.#stopped);
  }

  #report(): void {
    if (this.#stopped) return;
    // PouchDB may tell a batch's `pending` after it paused: a paused replication has nothing in flight.
    const pending = this.#pendingOut + (this.#active ? this.#pendingReplication : 0) + this.#incoming.length;
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
    this.#changes?.cancel();
    this.#replication?.cancel();
    this.#applyDb.close();
  }

  /** "Desconectar": the local replication database goes (the register stays). */
  async forget(): Promise<void> {
    await this.stop();
    await this.#local?.destroy();
  }
}
