import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { ClientelaDb } from '../../../src/storage/db';
import { DATABASE_NOTICE_TEXT, onDatabaseNotice, watchUpgrades, type DatabaseNotice } from '../../../src/storage/dbEvents';

/** The next version of the app: the same database with one more version. */
class NextVersionDb extends ClientelaDb {
  constructor(name: string) {
    super(name);
    this.version(99).stores({ extra: 'id' });
  }
}

function heard(): { notices: DatabaseNotice[]; stop: () => void } {
  const notices: DatabaseNotice[] = [];
  const stop = onDatabaseNotice((n) => notices.push(n));
  notices.length = 0;
  return { notices, stop };
}

describe('a tab on an older version and the database upgrade', () => {
  it('the old tab closes its connection when a newer version asks, says so, and the upgrade goes on', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const old = new ClientelaDb(name);
    watchUpgrades(old);
    await old.open();
    const { notices, stop } = heard();
    const next = new NextVersionDb(name);
    await next.open();
    expect(old.isOpen()).toBe(false);
    expect(notices).toContain('outdated');
    expect(DATABASE_NOTICE_TEXT.outdated).toMatch(/recarregue a página/);
    stop();
    next.close();
    await Dexie.delete(name);
  });

  it('a connection that does not close blocks the upgrade: the new tab is told to close the other tabs', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const first = new ClientelaDb(name);
    await first.open();
    // An old tab that ignores versionchange (a version of the app from before this was handled).
    const stubborn = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    first.close();
    const { notices, stop } = heard();
    const next = new NextVersionDb(name);
    watchUpgrades(next);
    const opening = next.open();
    await expect.poll(() => notices).toContain('blocked');
    expect(DATABASE_NOTICE_TEXT.blocked).toContain('Feche as outras abas do Clientela');
    stubborn.close();
    await opening;
    expect(next.isOpen()).toBe(true);
    stop();
    next.close();
    await Dexie.delete(name);
  });
});
