import { registerSW } from 'virtual:pwa-register';
import { leaveGuard } from './leaveGuard.svelte';

/** Checking for a new version once an hour keeps an office tab that stays open all day up to date. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * A new version is installed in the background and waits: "Nova versão disponível — Atualizar" asks the
 * user, and Atualizar reloads into it — never while the leave guard holds (an import is running).
 */
class AppUpdate {
  available = $state(false);
  offlineReady = $state(false);
  private apply: ((reloadPage?: boolean) => Promise<void>) | undefined;

  start(): void {
    if (!('serviceWorker' in navigator)) return;
    this.apply = registerSW({
      immediate: true,
      onNeedRefresh: () => (this.available = true),
      onOfflineReady: () => (this.offlineReady = true),
      onRegisteredSW: (_url, registration) => {
        if (registration) setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
      },
    });
  }

  /** Why "Atualizar" must wait, or '' when it may reload now. */
  get blockedBy(): string {
    return leaveGuard.reason;
  }

  async update(): Promise<void> {
    if (this.blockedBy || !this.apply) return;
    await this.apply(true);
  }
}

export const appUpdate = new AppUpdate();
