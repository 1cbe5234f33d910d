/**
 * Runs `swap` in a task of its own, after the input event's. A click that replaces a whole screen (a
 * wizard step by the next) did the swap in the click's task, and Chromium, ending a mouse release,
 * styles and lays out the page in that same task: handler, mount and layout made one long task.
 * Apart, the swap is one task and the new screen's first layout comes with the next frame.
 */
export function afterInput(swap: () => void): void {
  // scheduler.yield() continues before other queued tasks; jsdom and older browsers have a timer.
  if (typeof scheduler !== 'undefined' && typeof scheduler.yield === 'function') void scheduler.yield().then(swap);
  else setTimeout(swap, 0);
}

/** A hidden tab paints no frames: after this long the work runs anyway. */
const HIDDEN_TAB_MS = 250;

/**
 * Runs `later` in a task after the next frame (what is already in the DOM is painted first), so
 * a screen's first paint and the rest of its rows are two tasks, not one. Returns the cancel.
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
