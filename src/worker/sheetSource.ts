/**
 * The session's way to a file's tabs. In the browser a workbook is parsed in a reader worker started by
 * this worker, and the reader is terminated as soon as no other tab can be asked for: what the session
 * keeps is only the rows it received (a copy), while everything SheetJS allocated goes with the reader.
 * Measured in Chromium (100,000-row XLSX): this worker's heap after reading was 321 MB, of which 47 MB
 * were the rows still needed, and V8 kept the rest until the end of the import. A CSV is read here, by
 * the same reader: its parse leaves little behind, and its cells (slices of the file's text) weigh less
 * than a copy (1,000,000 rows: 370 MB here, 569 MB copied). Where there are no workers (the unit tests in
 * Node) everything is read here.
 */
import * as Comlink from 'comlink';
import type { Parsed } from '../domain/problems';
import { parsesWithSheetJs, unreadableFile, type SheetTable } from '../spreadsheet/read';
import { createFileReader, type FileReaderApi, type OpenedFile, type Progress } from './fileReader';

export interface SheetSource {
  readSheet(index: number, onProgress?: Progress): Promise<Parsed<SheetTable | null>>;
  /** Lets the reader go (and with it everything the parse allocated). Reading again then opens the file again. */
  close(): void;
}

interface Reader {
  api: Pick<Comlink.Remote<FileReaderApi>, 'open' | 'readSheet'> | FileReaderApi;
  /** Rejects when the reader dies; never settles otherwise. */
  died: Promise<never>;
  stop(): void;
}

function startReader(inWorker: boolean): Reader {
  if (!inWorker) return { api: createFileReader(), died: new Promise<never>(() => {}), stop: () => {} };
  const worker = new Worker(new URL('./readerWorker.ts', import.meta.url), { type: 'module', name: 'clientela-leitor' });
  const died = new Promise<never>((_, reject) => worker.addEventListener('error', (event) => reject(new Error(event.message))));
  died.catch(() => {});
  return { api: Comlink.wrap<FileReaderApi>(worker), died, stop: () => worker.terminate() };
}

/** The first bytes decide (a file that cannot be read at all is said so by the reader, here). */
async function readsWithSheetJs(file: File): Promise<boolean> {
  try {
    return parsesWithSheetJs(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  } catch {
    return false;
  }
}

function relay(onProgress?: Progress): Progress | undefined {
  return onProgress && Comlink.proxy((done: number, total: number, phase: string) => onProgress(done, total, phase));
}

/**
 * Opens the file in a new reader: its tabs and the one to start on. The reader is kept only while another
 * tab may be asked for (a workbook with more than one tab with data), until `close`.
 */
export async function openSheetSource(file: File, onProgress?: Progress): Promise<{ opened: OpenedFile; source: SheetSource }> {
  const inWorker = typeof Worker !== 'undefined' && (await readsWithSheetJs(file));
  let reader: Reader | undefined = startReader(inWorker);
  const stop = (): void => {
    reader?.stop();
    reader = undefined;
  };
  const ask = async <T>(call: (api: Reader['api']) => Promise<T> | T, fallback: () => T): Promise<T> => {
    const current = reader ?? (reader = startReader(inWorker));
    try {
      return await Promise.race([call(current.api), current.died]);
    } catch {
      // The reader died (out of memory) or the file could not be read from disk (changed, removed).
      stop();
      return fallback();
    }
  };
  const opened = await ask((api) => api.open(file, relay(onProgress)), () => ({ info: null, hash: '', problems: [unreadableFile(file.name)], sheetIndex: 0, sheet: null }));
  const source: SheetSource = {
    readSheet: async (index, progress) => {
      // A reader let go (the review began, then the user came back for another tab) opens the file again.
      if (reader === undefined) {
        const again = await ask((api) => api.open(file), () => null);
        if (!again?.info) return { data: null, problems: again?.problems ?? [unreadableFile(file.name)] };
      }
      return ask((api) => api.readSheet(index, relay(progress)), () => ({ data: null, problems: [unreadableFile(file.name)] }));
    },
    close: stop,
  };
  if ((opened.info?.sheets.filter((s) => !s.empty).length ?? 0) <= 1) stop();
  return { opened, source };
}
