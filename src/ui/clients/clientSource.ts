import type { ClientRecord } from '../../domain/entities/client';
import { getDb } from '../../storage/db';
import { isPlainQuery, readPlainWindow, type ClientQuery, type ClientWindow } from '../../storage/clientQuery';
import { getWorker } from '../shared/worker';

/**
 * A window of the register: the plain list (no search, no filter) straight from its index here, which
 * reads only the window (and tells `onFirst` the first one before it is counted); anything else from the
 * worker, which keeps the query's order and key sets.
 */
export function readClientWindow(query: ClientQuery, offset: number, limit: number, onFirst?: (clients: ClientRecord[]) => void): Promise<ClientWindow> {
  return isPlainQuery(query) ? readPlainWindow(getDb(), query.sort, offset, limit, onFirst) : getWorker().listClients(query, offset, limit);
}

/**
 * Starts the worker (and has it count the clients) while the user looks at the first rows, so the first
 * search does not wait for it. Not the list's whole order: on disk that keeps IndexedDB busy for more than
 * a second at 100,000 clients, and the first search would wait behind it.
 */
export function warmUp(query: ClientQuery): void {
  getWorker().listClients(query, 0, 0).catch(() => undefined);
}
