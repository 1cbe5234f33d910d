import { toMatchKey, collapseSpaces } from '../domain/text';
import type { GroupRecord } from '../domain/entities/client';
import type { ClientelaDb } from './db';

/** Two group names are the same group when they match without case, accents or punctuation. */
export function groupKey(name: string): string {
  return toMatchKey(name);
}

export function newGroup(name: string, runId?: string): GroupRecord {
  const clean = collapseSpaces(name);
  const group: GroupRecord = { id: crypto.randomUUID(), name: clean, nameKey: groupKey(clean), description: '', createdAt: Date.now() };
  if (runId !== undefined) group.runId = runId;
  return group;
}

export async function loadGroupIndex(db: ClientelaDb): Promise<Map<string, GroupRecord>> {
  const groups = await db.groups.toArray();
  return new Map(groups.map((g) => [g.nameKey, g]));
}
