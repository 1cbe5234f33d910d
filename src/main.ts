import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';
import { getDb } from './storage/db';
import { markInterruptedRuns } from './storage/importRun';

// A run still "running" when the app starts was cut off by a closed tab: show it as interrupted.
void markInterruptedRuns(getDb());

const target = document.getElementById('app');
if (target) mount(App, { target });
