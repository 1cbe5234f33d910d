#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests, installing one when there is none.
// Order: $CHROMIUM_PATH, /usr/bin/chromium (Debian), Playwright's own download; else install
// Debian's chromium with apt-get (when root) or `npx playwright install chromium`.
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const MARKER = 'node_modules/.cache/clientela-chromium-path';

function playwrightOwn() {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function find() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  return playwrightOwn();
}

let path = find();
if (!path) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    console.log('[testes] Nenhum Chromium encontrado: instalando o pacote "chromium" do Debian com apt-get (cerca de 1 minuto)...');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.log('[testes] Nenhum Chromium encontrado: instalando o do Playwright (npx playwright install chromium)...');
    execSync('npx playwright install chromium', { stdio: 'inherit' });
  }
  path = find();
}
if (!path) {
  console.error('[testes] Não foi possível obter um Chromium. Instale um (por exemplo `apt-get install chromium`) ou informe o caminho em CHROMIUM_PATH.');
  process.exit(1);
}
mkdirSync('node_modules/.cache', { recursive: true });
writeFileSync(MARKER, path);
console.log(`[testes] Chromium: ${path}`);
