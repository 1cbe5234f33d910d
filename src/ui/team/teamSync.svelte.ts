/**
 * Team sync as the screens see it: whether it is configured, its state (always shown in the header) and
 * whether this machine's user may only read the shared register. The engine itself is in storage/sync.
 */
import { getDb } from '../../storage/db';
import { checkAccess } from '../../storage/sync/access';
import { clearSyncConfig, loadReadOnly, loadSyncConfig, saveReadOnly, saveSyncConfig } from '../../storage/sync/config';
import type { SyncEngine, SyncStatus } from '../../storage/sync/engine';
import type { SyncConfig } from '../../storage/sync/types';

export type TeamState = { state: 'off' } | { state: 'connecting' } | SyncStatus;

class TeamSync {
  status = $state<TeamState>({ state: 'off' });
  config = $state<SyncConfig | null>(null);
  readOnly = $state(false);
  #engine: SyncEngine | undefined;

  /** At start-up: a machine already connected syncs again, offline or not. */
  async resume(): Promise<void> {
    const db = getDb();
    const config = await loadSyncConfig(db);
    if (!config) return;
    this.config = config;
    this.readOnly = await loadReadOnly(db);
    await this.#run(config);
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
    await this.#engine?.stop();
    await saveSyncConfig(getDb(), config, access.readOnly);
    this.config = config;
    this.readOnly = access.readOnly;
    await this.#run(config);
    return '';
  }

  /** "Desconectar": stops syncing and forgets the server; the register stays on this machine. */
  async disconnect(): Promise<void> {
    await this.#engine?.forget();
    this.#engine = undefined;
    await clearSyncConfig(getDb());
    this.config = null;
    this.readOnly = false;
    this.status = { state: 'off' };
  }

  async #run(config: SyncConfig): Promise<void> {
    const { SyncEngine } = await import('../../storage/sync/engine');
    this.status = { state: 'connecting' };
    this.#engine = new SyncEngine(getDb(), config, (status) => (this.status = status));
    await this.#engine.start();
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
