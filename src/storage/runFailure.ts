/**
 * How an import ends when something goes wrong after "Iniciar importação": each chunk first re-checks
 * what it depends on (its run still running, its groups still there) inside its own transaction, and
 * any failure becomes a failed run with its reason in Portuguese — never a half-written chunk, never a
 * screen left at "Importando…".
 *
 * Problem codes (level error):
 *   run.stopped     The run is no longer "running" in storage (undone, restored over, erased elsewhere).
 *   run.group_gone  A group the chunk's clients go into was deleted meanwhile.
 */
import { generalProblem, type Problem } from '../domain/problems';
import type { ClientelaDb } from './db';
import { storageProblem, type StorageUsage, fullDiskMessage } from './storageError';
import type { RunRecord } from './types';

/** A chunk refused by its re-check: nothing of it is written. */
export class RunStopped extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'RunStopped';
  }
}

/** Thrown by an import that failed: the run (marked failed when that write could be made) and why. */
export class RunFailedError extends Error {
  constructor(readonly run: RunRecord, readonly problem: Problem, cause: unknown) {
    super(cause instanceof Error ? cause.message : problem.message, { cause });
    this.name = 'RunFailedError';
  }
}

/**
 * Called inside the chunk's transaction (which must include runs and groups): throws RunStopped, which
 * rolls the chunk back, when the run was stopped elsewhere or a group it fills was deleted.
 */
export async function recheckChunk(db: ClientelaDb, runId: string, groupIds: ReadonlySet<string>): Promise<void> {
  const stored = await db.runs.get(runId);
  if (!stored || stored.status !== 'running') {
    throw new RunStopped(generalProblem('run.stopped', 'A importação foi interrompida porque os dados foram alterados em outra aba (uma cópia restaurada, a importação desfeita ou os dados apagados). O que ela já tinha gravado segue o que foi feito na outra aba; nada pela metade foi gravado.'));
  }
  const ids = [...groupIds];
  const groups = await db.groups.bulkGet(ids);
  const missing = groups.findIndex((g) => g === undefined);
  if (missing >= 0) {
    throw new RunStopped(generalProblem('run.group_gone', 'Um grupo que esta importação estava preenchendo foi excluído durante a importação (em outra aba). O que já foi importado continua salvo; recrie o grupo (ou importe de novo com "Criar os grupos que ainda não existem") e use "Retomar importação".'));
  }
}

/** The problem for an error that ended an import. */
export async function failureProblem(error: unknown): Promise<Problem> {
  return error instanceof RunStopped ? error.problem : storageProblem(error, 'import');
}

/**
 * Marks the run failed with its reason. When that write fails too (the disk is still full) the run stays
 * "running" without its lock, and the next start marks it interrupted (with interruptedReason).
 */
export async function markRunFailed(db: ClientelaDb, run: RunRecord, error: unknown): Promise<RunFailedError> {
  const problem = await failureProblem(error);
  run.status = 'failed';
  run.endedAt = Date.now();
  run.failure = problem.message;
  try {
    // Only a run still running is marked: one replaced by a restore or undone elsewhere keeps its state.
    await db.runs.where('id').equals(run.id).and((r) => r.status === 'running').modify({ status: run.status, endedAt: run.endedAt, failure: run.failure });
  } catch {
    // Marked on the next start.
  }
  return new RunFailedError(run, problem, error);
}

/** Why a run found "running" without its lock at start-up stopped, as far as can be told then. */
export function interruptedReason(usage: StorageUsage | null): string {
  if (usage && usage.quota > 0 && usage.used >= usage.quota * 0.95) return fullDiskMessage(usage, 'import');
  return 'A importação parou antes do fim: a aba foi fechada, o computador desligou ou o navegador não conseguiu gravar. O que já foi importado continua salvo; use "Retomar importação" com o mesmo arquivo.';
}
