/**
 * One writer at a time, across every tab of the browser profile: imports, resumes, undo, restore,
 * "Apagar todos os dados", group renames and deletes take ONE exclusive Web Lock. The second writer is
 * refused with a sentence naming what is running ("Uma importação está em andamento em outra aba:
 * 12.000 de 20.000 linhas"), read from the holder's activity lock and, for an import, its run's counts.
 *
 * Works in the worker and on the main thread (both have `navigator.locks`). Where Web Locks are missing
 * (old browsers, Node tests) the work runs unguarded — the chunks' own re-checks still keep the data
 * whole — unless a lock manager is injected with `useLockManager`.
 */
import { generalProblem, type Parsed, type Problem } from '../domain/problems';
import { formatCount } from '../domain/plural';
import type { ClientelaDb } from './db';
import { storageProblem, type StorageAction } from './storageError';

export const WRITER_LOCK = 'clientela-writer';
/** Held beside the writer lock: its name says who writes (the tab, the kind of work, the run). */
const ACTIVITY_PREFIX = 'clientela-activity:';

export type WriterTask =
  | { kind: 'import'; runId: string }
  | { kind: 'undo' }
  | { kind: 'restore' }
  | { kind: 'erase' }
  | { kind: 'group' };

/** The part of `LockManager` used here (so a test can inject one). */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean }, callback: (lock: { name: string } | null) => Promise<unknown>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

let injected: LockManagerLike | null | undefined;

/** Tests (and only they) choose the lock manager; `null` means "none", `undefined` the browser's. */
export function useLockManager(locks: LockManagerLike | null | undefined): void {
  injected = locks;
}

function lockManager(): LockManagerLike | null {
  if (injected !== undefined) return injected;
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
}

/** Which tab this thread belongs to: the page makes one, its worker is told it (through the worker's name). */
let tabId: string = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

export function currentTabId(): string {
  return tabId;
}

export function setTabId(id: string): void {
  if (id !== '') tabId = id;
}

function activityName(task: WriterTask): string {
  return `${ACTIVITY_PREFIX}${tabId}:${task.kind}:${task.kind === 'import' ? task.runId : ''}`;
}

function parseActivity(name: string): { tab: string; kind: string; runId: string } | null {
  if (!name.startsWith(ACTIVITY_PREFIX)) return null;
  const [tab = '', kind = '', runId = ''] = name.slice(ACTIVITY_PREFIX.length).split(':');
  return { tab, kind, runId };
}

const BUSY_TEXT: Record<string, string> = {
  undo: 'Uma importação está sendo desfeita',
  restore: 'Uma cópia de segurança está sendo restaurada',
  erase: 'Os dados do Clientela estão sendo apagados',
  group: 'Um grupo está sendo alterado',
};

/** The sentence saying what holds the writer lock (read from the lock's activity and, for an import, its run). */
export async function describeBusyWriter(db: ClientelaDb, locks: LockManagerLike | null = lockManager()): Promise<Problem> {
  const held = locks ? ((await locks.query()).held ?? []) : [];
  const activity = held.map((l) => parseActivity(l.name ?? '')).find((a) => a !== null);
  const where = activity?.tab === tabId ? 'nesta aba' : 'em outra aba';
  if (activity?.kind === 'import') {
    const c = (await db.runs.get(activity.runId).catch(() => undefined))?.counts;
    const progress = c ? `: ${formatCount(c.imported + c.updated + c.skipped + c.errors)} de ${formatCount(c.total)} linhas` : '';
    const cancel = where === 'nesta aba' ? 'em "Importar dados"' : 'naquela aba';
    return generalProblem('writer.busy', `Uma importação está em andamento ${where}${progress}. Espere ela terminar (ou cancele-a ${cancel}) e tente de novo; nada foi alterado.`);
  }
  const what = (activity && BUSY_TEXT[activity.kind]) ?? 'Outra alteração dos dados está em andamento';
  return generalProblem('writer.busy', `${what} ${where}. Espere terminar e tente de novo; nada foi alterado.`);
}

export type Held<T> = { held: true; value: T } | { held: false; problem: Problem };

/**
 * Runs `work` holding the writer lock, or refuses at once (nothing run) when another writer holds it.
 * The lock is released when `work` settles, and by the browser when the tab or worker holding it dies.
 */
export async function holdWriterLock<T>(db: ClientelaDb, task: WriterTask, work: () => Promise<T>): Promise<Held<T>> {
  const locks = lockManager();
  if (!locks) return { held: true, value: await work() };
  const box: { done?: { value: T } } = {};
  await locks.request(WRITER_LOCK, { ifAvailable: true }, async (lock) => {
    if (lock === null) return;
    await locks.request(activityName(task), {}, async () => {
      box.done = { value: await work() };
    });
  });
  return box.done ? { held: true, value: box.done.value } : { held: false, problem: await describeBusyWriter(db, locks) };
}

/**
 * The one-line use for a write that answers with problems (undo, restore, "Apagar todos os dados", a group
 * change): refused while another writer works, and its storage errors (a full disk) said in Portuguese.
 *   writeAlone(db, { kind: 'erase' }, 'erase', () => eraseEverything(db))
 */
export async function writeAlone<T>(db: ClientelaDb, task: WriterTask, action: StorageAction, work: () => Promise<Parsed<T | null>>): Promise<Parsed<T | null>> {
  try {
    const held = await holdWriterLock(db, task, work);
    return held.held ? held.value : { data: null, problems: [held.problem] };
  } catch (error) {
    return { data: null, problems: [await storageProblem(error, action)] };
  }
}
