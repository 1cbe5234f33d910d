import type { FileSummary, ReviewSummary, SheetPreview } from '../../worker/api';
import type { Mapping } from '../../domain/mapping';
import { generalProblem, type Problem } from '../../domain/problems';
import type { RawClient } from '../../domain/validateClient';
import type { EntityName } from '../../domain/entities';
import type { ImportOptions, RunRecord } from '../../storage/types';
import { Comlink, getWorker, restartWorker } from '../shared/worker';
import { runToTheEnd } from './runToTheEnd';
import { leaveGuard } from '../shared/leaveGuard.svelte';

/** The wizard is a union of steps; each step's data is what the previous step produced. */
export type WizardStep =
  | { kind: 'upload'; busy: boolean; fileName: string; problems: Problem[]; file?: FileSummary; preview?: SheetPreview }
  | { kind: 'mapping'; file: FileSummary; preview: SheetPreview; mapping: Mapping; problems: Problem[]; defaultGroup?: string }
  | { kind: 'review'; file: FileSummary; preview: SheetPreview; mapping: Mapping; summary: ReviewSummary; options: ImportOptions; declined: string[]; busy: boolean; defaults: RawClient; problems?: Problem[] }
  | { kind: 'importing'; file: FileSummary; done: number; total: number; startedAt: number; cancelling: boolean }
  | { kind: 'done'; run: RunRecord; problems?: Problem[] };

/** A parse taking longer than this is stopped (worker terminated and recreated) with a message. */
export const PARSE_TIMEOUT_MS = 120_000;

const DEFAULT_OPTIONS: ImportOptions = { existing: 'skip', createGroups: true, importIncomplete: false };

export class ImportWizard {
  step = $state<WizardStep>({ kind: 'upload', busy: false, fileName: '', problems: [] });
  progress = $state<{ done: number; total: number; phase: string } | null>(null);
  /** True while the worker checks the rows ("Conferindo"); "Cancelar" turns it off and drops the answer. */
  reviewing = $state(false);
  private reviewAttempt = 0;

  /** Which openFile call is current: a cancelled or replaced one must not touch the step when it settles. */
  private attempt = 0;

  private readonly report = Comlink.proxy((done: number, total: number, phase: string) => {
    this.progress = { done, total, phase };
  });

  /** Set while the review has the user's corrections: leaving the page would lose them. */
  private releaseEdits: (() => void) | undefined;

  private leaveReview(): void {
    this.releaseEdits?.();
    this.releaseEdits = undefined;
  }

  reset(): void {
    this.leaveReview();
    this.step = { kind: 'upload', busy: false, fileName: '', problems: [] };
    this.progress = null;
  }

  /** Parses the file in the worker; a runaway parse is stopped by restarting the worker. */
  async openFile(file: File): Promise<void> {
    const attempt = ++this.attempt;
    this.step = { kind: 'upload', busy: true, fileName: file.name, problems: [] };
    this.progress = { done: 0, total: 1, phase: 'Lendo o arquivo' };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), PARSE_TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([getWorker().openFile(file, this.report), timeout]);
      if (attempt !== this.attempt) return;
      if (result === 'timeout') {
        restartWorker();
        this.fail(file.name, generalProblem('file.timeout', 'A leitura do arquivo demorou demais e foi interrompida. Tente salvar a planilha como XLSX ou CSV, ou dividi-la em arquivos menores.'));
        return;
      }
      if (!result.data) {
        this.fail(file.name, ...result.problems);
        return;
      }
      const preview = await getWorker().previewSheet(result.data.sheetIndex);
      if (attempt !== this.attempt) return;
      const problems = [...result.problems, ...preview.problems].filter((p, i, all) => all.findIndex((q) => q.code === p.code) === i);
      this.step = { kind: 'upload', busy: false, fileName: file.name, file: result.data, problems, ...(preview.data ? { preview: preview.data } : {}) };
    } catch (error) {
      if (attempt !== this.attempt) return;
      restartWorker();
      this.fail(file.name, generalProblem('file.unexpected', `Não foi possível ler o arquivo (${error instanceof Error ? error.message : 'erro inesperado'}). Tente novamente ou salve a planilha em outro formato.`));
    } finally {
      clearTimeout(timer);
      if (attempt === this.attempt) this.progress = null;
    }
  }

  /** "Cancelar" during a parse: the only way to stop SheetJS is to end the worker. */
  cancelParse(): void {
    this.attempt++;
    restartWorker();
    this.reset();
  }

  private fail(fileName: string, ...problems: Problem[]): void {
    this.step = { kind: 'upload', busy: false, fileName, problems };
  }

  async choosePreview(sheetIndex: number, headerRow?: number): Promise<void> {
    const step = this.step;
    if (step.kind !== 'upload' || !step.file) return;
    const preview = await getWorker().previewSheet(sheetIndex, headerRow);
    const { preview: _old, ...rest } = step;
    void _old;
    this.step = { ...rest, file: { ...step.file, sheetIndex }, problems: preview.problems, ...(preview.data ? { preview: preview.data } : {}) };
  }

  toMapping(): void {
    const step = this.step;
    if (step.kind !== 'upload' || !step.file || !step.preview) return;
    this.step = { kind: 'mapping', file: step.file, preview: step.preview, mapping: [...step.preview.mapping], problems: [] };
  }

  /** Back from the mapping (also the browser's Back): the file and its preview stay. */
  backToUpload(): void {
    const step = this.step;
    if (step.kind !== 'mapping') return;
    this.step = { kind: 'upload', busy: false, fileName: step.file.fileName, file: step.file, preview: step.preview, problems: [] };
  }

  /** Clientes or Grupos chosen in the mapping step: the columns are matched again against that entity's fields. */
  async setEntity(entity: EntityName): Promise<void> {
    const step = this.step;
    if (step.kind !== 'mapping' || step.preview.entity === entity) return;
    const preview = await getWorker().previewSheet(step.file.sheetIndex, step.preview.headerRow, entity);
    if (this.step.kind !== 'mapping' || !preview.data) return;
    this.step = { ...this.step, preview: preview.data, mapping: [...preview.data.mapping], problems: preview.problems };
  }

  /** The mapping being edited lives in the step, so it survives a visit to another screen. */
  setMapping(mapping: Mapping, defaultGroup: string): void {
    if (this.step.kind === 'mapping') this.step = { ...this.step, mapping, defaultGroup };
  }

  setOptions(options: ImportOptions): void {
    if (this.step.kind === 'review') this.step = { ...this.step, options };
  }

  async toReview(mapping: Mapping, defaults: RawClient = {}): Promise<void> {
    const step = this.step;
    if (step.kind !== 'mapping') return;
    const attempt = ++this.reviewAttempt;
    this.reviewing = true;
    this.progress = { done: 0, total: 0, phase: 'Conferindo' };
    let summary: ReviewSummary;
    try {
      summary = await getWorker().review(mapping, defaults, this.report);
    } finally {
      if (attempt === this.reviewAttempt) this.reviewing = false;
    }
    if (attempt !== this.reviewAttempt || this.step.kind !== 'mapping') return;
    this.progress = null;
    this.step = { kind: 'review', file: step.file, preview: step.preview, mapping, summary, options: { ...DEFAULT_OPTIONS }, declined: [], busy: false, defaults };
  }

  /** "Cancelar" while checking: back to the mapping at once; the worker's answer, when it comes, is dropped. */
  cancelReview(): void {
    this.reviewAttempt++;
    this.reviewing = false;
    this.progress = null;
  }

  backToMapping(): void {
    const step = this.step;
    if (step.kind !== 'review') return;
    this.leaveReview();
    this.step = { kind: 'mapping', file: step.file, preview: step.preview, mapping: step.mapping, problems: [], ...(step.defaults.group ? { defaultGroup: step.defaults.group } : {}) };
  }

  setSummary(summary: ReviewSummary): void {
    if (this.step.kind !== 'review') return;
    this.releaseEdits ??= leaveGuard.hold('as correções da conferência ainda não foram importadas');
    this.step = { ...this.step, summary };
  }

  async declineFixes(codes: string[]): Promise<void> {
    if (this.step.kind !== 'review') return;
    const summary = await getWorker().declineFixes(codes);
    if (this.step.kind === 'review') this.step = { ...this.step, summary, declined: codes };
  }

  /** A fix applied in bulk in the worker (a kind of suggestion, a DDD, a group for rows without one). */
  private async bulk(work: () => Promise<ReviewSummary>, defaults?: RawClient): Promise<void> {
    if (this.step.kind !== 'review') return;
    this.step = { ...this.step, busy: true };
    try {
      const summary = await work();
      if (this.step.kind === 'review') this.step = { ...this.step, summary, ...(defaults ? { defaults } : {}) };
    } finally {
      if (this.step.kind === 'review') this.step = { ...this.step, busy: false };
    }
  }

  applySuggestions(code: string): Promise<void> {
    return this.bulk(() => getWorker().applySuggestions(code));
  }

  applyDdd(ddd: string): Promise<void> {
    return this.bulk(() => getWorker().applyDdd(ddd));
  }

  setDefaultGroup(group: string): Promise<void> {
    if (this.step.kind !== 'review') return Promise.resolve();
    const defaults: RawClient = { ...this.step.defaults, group };
    return this.bulk(() => getWorker().setDefaults(defaults), defaults);
  }

  async startImport(options: ImportOptions): Promise<void> {
    const step = this.step;
    if (step.kind !== 'review') return;
    this.leaveReview();
    this.step = { kind: 'importing', file: step.file, done: 0, total: step.summary.total, startedAt: Date.now(), cancelling: false };
    const onProgress = Comlink.proxy((done: number, total: number) => {
      if (this.step.kind === 'importing') this.step = { ...this.step, done, total };
    });
    const release = leaveGuard.hold('a importação está em andamento');
    try {
      const outcome = await runToTheEnd(() => getWorker().startImport($state.snapshot(options), onProgress));
      if (outcome.data) this.step = { kind: 'done', run: outcome.data, problems: outcome.problems };
      // Refused before it began (another tab writes) or failed before its run was stored: back to the review, saying why.
      else this.step = { ...step, options, busy: false, problems: outcome.problems };
    } finally {
      release();
    }
  }

  async cancelImport(): Promise<void> {
    if (this.step.kind !== 'importing') return;
    this.step = { ...this.step, cancelling: true };
    await getWorker().cancelImport();
  }
}

/** One wizard for the app's lifetime, above the routes: a visit to another screen keeps the user's place. */
export const importWizard = new ImportWizard();
