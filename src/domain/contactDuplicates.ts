/**
 * Clients without CPF/CNPJ have no key: the same person is recognised by the name plus a phone or an
 * e-mail (normalized: the name without case, accents or punctuation, the phone in E.164, the e-mail in
 * lowercase), against the rows above it in the file and against the stored clients.
 */
import type { ClientDraft } from './entities/client';
import type { ReviewRow } from './review';
import { addProblem } from './problems';
import { toMatchKey } from './text';

export type ContactKind = 'telefone' | 'e-mail';

export interface ContactKey {
  key: string;
  kind: ContactKind;
}

/** Who a contact key belongs to: a row of the file, or a stored client. */
export interface ContactOwner {
  id: string;
  name: string;
}

type Contacts = Pick<ClientDraft, 'name' | 'mobile' | 'phone' | 'email'>;

/** The keys that identify a client without document; none when it has no name or no contact. */
export function contactKeysOf(client: Contacts): ContactKey[] {
  const name = toMatchKey(client.name);
  if (name === '') return [];
  const keys: ContactKey[] = [];
  for (const phone of [client.mobile, client.phone]) if (phone !== '') keys.push({ key: `${name}|${phone}`, kind: 'telefone' });
  if (client.email !== '') keys.push({ key: `${name}|${client.email.toLowerCase()}`, kind: 'e-mail' });
  return keys;
}

/** Every stored client by its contact keys (the first one stored wins). */
export function buildContactIndex(clients: Iterable<Contacts & ContactOwner>): Map<string, ContactOwner> {
  const index = new Map<string, ContactOwner>();
  for (const client of clients) for (const { key } of contactKeysOf(client)) if (!index.has(key)) index.set(key, { id: client.id, name: client.name });
  return index;
}

/** The first of the client's keys found in the index, with what matched. */
export function findContact<T>(client: Contacts, index: ReadonlyMap<string, T>): { owner: T; kind: ContactKind } | null {
  for (const { key, kind } of contactKeysOf(client)) {
    const owner = index.get(key);
    if (owner !== undefined) return { owner, kind };
  }
  return null;
}

/**
 * A row without CPF/CNPJ: repeated when an earlier row has the same name and phone or e-mail, registered
 * when a stored client has. `earlier`: the earlier rows' contact keys, by row number (as ids).
 */
export function markContactRepeat(row: ReviewRow, earlier: Map<string, ContactOwner>, stored: ReadonlyMap<string, ContactOwner>): void {
  const inFile = findContact(row.draft, earlier);
  if (inFile !== null) {
    row.status = 'duplicate';
    addProblem(row, { code: 'contact.duplicate_in_file', field: 'name', value: row.draft.name, level: 'error',
      message: `Este cliente não tem CPF/CNPJ e a linha ${inFile.owner.id} da planilha tem o mesmo nome e o mesmo ${inFile.kind}: é o mesmo cliente. Só a linha ${inFile.owner.id} é importada.` });
    return;
  }
  for (const [key, owner] of buildContactIndex([{ ...row.draft, id: String(row.rowNumber) }])) earlier.set(key, owner);
  const registered = findContact(row.draft, stored);
  if (registered === null) return;
  row.status = 'existing';
  row.existingId = registered.owner.id;
  addProblem(row, { code: 'contact.already_registered', field: 'name', value: row.draft.name, level: 'warning',
    message: `Este cliente não tem CPF/CNPJ, mas já existe um cliente cadastrado com o mesmo nome e o mesmo ${registered.kind}: ${registered.owner.name}.` });
}
