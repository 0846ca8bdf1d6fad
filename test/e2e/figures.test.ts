// The yearly figures on Rapportages in Chromium against the real core (demo school, clock on Monday
// 16 November 2026): the real numbers inside the school by default, the version for outside the
// school with small counts as "< 5" (obligations never suppressed), the analysis and the honest
// on-time percentage; axe on both versions, screenshots at 1366×768 and 1024×768.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, startApp } from './harness';
import type { E2EApp } from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
]) {
  describe(`Rapportages at ${viewport.width}×${viewport.height}`, () => {
    let app: E2EApp;
    beforeAll(async () => {
      app = await startApp({ demo: true, route: '#/rapportages', viewport });
    });
    afterAll(async () => {
      await app?.close();
    });

    /** What the eye sees first (the viewport) and the category section up close. */
    const shots = async (name: string) => {
      await app.page.evaluate('window.scrollTo(0, 0)');
      await app.page.screenshot({ path: path.join(artifactsDir, `${name}-top.png`) });
      await app.page
        .getByRole('region', { name: 'Meldingen per categorie' })
        .screenshot({ path: path.join(artifactsDir, `${name}-categorie.png`) });
    };

    const expectA11y = async (what: string) => {
      const v = await app.checkA11y();
      expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
    };

    it('shows the real numbers inside the school, with the analysis and honest obligations', async () => {
      const page = app.page;
      await page.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor();
      await page.getByRole('combobox', { name: 'Schooljaar' }).click();
      await page.getByRole('option', { name: '2025-2026' }).click();
      await poll(() => page.getByTestId('analyse').textContent()).toMatch(/meldingen/);
      await poll(() => page.getByTestId('versie-uitleg').textContent()).toContain('Echte aantallen, alleen voor de school');
      const categories = (await page.getByTestId('tabel-categorie').textContent()) ?? '';
      expect(categories).not.toContain('< 5');
      const figures = (await app.call('reports.year', { schooljaar: '2025-2026' })) as {
        tijdigheid: { percentage: string };
        analyse: string[];
      };
      expect(await page.getByTestId('analyse').textContent()).toBe(figures.analyse.join(' '));
      await expect.soft(page.getByTestId('kpi-Verplichtingen op tijd').textContent()).resolves.toBe(figures.tijdigheid.percentage);
      await page.getByRole('img', { name: 'Grafiek: Meldingen per categorie' }).waitFor();
      await app.screenshot(`figures-intern-${viewport.width}`);
      await shots(`figures-intern-${viewport.width}`);
      await expectA11y('intern');
    });

    it('suppresses small counts about people only in the version for outside the school', async () => {
      const page = app.page;
      await page.getByTestId('versie').getByText('Voor buiten de school (bestuur, MR, website)').click();
      await poll(() => page.getByTestId('versie-uitleg').textContent()).toContain('Versie voor buiten de school');
      const ext = (await app.call('reports.year', { schooljaar: '2025-2026', extern: true })) as {
        tabellen: { key: string; rows: { huidig: { tekst: string } }[] }[];
      };
      const cat = ext.tabellen.find((x) => x.key === 'categorie');
      const shown = (await page.getByTestId('tabel-categorie').textContent()) ?? '';
      for (const row of cat?.rows ?? []) expect(shown).toContain(row.huidig.tekst);
      const verpl = (await page.getByTestId('tabel-verplichtingen').textContent()) ?? '';
      expect(verpl).not.toContain('< 5');
      // The category chart stays, with the suppressed counts as their label.
      const chart = page.getByRole('img', { name: 'Grafiek: Meldingen per categorie' });
      await chart.waitFor();
      if (shown.includes('< 5')) expect(await chart.textContent()).toContain('< 5');
      await app.screenshot(`figures-extern-${viewport.width}`);
      await shots(`figures-extern-${viewport.width}`);
      await expectA11y('extern');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('jaarverslag-docx').click()]);
      expect(download.suggestedFilename()).toBe('jaarverslag-socialemediaprotocol-2025-2026-extern.docx');
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
