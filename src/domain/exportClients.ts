import { CLIENT_FIELDS, type ClientRecord, type GroupRecord } from './entities/client';
import { formatDocument, formatPhone } from './rules';
import { requiredLabel } from './entities/field';
import { DEFAULT_REQUIRED, listRecordMissing, type RequiredSet } from './requiredFields';

/**
 * The export's last column: what an incomplete client lacks ("Falta: E-mail principal, Grupo"), empty for
 * a complete one. Read again, the column is ignored (no field has this name) and the row, lacking the
 * same values, comes in as incomplete again.
 */
export const INCOMPLETE_HEADER = 'Cadastro incompleto';

export function describeMissing(client: ClientRecord, required: RequiredSet): string {
  const missing = listRecordMissing(client, required);
  return missing.length === 0 ? '' : `Falta: ${missing.map((o) => o.label).join(', ')}`;
}

export type ExportCell = string | Date | null;

function formatCepText(cep: string): string {
  return cep.length === 8 ? `${cep.slice(0, 5)}-${cep.slice(5)}` : cep;
}

/** The export's header: the template's, so an exported list can be imported again as is. */
export function exportHeader(): string[] {
  return [...CLIENT_FIELDS.map(requiredLabel), INCOMPLETE_HEADER];
}

/** One exported row per client, in template column order; values formatted as a person types them. */
export function clientToRow(client: ClientRecord, groups: ReadonlyMap<string, GroupRecord>, required: RequiredSet = DEFAULT_REQUIRED): ExportCell[] {
  return [...fieldCells(client, groups), describeMissing(client, required)];
}

function fieldCells(client: ClientRecord, groups: ReadonlyMap<string, GroupRecord>): ExportCell[] {
  return CLIENT_FIELDS.map((field) => {
    switch (field.format) {
      case 'group': return groups.get(client.groupId)?.name ?? '';
      case 'document': return formatDocument(client.document);
      case 'phone': return client[field.key] === '' ? '' : formatPhone(client[field.key]);
      case 'cep': return formatCepText(client.cep);
      case 'date': {
        const iso = client[field.key];
        return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : iso;
      }
      default:
        return client[field.key];
    }
  });
}
