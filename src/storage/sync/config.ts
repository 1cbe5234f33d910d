/** "Trabalho em equipe" settings, kept in this browser only (README says so). */
import * as v from 'valibot';
import type { ClientelaDb } from '../db';
import { SYNC_CONFIG_KEY } from './outbox';
import { SINCE_KEY } from './apply';
import { enqueueWholeRegister } from './pump';
import type { SyncConfig } from './types';

const ACCESS_KEY = 'readOnly';

const ConfigSchema = v.object({ url: v.string(), database: v.string(), user: v.string(), password: v.string() });

export async function loadSyncConfig(db: ClientelaDb): Promise<SyncConfig | null> {
  const parsed = v.safeParse(ConfigSchema, (await db.syncMeta.get(SYNC_CONFIG_KEY))?.value);
  return parsed.success ? parsed.output : null;
}

/** Whether this machine's user may only read the shared register (remembered for offline starts). */
export async function loadReadOnly(db: ClientelaDb): Promise<boolean> {
  return (await db.syncMeta.get(ACCESS_KEY))?.value === true;
}

export async function saveReadOnly(db: ClientelaDb, readOnly: boolean): Promise<void> {
  await db.syncMeta.put({ key: ACCESS_KEY, value: readOnly });
}

/** "Conectar": remembers the server and queues the whole register, so what this machine has reaches it. */
export async function saveSyncConfig(db: ClientelaDb, config: SyncConfig, readOnly: boolean): Promise<void> {
  // Invariant: from the moment sync is configured every register write is in the outbox (outbox.ts reads
  // this setting inside each write's transaction), and what was there before is queued with it.
  await db.transaction('rw', [db.syncMeta, db.syncOutbox, db.clients, db.groups], async () => {
    await db.syncMeta.bulkPut([{ key: SYNC_CONFIG_KEY, value: config }, { key: ACCESS_KEY, value: readOnly }]);
    if (!readOnly) await enqueueWholeRegister(db);
  });
}

/** "Desconectar": forgets the server; the register stays as it is on this machine. */
export async function clearSyncConfig(db: ClientelaDb): Promise<void> {
  // Invariant: with the setting gone nothing is queued anymore, and nothing queued is left behind.
  await db.transaction('rw', [db.syncMeta, db.syncOutbox, db.syncConflicts], async () => {
    await db.syncMeta.bulkDelete([SYNC_CONFIG_KEY, SINCE_KEY, ACCESS_KEY]);
    await db.syncOutbox.clear();
    await db.syncConflicts.clear();
  });
}
