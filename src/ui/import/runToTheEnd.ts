import type { Parsed } from '../../domain/problems';
import { getDb } from '../../storage/db';
import { markLeftRuns } from '../../storage/startupCheck';
import { storageProblem } from '../../storage/storageError';
import type { RunRecord } from '../../storage/types';
import { restartWorker, whenWorkerDies } from '../shared/worker';

/**
 * Waits for an import (or resume) in the worker and always comes back: with the run, or with a problem
 * when the call threw or the worker died (then the worker is replaced, which releases its locks, and the
 * run it left "running" is marked interrupted with its reason, so "Retomar importação" is offered).
 */
export async function runToTheEnd(call: () => Promise<Parsed<RunRecord | null>>): Promise<Parsed<RunRecord | null>> {
  const death = whenWorkerDies();
  try {
    return await Promise.race([call(), death.died]);
  } catch (error) {
    restartWorker();
    const problem = await storageProblem(error, 'import');
    await markLeftRuns(getDb());
    return { data: null, problems: [problem] };
  } finally {
    death.stop();
  }
}
