/**
 * The register's room in the worker: windows of the list, its export, one client's data (LGPD art. 18)
 * and the import templates, each file's bytes moved to the page.
 */
import { writeWorkbook, textColumnsOf, type OutputFormat } from '../spreadsheet/write';
import { CLIENT_FIELDS } from '../domain/entities/client';
import { subjectJson, subjectSheets } from '../domain/clientDataExport';
import { ENTITIES, type EntityName } from '../domain/entities';
import { collectClientData } from '../storage/clientData';
import type { ClientQuery } from '../storage/clientQuery';
import { getDb } from '../storage/db';
import { exportClients as writeClientList } from './clientList';
import type { Progress } from './prepare';
import { transferBytes } from './transfer';

/** A window of the register's list: the clients the query finds, in its order. */
export { listClients } from './clientList';

/** The clients the query finds as a spreadsheet, read a window at a time, with progress. */
export async function exportClients(query: ClientQuery, format: OutputFormat, onProgress?: Progress): Promise<Uint8Array> {
  return transferBytes(await writeClientList(query, format, onProgress));
}

/** One client's data on its own (LGPD art. 18), as JSON or XLSX; null when the client no longer exists. */
export async function exportClientData(id: string, format: 'json' | 'xlsx'): Promise<Uint8Array | null> {
  const data = await collectClientData(getDb(), id);
  if (!data) return null;
  const bytes = format === 'json'
    ? new TextEncoder().encode(subjectJson(data))
    : writeWorkbook(subjectSheets(data).map((sheet, i) => ({ ...sheet, textColumns: i === 0 ? textColumnsOf(CLIENT_FIELDS) : new Set<number>() })), 'xlsx');
  return transferBytes(bytes);
}

/** An entity's import template (the clients' with the groups that exist in its Grupo dropdown). Its writer is loaded only now. */
export async function template(format: OutputFormat, entity: EntityName = 'clients'): Promise<Uint8Array> {
  const [{ writeTemplate }, groups] = await Promise.all([import('../spreadsheet/template'), entity === 'clients' ? getDb().groups.orderBy('nameKey').toArray() : []]);
  const { label, fields } = ENTITIES[entity];
  return transferBytes(writeTemplate({ sheetName: label, fields, groupNames: groups.map((g) => g.name) }, format));
}
