// Smoke test of the browser door: the built renderer loads over the preview, talks to the core
// with the run's token, and shows the first-run screen on an empty database, without console
// errors or serious accessibility problems.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { E2EApp } from './harness';

describe('browser preview smoke', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the first-run screen on an empty database', async () => {
    const demo = app.page.getByRole('button', { name: 'Demo-school laden' });
    await demo.waitFor({ state: 'visible', timeout: 30_000 });
    // The token left the address bar (the client keeps it in sessionStorage).
    expect(app.page.url()).not.toContain('token=');
    await app.screenshot('smoke-first-run');
    expect(app.consoleErrors).toEqual([]);
  });

  it('has no serious or critical accessibility violations on the first-run screen', async () => {
    expect(await app.checkA11y()).toEqual([]);
  });

  it('checkA11y does report a real violation (the check can fail)', async () => {
    await app.page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { createElement(t: string): { src: string; id: string }; body: { append(n: unknown): void } } }).document;
      const img = doc.createElement('img');
      img.src = 'data:,';
      img.id = 'zonder-alt';
      doc.body.append(img);
    });
    const found = await app.checkA11y();
    expect(found.map((v) => v.id)).toContain('image-alt');
    await app.page.evaluate(() => (globalThis as unknown as { document: { getElementById(i: string): { remove(): void } | null } }).document.getElementById('zonder-alt')?.remove());
  });

  it('refuses API calls from the page without the token', async () => {
    const withoutToken = await app.page.evaluate(async () => {
      const r = await fetch('/api/app.status', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return r.status;
    });
    expect(withoutToken).toBe(401);
  });
});
