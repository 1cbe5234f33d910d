/** Hash routes: the app is static files, so the hash keeps deep links working offline. */
export type Route =
  | { page: 'import' }
  | { page: 'clients' }
  | { page: 'client'; id: string }
  | { page: 'newClient' }
  | { page: 'groups' }
  | { page: 'runs' }
  | { page: 'run'; id: string }
  | { page: 'backup' }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'clientes' && parts[1] === 'novo') return { page: 'newClient' };
  if (parts[0] === 'clientes' && parts[1]) return { page: 'client', id: parts[1] };
  if (parts[0] === 'clientes') return { page: 'clients' };
  if (parts[0] === 'grupos') return { page: 'groups' };
  if (parts[0] === 'logs' && parts[1]) return { page: 'run', id: parts[1] };
  if (parts[0] === 'logs') return { page: 'runs' };
  if (parts[0] === 'copia') return { page: 'backup' };
  if (parts[0] === 'configuracoes') return { page: 'settings' };
  return { page: 'import' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'import': return '#/importar';
    case 'clients': return '#/clientes';
    case 'client': return `#/clientes/${encodeURIComponent(route.id)}`;
    case 'newClient': return '#/clientes/novo';
    case 'groups': return '#/grupos';
    case 'runs': return '#/logs';
    case 'run': return `#/logs/${encodeURIComponent(route.id)}`;
    case 'backup': return '#/copia';
    case 'settings': return '#/configuracoes';
  }
}

class Router {
  route = $state<Route>(parseRoute(location.hash));

  constructor() {
    addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }

  go(route: Route): void {
    location.hash = hrefOf(route);
  }
}

export const router = new Router();
