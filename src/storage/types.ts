import type { ClientRecord, GroupRecord } from '../domain/entities/client';
import type { EntityName } from '../domain/entities';
import type { Mapping } from '../domain/mapping';
import type { RawClient } from '../domain/validateClient';

export type RunStatus = 'running' | 'done' | 'cancelled' | 'interrupted' | 'failed' | 'undone';

/** What happens to a row whose CPF/CNPJ is already registered. */
export type ExistingPolicy = 'skip' | 'complete' | 'replace';

export interface ImportOptions {
  existing: ExistingPolicy;
  /** Create the groups named in the file that do not exist yet (else such rows are errors). */
  createGroups: boolean;
  /**
   * "Importar como cadastro incompleto": rows whose only errors are required values left empty come in
   * as incomplete clients (else they are errors, as before this option existed).
   */
  importIncomplete?: boolean;
}

/** What the user decided in the review, kept so that a resumed run reads the file the same way. */
export interface ReviewChoices {
  /** Values for the fields a row leaves blank (a Grupo for the whole file). */
  defaults: RawClient;
  /** Kinds of automatic fixes the user declined. */
  declined: string[];
  /** Cells corrected in the review table: [spreadsheet row number, values by field]. */
  edits: [number, RawClient][];
  /** The required fields the review used (absent: the seed's). */
  required?: string[];
}

export interface RunCounts {
  total: number;
  imported: number;
  updated: number;
  skipped: number;
  errors: number;
  /** Of the imported and updated, how many came in as incomplete (absent on older runs). */
  incomplete?: number;
}

export interface RunRecord {
  id: string;
  /** What the spreadsheet brought in: clients, or groups (a Grupos spreadsheet). */
  entity: EntityName;
  fileName: string;
  fileSize: number;
  fileHash: string;
  sheet: string;
  /** Spreadsheet row number of the header row. */
  headerRow: number;
  /** The header texts, by column (for the error workbook). */
  headers: string[];
  mapping: Mapping;
  /** What the reader noticed about the file (formulas used by their values, merged cells…). */
  notes?: string[];
  options: ImportOptions;
  /** Absent on runs from before resuming was possible: those cannot be resumed. */
  review?: ReviewChoices;
  status: RunStatus;
  counts: RunCounts;
  /** Groups this run created (undo removes them). */
  createdGroupIds: string[];
  startedAt: number;
  endedAt?: number;
  undoneAt?: number;
  /** Next chunk to write: what a resume starts from. */
  nextChunk: number;
  /** Rows per chunk (absent on runs from before it was recorded, and on Grupos runs: CHUNK_SIZE). */
  chunkSize?: number;
  /** Why a failed or interrupted run stopped, in Portuguese (shown on its log page). */
  failure?: string;
  /** A Grupos run undone: the groups it created that were kept because clients use them, by name. */
  keptGroups?: string[];
  /** With team sync on: the clients its undo left as they were, because someone changed them since. */
  undoKept?: UndoKept[];
}

export interface UndoKept {
  clientId: string;
  name: string;
  reason: string;
}

export type LogStatus = 'imported' | 'updated' | 'skipped' | 'error';

export interface LogMessage {
  code: string;
  field: string;
  level: 'error' | 'warning' | 'fix';
  message: string;
}

/** One spreadsheet row accounted for. Plain imports carry just row, status and client id. */
export interface LogRow {
  row: number;
  status: LogStatus;
  clientId?: string;
  messages?: LogMessage[];
  /** The client as it was before this run updated it (for undo). */
  before?: ClientRecord;
  /** A Grupos run: the group the row created or updated. */
  groupId?: string;
  /** A Grupos run: the group as it was before this run updated it (for undo). */
  groupBefore?: GroupRecord;
  /** The original cells of a rejected row (for the error workbook). */
  cells?: string[];
  /** The client's personal data was erased from this line at its request (LGPD): only row and status remain. */
  erased?: boolean;
}

export const LOG_STATUS_LABEL: Record<LogStatus, string> = {
  imported: 'importado',
  updated: 'atualizado',
  skipped: 'ignorado',
  error: 'erro',
};

export const RUN_STATUS_LABEL: Record<RunStatus, string> = {
  running: 'em andamento',
  done: 'concluída',
  cancelled: 'cancelada',
  interrupted: 'interrompida',
  failed: 'falhou',
  undone: 'desfeita',
};
