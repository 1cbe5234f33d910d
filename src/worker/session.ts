import type { SheetTable, WorkbookInfo } from '../spreadsheet/read';
import type { SheetSource } from './sheetSource';
import type { Mapping } from '../domain/mapping';
import type { ReviewRow } from '../domain/review';
import type { RawClient } from '../domain/validateClient';
import type { RequiredSet } from '../domain/requiredFields';
import type { ContactOwner } from '../domain/contactDuplicates';
import type { EntityName } from '../domain/entities';
import type { GroupReviewRow } from '../domain/groupReview';

/** The file being imported: kept in the worker so the page never holds 100,000 rows. */
export interface Session {
  fileName: string;
  fileSize: number;
  fileHash: string;
  /** The file's tabs (names, sizes), its format and date system. */
  info: WorkbookInfo;
  /** Where another tab is read from while the user may still pick one; closed when the review starts. */
  source: SheetSource;
  sheetIndex: number;
  table: SheetTable;
  headerRow: number;
  mapping: Mapping;
  rows: ReviewRow[];
  /** Codes of the automatic fixes the user declined in the review. */
  declined: Set<string>;
  /** Values for fields a row leaves empty, chosen for the whole file in the mapping step. */
  defaults: RawClient;
  /** The office's required fields, read when the review starts. */
  required: RequiredSet;
  /** The stored clients by name plus phone or e-mail, read once per review (only when a row has no CPF/CNPJ). */
  contacts?: Map<string, ContactOwner>;
  /** What the reader noticed about the file (formulas, merged cells…), kept in the run's log. */
  notes: string[];
  /** What the review left out of the rows (a report's footer), also kept in the run's log. */
  reviewNotes: string[];
  /** The mapped date column has dates only readable month first (see domain/dateColumns). */
  monthFirstDates?: boolean;
  /** What the sheet brings in, as guessed or chosen in the mapping step (absent: clients). */
  entity?: EntityName;
  /** A Grupos sheet's reviewed rows (`rows` stays empty then). */
  groupRows?: GroupReviewRow[];
}

let current: Session | undefined;

export function setSession(session: Session | undefined): void {
  if (current?.source !== session?.source) current?.source.close();
  current = session;
}

export function requireSession(): Session {
  if (!current) throw new Error('Nenhuma planilha carregada. Envie o arquivo novamente.');
  return current;
}
