/**
 * Team sync as the screens see it: whether it is configured, its state (always shown in the header) and
 * whether this machine's user may only read the shared register. The engine itself is in storage/sync.
 */
import { getDb } from '../../storage/db';
import { checkAccess } from '../../storage/sync/access';
import { clearSyncConfig, loadReadOnly, loadSyncConfig, saveReadOnly, saveSyncConfig } from '../../storage/sync/config';
import type { SyncStatus } from '../../storage/sync/engine';
import { EngineLeadership, SYNC_CHANNEL, type TabMessage } from '../../storage/sync/leader';
import type { SyncConfig } from '../../storage/sync/types';

export type TeamState = { state: 'off' } | { state: 'connecting' } | SyncStatus;

class TeamSync {
  status = $state<TeamState>({ state: 'off' });
  config = $state<SyncConfig | null>(null);
  readOnly = $state(false);
  /** This tab's part in the one-engine-per-browser election (storage/sync/leader.ts). */
  #leadership: EngineLeadership | undefined;
  #channel: BroadcastChannel | undefined;

  /** At start-up: a machine already connected syncs again, offline or not. */
  async resume(): Promise<void> {
    this.#tabs();
    const db = getDb();
    const config = await loadSyncConfig(db);
    if (!config) return;
    this.config = config;
    this.readOnly = await loadReadOnly(db);
    this.#run();
    // The user's role may have changed on the server since: asked again when the server answers.
    const access = await checkAccess(config);
    if (access.ok && access.readOnly !== this.readOnly) {
      this.readOnly = access.readOnly;
      await saveReadOnly(db, access.readOnly);
    }
  }

  /** "Conectar": checks the server first; returns why it could not connect ('' when it did). */
  async connect(config: SyncConfig): Promise<string> {
    this.status = { state: 'connecting' };
    const access = await checkAccess(config);
    if (!access.ok) {
      this.status = this.config ? this.status : { state: 'off' };
      return access.message;
    }
    await this.#leadership?.stop();
    await saveSyncConfig(getDb(), config, access.readOnly);
    this.config = config;
    this.readOnly = access.readOnly;
    this.#run();
    // The app's other tabs in this browser start following this tab's engine.
    this.#tabs()?.postMessage({ type: 'connected' } satisfies TabMessage);
    return '';
  }

  /** "Desconectar": stops syncing and forgets the server; the register stays on this machine. */
  async disconnect(): Promise<void> {
    // Settings first: a tab that takes the engine over meanwhile finds sync off and does not start it.
    await clearSyncConfig(getDb());
    await this.#leadership?.forget();
    this.#forgotten();
  }

  #forgotten(): void {
    this.#leadership = undefined;
    this.config = null;
    this.readOnly = false;
    this.status = { state: 'off' };
  }

  #run(): void {
    this.status = { state: 'connecting' };
    this.#leadership = new EngineLeadership({
      locks: typeof navigator !== 'undefined' ? navigator.locks : undefined,
      channel: this.#tabs(),
      // Loaded only by the tab that leads: the others never download PouchDB.
      createEngine: async (onStatus) => {
        const current = await loadSyncConfig(getDb());
        return current ? new (await import('../../storage/sync/engine')).SyncEngine(getDb(), current, onStatus) : undefined;
      },
      onStatus: (status) => (this.status = status),
      onDisconnected: () => this.#forgotten(),
    });
    this.#leadership.start();
  }

  /** The channel to the app's other tabs (none where the browser has no BroadcastChannel). */
  #tabs(): BroadcastChannel | undefined {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return this.#channel;
    this.#channel = new BroadcastChannel(SYNC_CHANNEL);
    this.#channel.addEventListener('message', (event: MessageEvent<TabMessage>) => {
      // "Conectar" in another tab: this one, not connected yet, follows it.
      if (event.data.type === 'connected' && this.config === null) void this.resume();
    });
    return this.#channel;
  }
}

export const teamSync = new TeamSync();

/** The header's words for the state. */
export function statusLabel(status: TeamState): string {
  switch (status.state) {
    case 'off': return '';
    case 'connecting': return 'Conectando…';
    case 'synced': return 'Sincronizado';
    case 'syncing': return status.pending > 0 ? `Sincronizando ${status.pending.toLocaleString('pt-BR')}` : 'Sincronizando';
    case 'offline': return 'Offline: as alterações ficam guardadas e vão quando a conexão voltar';
    case 'error': return `Erro: ${status.message}`;
  }
}

/** Said wherever a change of the shared register is refused to a read-only user. */
export const READ_ONLY_MESSAGE = 'Somente leitura: o seu usuário pode consultar o cadastro do escritório, mas não alterá-lo. Peça a quem cuida do servidor a permissão de edição.';
