import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { writeTemplate } from '../../../src/spreadsheet/template';
import { CLIENT_FIELDS } from '../../../src/domain/entities/client';
import { columnName } from '../../../src/spreadsheet/xlsx/xml';

const GROUPS = ['Clientes ativos', 'VIP, ouro', 'Ação & Cia'];
const bytes = writeTemplate({ sheetName: 'Clientes', fields: CLIENT_FIELDS, groupNames: GROUPS }, 'xlsx');
const book = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true });
const parts = unzipSync(bytes);

function part(name: string): string {
  const file = parts[name];
  expect(file, name).toBeDefined();
  return strFromU8(file ?? new Uint8Array());
}

function sheetOf(name: string): XLSX.WorkSheet {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function columnOf(key: string): number {
  return CLIENT_FIELDS.findIndex((f) => f.key === key);
}

/** The data validations of the first sheet, as written: sqref → formula and error style. */
function validations(): Map<string, { formula: string; errorStyle: string }> {
  const xml = part('xl/worksheets/sheet1.xml');
  const found = new Map<string, { formula: string; errorStyle: string }>();
  for (const m of xml.matchAll(/<dataValidation ([^>]*)><formula1>([^<]*)<\/formula1>/g)) {
    const attrs = m[1] ?? '';
    found.set(/sqref="([^"]+)"/.exec(attrs)?.[1] ?? '', { formula: m[2] ?? '', errorStyle: /errorStyle="(\w+)"/.exec(attrs)?.[1] ?? '' });
  }
  return found;
}

/** The values a list formula ('Listas'!$A$1:$A$3) points at, read back with SheetJS. */
function listValues(formula: string): string[] {
  const m = /^'?([^'!]+)'?!\$([A-Z]+)\$1:\$[A-Z]+\$(\d+)$/.exec(formula.replace(/&apos;/g, "'"));
  expect(m, formula).not.toBeNull();
  const sheet = sheetOf(m?.[1] ?? '');
  return Array.from({ length: Number(m?.[3]) }, (_, r) => String((sheet[`${m?.[2] ?? ''}${r + 1}`] as XLSX.CellObject | undefined)?.v ?? ''));
}

describe('writeTemplate (XLSX)', () => {
  it('has the sheets "Clientes" and "Instruções", and a hidden one with the dropdown lists', () => {
    expect(book.SheetNames).toEqual(['Clientes', 'Instruções', 'Listas']);
    expect(book.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 1]);
  });

  it('is the header row only, required fields marked *: no pre-written empty rows (Ctrl+End stays on row 1)', () => {
    const sheet = sheetOf('Clientes');
    expect(sheet['!ref']).toBe(`A1:${columnName(CLIENT_FIELDS.length - 1)}1`);
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0];
    expect(header?.filter((h) => h.endsWith('*'))).toEqual(['Nome/Razão Social*', 'CPF/CNPJ*', 'E-mail principal*', 'Grupo*']);
    expect(part('xl/worksheets/sheet1.xml').match(/<row /g)).toHaveLength(1);
  });

  it.each(['document', 'mobile', 'phone', 'cep'])('formats the %s column as text ("@") with a column style', (key) => {
    const col = sheetOf('Clientes')['!cols']?.[columnOf(key)] as { style?: string } | undefined;
    expect(col?.style).toBe('1');
    expect(part('xl/styles.xml')).toMatch(/<cellXfs count="\d+"><xf [^>]*\/><xf numFmtId="49"/);
  });

  it('gives the date column the dd/mm/yyyy format, not text', () => {
    const col = sheetOf('Clientes')['!cols']?.[columnOf('birthDate')] as { style?: string } | undefined;
    expect(col?.style).toBe('2');
    expect(part('xl/styles.xml')).toContain('formatCode="dd/mm/yyyy"');
  });

  it.each(CLIENT_FIELDS.map((f) => [f.key, f] as const))('makes the %s column wide enough for its header and example', (_, field) => {
    const col = sheetOf('Clientes')['!cols']?.[CLIENT_FIELDS.indexOf(field)];
    expect(col?.width ?? 0).toBeGreaterThanOrEqual(Math.min(50, Math.max(field.label.length + 1, field.example.length)));
  });

  it('freezes the bold header row', () => {
    expect(part('xl/worksheets/sheet1.xml')).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const headerStyle = /<c r="A1" s="(\d+)"/.exec(part('xl/worksheets/sheet1.xml'))?.[1];
    const xfs = [...part('xl/styles.xml').matchAll(/<xf [^>]*?fontId="(\d)"[^>]*?xfId="0"/g)].map((m) => m[1]);
    expect(xfs[Number(headerStyle)]).toBe('1');
    expect(part('xl/styles.xml')).toContain('<font><b/>');
  });

  it.each([
    ['kind', 'stop', ['PF', 'PJ']],
    ['uf', 'stop', CLIENT_FIELDS.find((f) => f.key === 'uf')?.options ?? []],
    ['group', 'warning', GROUPS],
  ] as const)('offers a dropdown on the %s column (%s on other values)', (key, errorStyle, values) => {
    const column = columnName(columnOf(key));
    const rule = validations().get(`${column}2:${column}1048576`);
    expect(rule?.errorStyle).toBe(errorStyle);
    expect(listValues(rule?.formula ?? '')).toEqual([...values]);
  });

  it('offers no Grupo dropdown while no group exists (any name is a new group)', () => {
    const none = unzipSync(writeTemplate({ sheetName: 'Clientes', fields: CLIENT_FIELDS, groupNames: [] }, 'xlsx'));
    expect(strFromU8(none['xl/worksheets/sheet1.xml'] ?? new Uint8Array()).match(/<dataValidation /g)).toHaveLength(2);
  });

  it('explains every column in "Instruções", wrapped, with a frozen bold header', () => {
    const [header, ...lines] = XLSX.utils.sheet_to_json<string[]>(sheetOf('Instruções'), { header: 1, defval: '' });
    expect(header).toEqual(['Coluna', 'O que é', 'Formato', 'Obrigatório', 'Exemplo']);
    for (const field of CLIENT_FIELDS) {
      const line = lines.find((l) => l[0]?.replace(/\*$/, '') === field.label);
      const required = field.required === true ? 'Sim' : typeof field.required === 'string' ? 'Pelo menos um do grupo' : 'Não';
      expect(line?.[1]).toBe(field.description);
      expect(line?.[3]).toBe(required);
      expect(line?.[4]).toBe(field.example);
    }
    const cols = sheetOf('Instruções')['!cols'] ?? [];
    expect(cols[1]?.width).toBeGreaterThanOrEqual(50);
    expect((cols[1] as { style?: string }).style).toBe('4');
    expect(part('xl/styles.xml')).toContain('<alignment vertical="top" wrapText="1"/>');
    expect(part('xl/worksheets/sheet2.xml')).toContain('state="frozen"');
  });
});

describe('writeTemplate (CSV)', () => {
  it('is just the header row, UTF-8 with BOM, ; and CRLF', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(writeTemplate({ sheetName: 'Clientes', fields: CLIENT_FIELDS }, 'csv'));
    expect(text).toBe(`\ufeff${CLIENT_FIELDS.map((f) => (f.required === true ? `${f.label}*` : f.label)).join(';')}\r\n`);
  });
});
