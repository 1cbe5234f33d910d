/**
 * Backup (DESIGN.md §1 item 11): everything stored, as one versioned JSON file, and its restore. A file
 * is checked whole before anything is written; the restore replaces the stored data in one transaction.
 */
import * as v from 'valibot';
import { ClientSchema, GroupSchema } from '../domain/entities/client';
import { refusal, type Parsed } from '../domain/problems';
import { normalizeBackup } from './backupCheck';
import type { ClientelaDb, MappingProfile, RunLogChunk } from './db';
import type { RunRecord } from './types';
import { HISTORY_FIELDS } from './history';

export const BACKUP_FORMAT = 'clientela-backup';
/** Raised when the file's shape changes; a restore reads this version and older ones. */
export const BACKUP_VERSION = 1;

const text = v.string();
const raw = v.record(v.string(), v.string());
const LogMessageSchema = v.object({ code: text, field: text, level: v.picklist(['error', 'warning', 'fix']), message: text });
const LogRowSchema = v.object({
  row: v.number(),
  status: v.picklist(['imported', 'updated', 'skipped', 'error']),
  clientId: v.optional(text),
  messages: v.optional(v.array(LogMessageSchema)),
  before: v.optional(ClientSchema),
  groupId: v.optional(text),
  groupBefore: v.optional(GroupSchema),
  cells: v.optional(v.array(text)),
  erased: v.optional(v.boolean()),
});
const MappingSchema = v.array(v.nullable(text));
const HistorySchema = v.object({
  id: text,
  clientId: text,
  at: v.number(),
  source: v.picklist(['hand', 'import', 'undo']),
  action: v.picklist(['created', 'updated']),
  runId: v.optional(text),
  row: v.optional(v.number()),
  changes: v.array(v.object({ field: v.picklist(HISTORY_FIELDS), before: text, after: text })),
});
const RunSchema = v.object({
  id: text,
  entity: v.picklist(['clients', 'groups']),
  fileName: text,
  fileSize: v.number(),
  fileHash: text,
  sheet: text,
  headerRow: v.number(),
  headers: v.array(text),
  mapping: MappingSchema,
  notes: v.optional(v.array(text)),
  options: v.object({ existing: v.picklist(['skip', 'complete', 'replace']), createGroups: v.boolean(), importIncomplete: v.optional(v.boolean()) }),
  review: v.optional(v.object({ defaults: raw, declined: v.array(text), edits: v.array(v.tuple([v.number(), raw])), required: v.optional(v.array(text)) })),
  status: v.picklist(['running', 'done', 'cancelled', 'interrupted', 'failed', 'undone']),
  counts: v.object({ total: v.number(), imported: v.number(), updated: v.number(), skipped: v.number(), errors: v.number(), incomplete: v.optional(v.number()) }),
  createdGroupIds: v.array(text),
  startedAt: v.number(),
  endedAt: v.optional(v.number()),
  undoneAt: v.optional(v.number()),
  nextChunk: v.number(),
  chunkSize: v.optional(v.number()),
  failure: v.optional(text),
  keptGroups: v.optional(v.array(text)),
});

export const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(BACKUP_VERSION)),
  exportedAt: v.number(),
  clients: v.array(ClientSchema),
  groups: v.array(GroupSchema),
  runs: v.array(RunSchema),
  runLogs: v.array(v.object({ runId: text, chunk: v.number(), rows: v.array(LogRowSchema) })),
  mappings: v.array(v.object({ entity: text, signature: text, mapping: MappingSchema, usedAt: v.number() })),
  /** The office's settings ("Campos obrigatórios"); absent in backups made before there were any. */
  settings: v.optional(v.array(v.object({ key: text, value: v.array(text) }))),
  /** Absent in backups made before clients had a history. */
  history: v.optional(v.array(HistorySchema)),
});

export type Backup = v.InferOutput<typeof BackupSchema>;

// The schema must describe what the tables hold: these fail to compile when the two drift apart.
const runsFit = (runs: Backup['runs']): RunRecord[] => runs;
const logsFit = (logs: Backup['runLogs']): RunLogChunk[] => logs;
const mappingsFit = (mappings: Backup['mappings']): MappingProfile[] => mappings;

export async function createBackup(db: ClientelaDb): Promise<Backup> {
  // One read transaction: the file is a consistent picture even if an import runs meanwhile.
  return db.transaction('r', [db.clients, db.groups, db.runs, db.runLogs, db.mappings, db.settings, db.history], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: Date.now(),
    clients: await db.clients.toArray(),
    groups: await db.groups.toArray(),
    runs: await db.runs.toArray(),
    runLogs: await db.runLogs.toArray(),
    mappings: await db.mappings.toArray(),
    settings: await db.settings.toArray(),
    history: await db.history.toArray(),
  }));
}

const PART_NAMES: Record<string, string> = { clients: 'cliente', groups: 'grupo', runs: 'importação', runLogs: 'bloco do log', mappings: 'mapeamento', rows: 'linha', before: 'cliente guardado para desfazer' };

/** Where the first thing wrong is, in words ("no cliente nº 13 (\"Maria\"), campo document"). */
function placeOf(issue: v.BaseIssue<unknown>): string {
  const parts: string[] = [];
  let field = '';
  for (const item of issue.path ?? []) {
    const key = String(item.key);
    if (typeof item.key === 'number') {
      const name = typeof item.value === 'object' && item.value !== null && 'name' in item.value && typeof item.value.name === 'string' ? ` ("${item.value.name}")` : '';
      parts.push(`nº ${item.key + 1}${name}`);
    } else if (PART_NAMES[key]) parts.push(PART_NAMES[key]);
    else field = key;
  }
  const where = parts.join(', ');
  const received = issue.received === 'undefined' ? 'está faltando' : `tem um valor inválido (${issue.received})`;
  return where === '' && field === '' ? '' : ` (no ${where}${field ? `, o campo "${field}" ${received}` : ''})`;
}

/** Reads a backup file's text: the backup, or a Portuguese sentence saying why it cannot be restored. */
export function readBackup(textContent: string): Parsed<Backup | null> {
  let json: unknown;
  try {
    json = JSON.parse(textContent);
  } catch {
    return refusal('backup.not_json', 'Este arquivo não é uma cópia de segurança do Clientela (não é um arquivo JSON). Escolha o arquivo baixado em "Baixar cópia de segurança".');
  }
  const header = v.safeParse(v.looseObject({ format: v.literal(BACKUP_FORMAT), version: v.number() }), json);
  if (!header.success) {
    return refusal('backup.not_backup', 'Este arquivo JSON não é uma cópia de segurança do Clientela. Escolha o arquivo baixado em "Baixar cópia de segurança".');
  }
  if (header.output.version > BACKUP_VERSION) {
    return refusal('backup.newer', 'Esta cópia de segurança foi feita por uma versão mais nova do Clientela. Atualize a página (ou o navegador) e tente de novo.');
  }
  const parsed = v.safeParse(BackupSchema, json);
  if (!parsed.success) {
    const where = parsed.issues[0] ? placeOf(parsed.issues[0]) : '';
    return refusal('backup.damaged', `A cópia de segurança está danificada ou foi alterada${where}. Nada foi restaurado; use outra cópia.`);
  }
  return normalizeBackup(parsed.output);
}

/** Replaces everything stored by the backup's content. */
export async function restoreBackup(db: ClientelaDb, backup: Backup): Promise<void> {
  // Invariant: a restore is whole or nothing; the old data is only gone once the new data is in.
  await db.transaction('rw', [db.clients, db.groups, db.runs, db.runLogs, db.mappings, db.settings, db.history], async () => {
    await Promise.all([db.clients.clear(), db.groups.clear(), db.runs.clear(), db.runLogs.clear(), db.mappings.clear(), db.settings.clear(), db.history.clear()]);
    await db.history.bulkAdd(backup.history ?? []);
    await db.groups.bulkAdd(backup.groups);
    await db.clients.bulkAdd(backup.clients);
    await db.runs.bulkAdd(runsFit(backup.runs));
    await db.runLogs.bulkAdd(logsFit(backup.runLogs));
    await db.mappings.bulkAdd(mappingsFit(backup.mappings));
    await db.settings.bulkAdd(backup.settings ?? []);
  });
}
