import { describe, expect, it } from 'vitest';
import { createRawSnippet } from 'svelte';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import VirtualList from '../../src/ui/shared/VirtualList.svelte';

const row = createRawSnippet((item: () => unknown) => ({ render: () => `<span>Linha ${String(item())}</span>` }));

function renderList(count: number, onrange?: (first: number, last: number) => void) {
  const items = Array.from({ length: count }, (_, i) => i + 1);
  render(VirtualList, { props: { items, rowHeight: 44, height: 440, label: 'Linhas', row, ...(onrange ? { onrange } : {}) } });
  return screen.getByRole('region', { name: 'Linhas (lista rolável)' });
}

async function scrollTo(viewport: HTMLElement, top: number): Promise<void> {
  Object.defineProperty(viewport, 'scrollTop', { value: top, configurable: true });
  await fireEvent.scroll(viewport);
}

const drawn = (): string[] => within(screen.getByRole('list', { name: 'Linhas' })).queryAllByRole('listitem').map((li) => li.textContent ?? '');

describe('VirtualList', () => {
  it('draws the rows in view and a few around them, and tells which', async () => {
    const ranges: [number, number][] = [];
    const viewport = renderList(10_000, (first, last) => ranges.push([first, last]));
    expect(drawn()).toEqual(Array.from({ length: 16 }, (_, i) => `Linha ${i + 1}`));
    await scrollTo(viewport, 5000 * 44);
    expect(drawn()[0]).toBe('Linha 4995');
    expect(drawn()).toContain('Linha 5010');
    expect(ranges.at(-1)).toEqual([4994, 5016]);
  });

  it('reaches the end of a million rows (the browser caps an element height: the scroll is scaled)', async () => {
    const viewport = renderList(1_000_000);
    const content = screen.getByRole('list', { name: 'Linhas' });
    const height = Number.parseFloat(content.style.height);
    expect(height).toBeLessThan(1_000_000 * 44);
    await scrollTo(viewport, height - 440);
    expect(drawn().at(-1)).toBe('Linha 1000000');
    const last = within(content).getAllByRole('listitem').at(-1);
    expect(Number.parseFloat(last?.style.top ?? '')).toBe(height - 44);
    await scrollTo(viewport, (height - 440) / 2);
    expect(drawn()).toContain('Linha 500000');
  });
});
