import type { Parsed } from '../../domain/problems';
import { getDb } from '../../storage/db';
import { storageProblem } from '../../storage/storageError';
import { writeAlone } from '../../storage/writerLock';

/**
 * Runs a storage write for the Grupos screen. The storage functions report refusals as problems; this turns
 * the unexpected (a browser that refuses IndexedDB, a full disk) into one more problem, so the screen
 * always has a sentence to show and never a thrown error.
 */
export async function attempt<T>(write: () => Promise<Parsed<T | null>>): Promise<Parsed<T | null>> {
  try {
    return await write();
  } catch (err: unknown) {
    return { data: null, problems: [await storageProblem(err, 'group')] };
  }
}

/** A rename or a delete: also refused while another tab writes (an import may be filling this group). */
export function attemptAlone<T>(write: () => Promise<Parsed<T | null>>): Promise<Parsed<T | null>> {
  return writeAlone(getDb(), { kind: 'group' }, 'group', write);
}

/** The problems' sentences, one after the other. */
export function messageOf(problems: readonly { message: string }[]): string {
  return problems.map((p) => p.message).join(' ');
}
