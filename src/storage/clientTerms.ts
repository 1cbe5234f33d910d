/**
 * Keeps every stored client's search terms (`terms`, a multi-entry index) in step with the client, on
 * every write path at once (import chunks, edits, undo, restore, upgrades): a Dexie middleware computes
 * them on each add and put of the clients table, and takes them off what is read back, so the rest of
 * the app never sees them (nor a backup file).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { searchTermsOf, type SearchableClient } from '../domain/clientSearch';

export const TERMS_KEY = 'terms';

interface WithTerms {
  terms?: string[];
}

function withTerms<T extends SearchableClient>(client: T): T & WithTerms {
  return { ...client, terms: searchTermsOf(client) };
}

/** Takes the terms off a value read back (a fresh copy of the stored one, so deleting is safe). */
function withoutTerms<T>(value: T): T {
  if (value !== null && typeof value === 'object' && TERMS_KEY in value) delete (value as WithTerms).terms;
  return value;
}

function addTerms(request: DBCoreMutateRequest): DBCoreMutateRequest {
  if (request.type !== 'add' && request.type !== 'put') return request;
  return { ...request, values: request.values.map((value: SearchableClient) => withTerms(value)) };
}

function wrapClients(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (request) => table.mutate(addTerms(request)),
    get: async (request) => withoutTerms(await table.get(request)),
    getMany: async (request) => (await table.getMany(request)).map(withoutTerms),
    query: async (request) => {
      const response = await table.query(request);
      if (request.values) response.result.forEach(withoutTerms);
      return response;
    },
  };
}

export const clientTermsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'clientTerms',
  create: (down) => ({
    ...down,
    table: (name) => (name === 'clients' ? wrapClients(down.table(name)) : down.table(name)),
  }),
};
