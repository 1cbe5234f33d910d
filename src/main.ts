import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';
import { getDb } from './storage/db';
import { markCutRuns } from './storage/startupCheck';
import { appUpdate } from './ui/shared/update.svelte';
import { teamSync } from './ui/team/teamSync.svelte';

// A run still "running" when the app starts was cut off (closed tab, crash, full disk): shown as interrupted.
void markCutRuns(getDb());

appUpdate.start();
// "Trabalho em equipe": a machine connected to the office's server syncs again (nothing happens without it).
void teamSync.resume();
// A file dropped anywhere but the drop zone must not be opened by the browser in place of the app.
for (const type of ['dragover', 'drop'] as const) {
  addEventListener(type, (event: DragEvent) => {
    if (event.defaultPrevented) return; // the drop zone took it
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  });
}

const target = document.getElementById('app');
if (target) mount(App, { target });
