/** Hash routes: the app is static files, so the hash keeps deep links working offline. */
/** The wizard's steps after the first, one history entry each: the browser's Back goes to the previous step. */
export const IMPORT_STEP_SLUGS = ['colunas', 'conferir', 'importando', 'resultado'] as const;
export type ImportStepSlug = (typeof IMPORT_STEP_SLUGS)[number];

export type Route =
  | { page: 'import'; step?: ImportStepSlug }
  | { page: 'clients' }
  | { page: 'client'; id: string }
  | { page: 'newClient' }
  | { page: 'groups' }
  | { page: 'runs' }
  | { page: 'run'; id: string }
  | { page: 'backup' }
  | { page: 'settings' }
  | { page: 'team' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'clientes' && parts[1] === 'novo') return { page: 'newClient' };
  const step = IMPORT_STEP_SLUGS.find((slug) => slug === parts[1]);
  if (parts[0] === 'importar' && step) return { page: 'import', step };
  if (parts[0] === 'clientes' && parts[1]) return { page: 'client', id: parts[1] };
  if (parts[0] === 'clientes') return { page: 'clients' };
  if (parts[0] === 'grupos') return { page: 'groups' };
  if (parts[0] === 'logs' && parts[1]) return { page: 'run', id: parts[1] };
  if (parts[0] === 'logs') return { page: 'runs' };
  if (parts[0] === 'copia') return { page: 'backup' };
  if (parts[0] === 'configuracoes') return { page: 'settings' };
  if (parts[0] === 'equipe') return { page: 'team' };
  return { page: 'import' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'import': return route.step ? `#/importar/${route.step}` : '#/importar';
    case 'clients': return '#/clientes';
    case 'client': return `#/clientes/${encodeURIComponent(route.id)}`;
    case 'newClient': return '#/clientes/novo';
    case 'groups': return '#/grupos';
    case 'runs': return '#/logs';
    case 'run': return `#/logs/${encodeURIComponent(route.id)}`;
    case 'backup': return '#/copia';
    case 'settings': return '#/configuracoes';
    case 'team': return '#/equipe';
  }
}

class Router {
  route = $state<Route>(parseRoute(location.hash));
  /** The route before the last change: tells a Back inside the wizard from an arrival from another screen. */
  previous = $state<Route | null>(null);

  constructor() {
    addEventListener('hashchange', () => {
      this.previous = this.route;
      this.route = parseRoute(location.hash);
    });
  }

  /** Goes to the route with a new history entry. */
  go(route: Route): void {
    location.hash = hrefOf(route);
  }

  /** Shows the route in the address bar without a new history entry. */
  replace(route: Route): void {
    history.replaceState(history.state, '', hrefOf(route));
    this.previous = this.route;
    this.route = route;
  }
}

export const router = new Router();
