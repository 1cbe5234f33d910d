/**
 * A client's history: every change after it was registered — by which import, by hand, or by an undo —
 * and when. Where the client came from (run and spreadsheet row) is on the record itself. Each entry is
 * written in the same transaction as the change it describes.
 */
import { newId } from '../domain/ids';
import type { HistoryEntry } from '../domain/history';
import type { ClientelaDb } from './db';

export { diffClients, HISTORY_FIELDS, type ChangedField, type FieldChange, type HistoryEntry, type HistorySource } from '../domain/history';

export function historyEntry(clientId: string, source: HistoryEntry['source'], action: HistoryEntry['action'], changes: HistoryEntry['changes'], origin?: { runId: string; row?: number }): HistoryEntry {
  const entry: HistoryEntry = { id: newId(), clientId, at: Date.now(), source, action, changes };
  if (origin) {
    entry.runId = origin.runId;
    if (origin.row !== undefined) entry.row = origin.row;
  }
  return entry;
}

/** A client's history, oldest first. */
export async function loadHistory(db: ClientelaDb, clientId: string): Promise<HistoryEntry[]> {
  const entries = await db.history.where('clientId').equals(clientId).toArray();
  return entries.sort((a, b) => a.at - b.at);
}
