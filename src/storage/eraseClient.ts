/**
 * LGPD art. 18 (eliminação): what the app keeps of a client besides its record — its history, the copy an
 * import kept for undo, the cells of its rejected rows, what was typed for its rows in the review — is
 * erased with it. The run logs keep the line (row number and status) so that their counts still add up.
 */
import type { ClientRecord } from '../domain/entities/client';
import type { ClientelaDb, RunLogChunk } from './db';
import type { LogRow } from './types';

/** A cell that is the client's CPF/CNPJ (any punctuation, a lost leading zero) or its e-mail. */
function isClientCell(cell: string, client: ClientRecord): boolean {
  const compact = cell.replace(/[^0-9a-z]/gi, '').toUpperCase();
  if (compact !== '' && (compact === client.document || (/^\d+$/.test(compact) && compact.padStart(client.document.length, '0') === client.document))) return true;
  const email = cell.trim().toLowerCase();
  return email !== '' && (email === client.email || email === client.secondaryEmail);
}

function isClientRow(row: LogRow, client: ClientRecord): boolean {
  return row.clientId === client.id || row.before?.id === client.id || (row.cells ?? []).some((cell) => isClientCell(cell, client));
}

/** Removes the client's traces; call inside a transaction over history, runs and runLogs. */
export async function eraseClientTraces(db: ClientelaDb, client: ClientRecord): Promise<void> {
  await db.history.where('clientId').equals(client.id).delete();
  const erasedRows = new Map<string, Set<number>>();
  const changed: RunLogChunk[] = [];
  for (const chunk of await db.runLogs.toArray()) {
    if (!chunk.rows.some((row) => isClientRow(row, client))) continue;
    const rows = chunk.rows.map((row): LogRow => {
      if (!isClientRow(row, client)) return row;
      const numbers = erasedRows.get(chunk.runId) ?? new Set<number>();
      numbers.add(row.row);
      erasedRows.set(chunk.runId, numbers);
      return { row: row.row, status: row.status, erased: true };
    });
    changed.push({ ...chunk, rows });
  }
  await db.runLogs.bulkPut(changed);
  for (const [runId, numbers] of erasedRows) {
    const run = await db.runs.get(runId);
    if (!run?.review) continue;
    const edits = run.review.edits.filter(([row]) => !numbers.has(row));
    if (edits.length !== run.review.edits.length) await db.runs.update(runId, { review: { ...run.review, edits } });
  }
}
