import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/**
 * The folder tree is the architecture (DESIGN.md §2). These rules keep the arrows:
 * domain ← spreadsheet ← worker; domain ← storage ← worker/ui; ui never parses a file.
 */
const SHEETJS = { group: ['@e965/xlsx', 'xlsx', '@e965/xlsx/*'], message: 'Only src/spreadsheet/ may import SheetJS (and only the worker uses it): parsing stays off the main thread.' };
const ZIP = { group: ['fflate'], message: 'Only src/spreadsheet/ writes spreadsheet files (the zip inside XLSX/ODS).' };
const SPREADSHEET = { group: ['**/spreadsheet', '**/spreadsheet/*'], message: 'src/spreadsheet/ runs in the worker only; the UI asks the worker (getWorker()) instead.', allowTypeImports: true };
const WORKER_IMPL = { group: ['**/worker/api', '**/worker/worker', '**/worker/session'], message: 'The UI talks to the worker through Comlink: use `import type { WorkerApi }` and getWorker().', allowTypeImports: true };
const POUCHDB = { group: ['pouchdb-browser', 'pouchdb', 'pouchdb-*'], message: 'Only src/storage/sync/ knows the sync engine (PouchDB): the rest of the app reads and writes Dexie, and sync stays optional.' };
const OUTSIDE_DOMAIN = [
  { group: ['dexie', 'dexie/*'], message: 'src/domain/ is pure TypeScript: storage belongs in src/storage/.' },
  { group: ['svelte', 'svelte/*'], message: 'src/domain/ is pure TypeScript: UI belongs in src/ui/.' },
  { group: ['comlink'], message: 'src/domain/ is pure TypeScript: worker wiring belongs in src/worker/.' },
  { group: ['**/storage/*', '**/storage', '**/ui/*', '**/worker/*', '**/spreadsheet/*'], message: 'src/domain/ depends on nothing else in src/: move the shared code into src/domain/.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.vite/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...svelte.configs.recommended,
  {
    // __APP_VERSION__: vite.config.ts `define`.
    languageOptions: { globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig } },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [SHEETJS, ZIP, POUCHDB, ...OUTSIDE_DOMAIN] }],
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'self'].map((name) => ({ name, message: 'src/domain/ runs in Node tests unchanged: no DOM.' }))],
    },
  },
  { files: ['src/storage/**'], ignores: ['src/storage/sync/**'], rules: { 'no-restricted-imports': ['error', { patterns: [SHEETJS, ZIP, POUCHDB, { group: ['**/ui/*', '**/worker/*', '**/spreadsheet/*'], message: 'src/storage/ is Dexie only: it is used by the worker and the UI, not the other way round.' }] }] } },
  { files: ['src/storage/sync/**'], rules: { 'no-restricted-imports': ['error', { patterns: [SHEETJS, ZIP, { group: ['**/ui/*', '**/worker/*', '**/spreadsheet/*'], message: 'src/storage/ is Dexie only: it is used by the worker and the UI, not the other way round.' }] }] } },
  { files: ['src/worker/**'], rules: { 'no-restricted-imports': ['error', { patterns: [POUCHDB, { group: ['**/ui/*', '**/ui'], message: 'src/worker/ is thin wiring the UI calls through Comlink: it never imports UI code (shared logic goes in src/domain/).' }] }] } },
  { files: ['src/spreadsheet/**'], rules: { 'no-restricted-imports': ['error', { patterns: [POUCHDB, { group: ['dexie', '**/storage/*', '**/ui/*', '**/worker/*'], message: 'src/spreadsheet/ only turns bytes into tables and back: no storage, UI or worker code.' }] }] } },
  { files: ['src/ui/**', 'src/main.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [SHEETJS, ZIP, SPREADSHEET, WORKER_IMPL, POUCHDB] }] } },
);
