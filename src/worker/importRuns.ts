/**
 * The import session's runs in the worker: the reviewed rows written (or a run cut short resumed),
 * cancelled between chunks, undone, and the rows a run rejected given back as a spreadsheet.
 */
import { newId } from '../domain/ids';
import { writeWorkbook, type OutputFormat } from '../spreadsheet/write';
import { buildErrorSheet } from '../domain/errorSheet';
import { columnNames } from '../domain/headerless';
import type { Parsed } from '../domain/problems';
import { listRowEdits } from '../domain/reviewSummary';
import { getDb } from '../storage/db';
import { runGroupImport } from '../storage/groupImport';
import { loadRunLog, runImport } from '../storage/importRun';
import type { ImportOptions, RunRecord } from '../storage/types';
import { undoGroupRun } from '../storage/undoGroupRun';
import { checkUndo as checkRunUndo, undoRun as undoClientRun, type UndoCheck } from '../storage/undoRun';
import { writeAlone } from '../storage/writerLock';
import { importAlone } from './alone';
import type { Progress } from './prepare';
import { resumeImport as resumeRun } from './resume';
import { requireSession, setSession } from './session';
import { transferBytes } from './transfer';

/** Set by "Cancelar", read by the run between chunks; each start or resume clears it. */
let cancelRequested = false;

/** Refused while another tab writes; a run that fails comes back failed, with its reason as the problem. */
export async function startImport(options: ImportOptions, onProgress?: Progress): Promise<Parsed<RunRecord | null>> {
  const session = requireSession();
  cancelRequested = false;
  const sheet = session.info.sheets[session.sheetIndex]?.name ?? '';
  const headers = columnNames(session.table.rows, session.headerRow, session.mapping.length);
  const id = newId();
  const meta = { id, fileName: session.fileName, fileSize: session.fileSize, fileHash: session.fileHash, sheet, headerRow: session.headerRow + 1, headers, mapping: session.mapping, notes: [...session.notes, ...session.reviewNotes] };
  const tell = (d: number, t: number): void => onProgress?.(d, t, 'Importando');
  const hooks = { onProgress: tell, onWriting: tell, isCancelled: () => cancelRequested };
  const groupRows = session.groupRows ?? [];
  const outcome = await (session.entity === 'groups'
    ? importAlone(id, () => runGroupImport(getDb(), { ...meta, review: { defaults: {}, declined: [], edits: listRowEdits(groupRows) } }, groupRows, options, hooks))
    : importAlone(id, () => runImport(
      getDb(),
      { ...meta, review: { defaults: session.defaults, required: [...session.required], declined: [...session.declined], edits: listRowEdits(session.rows) } },
      session.rows,
      options,
      hooks,
    )));
  // A finished run needs nothing more of the file (a resume reads it again): its reviewed rows, hundreds
  // of MB for 100,000 rows, are let go instead of slowing every garbage collection of this worker.
  if (outcome.data?.status === 'done') setSession(undefined);
  return outcome;
}

/** Goes on with a run cut short, from the same file sent again (checked by its SHA-256). */
export function resumeImport(runId: string, file: File, onProgress?: Progress): Promise<Parsed<RunRecord | null>> {
  cancelRequested = false;
  return resumeRun(runId, file, { onProgress, isCancelled: () => cancelRequested });
}

export function cancelImport(): void {
  cancelRequested = true;
}

/** What undoing would run into (a later run on the same clients, hand edits since), asked before confirming. */
export function checkUndo(runId: string): Promise<UndoCheck> {
  return checkRunUndo(getDb(), runId);
}

export function undoRun(runId: string): Promise<Parsed<RunRecord | null>> {
  return writeAlone(getDb(), { kind: 'undo' }, 'undo', async () => {
    const db = getDb();
    const undo = (await db.runs.get(runId))?.entity === 'groups' ? undoGroupRun : undoClientRun;
    return { data: await undo(db, runId), problems: [] };
  });
}

/** The rows a run rejected, with their original columns and a column "Erros", to fix and upload again. */
export async function errorWorkbook(runId: string, format: OutputFormat): Promise<Uint8Array> {
  const db = getDb();
  const run = await db.runs.get(runId);
  const rejected = (await loadRunLog(db, runId)).filter((r) => r.status === 'error');
  const { header, rows, width } = buildErrorSheet(run, rejected);
  return transferBytes(writeWorkbook([{ name: 'Erros', header, rows, textColumns: new Set(Array.from({ length: width }, (_, i) => i)) }], format));
}
