import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';
import { getDb } from './storage/db';
import { markCutRuns } from './storage/startupCheck';

// A run still "running" when the app starts was cut off (closed tab, crash, full disk): shown as interrupted.
void markCutRuns(getDb());

const target = document.getElementById('app');
if (target) mount(App, { target });
