/**
 * The register's list and its export, answered in the worker: the order and the key sets of a query
 * are computed here once (and forgotten when the clients change, in any thread), the page asks windows.
 */
import { CLIENT_FIELDS } from '../domain/entities/client';
import { clientToRow, exportHeader, type ExportCell } from '../domain/exportClients';
import { loadRequiredFields } from '../storage/settings';
import { getDb } from '../storage/db';
import { ClientQueries, onClientsChanged, type ClientQuery, type ClientWindow } from '../storage/clientQuery';
import { textColumnsOf, writeWorkbook, type OutputFormat } from '../spreadsheet/write';
import type { Progress } from './prepare';

let queries: ClientQueries | undefined;

function shared(): ClientQueries {
  if (!queries) {
    const created = new ClientQueries(getDb());
    onClientsChanged(() => created.invalidate());
    queries = created;
  }
  return queries;
}

export function listClients(query: ClientQuery, offset: number, limit: number): Promise<ClientWindow> {
  return shared().window(query, offset, limit);
}

/** Clients read for the export at a time: the worker never holds every stored record either. */
const EXPORT_WINDOW = 2000;

/** The query's clients as a spreadsheet, read window by window, with progress. */
export async function exportClients(query: ClientQuery, format: OutputFormat, onProgress?: Progress): Promise<Uint8Array> {
  const db = getDb();
  const ids = await shared().ids(query);
  const groups = new Map((await db.groups.toArray()).map((g) => [g.id, g]));
  const required = await loadRequiredFields(db);
  const rows: ExportCell[][] = [];
  for (let offset = 0; offset < ids.length; offset += EXPORT_WINDOW) {
    onProgress?.(offset, ids.length, 'Lendo os clientes');
    for (const client of await db.clients.bulkGet(ids.slice(offset, offset + EXPORT_WINDOW))) if (client) rows.push(clientToRow(client, groups, required));
  }
  onProgress?.(ids.length, ids.length, 'Gerando o arquivo');
  return writeWorkbook([{ name: 'Clientes', header: exportHeader(), rows, textColumns: textColumnsOf(CLIENT_FIELDS) }], format);
}
