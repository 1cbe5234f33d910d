/**
 * Which entity a sheet holds, guessed when the file is opened and shown in the mapping step, where the
 * user can change it: a Grupos template (or any list of groups) is recognised without the user having
 * to say so, and a client list stays a client list.
 */
import { CLIENT_FIELDS } from './entities/client';
import { GROUP_FIELDS } from './entities/group';
import { ENTITIES, type EntityName } from './entities';
import { countNamedFields } from './mapping';
import { scoreHeader } from './mapping/headers';
import { toMatchKey } from './text';

export interface EntityGuess {
  entity: EntityName;
  /** Why the sheet was taken for groups, in Portuguese (null: a client list, the usual case). */
  reason: string | null;
}

const GROUP_SHEET_NAMES = new Set(['grupos', 'grupo', 'groups', 'group', 'lista de grupos', 'grupos de clientes']);
/** Fields only a client has: a sheet naming any of them is a client list, whatever its tab is called. */
const CLIENT_ONLY = CLIENT_FIELDS.filter((f) => f.key !== 'name' && f.key !== 'group' && f.key !== 'notes');
const [CLIENT_NAME] = CLIENT_FIELDS;
const [GROUP_NAME] = GROUP_FIELDS;

export function guessEntity(sheetName: string, headers: readonly string[]): EntityGuess {
  const clients: EntityGuess = { entity: 'clients', reason: null };
  if (countNamedFields(headers, CLIENT_ONLY) > 0) return clients;
  if (GROUP_SHEET_NAMES.has(toMatchKey(sheetName))) {
    return { entity: 'groups', reason: `A aba se chama "${sheetName}" e não tem colunas de cliente (CPF/CNPJ, telefone, e-mail…).` };
  }
  // "Nome do grupo" or "Categoria" with no "Nome" beside it: the names are the groups' own.
  const groupName = headers.find((h) => scoreHeader(h, GROUP_NAME) > 0 && scoreHeader(h, CLIENT_NAME) === 0);
  if (groupName === undefined || headers.some((h) => scoreHeader(h, CLIENT_NAME) > 0)) return clients;
  return { entity: 'groups', reason: `A coluna "${groupName.replace(/\*$/, '')}" traz nomes de grupos, e a planilha não tem colunas de cliente (CPF/CNPJ, telefone, e-mail…).` };
}

/** How many fields of the entity it names best a header row names: tells a data tab from an instructions tab. */
export function scoreDataHeaders(headers: readonly string[]): number {
  return Math.max(...Object.values(ENTITIES).map((entity) => countNamedFields(headers, entity.fields)));
}
