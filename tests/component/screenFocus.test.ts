import { afterEach, describe, expect, it } from 'vitest';
import { moveFocusBeforeSwap } from '../../src/ui/shared/screenFocus';

// Before a wizard step is replaced, a focus inside it goes to the screen's heading; elsewhere it stays.
describe('moveFocusBeforeSwap', () => {
  afterEach(() => document.body.replaceChildren());

  function screenWith(): { heading: HTMLElement; button: HTMLButtonElement; outside: HTMLButtonElement } {
    document.body.innerHTML = '<button id="outside">Menu</button><main><h2>2. Relacionar colunas</h2><section><button id="inside">Próximo passo</button></section></main>';
    const heading = document.querySelector('h2');
    const button = document.querySelector<HTMLButtonElement>('#inside');
    const outside = document.querySelector<HTMLButtonElement>('#outside');
    if (!heading || !button || !outside) throw new Error('fixture');
    return { heading, button, outside };
  }

  it.each([
    ['the button just clicked, inside the step', 'inside', 'heading'],
    ['an element outside the screen', 'outside', 'outside'],
  ] as const)('focus on %s: ends on the %s', (_, start, end) => {
    const { heading, button, outside } = screenWith();
    (start === 'inside' ? button : outside).focus();
    moveFocusBeforeSwap(heading);
    expect(document.activeElement).toBe(end === 'heading' ? heading : outside);
  });
});
