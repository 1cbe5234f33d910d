/**
 * What the register's search looks up, as keys of one multi-entry IndexedDB index: each client's terms
 * (its name's words, its e-mails, its phones, and tags for the filters no other index answers), and
 * the same normalization applied to what the user types, so that a word's prefix finds the client.
 */
import type { ClientRecord } from './entities/client';
import { onlyDigits, toMatchKey } from './text';
import { VALID_DDDS } from './rules/ddd';

export type SearchableClient = Pick<ClientRecord, 'name' | 'tradeName' | 'email' | 'secondaryEmail' | 'mobile' | 'phone' | 'kind'>;

/** A filter answered by the terms index: a term no typed word can produce (the search drops '#'). */
export function tagTerm(name: string, value: string): string {
  return `#${name}:${value}`;
}

function addWords(terms: Set<string>, text: string): void {
  if (text === '') return;
  for (const word of toMatchKey(text).split(' ')) if (word !== '') terms.add(word);
}

/**
 * A stored phone (E.164, "+5511987654321") as typed in Brazil, with its DDD. Not also without it: each
 * key is one more index write per client, and a multi-entry index is what an import pays most for.
 */
function addPhone(terms: Set<string>, phone: string): void {
  if (phone === '') return;
  const digits = onlyDigits(phone);
  terms.add(digits.startsWith('55') && digits.length >= 12 ? digits.slice(2) : digits);
}

/** The index keys of one client. Few and short: every key is one more write per client in an import. */
export function searchTermsOf(client: SearchableClient): string[] {
  const terms = new Set<string>();
  addWords(terms, client.name);
  addWords(terms, client.tradeName);
  if (client.email !== '') terms.add(client.email.toLowerCase());
  if (client.secondaryEmail !== '') terms.add(client.secondaryEmail.toLowerCase());
  addPhone(terms, client.mobile);
  addPhone(terms, client.phone);
  terms.add(tagTerm('kind', client.kind));
  return [...terms];
}

/**
 * One thing to find. `term`: a prefix of a term. `document`: also a prefix of the CPF/CNPJ (its own
 * unique index answers it, typed with or without punctuation). `localPhone`: also a phone typed without
 * its DDD (8 or 9 digits), found as the term behind any DDD (see phoneTermsWithoutDdd).
 */
export interface SearchToken {
  term: string;
  document?: string;
  localPhone?: string;
}

/** A local number is 8 digits (landline) or 9 (mobile): typed alone, the DDD is left out. */
const LOCAL_PHONE = /^\d{8,9}$/;

/**
 * The stored terms a phone typed without DDD can be: the number behind each of the 67 DDDs. Looked up as
 * prefixes of the terms index (one seek each) rather than stored as one more key per phone, which every
 * import would pay for.
 */
export function phoneTermsWithoutDdd(local: string): string[] {
  return [...VALID_DDDS].map((ddd) => `${ddd}${local}`);
}

const DOCUMENT_PUNCTUATION = /[\s.\-/()+]/g;

/** What the user typed, as the tokens every found client matches (all of them: "maria silva"). */
export function parseSearch(text: string): SearchToken[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.includes('@')) return [{ term: trimmed.toLowerCase().replace(/\s+/g, '') }];
  const compact = trimmed.replace(DOCUMENT_PUNCTUATION, '');
  // A CPF, CNPJ (also alphanumeric) or phone, typed with its dots, dashes, slashes and parentheses.
  const typedAsDocument = /^\d+$/.test(compact) || (/\d/.test(compact) && /^[0-9A-Za-z]+$/.test(compact) && /[.\-/()]/.test(trimmed));
  if (typedAsDocument) {
    const token: SearchToken = { term: compact.toLowerCase(), document: compact.toUpperCase() };
    // Dots or a slash are a CPF/CNPJ being typed ("772.178.81"), never a phone: no 67 seeks for it.
    if (LOCAL_PHONE.test(compact) && !/[./]/.test(trimmed)) token.localPhone = compact;
    return [token];
  }
  return toMatchKey(trimmed)
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => (/\d/.test(word) ? { term: word, document: word.toUpperCase() } : { term: word }));
}

export type ClientSortKey = 'name' | 'document' | 'group' | 'updatedAt';

export interface ClientSort {
  key: ClientSortKey;
  descending: boolean;
}

export const DEFAULT_SORT: ClientSort = { key: 'name', descending: false };
