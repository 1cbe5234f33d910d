/**
 * A client's history: every change after it was registered — by which import, by hand, or by an undo —
 * and when. Where the client came from (run and spreadsheet row) is on the record itself. Each entry is
 * written in the same transaction as the change it describes.
 */
import type { ClientRecord } from '../domain/entities/client';
import { CLIENT_FIELDS } from '../domain/entities/client';
import type { ClientelaDb } from './db';

/** The record's fields a change can touch: the entity's fields, the group as its id. */
export type ChangedField = Exclude<(typeof CLIENT_FIELDS)[number]['key'], 'group'> | 'groupId';

export interface FieldChange {
  field: ChangedField;
  before: string;
  after: string;
}

export type HistorySource = 'hand' | 'import' | 'undo';

export interface HistoryEntry {
  id: string;
  clientId: string;
  at: number;
  source: HistorySource;
  action: 'created' | 'updated';
  /** The import that made the change (or whose undo did), and its spreadsheet row. */
  runId?: string;
  row?: number;
  changes: FieldChange[];
}

export const HISTORY_FIELDS: readonly ChangedField[] = [...CLIENT_FIELDS.flatMap((f) => (f.key === 'group' ? [] : [f.key])), 'groupId'];

/** The fields whose value differs between two versions of a client. */
export function diffClients(before: ClientRecord, after: ClientRecord): FieldChange[] {
  return HISTORY_FIELDS.flatMap((field) => (before[field] === after[field] ? [] : [{ field, before: before[field], after: after[field] }]));
}

export function historyEntry(clientId: string, source: HistorySource, action: HistoryEntry['action'], changes: FieldChange[], origin?: { runId: string; row?: number }): HistoryEntry {
  const entry: HistoryEntry = { id: crypto.randomUUID(), clientId, at: Date.now(), source, action, changes };
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
