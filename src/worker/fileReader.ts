/**
 * Reading an uploaded file: its bytes into a workbook, the tab to start on picked, any other tab read on
 * demand. Runs in a reader worker of its own (see sheetSource.ts): parsing leaves hundreds of MB of
 * garbage that a worker's heap never gives back, but a terminated worker does, all at once.
 */
import * as Comlink from 'comlink';
import { openWorkbook, type OpenedWorkbook, type ReadPhase, type SheetTable, type WorkbookInfo } from '../spreadsheet/read';
import type { Parsed, Problem } from '../domain/problems';
import { pickDataSheet } from '../domain/sheetPick';

export type Progress = (done: number, total: number, phase: string) => void;

const PHASE_LABEL: Record<ReadPhase, string> = { sniffing: 'Identificando o arquivo', parsing: 'Abrindo a planilha', converting: 'Lendo as linhas' };

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What opening a file gives: its tabs and the one to start on, read; or, when it cannot be read, why. */
export interface OpenedFile {
  info: WorkbookInfo | null;
  /** SHA-256 of the bytes: tells the same file from another with the same name. */
  hash: string;
  problems: Problem[];
  /** The tab to start on (`pickDataSheet`), and its rows. */
  sheetIndex: number;
  sheet: Parsed<SheetTable | null> | null;
}

/** The reader's surface: one file at a time, opened first, then any tab of it. */
export interface FileReaderApi {
  open(file: File, onProgress?: Progress): Promise<OpenedFile>;
  readSheet(index: number, onProgress?: Progress): Parsed<SheetTable | null>;
}

function tellPhases(onProgress?: Progress): (phase: ReadPhase, fraction: number) => void {
  return (phase, fraction) => onProgress?.(Math.round(fraction * 100), 100, PHASE_LABEL[phase]);
}

export function createFileReader(): FileReaderApi {
  let workbook: OpenedWorkbook | null = null;
  return {
    async open(file, onProgress) {
      workbook = null;
      onProgress?.(0, 1, 'Lendo o arquivo');
      const buffer = await file.arrayBuffer();
      // Started first: the digest copies the bytes and runs off this thread while the file is parsed here.
      const hashing = sha256(buffer);
      const opened = openWorkbook(new Uint8Array(buffer), file.name, undefined, tellPhases(onProgress));
      const hash = await hashing;
      workbook = opened.data;
      if (!workbook) return { info: null, hash, problems: opened.problems, sheetIndex: 0, sheet: null };
      const { sheetIndex, sheet } = pickDataSheet(workbook);
      return { info: workbook.info, hash, problems: opened.problems, sheetIndex, sheet };
    },
    readSheet(index, onProgress) {
      if (!workbook) return { data: null, problems: [] };
      return workbook.readSheet(index, tellPhases(onProgress));
    },
  };
}

/** The reader worker's entry calls this: the surface, over Comlink. */
export function exposeFileReader(): void {
  Comlink.expose(createFileReader());
}
