/** A client's history entries (what changed, by whom, when) and how they read in Portuguese. Pure. */
import { CLIENT_FIELDS, type ClientRecord } from './entities/client';
import { formatDocument, formatPhone } from './rules';
import { formatDateBr } from './rules/date';

/** The record's fields a change can touch: the entity's fields, the group as its id. */
export type ChangedField = Exclude<(typeof CLIENT_FIELDS)[number]['key'], 'group'> | 'groupId';

export interface FieldChange {
  field: ChangedField;
  before: string;
  after: string;
}

export type HistorySource = 'hand' | 'import' | 'undo';

export interface HistoryEntry {
  id: string;
  clientId: string;
  at: number;
  source: HistorySource;
  action: 'created' | 'updated';
  /** The import that made the change (or whose undo did), and its spreadsheet row. */
  runId?: string;
  row?: number;
  changes: FieldChange[];
}

export const HISTORY_FIELDS: readonly ChangedField[] = [...CLIENT_FIELDS.flatMap((f) => (f.key === 'group' ? [] : [f.key])), 'groupId'];

/** The fields whose value differs between two versions of a client. */
export function diffClients(before: ClientRecord, after: ClientRecord): FieldChange[] {
  return HISTORY_FIELDS.flatMap((field) => (before[field] === after[field] ? [] : [{ field, before: before[field], after: after[field] }]));
}

const FIELD_BY_KEY = new Map<string, (typeof CLIENT_FIELDS)[number]>(CLIENT_FIELDS.map((f) => [f.key, f]));

/** A stored value as the record shows it ('—' when empty). */
function shownValue(field: ChangedField, value: string, groupNames: ReadonlyMap<string, string>): string {
  if (value === '') return '—';
  if (field === 'groupId') return groupNames.get(value) ?? '(grupo excluído)';
  switch (FIELD_BY_KEY.get(field)?.format) {
    case 'document': return formatDocument(value);
    case 'phone': return formatPhone(value);
    case 'date': return formatDateBr(value);
    default: return value;
  }
}

export interface ChangeLine {
  label: string;
  before: string;
  after: string;
}

export function describeChanges(entry: HistoryEntry, groupNames: ReadonlyMap<string, string>): ChangeLine[] {
  return entry.changes.map((c) => ({
    label: c.field === 'groupId' ? 'Grupo' : (FIELD_BY_KEY.get(c.field)?.label ?? c.field),
    before: shownValue(c.field, c.before, groupNames),
    after: shownValue(c.field, c.after, groupNames),
  }));
}

/** Who made the change, in words: "à mão", "pela importação de clientes.xlsx (linha 12)". */
export function describeSource(entry: HistoryEntry, runFiles: Readonly<Record<string, string>>): string {
  const file = entry.runId === undefined ? undefined : runFiles[entry.runId];
  const named = file === undefined ? 'uma importação' : `a importação de ${file}`;
  if (entry.source === 'hand') return entry.action === 'created' ? 'Cadastrado à mão' : 'Alterado à mão';
  if (entry.source === 'undo') return `Restaurado ao desfazer ${named}`;
  const by = file === undefined ? 'por uma importação' : `pela importação de ${file}`;
  return `Atualizado ${by}${entry.row === undefined ? '' : ` (linha ${entry.row})`}`;
}

export function formatMoment(at: number): string {
  return new Date(at).toLocaleString('pt-BR', { dateStyle: 'short', timeStyle: 'short' });
}
