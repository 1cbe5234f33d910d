import { refusal, type Parsed } from '../../domain/problems';

/**
 * Runs a storage write for the Grupos screen. The storage functions report refusals as problems; this turns
 * the unexpected (a browser that refuses IndexedDB, a full disk) into one more problem, so the screen
 * always has a sentence to show and never a thrown error.
 */
export async function attempt<T>(write: () => Promise<Parsed<T | null>>): Promise<Parsed<T | null>> {
  try {
    return await write();
  } catch (err: unknown) {
    const detail = err instanceof Error ? err.message : String(err);
    return refusal('group.storage_failed', `Não foi possível gravar a alteração no navegador: ${detail}`);
  }
}

/** The problems' sentences, one after the other. */
export function messageOf(problems: readonly { message: string }[]): string {
  return problems.map((p) => p.message).join(' ');
}
