import type { RunRecord } from '../../storage/types';

/** What an undone Grupos run left in place, said after "desfeita" ('' when nothing was kept). */
export function keptGroupsSentence(run: Pick<RunRecord, 'keptGroups'>): string {
  const kept = run.keptGroups ?? [];
  if (kept.length === 0) return '';
  const names = kept.map((name) => `"${name}"`).join(', ');
  return kept.length === 1
    ? ` O grupo ${names} ficou, porque já tem clientes: para removê-lo, mova os clientes na tela Grupos e exclua o grupo.`
    : ` Os grupos ${names} ficaram, porque já têm clientes: para removê-los, mova os clientes na tela Grupos e exclua os grupos.`;
}
