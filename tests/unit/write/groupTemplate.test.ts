import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { writeTemplate } from '../../../src/spreadsheet/template';
import { GROUP_FIELDS } from '../../../src/domain/entities/group';

const bytes = writeTemplate({ sheetName: 'Grupos', fields: GROUP_FIELDS }, 'xlsx');
const book = XLSX.read(bytes, { type: 'array', cellStyles: true });
const sheet1 = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array());

function sheetOf(name: string): XLSX.WorkSheet {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe('the Grupos template (XLSX), read back with SheetJS', () => {
  it('has the sheets "Grupos" and "Instruções" and no dropdown list (a group names itself)', () => {
    expect(book.SheetNames).toEqual(['Grupos', 'Instruções']);
    expect(sheet1).not.toContain('<dataValidation');
  });

  it('is the header row only, the name marked required', () => {
    expect(sheetOf('Grupos')['!ref']).toBe('A1:B1');
    expect(XLSX.utils.sheet_to_json<string[]>(sheetOf('Grupos'), { header: 1 })[0]).toEqual(['Nome do grupo*', 'Descrição']);
  });

  it('freezes the header row and makes each column as wide as its header and example', () => {
    expect(sheet1).toContain('state="frozen"');
    GROUP_FIELDS.forEach((field, i) => {
      expect(sheetOf('Grupos')['!cols']?.[i]?.width ?? 0).toBeGreaterThanOrEqual(Math.min(50, Math.max(field.label.length + 1, field.example.length)));
    });
  });

  it('explains each column in "Instruções": what it is, whether it is required, an example', () => {
    const [header, ...lines] = XLSX.utils.sheet_to_json<string[]>(sheetOf('Instruções'), { header: 1, defval: '' });
    expect(header).toEqual(['Coluna', 'O que é', 'Formato', 'Obrigatório', 'Exemplo']);
    expect(lines.slice(0, 2).map((l) => [l[0], l[1], l[3], l[4]])).toEqual(GROUP_FIELDS.map((f) => [f.required ? `${f.label}*` : f.label, f.description, f.required ? 'Sim' : 'Não', f.example]));
    expect(lines.at(-1)?.[1]).toContain('Preencha a aba "Grupos" a partir da linha 2');
  });

  it('in CSV is just the header row', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(writeTemplate({ sheetName: 'Grupos', fields: GROUP_FIELDS }, 'csv'));
    expect(text).toBe('\ufeffNome do grupo*;Descrição\r\n');
  });
});
