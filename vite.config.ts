import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Offline (DESIGN.md: once loaded it keeps working offline): a service worker precaches every file of
 * the build, the SheetJS worker included, and serves them without a network.
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: 'script-defer',
  manifest: {
    name: 'Clientela',
    short_name: 'Clientela',
    description: 'Importe, mantenha e exporte o cadastro de clientes do escritório, sem servidor.',
    lang: 'pt-BR',
    start_url: '.',
    display: 'standalone',
    background_color: '#f5f7fb',
    theme_color: '#1d5bbf',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
    // The worker chunk carries SheetJS; keep room for it to grow past Workbox's 2 MiB default.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
  },
});

export default defineConfig({
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
