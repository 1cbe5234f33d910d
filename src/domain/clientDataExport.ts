/**
 * One client's data handed over on its own (LGPD art. 18: acesso e portabilidade), as JSON and as the
 * sheets of a workbook: the record in the export's columns, its history, and the import lines about it.
 */
import type { ClientRecord, GroupRecord } from './entities/client';
import { CLIENT_FIELDS } from './entities/client';
import { clientToRow, exportHeader, type ExportCell } from './exportClients';
import { describeChanges, describeSource, formatMoment, type HistoryEntry } from './history';

/** The statuses of a log line, in Portuguese. */
const LINE_STATUS: Readonly<Record<string, string>> = { imported: 'importado', updated: 'atualizado', skipped: 'ignorado', error: 'erro' };

export interface SubjectData {
  client: ClientRecord;
  group: GroupRecord | null;
  history: readonly HistoryEntry[];
  runFiles: Readonly<Record<string, string>>;
  logLines: readonly { fileName: string; startedAt: number; line: { row: number; status: string; messages?: readonly { message: string }[] } }[];
}

export interface SubjectSheet {
  name: string;
  header: string[];
  rows: ExportCell[][];
}

function groupNames(data: SubjectData): Map<string, string> {
  return new Map(data.group ? [[data.group.id, data.group.name]] : []);
}

function groupsById(data: SubjectData): Map<string, GroupRecord> {
  return new Map(data.group ? [[data.group.id, data.group]] : []);
}

function originText(data: SubjectData): string {
  const { client } = data;
  const file = client.runId === undefined ? undefined : data.runFiles[client.runId];
  if (client.runId === undefined) return `Cadastrado à mão em ${formatMoment(client.createdAt)}`;
  return `Importado${file === undefined ? '' : ` de ${file}`}${client.row === undefined ? '' : `, linha ${client.row}`}, em ${formatMoment(client.createdAt)}`;
}

export function subjectSheets(data: SubjectData): SubjectSheet[] {
  const names = groupNames(data);
  const history = data.history.flatMap((entry) => {
    const source = describeSource(entry, data.runFiles);
    const lines = describeChanges(entry, names);
    if (lines.length === 0) return [[formatMoment(entry.at), source, '', '', '']];
    return lines.map((l) => [formatMoment(entry.at), source, l.label, l.before, l.after]);
  });
  return [
    { name: 'Cliente', header: [...exportHeader(), 'Origem'], rows: [[...clientToRow(data.client, groupsById(data)), originText(data)]] },
    { name: 'Histórico', header: ['Quando', 'O quê', 'Campo', 'Antes', 'Depois'], rows: history },
    {
      name: 'Importações',
      header: ['Arquivo', 'Importado em', 'Linha da planilha', 'Situação', 'Mensagens'],
      rows: data.logLines.map(({ fileName, startedAt, line }) => [fileName, formatMoment(startedAt), String(line.row), LINE_STATUS[line.status] ?? line.status, (line.messages ?? []).map((m) => m.message).join(' | ')]),
    },
  ];
}

/** The same data as JSON: fields by their labels, as a person (or another system) reads them. */
export function subjectJson(data: SubjectData): string {
  const row = clientToRow(data.client, groupsById(data));
  const client = Object.fromEntries(CLIENT_FIELDS.map((f, i) => {
    const value = row[i];
    return [f.label, value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? '')];
  }));
  const [, history, imports] = subjectSheets(data);
  const asObjects = (sheet: SubjectSheet | undefined) => (sheet?.rows ?? []).map((r) => Object.fromEntries(sheet?.header.map((h, i) => [h, r[i] ?? '']) ?? []));
  return JSON.stringify({
    formato: 'clientela-dados-do-titular',
    geradoEm: new Date().toISOString(),
    cliente: client,
    origem: originText(data),
    historico: asObjects(history),
    importacoes: asObjects(imports),
  }, null, 2);
}
