/**
 * LGPD art. 18 (acesso, portabilidade): everything the app keeps about one client, gathered for it to be
 * handed over — the record, its group, its history and the import log lines about it.
 */
import type { ClientRecord, GroupRecord } from '../domain/entities/client';
import type { ClientelaDb } from './db';
import { loadHistory, type HistoryEntry } from './history';
import type { LogRow } from './types';

export interface ClientLogLine {
  fileName: string;
  startedAt: number;
  line: LogRow;
}

export interface ClientData {
  client: ClientRecord;
  group: GroupRecord | null;
  history: HistoryEntry[];
  /** File names of the runs the history and log lines name, by run id. */
  runFiles: Record<string, string>;
  logLines: ClientLogLine[];
}

export async function collectClientData(db: ClientelaDb, id: string): Promise<ClientData | null> {
  return db.transaction('r', [db.clients, db.groups, db.history, db.runs, db.runLogs], async () => {
    const client = await db.clients.get(id);
    if (!client) return null;
    const runs = new Map((await db.runs.toArray()).map((r) => [r.id, r]));
    const logLines: ClientLogLine[] = [];
    for (const chunk of await db.runLogs.toArray()) {
      const run = runs.get(chunk.runId);
      for (const line of chunk.rows) if (line.clientId === id && run) logLines.push({ fileName: run.fileName, startedAt: run.startedAt, line });
    }
    const history = await loadHistory(db, id);
    const runFiles = Object.fromEntries([client.runId, ...history.map((h) => h.runId)].flatMap((runId) => {
      const run = runId === undefined ? undefined : runs.get(runId);
      return run ? [[run.id, run.fileName]] : [];
    }));
    return { client, group: (await db.groups.get(client.groupId)) ?? null, history, runFiles, logLines };
  });
}
