// The tests' CouchDB-protocol server: pouchdb-server (a devDependency) in memory on loopback, started and
// stopped by Playwright's webServer. It writes its config.json and log.txt in its working directory, so it
// runs in a temporary folder (removed when it stops), never in the checkout.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const port = process.env.E2E_COUCH_PORT ?? '5985';
const bin = fileURLToPath(new URL('../node_modules/pouchdb-server/bin/pouchdb-server', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientela-couch-'));
const server = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', port, '--no-stdout-logs'], { cwd: dir, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
