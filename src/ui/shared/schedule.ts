/** A hidden tab paints no frames: after this long the work runs anyway. */
const HIDDEN_TAB_MS = 250;

/**
 * Runs `later` in a task after the next frame (what is already in the DOM is painted first), so
 * a screen's first paint and the rest of its rows are two tasks, not one. Returns the cancel.
 * A click that replaces a whole screen (a wizard step by the next) swaps it here too: in the click's
 * task, Chromium ends a mouse release by styling and laying out the page, the new screen with it;
 * right after that task, the page's style is not yet up to date, and the swap's focus and hash
 * navigation had to bring it up to date first. After the frame the swap starts on a clean page.
 */
export function afterNextFrame(later: () => void): () => void {
  let timer = setTimeout(run, HIDDEN_TAB_MS);
  const frame = requestAnimationFrame(() => {
    clearTimeout(timer);
    timer = setTimeout(run, 0);
  });
  function cancel(): void {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  }
  function run(): void {
    cancel();
    later();
  }
  return cancel;
}
