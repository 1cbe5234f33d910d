/**
 * Two versions of Clientela open at once (a tab left open since before an update): the new one's schema
 * upgrade waits for the old one's connection. The old tab closes its connection as soon as it is asked
 * (and says so: it must be reloaded); the new tab, while it waits, names the cause ("Feche as outras
 * abas do Clientela").
 */
import type { Dexie } from 'dexie';

export type DatabaseNotice = 'blocked' | 'outdated';

export const DATABASE_NOTICE_TEXT: Record<DatabaseNotice, string> = {
  blocked: 'O Clientela foi atualizado, mas outra aba aberta com a versão anterior impede a atualização dos dados. Feche as outras abas do Clientela: esta continua sozinha assim que elas forem fechadas.',
  outdated: 'O Clientela foi atualizado em outra aba. Esta aba foi desconectada dos dados para não atrapalhar a atualização: recarregue a página (F5) para continuar; nada do que já foi salvo se perde.',
};

const listeners = new Set<(notice: DatabaseNotice) => void>();
let latest: DatabaseNotice | null = null;

function tell(notice: DatabaseNotice): void {
  latest = notice;
  for (const listener of listeners) listener(notice);
}

/** Hears the notices of this thread's database (the latest one at once, if any); returns the unsubscribe. */
export function onDatabaseNotice(listener: (notice: DatabaseNotice) => void): () => void {
  listeners.add(listener);
  if (latest) listener(latest);
  return () => listeners.delete(listener);
}

/** Subscribes a database to its upgrade events (called once, where the app's database is made). */
export function watchUpgrades(db: Dexie): void {
  db.on('blocked', () => tell('blocked'));
  db.on('versionchange', (event) => {
    // Dexie closes and would reopen on the next query, with this tab's older schema: stay closed instead.
    db.close({ disableAutoOpen: true });
    if (event.newVersion !== null && event.newVersion > 0) tell('outdated');
    return false;
  });
}
