import type { ClientRecord } from './entities/client';
import { onlyDigits, toMatchKey } from './text';

export interface ClientFilter {
  /** Free text: name, trade name, CPF/CNPJ, e-mail or phone. */
  search: string;
  groupId: string;
  kind: '' | 'PF' | 'PJ';
}

export const NO_FILTER: ClientFilter = { search: '', groupId: '', kind: '' };

/** Each client's searchable text, computed once per record: typing in the search box rescans 100,000 clients. */
const SEARCH_KEYS = new WeakMap<ClientRecord, string>();

function searchKeyOf(client: ClientRecord): string {
  let key = SEARCH_KEYS.get(client);
  if (key === undefined) {
    key = toMatchKey(`${client.name} ${client.tradeName} ${client.email} ${client.secondaryEmail}`);
    SEARCH_KEYS.set(client, key);
  }
  return key;
}

/** Builds the predicate once per filter (the list and the export use the same one). */
export function buildClientMatcher(filter: ClientFilter): (client: ClientRecord) => boolean {
  const text = toMatchKey(filter.search);
  const digits = onlyDigits(filter.search);
  const upper = filter.search.replace(/[\s.\-/]/g, '').toUpperCase();
  return (client) => {
    if (filter.groupId !== '' && client.groupId !== filter.groupId) return false;
    if (filter.kind !== '' && client.kind !== filter.kind) return false;
    if (text === '') return true;
    if (searchKeyOf(client).includes(text)) return true;
    if (upper.length >= 3 && client.document.includes(upper)) return true;
    return digits.length >= 4 && `${client.mobile} ${client.phone}`.includes(digits);
  };
}
