import { describe, expect, it } from 'vitest';
import { MAX_SHEETS_SCORED, pickDataSheet, type SheetFacts } from '../../../src/domain/sheetPick';
import type { Parsed } from '../../../src/domain/problems';

interface Tab extends SheetFacts {
  rows: string[][];
}

const CLIENTS: string[][] = [['Nome', 'CPF/CNPJ', 'E-mail', 'Telefone'], ['Ana Souza', '012.345.678-90', 'ana@x.com.br', '(11) 98765-4321']];
const GROUPS: string[][] = [['Nome do grupo', 'Descrição'], ['Varejo', 'Lojas']];
const INSTRUCTIONS: string[][] = [['Como preencher esta planilha'], ['Uma linha por cliente.']];
const tab = (rows: string[][], hidden?: boolean): Tab => ({ rows, empty: false, ...(hidden !== undefined && { hidden }) });
const EMPTY: Tab = { rows: [], empty: true };

/** A workbook as the reader gives it, counting how often each tab is read. */
function workbookOf(tabs: readonly Tab[]) {
  const reads = tabs.map(() => 0);
  return {
    reads,
    info: { sheets: tabs },
    readSheet(index: number): Parsed<{ rows: string[][] } | null> {
      reads[index] = (reads[index] ?? 0) + 1;
      const found = tabs[index];
      return found ? { data: { rows: found.rows }, problems: [] } : { data: null, problems: [] };
    },
  };
}

describe('the tab an import starts on', () => {
  it.each<[string, Tab[], number]>([
    ['a single client list', [tab(CLIENTS)], 0],
    ['an instructions tab before the data', [tab(INSTRUCTIONS), tab(CLIENTS)], 1],
    ['an empty first tab', [EMPTY, tab(CLIENTS)], 1],
    ['a groups list after instructions', [tab(INSTRUCTIONS), tab(GROUPS)], 1],
    ['the clients named with more fields than the groups', [tab(GROUPS), tab(CLIENTS)], 1],
    ['two equal tabs: the first wins', [tab(CLIENTS), tab(CLIENTS)], 0],
    ['a hidden old copy before the visible data', [tab(CLIENTS, true), tab(INSTRUCTIONS)], 1],
    ['only hidden tabs have data', [EMPTY, tab(CLIENTS, true)], 1],
    ['nothing scores: the first filled tab', [EMPTY, tab(INSTRUCTIONS), tab(INSTRUCTIONS)], 1],
    ['every tab empty: the first', [EMPTY, EMPTY], 0],
    ['more tabs than are scored: the first filled one', [...Array.from({ length: MAX_SHEETS_SCORED }, () => tab(INSTRUCTIONS)), tab(CLIENTS)], 0],
  ])('%s → tab %i', (_, tabs, expected) => {
    const workbook = workbookOf(tabs);
    const picked = pickDataSheet(workbook);
    expect(picked.sheetIndex).toBe(expected);
    expect(picked.sheet.data?.rows).toEqual(tabs[expected]?.rows);
    expect(workbook.reads.every((n) => n <= 1)).toBe(true);
  });
});
