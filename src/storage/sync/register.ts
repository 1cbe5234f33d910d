/**
 * The register seen as documents: which local row a document id points to, and that row as the
 * document it should be. Read by the pump (what to push) and the applier (what is already here).
 */
import type { ClientRecord, GroupRecord } from '../../domain/entities/client';
import { clientDocId, clientToDoc, groupToDoc, targetOfDocId, type RegisterDoc } from '../../domain/sync/docs';
import type { ClientelaDb } from '../db';

export type LocalRow = { table: 'clients'; row: ClientRecord } | { table: 'groups'; row: GroupRecord } | null;

/** The local row a document stands for (a client by CPF/CNPJ or, without one, by its id; a group by name). */
export async function findLocal(db: ClientelaDb, docId: string): Promise<LocalRow> {
  const target = targetOfDocId(docId);
  if (target === null) return null;
  if (target.table === 'groups') {
    const row = await db.groups.where('nameKey').equals(target.key).first();
    return row ? { table: 'groups', row } : null;
  }
  const row = target.by === 'document' ? await db.clients.where('document').equals(target.key).first() : await db.clients.get(target.key);
  // A client without document found by id that has since got a CPF/CNPJ is another document now.
  if (!row || (target.by === 'id' && row.document !== '')) return null;
  return { table: 'clients', row };
}

/** The document a local row should be now (its group by name, its open conflicts). */
export async function docOfLocal(db: ClientelaDb, local: Exclude<LocalRow, null>): Promise<RegisterDoc> {
  if (local.table === 'groups') return groupToDoc(local.row);
  const group = local.row.groupId ? await db.groups.get(local.row.groupId) : undefined;
  const open = await db.syncConflicts.get(clientDocIdOf(local.row));
  return clientToDoc(local.row, group?.name ?? '', open?.conflicts ?? []);
}

function clientDocIdOf(row: ClientRecord): string {
  return clientDocId(row);
}
