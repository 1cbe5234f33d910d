/**
 * PouchDB keeps both versions of a document changed on two machines while apart (`_conflicts`). Here the
 * two are merged field by field against their common ancestor (domain/sync/merge.ts): the merged document
 * is written on the winning revision and the losing revisions are deleted; fields changed on both sides
 * stay listed in the document's `conflicts` for the user to pick ("Conflitos").
 */
import { SYNCED_CLIENT_FIELDS, isRegisterDoc, type ClientDoc, type RegisterDoc } from '../../domain/sync/docs';
import { commonAncestorRev, mergeFields, type Fields } from '../../domain/sync/merge';
import type { PouchDb } from './pouch';

type Revisions = { start: number; ids: string[] };
type Stored = RegisterDoc & { _rev: string; _revisions?: Revisions; _conflicts?: string[] };

const CLIENT_MERGED = [...SYNCED_CLIENT_FIELDS, 'group'];
const GROUP_MERGED = ['name', 'description'];

function fieldsOf(doc: RegisterDoc, keys: readonly string[]): Fields {
  const record: Record<string, unknown> = { ...doc };
  return Object.fromEntries(keys.map((k) => [k, typeof record[k] === 'string' ? record[k] : '']));
}

async function getRev(local: PouchDb, id: string, rev: string): Promise<Stored | null> {
  try {
    const doc: unknown = await local.get(id, { rev, revs: true });
    return isRegisterDoc(doc) ? (doc as Stored) : null;
  } catch {
    // The ancestor's body is gone (compacted, or never on this machine): every differing field conflicts.
    return null;
  }
}

/** Merges one document's conflicting revisions into its winner. */
export async function mergeConflicts(local: PouchDb, id: string): Promise<void> {
  const winner: unknown = await local.get(id, { conflicts: true, revs: true });
  if (!isRegisterDoc(winner)) return;
  let merged = winner as Stored;
  const losers = merged._conflicts ?? [];
  if (losers.length === 0) return;
  for (const rev of losers) {
    const loser = await getRev(local, id, rev);
    if (!loser) continue;
    const ancestorRev = merged._revisions && loser._revisions ? commonAncestorRev(merged._revisions, loser._revisions) : null;
    const ancestor = ancestorRev ? await getRev(local, id, ancestorRev) : null;
    const keys = merged.type === 'client' ? CLIENT_MERGED : GROUP_MERGED;
    const open = [...((merged as ClientDoc).conflicts ?? []), ...((loser as ClientDoc).conflicts ?? [])];
    const result = mergeFields(keys, ancestor ? fieldsOf(ancestor, keys) : null, fieldsOf(merged, keys), fieldsOf(loser, keys), open);
    const next = { ...merged, ...result.merged } as Stored;
    if (next.type === 'client') {
      next.updatedAt = Math.max(next.updatedAt, (loser as ClientDoc).updatedAt ?? 0);
      if (result.conflicts.length > 0) next.conflicts = result.conflicts;
      else delete next.conflicts;
    }
    merged = next;
  }
  const { _conflicts: _c, _revisions: _r, ...body } = merged;
  void _c;
  void _r;
  // The merged document and the deletion of the losing revisions go in one request: no side is lost.
  await local.bulkDocs([body, ...losers.map((rev) => ({ _id: id, _rev: rev, _deleted: true }))]);
}
