/**
 * A legacy ERP's 46-column export where most rows lack e-mail and DDD, two thirds lack CPF/CNPJ and the
 * GRUPO column is empty, through the real reading, mapping and review code: with the fixes in bulk and
 * "Importar como cadastro incompleto" every row comes in.
 */
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src/spreadsheet/read';
import { suggestMapping } from '../../../src/domain/mapping';
import { CLIENT_FIELDS } from '../../../src/domain/entities/client';
import { markDuplicates, reviewTable, validateRow, type ReviewRow } from '../../../src/domain/review';
import { countStatuses } from '../../../src/domain/reviewSummary';
import { collectDddEdits, collectSuggestedEdits } from '../../../src/domain/bulkFixes';
import { buildLegacyErpExport, ERP_HEADER, ERP_NAMED_COLUMNS } from '../../support/spreadsheets/legacyErp';

const ROWS = 300;

function readErp(): string[][] {
  const opened = openWorkbook(buildLegacyErpExport(ROWS, 'biff5'), 'clientes-erp.xls');
  const sheet = opened.data?.readSheet(0);
  if (!sheet?.data) throw new Error(`not read: ${JSON.stringify([...opened.problems, ...(sheet?.problems ?? [])])}`);
  return sheet.data.rows;
}

describe('legacy ERP export (46 columns, .xls)', () => {
  const table = readErp();
  const columns = (table[0] ?? []).map((header, c) => ({ header, values: table.slice(1, 51).map((r) => r[c] ?? '').filter((v) => v.trim() !== '') }));
  const mapping = suggestMapping(columns, CLIENT_FIELDS);

  it('maps each named column, and none of the ERP\'s own codes', () => {
    expect(table[0]).toHaveLength(46);
    expect(table[0]).toEqual(ERP_HEADER);
    const expected = ERP_HEADER.map((h) => (ERP_NAMED_COLUMNS as Record<string, string>)[h] ?? null);
    expect(mapping).toEqual(expected);
  });

  it('brings every row in after the fixes in bulk, the incomplete ones marked so', () => {
    const defaults = { group: 'Clientes do ERP' };
    let rows: ReviewRow[] = reviewTable(table, 0, mapping, undefined, { defaults });
    markDuplicates(rows, new Map());
    expect(countStatuses(rows).error).toBe(ROWS);
    const apply = (edits: Map<number, ReviewRow['edits']>) => {
      rows = rows.map((r) => (edits.has(r.rowNumber) ? validateRow({ ...r, edits: edits.get(r.rowNumber) ?? {} }, mapping, { defaults }) : r));
      markDuplicates(rows, new Map());
    };
    apply(collectSuggestedEdits(rows, 'phone.missing_ddd'));
    apply(collectDddEdits(rows, '11'));
    const counts = countStatuses(rows);
    expect(counts).toEqual({ ready: 10, fixed: 0, error: 0, duplicate: 0, existing: 0, incomplete: ROWS - 10 });
    const joinville = rows.find((r) => r.rowNumber === 3);
    expect(joinville?.draft).toMatchObject({ phone: '+554730000002', mobile: '+5547900000020', group: 'Clientes do ERP' });
    expect(rows.find((r) => r.rowNumber === 2)?.draft.phone).toBe('+551130000001');
  });
});
