import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

/** The version the footer shows; CLIENTELA_BUILD tells two builds of one version apart (tests/e2e/hosting.spec.ts). */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const appVersion = process.env.CLIENTELA_BUILD ? `${version}+${process.env.CLIENTELA_BUILD}` : version;

/**
 * Offline (DESIGN.md: once loaded it keeps working offline): a service worker precaches every file of
 * the build, the SheetJS worker included, and serves them without a network. Every URL is relative
 * (`base: './'`), so the build runs from any folder of any static host and the worker's scope is that folder.
 * A new version waits until the user chooses "Atualizar" (src/ui/shared/update.svelte.ts registers it).
 */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Clientela',
    short_name: 'Clientela',
    description: 'Importe, mantenha e exporte o cadastro de clientes do escritório, sem servidor.',
    lang: 'pt-BR',
    start_url: '.',
    display: 'standalone',
    background_color: '#f5f7fb',
    theme_color: '#1d5bbf',
    icons: [
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    // The worker chunk carries SheetJS; keep room for it to grow past Workbox's 2 MiB default.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
  },
});

/**
 * Team sync's tests (tests/e2e/team-sync.spec.ts): the preview forwards /couchdb to their CouchDB-protocol
 * server, the way an office's reverse proxy can serve the app and CouchDB from one origin (README).
 */
const couchTarget = process.env.COUCH_PROXY_TARGET;
const couchProxy = couchTarget ? { '/couchdb': { target: couchTarget, changeOrigin: true, rewrite: (path: string) => path.replace(/^\/couchdb/, '') || '/' } } : undefined;

export default defineConfig({
  base: './',
  preview: couchProxy ? { proxy: couchProxy } : {},
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  plugins: [svelte(), svelteTesting(), offline],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.ts'],
          setupFiles: ['./vitest.setup.ts'],
        },
      },
    ],
  },
});
