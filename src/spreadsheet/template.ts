/**
 * The import template ("Baixar modelo de planilha"): the entity's header row (required fields marked `*`),
 * dropdowns where the values are a closed list (UF, Tipo de pessoa) or known (the groups that exist),
 * columns as wide as their examples, text format on the columns whose leading zeros matter — as column
 * styles, so no empty row is written (Ctrl+End stays on the header) — and a sheet "Instruções".
 * Loaded by the worker only when a template is asked for.
 */
import type { FieldDef } from '../domain/entities/field';
import { requiredLabel } from '../domain/entities/field';
import { textColumnsOf, writeCsv, writeWorkbook, type OutputFormat, type SheetSpec } from './write';
import { writeXlsx, type XlsxColumn, type XlsxSheet, type XlsxValidation } from './xlsx/writeXlsx';

export interface TemplateSpec {
  /** The data sheet's name: the entity's label ("Clientes", "Grupos"). */
  sheetName: string;
  fields: readonly FieldDef[];
  /** The groups that exist, offered in the Grupo column's dropdown (other names stay allowed). */
  groupNames?: readonly string[];
}

function formatHint(field: FieldDef): string {
  switch (field.format) {
    case 'document': return 'Texto: CPF com 11 dígitos ou CNPJ com 14 caracteres';
    case 'phone': return 'Texto: DDD + número';
    case 'email': return 'nome@empresa.com.br';
    case 'cep': return 'Texto: 8 dígitos';
    case 'date': return 'dd/mm/aaaa';
    case 'group': return 'Escolha na lista ou digite o nome de um grupo novo';
    default: return 'Texto livre';
  }
}

function requiredText(field: FieldDef): string {
  return field.required === true ? 'Sim' : typeof field.required === 'string' ? 'Pelo menos um do grupo' : 'Não';
}

function instructionsOf(spec: TemplateSpec): SheetSpec {
  return {
    name: 'Instruções',
    header: ['Coluna', 'O que é', 'Formato', 'Obrigatório', 'Exemplo'],
    rows: [
      ...spec.fields.map((f) => [requiredLabel(f), f.description, f.options ? `Um de: ${f.options.join(', ')}` : formatHint(f), requiredText(f), f.example]),
      [],
      ['Dica', `Preencha a aba "${spec.sheetName}" a partir da linha 2, uma linha por registro. As colunas marcadas com * são obrigatórias.`, '', '', ''],
    ],
  };
}

function columnOf(field: FieldDef, text: boolean): XlsxColumn {
  const width = Math.max(10, Math.min(50, Math.max(requiredLabel(field).length, field.example.length) + 3));
  return { width, style: text ? 'text' : field.format === 'date' ? 'date' : 'general' };
}

function validationsOf(spec: TemplateSpec): XlsxValidation[] {
  return spec.fields.flatMap((field, column): XlsxValidation[] => {
    if (field.options) {
      return [{ column, values: field.options, strict: true, error: `Escolha um dos valores da lista: ${field.options.join(', ')}.` }];
    }
    if (field.format === 'group' && (spec.groupNames ?? []).length > 0) {
      return [{ column, values: spec.groupNames ?? [], strict: false, error: 'Este grupo ainda não existe no Clientela: ele será criado na importação. Clique em "Sim" para mantê-lo.' }];
    }
    return [];
  });
}

function xlsxTemplate(spec: TemplateSpec): Uint8Array {
  const text = textColumnsOf(spec.fields);
  const data: XlsxSheet = {
    name: spec.sheetName,
    header: spec.fields.map(requiredLabel),
    rows: [],
    columns: spec.fields.map((f, i) => columnOf(f, text.has(i))),
    validations: validationsOf(spec),
  };
  const guide = instructionsOf(spec);
  const instructions: XlsxSheet = {
    name: guide.name,
    header: guide.header,
    rows: guide.rows,
    columns: [{ width: 28, style: 'general' }, { width: 60, style: 'wrap' }, { width: 40, style: 'wrap' }, { width: 22, style: 'general' }, { width: 28, style: 'text' }],
  };
  return writeXlsx([data, instructions]);
}

/** The template's bytes: XLSX with dropdowns, ODS with the same sheets, or CSV with just the header row. */
export function writeTemplate(spec: TemplateSpec, format: OutputFormat): Uint8Array {
  const data: SheetSpec = { name: spec.sheetName, header: spec.fields.map(requiredLabel), rows: [], textColumns: textColumnsOf(spec.fields) };
  if (format === 'csv') return writeCsv(data);
  if (format === 'xlsx') return xlsxTemplate(spec);
  return writeWorkbook([data, instructionsOf(spec)], format);
}
