import { request, type APIRequestContext } from '@playwright/test';

/** The tests' CouchDB-protocol server (scripts/couch-test-server.mjs), set up as an office would (README). */
export const COUCH = `http://127.0.0.1:${process.env.E2E_COUCH_PORT ?? '5985'}`;
const ADMIN = { username: 'admin', password: 'admin-senha' };
// Sent on every request: pouchdb-server 4.2 crashes on an anonymous PUT of a database (a challenge-first
// client like httpCredentials would send one).
const ADMIN_HEADERS = { Authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}` };

export interface OfficeUser {
  name: string;
  password: string;
  roles: string[];
}

export const SECRETARY: OfficeUser = { name: 'secretaria', password: 'senha-a', roles: ['editor'] };
export const LAWYER: OfficeUser = { name: 'advogada', password: 'senha-b', roles: ['editor'] };
const EDITORS = [SECRETARY, LAWYER];
export const READER: OfficeUser = { name: 'estagiario', password: 'senha-c', roles: [] };

async function admin(): Promise<APIRequestContext> {
  // The first call makes the admin (a fresh in-memory server is in "admin party"); later ones sign in as it.
  const anonymous = await request.newContext({ baseURL: COUCH });
  await anonymous.put('/_config/admins/admin', { data: JSON.stringify(ADMIN.password), headers: { 'Content-Type': 'application/json' } });
  await anonymous.dispose();
  return request.newContext({ baseURL: COUCH, extraHTTPHeaders: ADMIN_HEADERS });
}

/**
 * A new office database: its members, users with and without "editor", and (`readOnly`) the README's design
 * document that refuses writes from users without it. Only where a test needs it: pouchdb-server 4.2's
 * validation silently drops a replicated UPDATE (`_bulk_docs` with `new_edits: false`, revision 2 on) from a
 * non-admin user while such a design document exists — new documents pass, refusals are sent. Apache
 * CouchDB does not do that; the tests of edits run on databases without it.
 */
export async function createOffice(database: string, { readOnly = false } = {}): Promise<void> {
  const api = await admin();
  const ok = async (response: Promise<{ ok(): boolean; status(): number; text(): Promise<string> }>) => {
    const r = await response;
    if (!r.ok() && r.status() !== 409) throw new Error(`${r.status()} ${await r.text()}`);
  };
  await ok(api.put(`/${database}`));
  for (const user of [...EDITORS, READER]) {
    await ok(api.put(`/_users/org.couchdb.user:${user.name}`, { data: { name: user.name, password: user.password, roles: user.roles, type: 'user' } }));
  }
  await ok(api.put(`/${database}/_security`, { data: { admins: { names: [], roles: [] }, members: { names: [...EDITORS, READER].map((u) => u.name), roles: [] } } }));
  if (readOnly) await ok(api.put(`/${database}/_design/clientela`, { data: { validate_doc_update: READ_ONLY_FUNCTION } }));
  await api.dispose();
}

/** The README's design document: only "editor" (or an admin) may change the database. */
export const READ_ONLY_FUNCTION = `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') === -1 && userCtx.roles.indexOf('editor') === -1) {
    throw({ forbidden: 'Somente leitura: este usuário não pode alterar o cadastro.' });
  }
}`;

/** How many client documents the server holds (what every machine converges on). */
export async function countServerClients(database: string): Promise<number> {
  const api = await request.newContext({ baseURL: COUCH, extraHTTPHeaders: ADMIN_HEADERS });
  const body = (await (await api.get(`/${database}/_all_docs?startkey="client:"&endkey="client:\ufff0"`)).json()) as { rows: unknown[] };
  await api.dispose();
  return body.rows.length;
}

