/**
 * The worker's one typed surface (`WorkerApi`), exposed by worker.ts through Comlink. Thin wiring: each
 * room's functions live in their own file, the pure logic in src/domain/.
 */
import { applyDdd, applySuggestions, declineFixes, editCell, openFile, previewSheet, review, reviewItems, setDefaults } from './importReview';
import { cancelImport, checkUndo, errorWorkbook, resumeImport, startImport, undoRun } from './importRuns';
import { exportClientData, exportClients, listClients, template } from './register';
import { backup, restore } from './backups';

export type { OutputFormat } from '../spreadsheet/write';
export type { Progress } from './prepare';
export type { FileSummary } from './importReview';
export type { ColumnView, SheetPreview } from '../domain/sheetPreview';
export type { ReviewPage, ReviewSummary } from '../domain/reviewSummary';

export const api = {
  // The import session: file, sheet preview and mapping, review and its corrections.
  openFile,
  previewSheet,
  review,
  reviewItems,
  declineFixes,
  applySuggestions,
  applyDdd,
  setDefaults,
  editCell,
  // Its runs: start, resume, cancel, undo, the rejected rows' workbook.
  startImport,
  resumeImport,
  cancelImport,
  checkUndo,
  undoRun,
  errorWorkbook,
  // Backups.
  backup,
  restore,
  // The register: templates, list, export, one client's data.
  template,
  listClients,
  exportClients,
  exportClientData,
};

export type WorkerApi = typeof api;
