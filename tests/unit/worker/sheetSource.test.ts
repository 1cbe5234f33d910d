import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSheetSource } from '../../../src/worker/sheetSource';
import { buildCsv, buildWorkbook } from '../../support/spreadsheets/build';

/** Two tabs with data: the reader stays open while the user may pick the other one. */
function duasAbasXlsx(): File {
  const bytes = buildWorkbook([
    { name: 'Clientes', rows: [['Nome', 'CPF'], ['Ana Souza', '111.444.777-35']] },
    { name: 'Antigos', rows: [['Nome', 'CPF'], ['Bruno Lima', '529.982.247-25'], ['Carla Dias', '']] },
  ]);
  return new File([Uint8Array.from(bytes)], 'duas-abas.xlsx');
}

/** A Worker whose thread dies at the first message, as an out-of-memory reader does. */
class WorkerQueMorre extends EventTarget {
  static all: WorkerQueMorre[] = [];
  terminated = false;
  constructor() {
    super();
    WorkerQueMorre.all.push(this);
  }
  postMessage(): void {
    queueMicrotask(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'Out of memory' })));
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('openSheetSource: the file read in a reader that goes away', () => {
  it('opens on the tab with data, and reads the other tab on demand', async () => {
    const { opened, source } = await openSheetSource(duasAbasXlsx());
    expect(opened.info?.sheets.map((s) => s.name)).toEqual(['Clientes', 'Antigos']);
    expect(opened.sheet?.data?.rows[1]).toEqual(['Ana Souza', '111.444.777-35']);
    expect((await source.readSheet(1)).data?.rows).toHaveLength(3);
    source.close();
  });

  it('after close (the review began), reads another tab by opening the file again', async () => {
    const { source } = await openSheetSource(duasAbasXlsx());
    source.close();
    const again = await source.readSheet(1);
    expect(again.problems).toEqual([]);
    expect(again.data?.rows[2]).toEqual(['Carla Dias']);
  });

  it('hands a CSV over with its hash and the delimiter it found', async () => {
    const { opened } = await openSheetSource(new File([Uint8Array.from(buildCsv([['Nome', 'CPF'], ['Ana', '1']], { delimiter: ';' }))], 'lista.csv'));
    expect(opened.info).toMatchObject({ format: 'csv', delimiter: ';' });
    expect(opened.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a reader that dies comes back as a file that could not be read, in Portuguese, and is let go', async () => {
    vi.stubGlobal('Worker', WorkerQueMorre);
    const { opened, source } = await openSheetSource(duasAbasXlsx());
    expect(opened.info).toBeNull();
    expect(opened.problems).toMatchObject([{ code: 'file.unreadable', level: 'error' }]);
    expect(opened.problems[0]?.message).toContain('Não foi possível ler o arquivo “duas-abas.xlsx”');
    const sheet = await source.readSheet(1);
    expect(sheet.data).toBeNull();
    expect(sheet.problems[0]?.code).toBe('file.unreadable');
    expect(WorkerQueMorre.all.length).toBeGreaterThan(0);
    expect(WorkerQueMorre.all.every((w) => w.terminated)).toBe(true);
  });

  it('a file that can no longer be read from disk is said the same way', async () => {
    const file = new File(['x'], 'sumiu.csv');
    vi.spyOn(file, 'arrayBuffer').mockRejectedValue(new DOMException('The file changed', 'NotReadableError'));
    const { opened } = await openSheetSource(file);
    expect(opened.problems.map((p) => p.code)).toEqual(['file.unreadable']);
  });
});
