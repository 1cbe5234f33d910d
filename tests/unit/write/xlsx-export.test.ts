/** The XLSX of an export (the client list, the error workbook): how it opens in Excel and LibreOffice. */
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { writeWorkbook, type SheetSpec } from '../../../src/spreadsheet/write';

const long = 'Rua Doutor Francisco de Paula Vicente de Azevedo';
const spec: SheetSpec = {
  name: 'Clientes',
  header: ['Nome', 'CPF/CNPJ', 'Nascimento', 'Endereço', 'Obs'],
  rows: [
    ['Maria', '012.345.678-90', new Date('1980-12-25T00:00:00Z'), long, ''],
    ['José', '', new Date('1889-11-15T00:00:00Z'), 'Rua A', null],
    ['Ana', '529.982.247-25', new Date('1900-02-28T00:00:00Z'), 'x'.repeat(200), 'ok'],
  ],
  textColumns: new Set([1]),
};
const bytes = writeWorkbook([spec], 'xlsx');
const sheet = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true }).Sheets.Clientes;
const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array());

function cell(ref: string): XLSX.CellObject | undefined {
  return sheet?.[ref] as XLSX.CellObject | undefined;
}

describe('an XLSX export', () => {
  it('freezes the header row and puts a filter on it', () => {
    expect(xml).toContain('state="frozen"');
    expect(sheet?.['!autofilter']).toEqual({ ref: 'A1:E4' });
  });

  it.each([[0, 10, 12], [1, 14, 17], [3, long.length, 52]])('column %d is as wide as its values (≥ %d characters), within reason (≤ %d)', (c, min, max) => {
    const width = sheet?.['!cols']?.[c]?.width ?? 0;
    expect(width).toBeGreaterThanOrEqual(min);
    expect(width).toBeLessThanOrEqual(max);
  });

  it('leaves empty fields blank: no cell at all', () => {
    expect(cell('B3')).toBeUndefined();
    expect(cell('E2')).toBeUndefined();
    expect(cell('E3')).toBeUndefined();
  });

  it('writes a date from 01/03/1900 on as a date serial, an earlier one as dd/mm/aaaa text', () => {
    expect(cell('C2')).toMatchObject({ t: 'n', v: 29580, z: 'dd/mm/yyyy' });
    expect(cell('C3')).toMatchObject({ t: 's', v: '15/11/1889' });
    expect(cell('C4')).toMatchObject({ t: 's', v: '28/02/1900' });
  });

  it('keeps text cells as text ("@") in the text columns', () => {
    expect(cell('B2')).toMatchObject({ t: 's', v: '012.345.678-90', z: '@' });
  });
});

describe('an ODS export', () => {
  const ods = writeWorkbook([spec], 'ods');
  const files = unzipSync(ods);

  it('is an ODF package: mimetype first, stored', () => {
    expect(new TextDecoder().decode(ods.slice(30, 38))).toBe('mimetype');
    expect(new TextDecoder().decode(ods.slice(38, 38 + 46))).toBe('application/vnd.oasis.opendocument.spreadsheet');
  });

  it('freezes the header row (LibreOffice view settings) and puts a filter on it', () => {
    const settings = strFromU8(files['settings.xml'] ?? new Uint8Array());
    expect(settings).toContain('<config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item>');
    expect(settings).toContain('<config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item>');
    expect(strFromU8(files['content.xml'] ?? new Uint8Array())).toContain(`table:target-range-address="'Clientes'.A1:'Clientes'.E4" table:display-filter-buttons="true"`);
    expect(strFromU8(files['META-INF/manifest.xml'] ?? new Uint8Array())).toContain('settings.xml');
  });

  it('still reads back with SheetJS, widths included', () => {
    const read = XLSX.read(ods, { type: 'array' }).Sheets.Clientes;
    expect((read?.A2 as XLSX.CellObject | undefined)?.v).toBe('Maria');
  });
});
