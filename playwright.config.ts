import { defineConfig } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

// scripts/ensure-chromium.mjs (run by `npm run test:e2e`) writes the Chromium it found here.
const MARKER = 'node_modules/.cache/clientela-chromium-path';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(MARKER) ? readFileSync(MARKER, 'utf8').trim() : undefined);
// Several checkouts on one machine can each run their end-to-end tests: E2E_PORT picks the preview's port.
const port = Number(process.env.E2E_PORT ?? 4173);
// Team sync's tests talk to their own CouchDB-protocol server (pouchdb-server, in memory, loopback), reached
// through the preview's /couchdb proxy: same origin as the app, so its Content-Security-Policy stays 'self'.
const couchPort = Number(process.env.E2E_COUCH_PORT ?? 5985);
process.env.E2E_COUCH_PORT = String(couchPort);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  // No retries: a test that fails once is a bug to find, not to hide.
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    acceptDownloads: true,
    actionTimeout: 20_000,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  webServer: [
    {
      command: 'node scripts/couch-test-server.mjs',
      url: `http://127.0.0.1:${couchPort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      env: { COUCH_PROXY_TARGET: `http://127.0.0.1:${couchPort}` },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
