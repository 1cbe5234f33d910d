import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';
import { getDb } from './storage/db';
import { markInterruptedRuns, RUN_LOCK_PREFIX } from './storage/importRun';

/**
 * A run still "running" when the app starts was cut off by a closed tab: show it as interrupted. A run
 * whose Web Lock is held is going on in another tab and is left alone.
 */
async function markCutRuns(): Promise<void> {
  const held = 'locks' in navigator ? ((await navigator.locks.query()).held ?? []) : [];
  const running = new Set(held.flatMap((lock) => (lock.name?.startsWith(RUN_LOCK_PREFIX) ? [lock.name.slice(RUN_LOCK_PREFIX.length)] : [])));
  await markInterruptedRuns(getDb(), running);
}
void markCutRuns();

const target = document.getElementById('app');
if (target) mount(App, { target });
