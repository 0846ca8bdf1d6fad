// Rapportages → Bestuur in Chromium against the real core (demo school): the school exports its
// signed figures and sees its key fingerprint; the board's side picks files, sees a changed file
// refused by name and a valid one accepted, and downloads the merged .docx and .xlsx. axe on the
// section; a screenshot of it under test-artifacts/.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { artifactsDir, startApp } from './harness';
import type { E2EApp } from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('Rapportages → Bestuur', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startApp({ demo: true, route: '#/rapportages', viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('exports the figures, refuses a changed file by name and merges a valid one', async () => {
    const page = app.page;
    const section = page.getByTestId('bestuur');
    await section.scrollIntoViewIfNeeded();
    await poll(() => page.getByTestId('bestuur-vingerafdruk').textContent()).toContain('Nog geen sleutel');

    await page.getByRole('combobox', { name: 'Jaar van de cijfers' }).click();
    await page.getByRole('option', { name: '2025-2026' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bestuur-export').click()]);
    expect(download.suggestedFilename()).toMatch(/-cijfers-2025-2026\.spcijfers\.json$/);
    const good = path.join(app.dir, download.suggestedFilename());
    await download.saveAs(good);
    await poll(() => page.getByTestId('bestuur-vingerafdruk').textContent()).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const fingerprint = (await page.getByTestId('bestuur-vingerafdruk').textContent()) as string;

    // One count changed under the old signature.
    const text = fs.readFileSync(good, 'utf8');
    const m = /"waarde": (\d+)/.exec(text) as RegExpExecArray;
    const bad = path.join(app.dir, 'veranderd.spcijfers.json');
    fs.writeFileSync(bad, text.replace(m[0], `"waarde": ${Number(m[1]) + 1}`));

    const input = section.locator('input[type=file]');
    await input.setInputFiles([good, bad]);
    const files = page.getByTestId('bestuur-bestanden');
    await poll(() => files.textContent()).toContain('veranderd.spcijfers.json');
    expect(await files.textContent()).toContain('Het bestand "veranderd.spcijfers.json" is na het maken veranderd');
    expect(await files.textContent()).toContain(fingerprint);
    await expect.poll(() => page.getByTestId('bestuur-samenvoegen').isDisabled()).toBe(true);
    await app.page.getByTestId('bestuur').screenshot({ path: path.join(artifactsDir, 'bestuur-geweigerd.png') });
    const v = await app.checkA11y();
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);

    await input.setInputFiles([good]);
    await poll(() => files.textContent()).not.toContain('veranderd.spcijfers.json');
    expect(await files.textContent()).toContain('In orde, nieuwe school');
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('bestuur-samenvoegen').click();
    await poll(() => downloads.map((d) => d.suggestedFilename()).sort()).toEqual([
      'bestuursrapportage-socialemediaprotocol-2025-2026.docx',
      'bestuursrapportage-socialemediaprotocol-2025-2026.xlsx',
    ]);
    await app.page.getByTestId('bestuur').screenshot({ path: path.join(artifactsDir, 'bestuur-samengevoegd.png') });
    expect(app.consoleErrors).toEqual([]);
  });
});
