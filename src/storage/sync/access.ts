/**
 * Talking to the office's server before syncing: is it there, do the user and password open the
 * database, may this user change it. Read-only is CouchDB's own: a member without the "editor" role
 * is refused by the database's `_design/clientela` validate_doc_update (README "Trabalho em equipe").
 */
import type { SyncConfig } from './types';

export const DESIGN_DOC = '_design/clientela';
export const EDITOR_ROLES = ['editor', '_admin'];

export type Access = { ok: true; readOnly: boolean } | { ok: false; message: string };

export function databaseUrl(config: SyncConfig): string {
  return `${config.url.replace(/\/+$/, '')}/${encodeURIComponent(config.database)}`;
}

function authHeaders(config: SyncConfig): HeadersInit {
  return { Authorization: `Basic ${btoa(unescape(encodeURIComponent(`${config.user}:${config.password}`)))}`, Accept: 'application/json' };
}

/** Why the server refused, as the person at the desk can act on it. */
export function refusalMessage(status: number, config: SyncConfig): string {
  if (status === 401) return 'O servidor recusou o usuário ou a senha. Confira os dados e tente de novo.';
  if (status === 403) return `O usuário "${config.user}" não tem acesso ao banco de dados "${config.database}". Peça a quem cuida do servidor para incluí-lo.`;
  if (status === 404) return `O banco de dados "${config.database}" não existe nesse servidor. Confira o nome ou peça a quem cuida do servidor para criá-lo.`;
  return `O servidor respondeu com um erro (código ${status}). Tente de novo mais tarde.`;
}

export const UNREACHABLE = 'Não foi possível falar com o servidor. Confira o endereço e se este computador está conectado à rede do escritório.';

/** Checks the database opens with these credentials, and whether this user may only read it. */
export async function checkAccess(config: SyncConfig): Promise<Access> {
  const headers = authHeaders(config);
  try {
    const db = await fetch(databaseUrl(config), { headers });
    if (!db.ok) return { ok: false, message: refusalMessage(db.status, config) };
    const session = await fetch(`${config.url.replace(/\/+$/, '')}/_session`, { headers });
    const roles: unknown = session.ok ? ((await session.json()) as { userCtx?: { roles?: unknown } }).userCtx?.roles : [];
    const isEditor = Array.isArray(roles) && roles.some((r) => EDITOR_ROLES.includes(String(r)));
    const design = await fetch(`${databaseUrl(config)}/${DESIGN_DOC}`, { headers });
    return { ok: true, readOnly: !isEditor && design.ok };
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}
