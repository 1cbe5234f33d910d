import { describe, expect, it } from 'vitest';
import { leaveGuard } from '../../src/ui/shared/leaveGuard.svelte';

function leave(): Event {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

describe('leaveGuard', () => {
  it('asks before leaving only while something is held, and says why', () => {
    expect(leave().defaultPrevented).toBe(false);
    expect(leaveGuard.reason).toBe('');
    const release = leaveGuard.hold('a importação está em andamento');
    expect(leave().defaultPrevented).toBe(true);
    expect(leaveGuard.reason).toBe('a importação está em andamento');
    release();
    release();
    expect(leave().defaultPrevented).toBe(false);
    expect(leaveGuard.reason).toBe('');
  });

  it('stays held until every holder lets go', () => {
    const first = leaveGuard.hold('as correções da conferência ainda não foram importadas');
    const second = leaveGuard.hold('a importação está em andamento');
    first();
    expect(leaveGuard.reason).toBe('a importação está em andamento');
    second();
    expect(leaveGuard.reason).toBe('');
  });
});
