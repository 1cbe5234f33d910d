/** Days before 01/03/1900, where Excel's serials (Lotus's fake 29/02/1900) and LibreOffice's disagree. */
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { openWorkbook } from '../../../src/spreadsheet/read';

const DAYS = ['1889-11-15', '1900-01-01', '1900-02-28', '1900-03-01', '1980-12-25'];

/** An ODS as LibreOffice writes it: each date an ISO office:date-value. */
function odsWithDates(): Uint8Array {
  const rows = [['Nascimento'], ...DAYS.map((d) => [new Date(`${d}T00:00:00Z`)])];
  const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, UTC: true });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Datas');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'ods', cellDates: true }) as ArrayBuffer);
}

describe('dates before 01/03/1900 read from an ODS', () => {
  it('come back as the same calendar days', () => {
    const bytes = odsWithDates();
    const rows = openWorkbook(bytes, 'datas-antigas.ods').data?.readSheet(0).data?.rows ?? [];
    expect(rows.slice(1).map((r) => r[0])).toEqual(DAYS);
  });
});
