import { newId } from '../domain/ids';
import { CLIENT_FIELDS, type ClientRecord } from '../domain/entities/client';
import { listMappedFields } from '../domain/mapping';
import type { ReviewRow } from '../domain/review';
import { allowsIncomplete } from '../domain/requiredFields';
import type { ClientelaDb, RunLogChunk } from './db';
import { completeRecord, draftToRecord, replaceRecord } from './clients';
import { groupKey, loadGroupIndex, newGroup } from './groups';
import type { ImportOptions, LogMessage, LogRow, RunCounts, RunRecord } from './types';
import { recheckChunk } from './runFailure';
import { countLogRow, reopenRun, writeChunks } from './chunkedRun';
import { diffClients, historyEntry, type HistoryEntry } from './history';

/** Rows per chunk of a Grupos run, and of a clients run from before the size was recorded on it. */
export const CHUNK_SIZE = 2000;
const WRITE_SLICE = 2000;

/**
 * Rows per transaction of a clients run: a fifth of the file, between 2,000 and 20,000. Measured in
 * Chromium (100,000 rows): 20,000-row transactions write about a quarter faster than 2,000-row ones
 * (each commit costs more as the store grows); a crash still loses only the chunk in flight, and a file
 * of a few thousand rows still has a few chunks (a cancel lands between them). The run records it.
 * Progress is told every WRITE_SLICE rows sent, inside the chunk.
 */
export function chunkSizeFor(rows: number): number {
  return Math.min(20_000, Math.max(CHUNK_SIZE, Math.ceil(rows / 5)));
}

export type RunMeta = Pick<RunRecord, 'fileName' | 'fileSize' | 'fileHash' | 'sheet' | 'headerRow' | 'headers' | 'mapping'> & Partial<Pick<RunRecord, 'id' | 'notes' | 'review'>>;

/** A run stopped before its end (cancelled, tab closed, storage error) can go on from its next chunk. */
export function canResume(run: RunRecord): boolean {
  return (run.status === 'interrupted' || run.status === 'cancelled' || run.status === 'failed') && run.review !== undefined;
}

export interface ImportHooks {
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks: a cancel stops after the chunk in flight, which stays committed. */
  isCancelled?: () => boolean;
  /** Rows sent so far, inside a chunk not yet committed (a big chunk takes seconds): for the progress bar only. */
  onWriting?: (done: number, total: number) => void;
}

function toMessages(row: ReviewRow): LogMessage[] {
  return row.problems.map(({ code, field, level, message }) => ({ code, field, level, message }));
}

/** A row that can only come in as an incomplete client: its errors are all required values left empty. */
function isIncomplete(row: ReviewRow): boolean {
  const errors = row.problems.filter((p) => p.level === 'error');
  return errors.length > 0 && errors.every(allowsIncomplete);
}

/** An incomplete client's log messages: what it lacks is a warning, not a rejection. */
function incompleteMessages(row: ReviewRow): LogMessage[] {
  return toMessages(row).map((m) => (allowsIncomplete(m) && m.level === 'error' ? { ...m, level: 'warning', message: `Importado como cadastro incompleto: ${m.message}` } : m));
}

/** Whether the run writes the row at all (errors, repeats and — without the option — incomplete rows it does not). */
function writes(row: ReviewRow, options: ImportOptions): boolean {
  if (row.status === 'error' || row.status === 'duplicate') return false;
  if (row.status === 'existing' && options.existing === 'skip') return false;
  return options.importIncomplete === true || !isIncomplete(row);
}

/** How a registered row finds its stored client: by document, or (no document) by the id the review matched. */
function registeredKey(row: ReviewRow): string {
  return row.draft.document !== '' ? row.draft.document : `id:${row.existingId ?? ''}`;
}

function emptyCounts(total: number): RunCounts {
  return { total, imported: 0, updated: 0, skipped: 0, errors: 0 };
}

/** Creates the run and the groups the file names that do not exist yet (when allowed). */
async function startRun(db: ClientelaDb, meta: RunMeta, rows: readonly ReviewRow[], options: ImportOptions, chunkSize: number): Promise<{ run: RunRecord; groupIds: Map<string, string> }> {
  const run: RunRecord = {
    ...meta,
    id: meta.id ?? newId(),
    entity: 'clients',
    options,
    status: 'running',
    counts: emptyCounts(rows.length),
    createdGroupIds: [],
    startedAt: Date.now(),
    nextChunk: 0,
    chunkSize,
  };
  const groupIds = new Map<string, string>();
  // Invariant: a group created by an import is recorded in its run, so undo can remove it.
  await db.transaction('rw', db.groups, db.runs, async () => {
    const known = await loadGroupIndex(db);
    for (const [key, group] of known) groupIds.set(key, group.id);
    if (!options.createGroups) return;
    const created = new Map<string, ReturnType<typeof newGroup>>();
    for (const row of rows) {
      // Rows that will not be written (errors, repeats, registered clients left as they are) create no group.
      if (!writes(row, options) || row.draft.group === '') continue;
      const key = groupKey(row.draft.group);
      if (groupIds.has(key) || created.has(key)) continue;
      created.set(key, newGroup(row.draft.group, run.id));
    }
    await db.groups.bulkAdd([...created.values()]);
    for (const [key, group] of created) groupIds.set(key, group.id);
    run.createdGroupIds = [...created.values()].map((g) => g.id);
    await db.runs.add(run);
  });
  if (!options.createGroups) await db.runs.add(run);
  return { run, groupIds };
}

function rejectMissingGroup(row: ReviewRow): LogRow {
  return {
    row: row.rowNumber,
    status: 'error',
    cells: row.cells,
    messages: [
      ...toMessages(row),
      { code: 'group.not_found', field: 'group', level: 'error', message: `O grupo "${row.draft.group}" não existe e a importação foi feita sem criar grupos. Para importar esta linha, importe a planilha de novo com a opção "Criar os grupos que ainda não existem" marcada, ou troque o grupo pelo de um grupo existente.` },
    ],
  };
}

/** Writes one chunk: its clients, their log lines and the run's counters in one transaction. */
/**
 * The stored clients of the chunk's registered documents: by the id the review found (one bulk read),
 * else by the document index (a client stored since the review).
 */
async function loadRegistered(db: ClientelaDb, rows: readonly ReviewRow[], registered: ReadonlySet<string>): Promise<Map<string, ClientRecord>> {
  const wanted = rows.filter((r) => r.draft.document !== '' && registered.has(r.draft.document));
  const withoutDocument = rows.filter((r) => r.draft.document === '' && r.existingId !== undefined);
  if (wanted.length === 0 && withoutDocument.length === 0) return new Map();
  const byId = await db.clients.bulkGet(wanted.flatMap((r) => (r.existingId ? [r.existingId] : [])));
  const stored = new Map(byId.flatMap((c) => (c ? [[c.document, c] as const] : [])));
  for (const client of await db.clients.bulkGet(withoutDocument.map((r) => r.existingId ?? ''))) if (client) stored.set(`id:${client.id}`, client);
  const missing = wanted.map((r) => r.draft.document).filter((d) => !stored.has(d));
  if (missing.length > 0) for (const c of await db.clients.where('document').anyOf(missing).toArray()) stored.set(c.document, c);
  return stored;
}

/**
 * `registered`: the documents stored when the run (re)started, kept up to date as chunks add clients.
 * Only those are looked up in a chunk: seeking thousands of scattered documents in a large index, one
 * cursor step each, is what made big imports crawl. A document stored by another tab meanwhile hits the
 * unique index instead: the chunk rolls back whole and the run can be resumed.
 */
async function commitChunk(db: ClientelaDb, run: RunRecord, chunk: number, rows: readonly ReviewRow[], groupIds: ReadonlyMap<string, string>, registered: Set<string>, onWritten?: (rows: number) => void): Promise<void> {
  // Invariant: a client is never stored without its log line, nor a log line without its client.
  await db.transaction('rw', [db.clients, db.runs, db.runLogs, db.groups, db.history], async () => {
    // Another tab may have stopped the run or deleted a group since the last chunk: re-checked here, inside.
    await recheckChunk(db, run.id, new Set(rows.flatMap((r) => (writes(r, run.options) ? groupIds.get(groupKey(r.draft.group)) ?? [] : []))));
    const stored = await loadRegistered(db, rows, registered);
    const brought = listMappedFields(run.mapping, CLIENT_FIELDS);
    const adds: ClientRecord[] = [];
    const puts: ClientRecord[] = [];
    const changes: HistoryEntry[] = [];
    const log: LogRow[] = [];
    for (const row of rows) {
      const incomplete = isIncomplete(row);
      // Without the option an incomplete row is an error, as before; a registered one left as it is, a skip.
      const refused = incomplete && run.options.importIncomplete !== true && (row.status === 'incomplete' || (row.status === 'existing' && run.options.existing !== 'skip'));
      if (row.status === 'error' || refused) {
        log.push({ row: row.rowNumber, status: 'error', messages: toMessages(row), cells: row.cells });
        continue;
      }
      if (row.status === 'duplicate') {
        log.push({ row: row.rowNumber, status: 'skipped', messages: toMessages(row) });
        continue;
      }
      // Only an incomplete client has no group.
      const groupId = row.draft.group === '' ? '' : groupIds.get(groupKey(row.draft.group));
      if (groupId === undefined) {
        log.push(rejectMissingGroup(row));
        continue;
      }
      const incoming = draftToRecord(row.draft, groupId, { runId: run.id, row: row.rowNumber });
      const existing = row.status === 'existing' || row.draft.document !== '' ? stored.get(registeredKey(row)) : undefined;
      const messages = (incomplete ? incompleteMessages(row) : toMessages(row)).filter((m) => m.code !== 'document.already_registered' && m.code !== 'contact.already_registered');
      if (!existing) {
        adds.push(incoming);
        if (incoming.document !== '') stored.set(incoming.document, incoming);
        log.push(messages.length ? { row: row.rowNumber, status: 'imported', clientId: incoming.id, messages } : { row: row.rowNumber, status: 'imported', clientId: incoming.id });
        continue;
      }
      const next = run.options.existing === 'replace' ? replaceRecord(existing, incoming, brought) : run.options.existing === 'complete' ? completeRecord(existing, incoming) : null;
      if (next === null) {
        const same = row.draft.document !== '' ? 'mesmo CPF/CNPJ' : 'mesmo nome e telefone ou e-mail';
        const why = run.options.existing === 'complete' ? 'Cliente já cadastrado, sem campos vazios a completar.' : `Cliente já cadastrado (${same}); linha ignorada.`;
        const own = toMessages(row).filter((m) => m.code !== 'document.already_registered' && m.code !== 'contact.already_registered');
        log.push({ row: row.rowNumber, status: 'skipped', clientId: existing.id, messages: [...own, { code: 'document.already_registered', field: 'document', level: 'warning', message: why }] });
        continue;
      }
      puts.push(next);
      changes.push(historyEntry(existing.id, 'import', 'updated', diffClients(existing, next), { runId: run.id, row: row.rowNumber }));
      stored.set(registeredKey(row), next);
      log.push({ row: row.rowNumber, status: 'updated', clientId: existing.id, before: existing, messages });
    }
    // In slices, to tell the progress as the chunk goes (the transaction, and so the rollback, stays one).
    for (let from = 0; from < adds.length; from += WRITE_SLICE) {
      await db.clients.bulkAdd(adds.slice(from, from + WRITE_SLICE));
      onWritten?.(Math.round((rows.length * Math.min(adds.length, from + WRITE_SLICE)) / adds.length));
    }
    for (const client of adds) if (client.document !== '') registered.add(client.document);
    await db.clients.bulkPut(puts);
    await db.history.bulkAdd(changes);
    const logChunk: RunLogChunk = { runId: run.id, chunk, rows: log };
    await db.runLogs.add(logChunk);
    for (const entry of log) {
      countLogRow(run.counts, entry);
      // Counted only when there is one: older runs, and runs without any, keep their counts as they were.
      if (entry.status !== 'error' && entry.status !== 'skipped' && entry.messages?.some((m) => allowsIncomplete(m) && m.level === 'warning')) run.counts.incomplete = (run.counts.incomplete ?? 0) + 1;
    }
    run.nextChunk = chunk + 1;
    await db.runs.update(run.id, { counts: run.counts, nextChunk: run.nextChunk });
  });
}

/**
 * Imports the reviewed rows in chunks. Each chunk is one transaction; a crash loses at most the chunk in
 * flight. Returns the finished run (status done or cancelled).
 */
export async function runImport(db: ClientelaDb, meta: RunMeta, rows: readonly ReviewRow[], options: ImportOptions, hooks: ImportHooks = {}, chunkSize = chunkSizeFor(rows.length)): Promise<RunRecord> {
  const { run, groupIds } = await startRun(db, meta, rows, options, chunkSize);
  return continueRun(db, run, rows, groupIds, hooks, chunkSize);
}

async function continueRun(db: ClientelaDb, run: RunRecord, rows: readonly ReviewRow[], groupIds: ReadonlyMap<string, string>, hooks: ImportHooks, chunkSize: number): Promise<RunRecord> {
  // One read of the whole index (its keys only) instead of a lookup per row.
  const registered = new Set((await db.clients.orderBy('document').keys()).map(String));
  return writeChunks(db, run, rows.length, (chunk, from, to, onWritten) => commitChunk(db, run, chunk, rows.slice(from, to), groupIds, registered, onWritten), hooks, chunkSize);
}

/** Resumes an interrupted run with the same reviewed rows (the user opened the same file again). */
export async function resumeRun(db: ClientelaDb, runId: string, rows: readonly ReviewRow[], hooks: ImportHooks = {}, chunkSize = CHUNK_SIZE): Promise<RunRecord> {
  const { run, resumable } = await reopenRun(db, runId);
  if (!resumable) return run;
  const groups = await loadGroupIndex(db);
  // The chunks of the run as it started (`chunkSize` only says what a run from before it was recorded used).
  return continueRun(db, run, rows, new Map([...groups].map(([k, g]) => [k, g.id])), hooks, run.chunkSize ?? chunkSize);
}

/** Runs left "running" by a closed tab are interrupted (but the ones `stillRunning` in another tab): called when the app starts. */
export async function markInterruptedRuns(db: ClientelaDb, stillRunning: ReadonlySet<string> = new Set(), reason?: string): Promise<number> {
  return db.runs.where('status').equals('running').and((run) => !stillRunning.has(run.id)).modify(reason === undefined ? { status: 'interrupted' } : { status: 'interrupted', failure: reason });
}

/**
 * The Web Lock an import holds while it runs (`navigator.locks`, shared by every tab): a tab opening
 * while another one imports leaves that run alone.
 */
export const RUN_LOCK_PREFIX = 'clientela-run:';

export async function loadRunLog(db: ClientelaDb, runId: string): Promise<LogRow[]> {
  const chunks = await db.runLogs.where('[runId+chunk]').between([runId, -Infinity], [runId, Infinity]).toArray();
  return chunks.flatMap((c) => c.rows);
}
