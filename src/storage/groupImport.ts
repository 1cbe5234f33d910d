/**
 * The import of a Grupos spreadsheet: the same run, chunks, log, cancel, resume and failure handling as
 * the clients' (chunkedRun.ts, runFailure.ts), writing groups. A group already registered (same name
 * without case or accents) is ignored, completed (its empty description filled) or replaced (its
 * description taken from the file), as the user chose for the run — the choices clients have.
 */
import { newId } from '../domain/ids';
import type { GroupRecord } from '../domain/entities/client';
import type { GroupReviewRow } from '../domain/groupReview';
import { GROUP_FIELDS } from '../domain/entities/group';
import { listMappedFields } from '../domain/mapping';
import type { ClientelaDb, RunLogChunk } from './db';
import { CHUNK_SIZE, type ImportHooks, type RunMeta } from './importRun';
import { groupKey, newGroup } from './groups';
import { recheckChunk } from './runFailure';
import { countLogRow, reopenRun, writeChunks } from './chunkedRun';
import type { ExistingPolicy, ImportOptions, LogMessage, LogRow, RunRecord } from './types';

function toMessages(row: GroupReviewRow): LogMessage[] {
  return row.problems.filter((p) => p.code !== 'group.already_registered').map(({ code, field, level, message }) => ({ code, field, level, message }));
}

/** The stored group as the run's choice leaves it, or null when the row changes nothing. */
function updatedGroup(stored: GroupRecord, row: GroupReviewRow, existing: ExistingPolicy, brought: ReadonlySet<string>): GroupRecord | null {
  const description = row.draft.description;
  if (existing === 'complete' && stored.description === '' && description !== '') return { ...stored, description };
  // A file without a Descrição column says nothing of descriptions: "Substituir" leaves them.
  if (existing === 'replace' && brought.has('description') && stored.description !== description) return { ...stored, description };
  return null;
}

function skippedExisting(row: GroupReviewRow, stored: GroupRecord, existing: ExistingPolicy): LogRow {
  const why = existing === 'skip' ? `O grupo "${stored.name}" já existe; linha ignorada.`
    : existing === 'complete' ? `O grupo "${stored.name}" já existe e não tem campos vazios a completar.`
    : `O grupo "${stored.name}" já existe e está igual ao da planilha.`;
  return { row: row.rowNumber, status: 'skipped', groupId: stored.id, messages: [...toMessages(row), { code: 'group.already_registered', field: 'name', level: 'warning', message: why }] };
}

/** One chunk: its groups, their log lines and the run's counters in one transaction. */
async function commitGroupChunk(db: ClientelaDb, run: RunRecord, chunk: number, rows: readonly GroupReviewRow[]): Promise<void> {
  // Invariant: a group is never written without its log line, nor a log line without its group.
  await db.transaction('rw', [db.groups, db.runs, db.runLogs], async () => {
    await recheckChunk(db, run.id, new Set());
    // Looked up here, inside: a group created since the review (another tab, an earlier chunk) is "existing".
    const keys = rows.flatMap((r) => (r.status === 'error' || r.status === 'duplicate' ? [] : [groupKey(r.draft.name)]));
    const stored = new Map((await db.groups.where('nameKey').anyOf(keys).toArray()).map((g) => [g.nameKey, g]));
    const adds: GroupRecord[] = [];
    const puts: GroupRecord[] = [];
    const log: LogRow[] = [];
    const brought = listMappedFields(run.mapping, GROUP_FIELDS);
    for (const row of rows) {
      if (row.status === 'error') {
        log.push({ row: row.rowNumber, status: 'error', messages: toMessages(row), cells: row.cells });
        continue;
      }
      if (row.status === 'duplicate') {
        log.push({ row: row.rowNumber, status: 'skipped', messages: toMessages(row) });
        continue;
      }
      const messages = toMessages(row);
      const key = groupKey(row.draft.name);
      const existing = stored.get(key);
      if (!existing) {
        const group = { ...newGroup(row.draft.name, run.id), description: row.draft.description };
        adds.push(group);
        stored.set(key, group);
        log.push(messages.length ? { row: row.rowNumber, status: 'imported', groupId: group.id, messages } : { row: row.rowNumber, status: 'imported', groupId: group.id });
        continue;
      }
      const next = updatedGroup(existing, row, run.options.existing, brought);
      if (next === null) {
        log.push(skippedExisting(row, existing, run.options.existing));
        continue;
      }
      puts.push(next);
      stored.set(key, next);
      log.push({ row: row.rowNumber, status: 'updated', groupId: existing.id, groupBefore: existing, messages });
    }
    await db.groups.bulkAdd(adds);
    await db.groups.bulkPut(puts);
    const logChunk: RunLogChunk = { runId: run.id, chunk, rows: log };
    await db.runLogs.add(logChunk);
    for (const entry of log) countLogRow(run.counts, entry);
    run.createdGroupIds = [...run.createdGroupIds, ...adds.map((g) => g.id)];
    run.nextChunk = chunk + 1;
    await db.runs.update(run.id, { counts: run.counts, nextChunk: run.nextChunk, createdGroupIds: run.createdGroupIds });
  });
}

/** Imports the reviewed group rows in chunks, like runImport does clients. */
export async function runGroupImport(db: ClientelaDb, meta: RunMeta, rows: readonly GroupReviewRow[], options: ImportOptions, hooks: ImportHooks = {}, chunkSize = CHUNK_SIZE): Promise<RunRecord> {
  const run: RunRecord = {
    ...meta,
    id: meta.id ?? newId(),
    entity: 'groups',
    // Groups create no other groups; the option is the clients' and stays off.
    options: { ...options, createGroups: false, importIncomplete: false },
    status: 'running',
    counts: { total: rows.length, imported: 0, updated: 0, skipped: 0, errors: 0 },
    createdGroupIds: [],
    startedAt: Date.now(),
    nextChunk: 0,
  };
  await db.runs.add(run);
  return writeChunks(db, run, rows.length, (chunk, from, to) => commitGroupChunk(db, run, chunk, rows.slice(from, to)), hooks, chunkSize);
}

/** Goes on with a Grupos run cut short, with the same reviewed rows (the same file read again). */
export async function resumeGroupRun(db: ClientelaDb, runId: string, rows: readonly GroupReviewRow[], hooks: ImportHooks = {}, chunkSize = CHUNK_SIZE): Promise<RunRecord> {
  const { run, resumable } = await reopenRun(db, runId);
  if (!resumable) return run;
  return writeChunks(db, run, rows.length, (chunk, from, to) => commitGroupChunk(db, run, chunk, rows.slice(from, to)), hooks, chunkSize);
}
