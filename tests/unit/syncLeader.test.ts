import { afterEach, describe, expect, it } from 'vitest';
import { EngineLeadership, ENGINE_LOCK, type Engine, type Locks, type TabChannel } from '../../src/storage/sync/leader';
import type { SyncStatus } from '../../src/storage/sync/engine';

/** The Web Locks API as the election uses it: one exclusive lock, granted in request order, abortable while waiting. */
class FakeLocks implements Locks {
  #held = false;
  #queue: { callback: () => Promise<void>; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];

  request(name: string, { signal }: { signal: AbortSignal }, callback: () => Promise<void>): Promise<unknown> {
    expect(name).toBe(ENGINE_LOCK);
    return new Promise((resolve, reject) => {
      const entry = { callback, resolve, reject };
      signal.addEventListener('abort', () => {
        const at = this.#queue.indexOf(entry);
        if (at >= 0) {
          this.#queue.splice(at, 1);
          reject(new DOMException('aborted', 'AbortError'));
        }
      });
      this.#queue.push(entry);
      this.#next();
    });
  }

  #next(): void {
    const entry = this.#held ? undefined : this.#queue.shift();
    if (!entry) return;
    this.#held = true;
    void entry.callback().then(entry.resolve, entry.reject).finally(() => {
      this.#held = false;
      this.#next();
    });
  }
}

/** A tab's engine: what the election started, stopped or forgot, and a way to make it tell a state. */
class FakeEngine implements Engine {
  started = false;
  stopped = false;
  forgotten = false;
  constructor(readonly tell: (status: SyncStatus) => void) {}
  async start(): Promise<void> { this.started = true; }
  async stop(): Promise<void> { this.stopped = true; }
  async forget(): Promise<void> { this.forgotten = true; }
}

const channels: BroadcastChannel[] = [];
let browserId = 0;

/** One browser: tabs sharing its lock manager and channel name. */
function browser(locks: Locks | undefined = new FakeLocks()) {
  const name = `clientela-sync-test-${browserId++}`;
  const office = {
    /** Team sync's settings in the browser's (shared) register: cleared by "Desconectar" before the tabs stop. */
    configured: true,
    tab() {
      const channel = new BroadcastChannel(name);
      channels.push(channel);
      const tab = { engines: [] as FakeEngine[], shown: [] as SyncStatus[], disconnected: false, leadership: undefined as unknown as EngineLeadership };
      tab.leadership = new EngineLeadership({
        locks,
        channel: channel as TabChannel,
        createEngine: async (onStatus) => {
          if (!office.configured) return undefined;
          const engine = new FakeEngine(onStatus);
          tab.engines.push(engine);
          return engine;
        },
        onStatus: (status) => tab.shown.push(status),
        onDisconnected: () => (tab.disconnected = true),
      });
      tab.leadership.start();
      return tab;
    },
  };
  return office;
}

/** Until the tabs' messages and the lock's hand-over have happened (both are asynchronous). */
async function settle(until: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(until()).toBe(true);
}

afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
});

const SYNCED: SyncStatus = { state: 'synced' };
const SYNCING: SyncStatus = { state: 'syncing', pending: 12 };

describe('EngineLeadership: one sync engine per browser', () => {
  it('the first tab leads and starts the engine; a second tab follows without one', async () => {
    const office = browser();
    const first = office.tab();
    await settle(() => first.engines[0]?.started === true);
    const second = office.tab();
    await new Promise((r) => setTimeout(r, 30));
    expect(first.leadership.leading).toBe(true);
    expect(second.leadership.leading).toBe(false);
    expect(second.engines).toHaveLength(0);
  });

  it.each([
    ['a state told while the follower is open', false],
    ['the last state, told to a tab opened later', true],
  ])('the follower shows the leader\'s state: %s', async (_case, late) => {
    const office = browser();
    const leader = office.tab();
    await settle(() => leader.engines[0]?.started === true);
    if (late) leader.engines[0]?.tell(SYNCING);
    const follower = office.tab();
    if (!late) {
      await new Promise((r) => setTimeout(r, 20));
      leader.engines[0]?.tell(SYNCING);
    }
    await settle(() => follower.shown.at(-1)?.state === 'syncing');
    expect(follower.shown.at(-1)).toEqual(SYNCING);
    expect(leader.shown.at(-1)).toEqual(SYNCING);
  });

  it('when the leader goes, the tab that waited longest takes over with its own engine', async () => {
    const office = browser();
    const first = office.tab();
    await settle(() => first.engines[0]?.started === true);
    const second = office.tab();
    const third = office.tab();
    await first.leadership.stop();
    expect(first.engines[0]?.stopped).toBe(true);
    await settle(() => second.engines[0]?.started === true);
    expect(second.leadership.leading).toBe(true);
    expect(third.engines).toHaveLength(0);
    second.engines[0]?.tell(SYNCED);
    await settle(() => third.shown.at(-1)?.state === 'synced');
  });

  it.each([
    ['the leader', 0],
    ['a follower', 1],
  ])('"Desconectar" in %s: every tab stops, the leader forgets its local replica, nobody takes over', async (_case, who) => {
    const office = browser();
    const tabs = [office.tab()];
    await settle(() => tabs[0]?.engines[0]?.started === true);
    tabs.push(office.tab(), office.tab());
    await new Promise((r) => setTimeout(r, 20));
    office.configured = false;
    await tabs[who]?.leadership.forget();
    await settle(() => tabs.every((tab, i) => i === who || tab.disconnected));
    expect(tabs[0]?.engines[0]?.forgotten).toBe(true);
    await new Promise((r) => setTimeout(r, 30));
    expect(tabs.flatMap((tab) => tab.engines)).toHaveLength(1);
  });

  it('without Web Locks (not a secure context) the tab leads on its own', async () => {
    const office = browser(undefined);
    const tab = office.tab();
    await settle(() => tab.engines[0]?.started === true);
    expect(tab.leadership.leading).toBe(true);
  });

  it('a tab stopped while it still waits never starts an engine', async () => {
    const office = browser();
    const leader = office.tab();
    await settle(() => leader.engines[0]?.started === true);
    const waiting = office.tab();
    await waiting.leadership.stop();
    await leader.leadership.stop();
    await new Promise((r) => setTimeout(r, 30));
    expect(waiting.engines).toHaveLength(0);
  });
});
