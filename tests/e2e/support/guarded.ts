import { test as base, expect } from '@playwright/test';

/**
 * A test whose whole run fails on a Content-Security-Policy violation (reported by the page itself,
 * from before any script of the app runs) or on a request to another origin.
 */
export const test = base.extend<{ guard: { violations: string[]; foreign: string[] } }>({
  guard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      const foreign: string[] = [];
      await context.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(text));
      await context.addInitScript(() => {
        const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
        document.addEventListener('securitypolicyviolation', (e) => report(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
      });
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (['blob:', 'data:'].includes(url.protocol)) return;
        if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') foreign.push(request.url());
      });
      const guard = { violations, foreign };
      await use(guard);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
      expect(foreign, 'requests to another origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
