import { NO_FILTER, type ClientFilter } from '../../domain/clientFilter';
import { DEFAULT_SORT, type ClientSort } from '../../domain/clientSearch';

/** Where the user was in the Clientes list: back from a record, the search, the order and the scroll are as they left them. */
export const clientsPlace = $state<{ filter: ClientFilter; sort: ClientSort; scrollTop: number }>({ filter: { ...NO_FILTER }, sort: { ...DEFAULT_SORT }, scrollTop: 0 });
