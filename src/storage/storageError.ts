/**
 * One way to turn what IndexedDB (through Dexie) throws into a Portuguese problem, used by every write:
 * an import, an edit, a restore, a group change, the start-up check. A full disk is the case that must
 * be said plainly: the browser's storage is full, how much is used, and what to do.
 *
 * Problem codes (level error):
 *   storage.full      The browser's storage quota is reached (QuotaExceededError, also wrapped by Dexie).
 *   storage.conflict  A unique value (a CPF/CNPJ) was stored meanwhile by another tab or by hand.
 *   storage.failed    Anything else the browser refused.
 */
import { generalProblem, type Problem } from '../domain/problems';

export type StorageErrorKind = 'quota' | 'constraint' | 'other';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

function asErrorLike(value: unknown): ErrorLike | null {
  return typeof value === 'object' && value !== null ? (value satisfies object) : null;
}

/** Every error inside `error`: Dexie wraps the browser's (`inner`), a BulkError lists `failures`. */
function unwrap(error: unknown, depth = 0): ErrorLike[] {
  const e = asErrorLike(error);
  if (!e || depth > 5) return [];
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return [e, ...unwrap(e.inner, depth + 1), ...unwrap(e.cause, depth + 1), ...failures.flatMap((f: unknown) => unwrap(f, depth + 1))];
}

/** What kind of storage error this is (pure: looks only at names and messages). */
export function classifyStorageError(error: unknown): StorageErrorKind {
  const all = unwrap(error);
  // Chromium aborts the transaction with AbortError and puts QuotaExceededError inside (or only in the message).
  if (all.some((e) => e.name === 'QuotaExceededError' || /quota/i.test(String(e.message ?? '')))) return 'quota';
  if (all.some((e) => e.name === 'ConstraintError')) return 'constraint';
  return 'other';
}

export interface StorageUsage {
  used: number;
  quota: number;
}

/** How much the browser lets Clientela use and how much it uses (null where the browser does not say). */
export async function readStorageUsage(): Promise<StorageUsage | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
    const estimate = await navigator.storage.estimate();
    return { used: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
  } catch {
    return null;
  }
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('pt-BR', { maximumFractionDigits: 1 })} MB`;
}

/** What the operation that failed leaves behind, said after the cause. */
export type StorageAction = 'import' | 'edit' | 'restore' | 'group' | 'erase' | 'undo' | 'startup';

const CONSEQUENCE: Record<StorageAction, string> = {
  import: 'O que já foi importado continua salvo; o bloco de linhas em gravação foi descartado inteiro. Para continuar, abra "Ver logs da migração" e use "Retomar importação" com o mesmo arquivo.',
  edit: 'A alteração não foi salva.',
  restore: 'Nada foi restaurado: os dados que estavam guardados continuam como antes.',
  group: 'A alteração do grupo não foi salva.',
  erase: 'Nada foi apagado.',
  undo: 'A importação não foi desfeita: nada foi alterado.',
  startup: 'O Clientela abriu, mas não conseguiu registrar as importações interrompidas.',
};

export const FULL_DISK_ADVICE = 'O que fazer: libere espaço no disco do computador (ou apague dados de outros sites no navegador), peça "armazenamento persistente" em "Cópia de segurança" e baixe uma cópia de segurança.';

/** The sentence for a full disk, with the usage when known. */
export function fullDiskMessage(usage: StorageUsage | null, action: StorageAction): string {
  const used = usage && usage.quota > 0 ? ` (o Clientela usa ${formatMegabytes(usage.used)} de ${formatMegabytes(usage.quota)} permitidos)` : '';
  return `O armazenamento do navegador está cheio${used}. ${CONSEQUENCE[action]} ${FULL_DISK_ADVICE}`;
}

function detailOf(error: unknown): string {
  const e = asErrorLike(error);
  const message = e && typeof e.message === 'string' ? e.message : String(error);
  return message.length > 160 ? `${message.slice(0, 160)}…` : message;
}

/** The Portuguese problem for a storage error, built from what was tried. */
export function describeStorageError(error: unknown, action: StorageAction, usage: StorageUsage | null): Problem {
  const kind = classifyStorageError(error);
  if (kind === 'quota') return generalProblem('storage.full', fullDiskMessage(usage, action));
  if (kind === 'constraint') {
    return generalProblem('storage.conflict', `Um CPF/CNPJ que seria gravado já foi cadastrado enquanto isso (em outra aba ou à mão). ${CONSEQUENCE[action]}`);
  }
  return generalProblem('storage.failed', `O navegador não conseguiu gravar os dados (${detailOf(error)}). ${CONSEQUENCE[action]} Tente de novo; se persistir, feche as outras abas do Clientela e recarregue a página.`);
}

/** describeStorageError with the usage read from the browser (only when the disk is full: that is when it is said). */
export async function storageProblem(error: unknown, action: StorageAction): Promise<Problem> {
  const usage = classifyStorageError(error) === 'quota' ? await readStorageUsage() : null;
  return describeStorageError(error, action, usage);
}
