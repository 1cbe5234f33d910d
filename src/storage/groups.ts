/**
 * Groups: a way to organize clients (área de atuação, carteira…). Every client belongs to exactly one.
 *
 * Problem codes (level error; nothing is written when one is returned):
 *   group.name_empty    The name is empty (or only spaces).
 *   group.name_invalid  The name has no letter or digit, so it cannot be told apart from other names.
 *   group.name_too_long The name is longer than MAX_GROUP_NAME characters.
 *   group.name_taken    Another group has the same name without case, accents or punctuation.
 *   group.not_empty     The group still has clients and no group was chosen to move them to.
 *   group.description_too_long  The description is longer than MAX_GROUP_DESCRIPTION characters.
 *   group.not_found     The group no longer exists (deleted elsewhere, or its import undone).
 */
import { newId } from '../domain/ids';
import { toMatchKey, collapseSpaces } from '../domain/text';
import { countOf } from '../domain/plural';
import { checkGroupDescription, checkGroupName, MAX_GROUP_DESCRIPTION, MAX_GROUP_NAME } from '../domain/rules/group';
import type { GroupRecord } from '../domain/entities/client';
import type { Parsed, Problem } from '../domain/problems';
import type { ClientelaDb } from './db';
import { historyEntry } from './history';

/** Two group names are the same group when they match without case, accents or punctuation. */
export function groupKey(name: string): string {
  return toMatchKey(name);
}

export function newGroup(name: string, runId?: string): GroupRecord {
  const clean = collapseSpaces(name);
  const group: GroupRecord = { id: newId(), name: clean, nameKey: groupKey(clean), description: '', createdAt: Date.now() };
  if (runId !== undefined) group.runId = runId;
  return group;
}

export async function loadGroupIndex(db: ClientelaDb): Promise<Map<string, GroupRecord>> {
  const groups = await db.groups.toArray();
  return new Map(groups.map((g) => [g.nameKey, g]));
}

function groupProblem(code: string, field: string, value: string, message: string): Problem {
  return { code, field, value, level: 'error', message };
}

export { MAX_GROUP_NAME };

/** A name as it will be stored (trimmed, inner spaces collapsed), or the reason it cannot be. Pure. */
export function cleanGroupName(raw: string): Parsed<string | null> {
  const name = collapseSpaces(raw);
  if (name === '') return { data: null, problems: [groupProblem('group.name_empty', 'name', raw, 'Digite um nome para o grupo.')] };
  const broken = checkGroupName(name, raw);
  if (broken) return { data: null, problems: [groupProblem(broken.code, 'name', raw, broken.message)] };
  return { data: name, problems: [] };
}

function nameTaken(raw: string, existing: GroupRecord): Problem {
  return groupProblem('group.name_taken', 'name', raw, `Já existe um grupo chamado "${existing.name}".`);
}

function notFound(id: string): Problem {
  return groupProblem('group.not_found', '', id, 'Este grupo não existe mais: ele pode ter sido excluído ou a importação que o criou, desfeita.');
}

/** Creates a group. A name that is empty or already taken is refused with a problem, nothing written. */
export async function createGroup(db: ClientelaDb, rawName: string): Promise<Parsed<GroupRecord | null>> {
  const { data: name, problems } = cleanGroupName(rawName);
  if (name === null) return { data: null, problems };
  // Invariant: group names are unique by nameKey — the check and the write happen together.
  return db.transaction('rw', db.groups, async () => {
    const existing = await db.groups.where('nameKey').equals(groupKey(name)).first();
    if (existing) return { data: null, problems: [nameTaken(rawName, existing)] };
    const group = newGroup(name);
    await db.groups.add(group);
    return { data: group, problems: [] };
  });
}

/** Renames a group. Another spelling of its own name (case, accents) is allowed; another group's name is not. */
export async function renameGroup(db: ClientelaDb, id: string, rawName: string): Promise<Parsed<GroupRecord | null>> {
  const { data: name, problems } = cleanGroupName(rawName);
  if (name === null) return { data: null, problems };
  // Invariant: group names are unique by nameKey — the check and the write happen together.
  return db.transaction('rw', db.groups, async () => {
    const group = await db.groups.get(id);
    if (!group) return { data: null, problems: [notFound(id)] };
    const nameKey = groupKey(name);
    const other = await db.groups.where('nameKey').equals(nameKey).first();
    if (other && other.id !== id) return { data: null, problems: [nameTaken(rawName, other)] };
    const renamed: GroupRecord = { ...group, name, nameKey };
    await db.groups.put(renamed);
    return { data: renamed, problems: [] };
  });
}

/**
 * Deletes a group. One that has clients is refused, saying how many, unless `moveTo` names the group they
 * go to: then they are moved (each move in the client's history) and the group deleted, together.
 */
export async function deleteGroup(db: ClientelaDb, id: string, moveTo?: string): Promise<Parsed<GroupRecord | null>> {
  // Invariant: every client belongs to an existing group — the count, the move and the delete happen together.
  return db.transaction('rw', [db.groups, db.clients, db.history], async () => {
    const group = await db.groups.get(id);
    if (!group) return { data: null, problems: [notFound(id)] };
    const target = moveTo === undefined || moveTo === id ? undefined : await db.groups.get(moveTo);
    if (moveTo !== undefined && !target) return { data: null, problems: [notFound(moveTo)] };
    const clients = await db.clients.where('groupId').equals(id).toArray();
    if (clients.length > 0 && !target) {
      const message = `O grupo "${group.name}" tem ${countOf(clients.length, 'cliente', 'clientes')} e não pode ser excluído. `
        + 'Escolha para qual grupo esses clientes vão antes de excluir.';
      return { data: null, problems: [groupProblem('group.not_empty', '', group.name, message)] };
    }
    if (target && clients.length > 0) {
      const now = Date.now();
      await db.history.bulkAdd(clients.map((c) => historyEntry(c.id, 'hand', 'updated', [{ field: 'groupId', before: id, after: target.id }])));
      await db.clients.bulkPut(clients.map((c) => ({ ...c, groupId: target.id, updatedAt: now })));
    }
    await db.groups.delete(id);
    return { data: group, problems: [] };
  });
}

export { MAX_GROUP_DESCRIPTION };

/** Changes a group's description (free text, trimmed). */
export async function describeGroup(db: ClientelaDb, id: string, rawDescription: string): Promise<Parsed<GroupRecord | null>> {
  const description = rawDescription.trim();
  const tooLong = checkGroupDescription(description, rawDescription);
  if (tooLong) return { data: null, problems: [groupProblem(tooLong.code, 'description', rawDescription, tooLong.message)] };
  return db.transaction('rw', db.groups, async () => {
    const group = await db.groups.get(id);
    if (!group) return { data: null, problems: [notFound(id)] };
    const described: GroupRecord = { ...group, description };
    await db.groups.put(described);
    return { data: described, problems: [] };
  });
}

/** A group as the Grupos screen lists it. */
export interface GroupSummary {
  group: GroupRecord;
  /** How many clients are in the group. */
  clients: number;
  /** The file of the import that created the group, when one did and its run is still stored. */
  runFileName?: string;
}

/**
 * Every group, ordered by name (without case or accents), with its number of clients. Counts use the
 * clients' groupId index, one count per group: no client is loaded, so it stays fast with 100,000.
 */
export async function listGroups(db: ClientelaDb): Promise<GroupSummary[]> {
  return db.transaction('r', db.groups, db.clients, db.runs, async () => {
    const groups = await db.groups.orderBy('nameKey').toArray();
    const counts = await Promise.all(groups.map((g) => db.clients.where('groupId').equals(g.id).count()));
    const runIds = [...new Set(groups.flatMap((g) => (g.runId === undefined ? [] : [g.runId])))];
    const runs = await db.runs.bulkGet(runIds);
    const fileNames = new Map(runs.flatMap((r) => (r ? [[r.id, r.fileName] as const] : [])));
    return groups.map((group, i) => {
      const summary: GroupSummary = { group, clients: counts[i] ?? 0 };
      const fileName = group.runId === undefined ? undefined : fileNames.get(group.runId);
      if (fileName !== undefined) summary.runFileName = fileName;
      return summary;
    });
  });
}
