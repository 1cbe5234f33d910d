import type { FieldConflict } from '../../domain/sync/docs';

/** A client whose fields were changed on two machines at once, listed in "Conflitos" until settled. */
export interface SyncConflictRecord {
  docId: string;
  clientId: string;
  name: string;
  conflicts: FieldConflict[];
}

/** Team sync's own settings (the server, the changes feed position): kept on this machine only. */
export interface SyncMetaRecord {
  key: string;
  value: unknown;
}

/** "Trabalho em equipe": where the office's CouchDB is and who this machine signs in as. */
export interface SyncConfig {
  url: string;
  database: string;
  user: string;
  password: string;
}
