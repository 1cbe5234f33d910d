/**
 * After a route change (also a wizard step: each has its address), the tab's title names the new screen
 * and the focus moves to its heading, so a screen reader says where the user arrived and Tab goes on
 * from there. The heading is the one marked `data-screen-heading` (a wizard step), else the page's h1;
 * a screen still loading gets it when its heading appears. Any screen inherits this: nothing to call.
 */
const WAIT_MS = 10_000;
let stopWaiting: (() => void) | undefined;

function findHeading(main: HTMLElement): HTMLElement | null {
  return main.querySelector<HTMLElement>('[data-screen-heading]') ?? main.querySelector<HTMLElement>('h1');
}

function show(heading: HTMLElement, focus: boolean): void {
  const title = heading.dataset.screenTitle ?? heading.textContent?.trim() ?? '';
  document.title = title ? `${title} · Clientela` : 'Clientela';
  if (!focus) return;
  heading.tabIndex = -1;
  heading.focus();
}

/** `focus` false on the page's first screen: a fresh page starts reading from the top. */
export function announceScreen(main: HTMLElement, focus: boolean): void {
  stopWaiting?.();
  const heading = findHeading(main);
  if (heading) {
    show(heading, focus);
    return;
  }
  const observer = new MutationObserver(() => {
    const found = findHeading(main);
    if (!found) return;
    stopWaiting?.();
    show(found, focus);
  });
  const timer = setTimeout(() => stopWaiting?.(), WAIT_MS);
  stopWaiting = () => {
    observer.disconnect();
    clearTimeout(timer);
    stopWaiting = undefined;
  };
  observer.observe(main, { childList: true, subtree: true });
}

/**
 * Before a screen's content is replaced in place (a wizard step by the next): a focus inside it moves
 * to the screen's heading, where the announcement puts it anyway. Removed with its content, the
 * focused element (the button just clicked) made Chromium style and lay out the whole new content at
 * once, inside the click's task, instead of in the next frame: a third of the mapping step's long task.
 */
export function moveFocusBeforeSwap(heading: HTMLElement): void {
  const active = document.activeElement;
  if (active === heading || !heading.parentElement?.contains(active)) return;
  heading.tabIndex = -1;
  // No scroll now (it would lay the page out mid-swap): the announcement scrolls it into view.
  heading.focus({ preventScroll: true });
}
