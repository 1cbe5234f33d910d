/**
 * Backup (DESIGN.md §1 item 11): everything stored, as one versioned JSON file, and its restore. A file
 * is checked whole before anything is written; the restore replaces the stored data in one transaction.
 */
import * as v from 'valibot';
import { CLIENT_FIELDS, ClientSchema, GroupSchema } from '../domain/entities/client';
import { DEFAULT_CONTEXT } from '../domain/entities/field';
import { validateClient, type RawClient } from '../domain/validateClient';
import { refusal, type Parsed } from '../domain/problems';
import { countOf } from '../domain/plural';
import type { ClientelaDb, MappingProfile, RunLogChunk } from './db';
import type { RunRecord } from './types';

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
  cells: v.optional(v.array(text)),
});
const MappingSchema = v.array(v.nullable(text));
const RunSchema = v.object({
  id: text,
  entity: v.literal('clients'),
  fileName: text,
  fileSize: v.number(),
  fileHash: text,
  sheet: text,
  headerRow: v.number(),
  headers: v.array(text),
  mapping: MappingSchema,
  notes: v.optional(v.array(text)),
  options: v.object({ existing: v.picklist(['skip', 'complete', 'replace']), createGroups: v.boolean() }),
  review: v.optional(v.object({ defaults: raw, declined: v.array(text), edits: v.array(v.tuple([v.number(), raw])) })),
  status: v.picklist(['running', 'done', 'cancelled', 'interrupted', 'failed', 'undone']),
  counts: v.object({ total: v.number(), imported: v.number(), updated: v.number(), skipped: v.number(), errors: v.number() }),
  createdGroupIds: v.array(text),
  startedAt: v.number(),
  endedAt: v.optional(v.number()),
  undoneAt: v.optional(v.number()),
  nextChunk: v.number(),
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
});

export type Backup = v.InferOutput<typeof BackupSchema>;

// The schema must describe what the tables hold: these fail to compile when the two drift apart.
const runsFit = (runs: Backup['runs']): RunRecord[] => runs;
const logsFit = (logs: Backup['runLogs']): RunLogChunk[] => logs;
const mappingsFit = (mappings: Backup['mappings']): MappingProfile[] => mappings;

export async function createBackup(db: ClientelaDb): Promise<Backup> {
  // One read transaction: the file is a consistent picture even if an import runs meanwhile.
  return db.transaction('r', [db.clients, db.groups, db.runs, db.runLogs, db.mappings], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: Date.now(),
    clients: await db.clients.toArray(),
    groups: await db.groups.toArray(),
    runs: await db.runs.toArray(),
    runLogs: await db.runLogs.toArray(),
    mappings: await db.mappings.toArray(),
  }));
}

/** Where the first thing wrong is, in words ("clients › 12 › document"). */
function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join(' › ');
}

/**
 * A backup is data the app wrote, but a file can be edited by hand: every client goes through the same
 * rules as an import or the form (a name, a valid CPF/CNPJ, a phone, a valid e-mail…). The sentence of
 * the first client that fails, or null.
 */
function findInvalidClient(backup: Pick<Backup, 'clients' | 'groups'>): string | null {
  const groupNames = new Map(backup.groups.map((g) => [g.id, g.name]));
  for (const client of backup.clients) {
    const raw: RawClient = { group: groupNames.get(client.groupId) ?? '' };
    for (const field of CLIENT_FIELDS) if (field.key !== 'group') raw[field.key] = client[field.key];
    const error = validateClient(raw, DEFAULT_CONTEXT, { typedByHand: true }).problems.find((p) => p.level === 'error');
    if (error) return `A cópia de segurança foi alterada e tem um cliente inválido ("${client.name || 'sem nome'}"): ${error.message} Nada foi restaurado; use outra cópia.`;
  }
  return null;
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
    const where = parsed.issues[0] ? pathOf(parsed.issues[0]) : '';
    return refusal('backup.damaged', `A cópia de segurança está danificada ou foi alterada${where ? ` (em ${where})` : ''}. Nada foi restaurado; use outra cópia.`);
  }
  const backup = parsed.output;
  if (new Set(backup.groups.map((g) => g.nameKey)).size !== backup.groups.length) {
    return refusal('backup.inconsistent', 'A cópia de segurança está incompleta: dois grupos têm o mesmo nome. Nada foi restaurado; use outra cópia.');
  }
  const groupIds = new Set(backup.groups.map((g) => g.id));
  const orphans = backup.clients.filter((c) => !groupIds.has(c.groupId)).length;
  const documents = new Set(backup.clients.map((c) => c.document));
  if (orphans > 0 || documents.size !== backup.clients.length) {
    const why = orphans > 0 ? `${countOf(orphans, 'cliente está', 'clientes estão')} num grupo que não está na cópia` : 'dois clientes têm o mesmo CPF/CNPJ';
    return refusal('backup.inconsistent', `A cópia de segurança está incompleta: ${why}. Nada foi restaurado; use outra cópia.`);
  }
  const invalid = findInvalidClient(backup);
  if (invalid !== null) return refusal('backup.invalid_client', invalid);
  return { data: backup, problems: [] };
}

/** Replaces everything stored by the backup's content. */
export async function restoreBackup(db: ClientelaDb, backup: Backup): Promise<void> {
  // Invariant: a restore is whole or nothing; the old data is only gone once the new data is in.
  await db.transaction('rw', [db.clients, db.groups, db.runs, db.runLogs, db.mappings], async () => {
    await Promise.all([db.clients.clear(), db.groups.clear(), db.runs.clear(), db.runLogs.clear(), db.mappings.clear()]);
    await db.groups.bulkAdd(backup.groups);
    await db.clients.bulkAdd(backup.clients);
    await db.runs.bulkAdd(runsFit(backup.runs));
    await db.runLogs.bulkAdd(logsFit(backup.runLogs));
    await db.mappings.bulkAdd(mappingsFit(backup.mappings));
  });
}
