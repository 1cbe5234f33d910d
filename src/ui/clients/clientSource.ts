import { getDb } from '../../storage/db';
import { isPlainQuery, readPlainWindow, type ClientQuery, type ClientWindow } from '../../storage/clientQuery';
import { getWorker } from '../shared/worker';

/**
 * A window of the register: the plain list (no search, no filter) straight from its index here, which
 * reads only the window; anything else from the worker, which keeps the query's order and key sets.
 */
export function readClientWindow(query: ClientQuery, offset: number, limit: number): Promise<ClientWindow> {
  return isPlainQuery(query) ? readPlainWindow(getDb(), query.sort, offset, limit) : getWorker().listClients(query, offset, limit);
}

/**
 * Starts the worker and has it compute the list's order while the user looks at the first rows: the
 * first search then only looks its words up (an order of 100,000 ids takes the worker a moment).
 */
export function warmUp(query: ClientQuery): void {
  getWorker().listClients(query, 0, 0).catch(() => undefined);
}
