/**
 * What the Clientes list is narrowed to. Answered from IndexedDB indexes (src/storage/clientQuery.ts):
 * a new filter adds its field here ('' or false when off) and its key set in `filterSets` there.
 */
export interface ClientFilter {
  /** Free text: a prefix of any word of the name or trade name, a CPF/CNPJ, an e-mail or a phone. */
  search: string;
  groupId: string;
  kind: '' | 'PF' | 'PJ';
  /** "Incompletos": only the clients that lack a required field (the office's "Campos obrigatórios"). */
  incomplete?: boolean;
}

export const NO_FILTER: ClientFilter = { search: '', groupId: '', kind: '' };
