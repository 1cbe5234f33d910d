/**
 * A backup is checked as it will be stored. Every client (and every "before" image kept for undo) goes
 * through the import's rules and is restored in the normalized form those rules give (documents,
 * e-mails, phones as the app stores them), so a hand-edited "123.456.789-09" can neither slip past the
 * unique index nor sit beside "12345678909". The file must also hang together: each client in a group of
 * the file, one client per CPF/CNPJ, each log chunk with its run, each imported or updated log line with
 * its client. A backup made by the app passes unchanged.
 *
 * Problem codes (level error; nothing is restored when one is returned):
 *   backup.inconsistent    The parts of the file do not fit together (the sentence says which and where).
 *   backup.invalid_client  A client, or a client kept for undo, breaks the import's rules.
 */
import { CLIENT_FIELDS, type ClientRecord, type GroupRecord } from '../domain/entities/client';
import { DEFAULT_CONTEXT } from '../domain/entities/field';
import { validateClient, type RawClient } from '../domain/validateClient';
import { allowsIncomplete } from '../domain/requiredFields';
import { formatDocument } from '../domain/rules/document';
import { refusal, type Parsed } from '../domain/problems';
import { countOf } from '../domain/plural';
import type { Backup } from './backup';
import { cleanGroupName, groupKey } from './groups';

const NOTHING = ' Nada foi restaurado; use outra cópia.';

function inconsistent(why: string): Parsed<null> {
  return refusal('backup.inconsistent', `A cópia de segurança está incompleta ou foi alterada: ${why}.${NOTHING}`);
}

/** The client as the app would store it, or the first error the import's rules find in it. */
function normalizeClient(client: ClientRecord, groupName: string): { record: ClientRecord } | { error: string } {
  const raw: RawClient = { group: groupName };
  for (const field of CLIENT_FIELDS) if (field.key !== 'group') raw[field.key] = client[field.key];
  const { data, problems } = validateClient(raw, DEFAULT_CONTEXT, { typedByHand: true });
  // An incomplete client (a required value left empty) is one the app stores; an invalid value is not.
  const error = problems.find((p) => p.level === 'error' && !allowsIncomplete(p));
  if (error) return { error: error.message };
  const { group: _group, kind, ...fields } = data;
  void _group;
  return { record: { ...client, ...fields, kind: kind === 'PJ' ? 'PJ' : 'PF' } };
}

function normalizeGroups(groups: readonly GroupRecord[]): Parsed<GroupRecord[] | null> {
  const out: GroupRecord[] = [];
  const byKey = new Map<string, GroupRecord>();
  for (const group of groups) {
    const name = cleanGroupName(group.name);
    if (name.data === null) return inconsistent(`o grupo "${group.name}" tem um nome inválido (${name.problems[0]?.message ?? ''})`);
    const clean: GroupRecord = { ...group, name: name.data, nameKey: groupKey(name.data) };
    const twin = byKey.get(clean.nameKey);
    if (twin) return inconsistent(`dois grupos têm o mesmo nome ("${twin.name}" e "${clean.name}")`);
    byKey.set(clean.nameKey, clean);
    out.push(clean);
  }
  if (new Set(out.map((g) => g.id)).size !== out.length) return inconsistent('dois grupos têm o mesmo código interno');
  return { data: out, problems: [] };
}

function normalizeClients(clients: readonly ClientRecord[], groups: readonly GroupRecord[]): Parsed<ClientRecord[] | null> {
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  // An incomplete client may have no group ('').
  const orphans = clients.filter((c) => c.groupId !== '' && !groupNames.has(c.groupId));
  if (orphans.length > 0) return inconsistent(`${countOf(orphans.length, 'cliente está', 'clientes estão')} num grupo que não está na cópia (por exemplo, "${orphans[0]?.name ?? ''}")`);
  const out: ClientRecord[] = [];
  const byDocument = new Map<string, ClientRecord>();
  for (const client of clients) {
    const result = normalizeClient(client, groupNames.get(client.groupId) ?? '');
    if ('error' in result) {
      return refusal('backup.invalid_client', `A cópia de segurança foi alterada e tem um cliente inválido ("${client.name || 'sem nome'}"): ${result.error}${NOTHING}`);
    }
    // Clients without CPF/CNPJ ('') are many; only a document is unique.
    const twin = result.record.document === '' ? undefined : byDocument.get(result.record.document);
    if (twin) return inconsistent(`dois clientes têm o mesmo CPF/CNPJ ${formatDocument(result.record.document)} ("${twin.name}" e "${client.name}")`);
    if (result.record.document !== '') byDocument.set(result.record.document, result.record);
    out.push(result.record);
  }
  if (new Set(out.map((c) => c.id)).size !== out.length) return inconsistent('dois clientes têm o mesmo código interno');
  return { data: out, problems: [] };
}

/** Runs and their logs: unique runs, every log chunk with its run, every written line with its client, valid undo images. */
function normalizeRuns(backup: Backup, groups: readonly GroupRecord[]): Parsed<Pick<Backup, 'runs' | 'runLogs'> | null> {
  const runs = new Map(backup.runs.map((r) => [r.id, r]));
  if (runs.size !== backup.runs.length) return inconsistent('duas importações do log têm o mesmo código interno');
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const chunks = new Set<string>();
  const runLogs: Backup['runLogs'] = [];
  for (const chunk of backup.runLogs) {
    const run = runs.get(chunk.runId);
    if (!run) return inconsistent(`há linhas de log (bloco ${chunk.chunk + 1}) de uma importação que não está na cópia`);
    const key = `${chunk.runId}\u0000${chunk.chunk}`;
    if (chunks.has(key)) return inconsistent(`o bloco ${chunk.chunk + 1} do log da importação de "${run.fileName}" aparece duas vezes`);
    chunks.add(key);
    const rows: typeof chunk.rows = [];
    for (const line of chunk.rows) {
      const where = `a linha ${line.row} do log da importação de "${run.fileName}"`;
      // A line whose client was deleted (LGPD) keeps only its row and status, on purpose.
      if (line.erased === true) {
        rows.push(line);
        continue;
      }
      // A Grupos run's lines name the group they wrote, and keep the group as it was for undo.
      if (run.entity === 'groups') {
        if ((line.status === 'imported' || line.status === 'updated') && !line.groupId) return inconsistent(`${where} diz que um grupo foi gravado, mas não diz qual`);
        if (line.status === 'updated' && !line.groupBefore) return inconsistent(`${where} não tem o grupo como era antes (necessário para desfazer)`);
        rows.push(line);
        continue;
      }
      if ((line.status === 'imported' || line.status === 'updated') && !line.clientId) return inconsistent(`${where} diz que um cliente foi gravado, mas não diz qual`);
      if (line.status === 'updated' && !line.before) return inconsistent(`${where} não tem o cliente como era antes (necessário para desfazer)`);
      if (!line.before) {
        rows.push(line);
        continue;
      }
      // A client deleted since keeps its group's name out of the file: its group is not checked here.
      const result = normalizeClient(line.before, groupNames.get(line.before.groupId) ?? 'grupo excluído');
      if ('error' in result) {
        return refusal('backup.invalid_client', `A cópia de segurança foi alterada: o cliente "${line.before.name || 'sem nome'}" guardado para desfazer ${where} é inválido: ${result.error}${NOTHING}`);
      }
      rows.push({ ...line, before: result.record });
    }
    runLogs.push({ ...chunk, rows });
  }
  // A backup made while an import ran holds it "running": restored, nothing runs it, so it is interrupted.
  const restoredRuns = backup.runs.map((r) => (r.status === 'running' ? { ...r, status: 'interrupted' as const, failure: 'A cópia de segurança foi feita durante esta importação. O que ela já tinha gravado foi restaurado; use "Retomar importação" com o mesmo arquivo para continuar.' } : r));
  return { data: { runs: restoredRuns, runLogs }, problems: [] };
}

/** The backup as it will be stored (normalized), or why it cannot be restored. */
export function normalizeBackup(backup: Backup): Parsed<Backup | null> {
  const groups = normalizeGroups(backup.groups);
  if (!groups.data) return { data: null, problems: groups.problems };
  const clients = normalizeClients(backup.clients, groups.data);
  if (!clients.data) return { data: null, problems: clients.problems };
  const runs = normalizeRuns(backup, groups.data);
  if (!runs.data) return { data: null, problems: runs.problems };
  return { data: { ...backup, groups: groups.data, clients: clients.data, ...runs.data }, problems: [] };
}
