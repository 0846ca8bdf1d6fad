// The end-to-end harness: the browser preview in-process on a fresh encrypted database (fixed
// clock), Debian's Chromium through playwright-core, screenshots under test-artifacts/, and an
// axe-core check. Builds nothing: `npm run test:e2e` runs `electron-vite build` first.
//
//   const app = await startApp();            // first-run screen, empty database
//   await app.page.getByRole('button', { name: 'Demo-school laden' }).click();
//   await app.screenshot('demo-geladen');    // test-artifacts/demo-geladen.png
//   expect(await app.checkA11y()).toEqual([]);
//   expect(app.consoleErrors).toEqual([]);
//   await app.close();
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startPreview } from '../../src/main/preview/server';
import type { Preview } from '../../src/main/preview/server';
import type { Core } from '../../src/main/app/core';
import type { Result } from '../../src/shared/api/result';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
// SCHOOLPROTOCOL_E2E_OUT: a build made elsewhere (`electron-vite build --outDir DIR`), so several
// engineers can build and test in one work tree without overwriting each other's out/.
export const staticDir = path.join(process.env.SCHOOLPROTOCOL_E2E_OUT ?? path.join(repoRoot, 'out'), 'renderer');
export const artifactsDir = path.join(repoRoot, 'test-artifacts');
export { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending nodes (at most 5). */
  targets: string[];
}

export interface E2EApp {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  preview: Preview;
  /** The temp folder with the database (removed by close()). */
  dir: string;
  dbPath: string;
  key: string;
  /** console.error messages and uncaught page errors seen so far. */
  consoleErrors: string[];
  /** Saves test-artifacts/<name>.png (full page) and returns the path. */
  screenshot(name: string): Promise<string>;
  /** axe-core on the page: serious and critical violations only. */
  checkA11y(page?: Page): Promise<A11yViolation[]>;
  /** Calls the core directly (to prepare data); throws with the Dutch message on failure. */
  call(method: string, input?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** The core's clock and the page's Date, ISO timestamp (default 2026-11-16T09:00:00Z, a Monday). */
  now?: string;
  viewport?: { width: number; height: number };
  /** Load the demo school through the API before the page opens. */
  demo?: boolean;
  /** Open the page at this hash route (e.g. '#/meldingen'); default the start page. */
  route?: string;
  /**
   * Give the page the same clock as the core (default true). Playwright's clock then also drives
   * the page's timers in real time; pass false to rule it out when a page behaves oddly.
   */
  browserClock?: boolean;
  /** What answers the page's API calls instead of the core (see PreviewOptions.relay), given the database key. */
  relay?: (core: Core, key: string) => (method: string, input: unknown) => Promise<Result<unknown>>;
  /** Leave the person working to the app's question ("Wie werkt er?") instead of naming 'e2e'. */
  askWho?: boolean;
}

export async function startApp(opts: StartOptions = {}): Promise<E2EApp> {
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npx electron-vite build` (npm run test:e2e does this).');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-e2e-'));
  const dbPath = path.join(dir, 'schoolprotocol.db');
  const key = randomBytes(32).toString('hex');
  const now = new Date(opts.now ?? '2026-11-16T09:00:00Z');
  const relay = opts.relay;
  const preview = await startPreview({
    dbPath,
    key,
    staticDir,
    now: () => now,
    actor: opts.askWho ? undefined : 'e2e',
    log: () => {},
    relay: relay ? (core) => relay(core, key) : undefined,
  });
  const call = async (method: string, input: unknown = {}) => {
    const r = await preview.core.invoke(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value;
  };
  if (opts.demo) await call('school.loadDemo', {});

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const page = await context.newPage();
  // The page's clock starts at the core's "now" and runs on, so "today" agrees on both sides
  // while timers (debounces, transitions) behave normally.
  if (opts.browserClock ?? true) await page.clock.setSystemTime(now);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.goto(`${preview.url}${opts.route ?? ''}`);

  const axeSource = fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  fs.mkdirSync(artifactsDir, { recursive: true });

  return {
    page,
    context,
    browser,
    preview,
    dir,
    dbPath,
    key,
    consoleErrors,
    call,
    async screenshot(name) {
      const file = path.join(artifactsDir, `${name.replace(/[^a-zA-Z0-9._-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async checkA11y(p = page) {
      // The CSP forbids inline scripts, so axe is evaluated through the DevTools protocol instead
      // of a <script> tag (page.evaluate is not subject to the page's CSP).
      // (globalThis is the page's window here; tsconfig.node.json has no DOM types.)
      // Let fades finish first (a dialog opening or closing, a picker): halfway, axe measures the
      // contrast of half-transparent text and reports what the user never sees.
      // A notification may mount a moment after the action that caused it and start its own fade: wait
      // until a short pause passes with no animation running.
      await p.evaluate(async () => {
        const doc = (globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } }).document;
        for (let round = 0; round < 10; round++) {
          await Promise.all(doc.getAnimations().map((a) => a.finished.catch(() => undefined)));
          await new Promise((r) => setTimeout(r, 150));
          if (doc.getAnimations().length === 0) break;
        }
      });
      const hasAxe = await p.evaluate(() => typeof (globalThis as unknown as { axe?: unknown }).axe !== 'undefined');
      if (!hasAxe) await p.evaluate(axeSource);
      const violations = await p.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: {
              run(
                o: unknown,
              ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
            };
          }
        ).axe;
        const r = await axe.run({ resultTypes: ['violations'] });
        return r.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? 'unknown',
          help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        }));
      });
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    },
    async close() {
      await browser.close().catch(() => {});
      await preview.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
