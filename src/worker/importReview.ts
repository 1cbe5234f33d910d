/**
 * The import session's first steps in the worker: the file opened, a sheet previewed for the mapping,
 * its rows reviewed, and the review's corrections (fixes declined or applied, defaults, cells edited).
 */
import type { WorkbookInfo } from '../spreadsheet/read';
import type { ClientFieldKey } from '../domain/entities/client';
import { ENTITIES, type EntityName } from '../domain/entities';
import type { GroupFieldKey } from '../domain/entities/group';
import { guessEntity } from '../domain/entityGuess';
import { columnNames, guessHeaderRow } from '../domain/headerless';
import { headerSignature, type Mapping } from '../domain/mapping';
import type { Parsed, Problem } from '../domain/problems';
import { DEFAULT_REQUIRED } from '../domain/requiredFields';
import { listReviewItems, type ReviewFilter, type ReviewRow } from '../domain/review';
import { pageItems, summarizeReview, type ReviewPage, type ReviewSummary } from '../domain/reviewSummary';
import { countDataRows, listColumnViews, listTopRows, measureWidth, suggestColumnMapping, warnWhenNoData, type SheetPreview } from '../domain/sheetPreview';
import { detectHeaderRow } from '../domain/table';
import { collectDddEdits, collectSuggestedEdits } from '../domain/bulkFixes';
import type { RawClient } from '../domain/validateClient';
import { getDb } from '../storage/db';
import { loadGroupIndex } from '../storage/groups';
import { loadRequiredFields } from '../storage/settings';
import { editGroupCell, groupReviewItems, reviewGroupSession, summarizeGroups } from './groupSession';
import { applyEdits, revalidateAll, reviewSessionRows, type Progress } from './prepare';
import { openSheetSource } from './sheetSource';
import { requireSession, setSession } from './session';

export interface FileSummary {
  fileName: string;
  info: WorkbookInfo;
  /** The sheet to start with: the first one with data. */
  sheetIndex: number;
}

async function summarize(rows: readonly ReviewRow[], notes: string[]): Promise<ReviewSummary> {
  return summarizeReview(rows, notes, new Set((await loadGroupIndex(getDb())).keys()));
}

/** Reads the file in the worker. A file it cannot read comes back as problems, never as a throw. */
export async function openFile(file: File, onProgress?: Progress): Promise<Parsed<FileSummary | null>> {
  setSession(undefined);
  const { opened: { info, hash, problems, sheetIndex, sheet }, source } = await openSheetSource(file, onProgress);
  if (!info || !sheet?.data) {
    source.close();
    return { data: null, problems: [...problems, ...(sheet?.problems ?? [])] };
  }
  const notes = [...problems, ...sheet.problems].filter((p) => p.level !== 'error').map((p) => p.message);
  setSession({ fileName: file.name, fileSize: file.size, fileHash: hash, info, source, sheetIndex, table: sheet.data, headerRow: 0, mapping: [], rows: [], declined: new Set(), defaults: {}, required: DEFAULT_REQUIRED, notes, reviewNotes: [] });
  onProgress?.(1, 1, 'Arquivo lido');
  return { data: { fileName: file.name, info, sheetIndex }, problems: [...problems, ...sheet.problems] };
}

/** Columns, samples and the suggested mapping for a sheet, header row (detected when not given) and entity (guessed when not given). */
export async function previewSheet(sheetIndex: number, headerRow?: number, entity?: EntityName): Promise<Parsed<SheetPreview | null>> {
  const session = requireSession();
  let problems: Problem[] = [];
  if (sheetIndex !== session.sheetIndex) {
    const sheet = await session.source.readSheet(sheetIndex);
    problems = sheet.problems;
    if (!sheet.data) return { data: null, problems };
    session.sheetIndex = sheetIndex;
    session.notes = problems.filter((p) => p.level !== 'error').map((p) => p.message);
    session.table = sheet.data;
  }
  const rows = session.table.rows;
  const header = headerRow ?? guessHeaderRow(rows);
  const width = measureWidth(rows, header);
  const columns = listColumnViews(rows, header, width);
  const names = columns.map((c) => c.header);
  const guess = entity === undefined ? guessEntity(session.info.sheets[sheetIndex]?.name ?? '', header < 0 ? [] : names) : { entity, reason: null };
  session.entity = guess.entity;
  // Letters name no layout: a headerless file is always mapped from its content.
  const profile = header < 0 ? undefined : await getDb().mappings.get([guess.entity, headerSignature(names)]);
  const fromProfile = profile !== undefined && profile.mapping.length === width;
  const mapping = fromProfile ? profile.mapping : suggestColumnMapping(rows, header, columns, ENTITIES[guess.entity].fields);
  session.headerRow = header;
  const dataRows = countDataRows(rows, header);
  return {
    data: { headerRow: header, headerCandidate: detectHeaderRow(rows), topRows: listTopRows(rows, header, width), dataRows, columns, mapping, fromProfile, entity: guess.entity, entityReason: guess.reason },
    problems: warnWhenNoData(problems, dataRows),
  };
}

/** Normalizes and validates every row, checks duplicates and registered documents, remembers the mapping. */
export async function review(mapping: Mapping, defaults: RawClient, onProgress?: Progress): Promise<ReviewSummary> {
  const session = requireSession();
  // The tab is chosen: the reader, and all the parse left in it, can go.
  session.source.close();
  session.mapping = mapping;
  session.defaults = defaults;
  const db = getDb();
  const headers = columnNames(session.table.rows, session.headerRow, mapping.length);
  const entity = session.entity ?? 'clients';
  if (entity === 'groups') await reviewGroupSession(session, new Map());
  else {
    session.required = await loadRequiredFields(db);
    session.rows = await reviewSessionRows(session, new Map(), onProgress);
  }
  if (session.headerRow >= 0) await db.mappings.put({ entity, signature: headerSignature(headers), mapping, usedAt: Date.now() });
  return entity === 'groups' ? summarizeGroups(session) : summarize(session.rows, session.reviewNotes);
}

/** A window of the review table (the page never holds every problem of a 100,000-row file). */
export function reviewItems(filter: ReviewFilter, offset: number, limit: number): ReviewPage {
  const session = requireSession();
  if (session.entity === 'groups') return groupReviewItems(session, filter, offset, limit);
  return pageItems(listReviewItems(session.rows, session.mapping, filter), offset, limit);
}

/** Turns kinds of automatic fixes off (or back on): the rows are validated again. */
export async function declineFixes(codes: string[]): Promise<ReviewSummary> {
  const session = requireSession();
  if (session.entity === 'groups') return summarizeGroups(session);
  session.declined = new Set(codes);
  await revalidateAll(session);
  return summarize(session.rows, session.reviewNotes);
}

/** "Aplicar a todas as N linhas": every row's suggestion for one kind of problem, then the rows validated again. */
export async function applySuggestions(code: string): Promise<ReviewSummary> {
  const session = requireSession();
  if (session.entity === 'groups') return summarizeGroups(session);
  await applyEdits(session, collectSuggestedEdits(session.rows, code));
  return summarize(session.rows, session.reviewNotes);
}

/** "DDD para os telefones sem DDD": the DDD typed once, put in front of every phone still without one. */
export async function applyDdd(ddd: string): Promise<ReviewSummary> {
  const session = requireSession();
  if (session.entity === 'groups') return summarizeGroups(session);
  await applyEdits(session, collectDddEdits(session.rows, ddd.replace(/\D/g, '')));
  return summarize(session.rows, session.reviewNotes);
}

/** A value for the rows that leave a field empty (the group for rows without one), chosen in the review. */
export async function setDefaults(defaults: RawClient): Promise<ReviewSummary> {
  const session = requireSession();
  if (session.entity === 'groups') return summarizeGroups(session);
  session.defaults = defaults;
  await revalidateAll(session);
  return summarize(session.rows, session.reviewNotes);
}

/** The user corrected a cell in the review: re-validate the row, and the file's duplicates with it. */
export async function editCell(rowNumber: number, field: ClientFieldKey | GroupFieldKey, value: string): Promise<ReviewSummary> {
  const session = requireSession();
  if (session.entity === 'groups') return editGroupCell(session, rowNumber, field === 'description' ? 'description' : 'name', value);
  if (field === 'description') return summarize(session.rows, session.reviewNotes);
  const row = session.rows.find((r) => r.rowNumber === rowNumber);
  if (!row) return summarize(session.rows, session.reviewNotes);
  await applyEdits(session, new Map([[rowNumber, { ...row.edits, [field]: value }]]));
  return summarize(session.rows, session.reviewNotes);
}
