/** "Apagar todos os dados" (LGPD art. 18): every table emptied, in one transaction. */
import type { ClientelaDb } from './db';

export async function eraseEverything(db: ClientelaDb): Promise<void> {
  // Invariant: the erase is whole or nothing — no client left without its group, no log without its run.
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
