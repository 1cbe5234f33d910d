/** Backups in the worker: everything stored as one JSON file, and a checked file restored in its place. */
import type { Parsed } from '../domain/problems';
import { createBackup, readBackup, restoreBackup } from '../storage/backup';
import { getDb } from '../storage/db';
import { writeAlone } from '../storage/writerLock';
import { transferBytes } from './transfer';

/** Everything stored, as the JSON backup file's bytes. */
export async function backup(): Promise<Uint8Array> {
  return transferBytes(new TextEncoder().encode(JSON.stringify(await createBackup(getDb()))));
}

/** Replaces everything stored by a backup file's content, once the whole file is checked. */
export async function restore(file: File): Promise<Parsed<{ clients: number; groups: number; runs: number } | null>> {
  const { data, problems } = readBackup(await file.text());
  if (!data) return { data: null, problems };
  return writeAlone(getDb(), { kind: 'restore' }, 'restore', async () => {
    await restoreBackup(getDb(), data);
    return { data: { clients: data.clients.length, groups: data.groups.length, runs: data.runs.length }, problems: [] };
  });
}
