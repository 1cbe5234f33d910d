import { untrack } from 'svelte';
import { router, type ImportStepSlug, type Route } from '../shared/router.svelte';
import type { ImportWizard, WizardStep } from './wizard.svelte';

type Kind = WizardStep['kind'];
const ORDER: readonly Kind[] = ['upload', 'mapping', 'review', 'importing', 'done'];
const SLUG: Record<Kind, ImportStepSlug | undefined> = { upload: undefined, mapping: 'colunas', review: 'conferir', importing: 'importando', done: 'resultado' };

/** The address of the wizard's current step (the "Importar dados" link goes back to it). */
export function stepRoute(wizard: ImportWizard): Route {
  const step = SLUG[wizard.step.kind];
  return step ? { page: 'import', step } : { page: 'import' };
}

function kindOf(route: Route): Kind {
  const slug = route.page === 'import' ? route.step : undefined;
  return ORDER.find((kind) => SLUG[kind] === slug) ?? 'upload';
}

/** The browser's Back from `from` to an earlier step: what the wizard can undo without losing work. */
function stepBack(wizard: ImportWizard, from: Kind, to: Kind): void {
  if (from === 'review') wizard.backToMapping();
  if ((from === 'review' || from === 'mapping') && to === 'upload') wizard.backToUpload();
  // A finished import has nothing to go back to: Back starts a new one.
  if (from === 'done') wizard.reset();
}

/**
 * Keeps the wizard's steps and the history in step (call from the import screen's setup): a step
 * forward is a new history entry; the browser's Back and Forward move the wizard; an address that does
 * not match the wizard (a bookmark, an arrival from another screen) is corrected in place.
 */
export function syncStepsWithHistory(wizard: ImportWizard): void {
  let shown = untrack(() => wizard.step.kind);
  // Before the DOM swaps the step (a pre-effect): the hash navigation (it scrolls to its fragment)
  // meets a page already laid out. After the swap, it made the browser lay out the new step at once.
  $effect.pre(() => {
    const kind = wizard.step.kind;
    if (kind === shown) return;
    const forward = ORDER.indexOf(kind) > ORDER.indexOf(shown) && shown !== 'importing';
    shown = kind;
    untrack(() => {
      if (kindOf(router.route) === kind) return;
      if (forward) router.go(stepRoute(wizard));
      else router.replace(stepRoute(wizard));
    });
  });
  $effect(() => {
    const route = router.route;
    if (route.page !== 'import') return;
    untrack(() => {
      const target = kindOf(route);
      const kind = wizard.step.kind;
      if (target === kind) return;
      const back = router.previous?.page === 'import' && ORDER.indexOf(target) < ORDER.indexOf(kind);
      if (back) stepBack(wizard, kind, target);
      if (kindOf(router.route) !== wizard.step.kind) router.replace(stepRoute(wizard));
    });
  });
}
