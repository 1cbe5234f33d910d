/** The only module that loads PouchDB (lazily: with sync off the app never downloads it). */
import type PouchDBStatic from 'pouchdb-browser';

export type PouchStatic = typeof PouchDBStatic;
export type PouchDb = PouchDB.Database;

/** The local replication database, named so no other app's database is taken for it. */
export const LOCAL_SYNC_DB = 'clientela-sync';

export async function loadPouch(): Promise<PouchStatic> {
  return (await import('pouchdb-browser')).default;
}
