import * as Comlink from 'comlink';
import type { OpenedWorkbook, SheetTable, WorkbookInfo } from '../spreadsheet/read';
import { writeWorkbook, textColumnsOf, type OutputFormat } from '../spreadsheet/write';
import { CLIENT_FIELDS, type ClientFieldKey } from '../domain/entities/client';
import { detectHeaderRow, findFooterRows, HEADER_SCAN_ROWS } from '../domain/table';
import { headerSignature, suggestMapping, type Mapping } from '../domain/mapping';
import { countProblems, countStatuses, listNewGroups, listReviewItems, type NewGroup, type ReviewFilter, type ReviewItem, type ReviewRow, type StatusCounts } from '../domain/review';
import { columnLetter } from '../domain/text';
import { columnNames, guessHeaderRow } from '../domain/headerless';
import { generalProblem, type Parsed, type Problem } from '../domain/problems';
import type { RawClient } from '../domain/validateClient';
import { subjectJson, subjectSheets } from '../domain/clientDataExport';
import { collectClientData } from '../storage/clientData';
import { getDb } from '../storage/db';
import { loadRequiredFields } from '../storage/settings';
import { DEFAULT_REQUIRED } from '../domain/requiredFields';
import { collectDddEdits, collectSuggestedEdits } from '../domain/bulkFixes';
import { loadGroupIndex } from '../storage/groups';
import { loadRunLog, runImport } from '../storage/importRun';
import { checkUndo, undoRun, type UndoCheck } from '../storage/undoRun';
import { createBackup, readBackup, restoreBackup } from '../storage/backup';
import type { ImportOptions, RunRecord } from '../storage/types';
import { requireSession, setSession } from './session';
import { applyEdits, readFile, revalidateAll, reviewSessionRows, type Progress } from './prepare';
import { importAlone } from './alone';
import { writeAlone } from '../storage/writerLock';
import { resumeImport } from './resume';
import { exportClients, listClients } from './clientList';
import type { ClientQuery, ClientWindow } from '../storage/clientQuery';
import { ENTITIES, type EntityName } from '../domain/entities';
import type { GroupFieldKey } from '../domain/entities/group';
import { guessEntity, scoreDataHeaders } from '../domain/entityGuess';
import { editGroupCell, groupReviewItems, reviewGroupSession, summarizeGroups } from './groupSession';
import { runGroupImport } from '../storage/groupImport';
import { undoGroupRun } from '../storage/undoGroupRun';

export type { Progress, OutputFormat };

export interface FileSummary {
  fileName: string;
  info: WorkbookInfo;
  /** The sheet to start with: the first one with data. */
  sheetIndex: number;
}

export interface ColumnView {
  index: number;
  letter: string;
  header: string;
  samples: string[];
}

export interface SheetPreview {
  /** -1 (`NO_HEADER_ROW`): the sheet has no header row, its first row is data. */
  headerRow: number;
  /** The row taken as the header when the user says the sheet has one (unticking "no header row"); 0 when absent. */
  headerCandidate?: number;
  /** The first rows of the sheet, to pick the header row from. */
  topRows: string[][];
  dataRows: number;
  columns: ColumnView[];
  mapping: Mapping;
  /** True when the mapping came from the last import of a file with the same headers. */
  fromProfile: boolean;
  /** What the sheet brings in: guessed from its name and headers, or as the user chose. */
  entity: EntityName;
  /** Why the sheet was taken for groups, said to the user (null: chosen, or a client list). */
  entityReason: string | null;
}

export interface ReviewSummary {
  total: number;
  /** Lines below the header that are not rows of data (a report's footer), said in Portuguese. */
  notes: string[];
  counts: StatusCounts;
  problems: ReturnType<typeof countProblems>;
  /** Groups named by rows ready to import that do not exist yet. */
  newGroups: NewGroup[];
}

export interface ReviewPage {
  total: number;
  items: ReviewItem[];
}

let cancelRequested = false;

function sampleColumn(rows: readonly string[][], headerRow: number, column: number, limit: number): string[] {
  const values: string[] = [];
  for (let r = headerRow + 1; r < rows.length && values.length < limit; r++) {
    const value = rows[r]?.[column]?.trim() ?? '';
    if (value !== '') values.push(value);
  }
  return values;
}

async function summarize(rows: readonly ReviewRow[], notes: string[]): Promise<ReviewSummary> {
  const known = new Set((await loadGroupIndex(getDb())).keys());
  return { total: rows.length, notes, counts: countStatuses(rows), problems: countProblems(rows), newGroups: listNewGroups(rows, known) };
}

/** Tabs scored when choosing where the data is; a workbook with more is opened on its first filled tab. */
const MAX_SHEETS_SCORED = 12;

/**
 * The tab to start on: the one whose header row names the most fields of an entity (offices often put an
 * instructions tab first), else the first tab with data. A tab hidden in Excel (often an old copy) is
 * chosen only when no visible tab has data. The user can still pick another.
 */
function pickDataSheet(workbook: OpenedWorkbook): { sheetIndex: number; sheet: Parsed<SheetTable | null> } {
  const sheets = workbook.info.sheets;
  const visibleFilled = sheets.findIndex((s) => !s.empty && s.hidden !== true);
  const firstFilled = Math.max(0, visibleFilled >= 0 ? visibleFilled : sheets.findIndex((s) => !s.empty));
  let best = { sheetIndex: firstFilled, sheet: workbook.readSheet(firstFilled), score: -1 };
  const candidates = sheets.length <= MAX_SHEETS_SCORED ? sheets : [];
  candidates.forEach((info, index) => {
    if (info.empty || (info.hidden === true && visibleFilled >= 0)) return;
    const sheet = index === best.sheetIndex ? best.sheet : workbook.readSheet(index);
    const rows = sheet.data?.rows ?? [];
    const score = scoreDataHeaders(rows[detectHeaderRow(rows)] ?? []);
    if (score > best.score) best = { sheetIndex: index, sheet, score };
  });
  return { sheetIndex: best.sheetIndex, sheet: best.sheet };
}

export const api = {
  /** Reads the file in the worker. A file it cannot read comes back as problems, never as a throw. */
  async openFile(file: File, onProgress?: Progress): Promise<Parsed<FileSummary | null>> {
    setSession(undefined);
    const { workbook, hash, problems } = await readFile(file, onProgress);
    if (!workbook) return { data: null, problems };
    const { sheetIndex, sheet } = pickDataSheet(workbook);
    if (!sheet.data) return { data: null, problems: [...problems, ...sheet.problems] };
    const notes = [...problems, ...sheet.problems].filter((p) => p.level !== 'error').map((p) => p.message);
    setSession({ fileName: file.name, fileSize: file.size, fileHash: hash, workbook, sheetIndex, table: sheet.data, headerRow: 0, mapping: [], rows: [], declined: new Set(), defaults: {}, required: DEFAULT_REQUIRED, notes, reviewNotes: [] });
    onProgress?.(1, 1, 'Arquivo lido');
    return { data: { fileName: file.name, info: workbook.info, sheetIndex }, problems: [...problems, ...sheet.problems] };
  },

  /** Columns, samples and the suggested mapping for a sheet, header row (detected when not given) and entity (guessed when not given). */
  async previewSheet(sheetIndex: number, headerRow?: number, entity?: EntityName): Promise<Parsed<SheetPreview | null>> {
    const session = requireSession();
    let problems: Problem[] = [];
    if (sheetIndex !== session.sheetIndex) {
      const sheet = session.workbook.readSheet(sheetIndex);
      problems = sheet.problems;
      if (!sheet.data) return { data: null, problems };
      session.sheetIndex = sheetIndex;
      session.notes = problems.filter((p) => p.level !== 'error').map((p) => p.message);
      session.table = sheet.data;
    }
    const rows = session.table.rows;
    const header = headerRow ?? guessHeaderRow(rows);
    const width = Math.max(0, ...rows.slice(Math.max(0, header), header + 200).map((r) => r.length));
    const names = columnNames(rows, header, width);
    const columns: ColumnView[] = names.map((name, index) => ({ index, letter: columnLetter(index), header: name, samples: sampleColumn(rows, header, index, 3) }));
    const signature = headerSignature(names);
    const guess = entity === undefined ? guessEntity(session.workbook.info.sheets[sheetIndex]?.name ?? '', header < 0 ? [] : names) : { entity, reason: null };
    session.entity = guess.entity;
    // Letters name no layout: a headerless file is always mapped from its content.
    const profile = header < 0 ? undefined : await getDb().mappings.get([guess.entity, signature]);
    const fromProfile = profile !== undefined && profile.mapping.length === width;
    const mapping = fromProfile ? profile.mapping : suggestMapping(columns.map((c) => ({ header: c.header, values: sampleColumn(rows, header, c.index, 50) })), ENTITIES[guess.entity].fields);
    session.headerRow = header;
    // A report's footer ("Total de registros: 25") is not counted: the review leaves it out too.
    const dataRows = rows.slice(header + 1).filter((r) => r.some((c) => c.trim() !== '')).length - findFooterRows(rows, header).length;
    if (dataRows === 0 && !problems.some((p) => p.code === 'sheet.no_data')) {
      problems.push(generalProblem('sheet.no_data', 'Não há nenhuma linha de dados abaixo da linha do cabeçalho. Confira a aba e a linha do cabeçalho escolhidas.', 'warning'));
    }
    return { data: { headerRow: header, headerCandidate: detectHeaderRow(rows), topRows: rows.slice(0, Math.max(HEADER_SCAN_ROWS, header + 1)).map((r) => r.slice(0, width)), dataRows, columns, mapping, fromProfile, entity: guess.entity, entityReason: guess.reason }, problems };
  },

  /** Normalizes and validates every row, checks duplicates and registered documents, remembers the mapping. */
  async review(mapping: Mapping, defaults: RawClient, onProgress?: Progress): Promise<ReviewSummary> {
    const session = requireSession();
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
  },

  /** A window of the review table (the page never holds every problem of a 100,000-row file). */
  reviewItems(filter: ReviewFilter, offset: number, limit: number): ReviewPage {
    const session = requireSession();
    if (session.entity === 'groups') return groupReviewItems(session, filter, offset, limit);
    const items = listReviewItems(session.rows, session.mapping, filter);
    return { total: items.length, items: items.slice(offset, offset + limit) };
  },

  /** Turns kinds of automatic fixes off (or back on): the rows are validated again. */
  async declineFixes(codes: string[]): Promise<ReviewSummary> {
    const session = requireSession();
    if (session.entity === 'groups') return summarizeGroups(session);
    session.declined = new Set(codes);
    await revalidateAll(session);
    return summarize(session.rows, session.reviewNotes);
  },

  /** "Aplicar a todas as N linhas": every row's suggestion for one kind of problem, then the rows validated again. */
  async applySuggestions(code: string): Promise<ReviewSummary> {
    const session = requireSession();
    if (session.entity === 'groups') return summarizeGroups(session);
    await applyEdits(session, collectSuggestedEdits(session.rows, code));
    return summarize(session.rows, session.reviewNotes);
  },

  /** "DDD para os telefones sem DDD": the DDD typed once, put in front of every phone still without one. */
  async applyDdd(ddd: string): Promise<ReviewSummary> {
    const session = requireSession();
    if (session.entity === 'groups') return summarizeGroups(session);
    await applyEdits(session, collectDddEdits(session.rows, ddd.replace(/\D/g, '')));
    return summarize(session.rows, session.reviewNotes);
  },

  /** A value for the rows that leave a field empty (the group for rows without one), chosen in the review. */
  async setDefaults(defaults: RawClient): Promise<ReviewSummary> {
    const session = requireSession();
    if (session.entity === 'groups') return summarizeGroups(session);
    session.defaults = defaults;
    await revalidateAll(session);
    return summarize(session.rows, session.reviewNotes);
  },

  /** The user corrected a cell in the review: re-validate the row, and the file's duplicates with it. */
  async editCell(rowNumber: number, field: ClientFieldKey | GroupFieldKey, value: string): Promise<ReviewSummary> {
    const session = requireSession();
    if (session.entity === 'groups') return editGroupCell(session, rowNumber, field === 'description' ? 'description' : 'name', value);
    if (field === 'description') return summarize(session.rows, session.reviewNotes);
    const row = session.rows.find((r) => r.rowNumber === rowNumber);
    if (!row) return summarize(session.rows, session.reviewNotes);
    await applyEdits(session, new Map([[rowNumber, { ...row.edits, [field]: value }]]));
    return summarize(session.rows, session.reviewNotes);
  },

  /** Refused while another tab writes; a run that fails comes back failed, with its reason as the problem. */
  async startImport(options: ImportOptions, onProgress?: Progress): Promise<Parsed<RunRecord | null>> {
    const session = requireSession();
    cancelRequested = false;
    const sheet = session.workbook.info.sheets[session.sheetIndex]?.name ?? '';
    const headers = columnNames(session.table.rows, session.headerRow, session.mapping.length);
    const id = crypto.randomUUID();
    const meta = { id, fileName: session.fileName, fileSize: session.fileSize, fileHash: session.fileHash, sheet, headerRow: session.headerRow + 1, headers, mapping: session.mapping, notes: [...session.notes, ...session.reviewNotes] };
    const tell = (d: number, t: number): void => onProgress?.(d, t, 'Importando');
    const hooks = { onProgress: tell, onWriting: tell, isCancelled: () => cancelRequested };
    const groupRows = session.groupRows ?? [];
    if (session.entity === 'groups') {
      const edits = groupRows.filter((r) => Object.keys(r.edits).length > 0).map((r): [number, RawClient] => [r.rowNumber, r.edits]);
      return importAlone(id, () => runGroupImport(getDb(), { ...meta, review: { defaults: {}, declined: [], edits } }, groupRows, options, hooks));
    }
    return importAlone(id, () => runImport(
      getDb(),
      { ...meta, review: { defaults: session.defaults, required: [...session.required], declined: [...session.declined], edits: session.rows.filter((r) => Object.keys(r.edits).length > 0).map((r) => [r.rowNumber, r.edits]) } },
      session.rows,
      options,
      hooks,
    ));
  },

  /** Goes on with a run cut short, from the same file sent again (checked by its SHA-256). */
  resumeImport(runId: string, file: File, onProgress?: Progress): Promise<Parsed<RunRecord | null>> {
    cancelRequested = false;
    return resumeImport(runId, file, { onProgress, isCancelled: () => cancelRequested });
  },

  cancelImport(): void {
    cancelRequested = true;
  },

  /** What undoing would run into (a later run on the same clients, hand edits since), asked before confirming. */
  checkUndo(runId: string): Promise<UndoCheck> {
    return checkUndo(getDb(), runId);
  },

  undoRun(runId: string): Promise<Parsed<RunRecord | null>> {
    return writeAlone(getDb(), { kind: 'undo' }, 'undo', async () => {
      const db = getDb();
      const undo = (await db.runs.get(runId))?.entity === 'groups' ? undoGroupRun : undoRun;
      return { data: await undo(db, runId), problems: [] };
    });
  },

  /** Everything stored, as the JSON backup file's bytes. */
  async backup(): Promise<Uint8Array> {
    const bytes = new TextEncoder().encode(JSON.stringify(await createBackup(getDb())));
    return Comlink.transfer(bytes, [bytes.buffer]);
  },

  /** Replaces everything stored by a backup file's content, once the whole file is checked. */
  async restore(file: File): Promise<Parsed<{ clients: number; groups: number; runs: number } | null>> {
    const { data, problems } = readBackup(await file.text());
    if (!data) return { data: null, problems };
    return writeAlone(getDb(), { kind: 'restore' }, 'restore', async () => {
      await restoreBackup(getDb(), data);
      return { data: { clients: data.clients.length, groups: data.groups.length, runs: data.runs.length }, problems: [] };
    });
  },

  /** An entity's import template (the clients' with the groups that exist in its Grupo dropdown). Its writer is loaded only now. */
  async template(format: OutputFormat, entity: EntityName = 'clients'): Promise<Uint8Array> {
    const [{ writeTemplate }, groups] = await Promise.all([import('../spreadsheet/template'), entity === 'clients' ? getDb().groups.orderBy('nameKey').toArray() : []]);
    const { label, fields } = ENTITIES[entity];
    const bytes = writeTemplate({ sheetName: label, fields, groupNames: groups.map((g) => g.name) }, format);
    return Comlink.transfer(bytes, [bytes.buffer]);
  },

  /** A window of the register's list: the clients the query finds, in its order. */
  listClients(query: ClientQuery, offset: number, limit: number): Promise<ClientWindow> {
    return listClients(query, offset, limit);
  },

  /** The clients the query finds as a spreadsheet, read a window at a time, with progress. */
  async exportClients(query: ClientQuery, format: OutputFormat, onProgress?: Progress): Promise<Uint8Array> {
    const bytes = await exportClients(query, format, onProgress);
    return Comlink.transfer(bytes, [bytes.buffer]);
  },

  /** One client's data on its own (LGPD art. 18), as JSON or XLSX; null when the client no longer exists. */
  async exportClientData(id: string, format: 'json' | 'xlsx'): Promise<Uint8Array | null> {
    const data = await collectClientData(getDb(), id);
    if (!data) return null;
    const bytes = format === 'json'
      ? new TextEncoder().encode(subjectJson(data))
      : writeWorkbook(subjectSheets(data).map((sheet, i) => ({ ...sheet, textColumns: i === 0 ? textColumnsOf(CLIENT_FIELDS) : new Set<number>() })), 'xlsx');
    return Comlink.transfer(bytes, [bytes.buffer]);
  },

  /** The rows a run rejected, with their original columns and a column "Erros", to fix and upload again. */
  async errorWorkbook(runId: string, format: OutputFormat): Promise<Uint8Array> {
    const db = getDb();
    const run = await db.runs.get(runId);
    const failed = (await loadRunLog(db, runId)).filter((r) => r.status === 'error');
    const width = Math.max(run?.headers.length ?? 0, ...failed.map((r) => r.cells?.length ?? 0));
    const header = [...Array.from({ length: width }, (_, i) => run?.headers[i] || columnLetter(i)), 'Linha original', 'Erros'];
    // What the user already corrected in the review goes back in its column: the file to fix starts from there.
    const edits = new Map(run?.review?.edits ?? []);
    const cellsOf = (r: (typeof failed)[number]): string[] => {
      const cells = Array.from({ length: width }, (_, i) => r.cells?.[i] ?? '');
      for (const [field, value] of Object.entries(edits.get(r.row) ?? {})) {
        const column = run?.mapping.indexOf(field) ?? -1;
        if (column >= 0 && value !== undefined) cells[column] = value;
      }
      return cells;
    };
    const rows = failed.map((r) => [...cellsOf(r), String(r.row), (r.messages ?? []).filter((m) => m.level === 'error').map((m) => m.message).join(' | ')]);
    const bytes = writeWorkbook([{ name: 'Erros', header, rows, textColumns: new Set(Array.from({ length: width }, (_, i) => i)) }], format);
    return Comlink.transfer(bytes, [bytes.buffer]);
  },
};

export type WorkerApi = typeof api;
