/**
 * Resuming a run cut short (tab closed, "Cancelar", a storage error): the user sends the same file again;
 * it is read and reviewed exactly as the first time (same tab, header row, mapping, defaults, declined
 * fixes and review edits, all kept in the run) and the import goes on from the run's next chunk.
 */
import { refusal, type Parsed } from '../domain/problems';
import { getDb } from '../storage/db';
import { canResume, resumeRun } from '../storage/importRun';
import type { RunRecord } from '../storage/types';
import { reviewSessionRows, type Progress } from './prepare';
import { openSheetSource } from './sheetSource';
import { importAlone } from './alone';
import { setSession, type Session } from './session';
import { toRequiredSet } from '../domain/requiredFields';
import { reviewGroupSession } from './groupSession';
import { resumeGroupRun } from '../storage/groupImport';
import type { SheetTable } from '../spreadsheet/read';
import type { OpenedFile } from './fileReader';
import type { SheetSource } from './sheetSource';

function otherFile(file: File, run: RunRecord): Parsed<null> {
  return refusal('resume.other_file',
    `"${file.name}" não é o mesmo arquivo desta importação ("${run.fileName}"), ou ele foi alterado depois. Para retomar, envie exatamente o mesmo arquivo, sem alterações; para importar outro, use "Importar dados".`);
}

/** The run's tab (by name; the first one if renamed away), read from the file sent again. */
async function readRunSheet(opened: OpenedFile, source: SheetSource, name: string): Promise<Parsed<SheetTable | null> & { index: number }> {
  const index = Math.max(0, opened.info?.sheets.findIndex((s) => s.name === name) ?? 0);
  return { ...(index === opened.sheetIndex && opened.sheet ? opened.sheet : await source.readSheet(index)), index };
}

export async function resumeImport(runId: string, file: File, hooks: { onProgress?: Progress; isCancelled: () => boolean }): Promise<Parsed<RunRecord | null>> {
  const db = getDb();
  const run = await db.runs.get(runId);
  if (!run) return refusal('resume.not_found', 'Esta importação não existe mais.');
  if (!canResume(run)) return refusal('resume.not_resumable', 'Esta importação não pode ser retomada: ela já terminou, foi desfeita ou foi feita por uma versão anterior do sistema.');
  setSession(undefined);
  const { opened, source } = await openSheetSource(file, hooks.onProgress);
  const sheet = opened.info && opened.hash === run.fileHash ? await readRunSheet(opened, source, run.sheet) : null;
  source.close();
  if (!opened.info) return { data: null, problems: opened.problems };
  if (opened.hash !== run.fileHash) return otherFile(file, run);
  if (!sheet?.data) return { data: null, problems: sheet?.problems ?? [] };
  const review = run.review ?? { defaults: {}, declined: [], edits: [] };
  const session: Session = {
    fileName: run.fileName, fileSize: run.fileSize, fileHash: run.fileHash, info: opened.info, source, sheetIndex: sheet.index, table: sheet.data,
    headerRow: run.headerRow - 1, mapping: run.mapping, rows: [], declined: new Set(review.declined), defaults: review.defaults, required: toRequiredSet(review.required), notes: run.notes ?? [], reviewNotes: [],
  };
  setSession(session);
  const tell = (d: number, t: number): void => hooks.onProgress?.(d, t, 'Importando');
  const progress = { onProgress: tell, onWriting: tell, isCancelled: hooks.isCancelled };
  if (run.entity === 'groups') {
    session.entity = 'groups';
    const rows = await reviewGroupSession(session, new Map(review.edits));
    if (rows.length !== run.counts.total) return otherFile(file, run);
    return importAlone(runId, () => resumeGroupRun(db, runId, rows, progress));
  }
  session.rows = await reviewSessionRows(session, new Map(review.edits), hooks.onProgress);
  // The same bytes read the same way give the same rows; anything else would shift the chunks.
  if (session.rows.length !== run.counts.total) return otherFile(file, run);
  return importAlone(runId, () => resumeRun(db, runId, session.rows, progress));
}
