/// <reference lib="webworker" />
import * as XLSX from '@e965/xlsx';
import { ClientelaDb } from '../../src/storage/db';
import { newId } from '../../src/domain/ids';
import { emptyClientDraft, type ClientRecord } from '../../src/domain/entities/client';

export interface BaselineResult {
  rows: number;
  parseMs: number;
  writeMs: number;
}

/** Bench columns (scripts/bench/generate.mjs) → record fields, as typed: no checking, no normalizing. */
const COLUMNS = ['name', 'tradeName', 'document', 'kind', 'mobile', 'phone', 'email', 'secondaryEmail', 'group', 'birthDate', 'cep', 'street', 'number', 'district', 'city', 'uf'] as const;

function toRecord(row: readonly string[], i: number): ClientRecord {
  const { group: _group, kind: _kind, ...fields } = emptyClientDraft();
  const record: ClientRecord = { ...fields, id: newId(), kind: 'PF', groupId: '', createdAt: 0, updatedAt: 0, row: i };
  COLUMNS.forEach((key, c) => {
    const value = row[c] ?? '';
    if (key === 'group') record.groupId = value;
    else if (key === 'kind') record.kind = value === 'PJ' ? 'PJ' : 'PF';
    else if (key === 'document') record.document = value.replace(/[.\-/]/g, '') || `vazio-${i}`;
    else record[key] = value;
  });
  return record;
}

async function measure(file: File): Promise<BaselineResult> {
  const started = performance.now();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const csv = file.name.toLowerCase().endsWith('.csv');
  const book = csv ? XLSX.read(new TextDecoder().decode(bytes), { type: 'string', dense: true, raw: true }) : XLSX.read(bytes, { dense: true });
  const sheet = book.Sheets[book.SheetNames[0] ?? ''];
  const rows = sheet ? XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' }) : [];
  const parseMs = performance.now() - started;
  const records = rows.slice(1).map((row, i) => toRecord(row, i + 2));
  const db = new ClientelaDb('clientela-bench-baseline');
  await db.clients.clear();
  const writeStarted = performance.now();
  // Rows repeating a document (none are generated, but a broken one may collide) are left out, as a bulkAdd does.
  await db.clients.bulkAdd(records).catch((error: unknown) => {
    if (!(error instanceof Error && error.name === 'BulkError')) throw error;
  });
  const writeMs = performance.now() - writeStarted;
  await db.delete();
  return { rows: records.length, parseMs, writeMs };
}

self.onmessage = (event: MessageEvent<File>) => {
  measure(event.data).then(
    (result) => self.postMessage(result),
    (error: unknown) => self.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
};
