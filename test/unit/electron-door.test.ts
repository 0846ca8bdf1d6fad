// The rest of the Electron door's pure parts: which files may be opened in the word processor,
// the Dutch dialogs and menu, and the renderer paths of the app:// protocol.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkOpenable, openInWordProcessor } from '../../src/main/electron/openFile';
import {
  CHOOSE_BACKUP_BUTTON,
  databaseErrorDialog,
  dbErrorChoice,
  DB_ERROR_BUTTONS,
  keyStoreErrorDialog,
  RESTORE_BUTTON,
  restorableBackup,
  restoreConfirmDialog,
} from '../../src/main/electron/dialogs';
import type { Diagnosis } from '../../src/main/app/diagnose';
import { menuTemplate } from '../../src/main/electron/menu';
import { resolveStaticPath } from '../../src/main/web/staticFiles';

describe('openInWordProcessor', () => {
  let dir: string;
  let data: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-open-'));
    data = path.join(dir, 'schoolprotocol-bestanden');
    fs.mkdirSync(path.join(data, 'brieven'), { recursive: true });
    fs.writeFileSync(path.join(data, 'brieven', 'brief.docx'), 'x');
    fs.writeFileSync(path.join(data, 'brieven', 'virus.exe'), 'x');
    fs.writeFileSync(path.join(dir, 'buiten.docx'), 'x');
    fs.symlinkSync(path.join(dir, 'buiten.docx'), path.join(data, 'brieven', 'link.docx'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens a letter inside the data folder', async () => {
    const shell = { openPath: vi.fn(async () => '') };
    expect(await openInWordProcessor(path.join(data, 'brieven', 'brief.docx'), data, shell)).toBeNull();
    expect(shell.openPath).toHaveBeenCalledWith(fs.realpathSync(path.join(data, 'brieven', 'brief.docx')));
  });

  it('refuses files outside the data folder, via .., via a symlink, programs and relative paths', async () => {
    const shell = { openPath: vi.fn(async () => '') };
    const cases = [
      path.join(dir, 'buiten.docx'),
      path.join(data, '..', 'buiten.docx'),
      path.join(data, 'brieven', 'link.docx'),
      path.join(data, 'brieven', 'virus.exe'),
      'brieven/brief.docx',
      path.join(data, 'brieven', 'bestaat-niet.docx'),
      data,
    ];
    for (const f of cases) {
      expect(checkOpenable(f, data), f).not.toBeNull();
      expect(await openInWordProcessor(f, data, shell)).toMatch(/\S/);
    }
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('reports the operating system failing to open it', async () => {
    const shell = { openPath: async () => 'No application is associated' };
    expect(await openInWordProcessor(path.join(data, 'brieven', 'brief.docx'), data, shell)).toBe(
      'Het bestand kon niet worden geopend: No application is associated',
    );
  });
});

describe('dialogs and menu', () => {
  it('a database that cannot be opened gets the core message and the way out', () => {
    const msg = 'De database kan niet worden geopend: de sleutel klopt niet.';
    const d = databaseErrorDialog(msg, '/home/x/.config/Schoolprotocol');
    expect(d.type).toBe('error');
    expect(d.detail).toContain(msg);
    expect(d.detail).toContain('reservekopie terug');
    expect(d.detail).toContain('/home/x/.config/Schoolprotocol');
    expect(d.detail).toContain('niets gewijzigd of overschreven');
    expect(d.buttons).toEqual([...DB_ERROR_BUTTONS]);
    expect([0, 1, 2].map((n) => dbErrorChoice(n))).toEqual(['open-folder', 'retry', 'quit']);
    expect(d.cancelId).toBe(2);
    expect(keyStoreErrorDialog('x').detail).toBe('x');
  });

  it('with the diagnosis it names the cause, the steps, and offers the last good backup first', () => {
    const backup = {
      naam: 'x',
      pad: '/mnt/kopie/2026-12-01',
      gemaaktOp: '2026-12-01T08:00:00Z',
      schemaversie: 7,
      sleutelPast: true,
      bruikbaar: true,
    };
    const diagnosis: Diagnosis = {
      soort: 'beschadigd',
      title: 'Het databasebestand is beschadigd',
      explanation: 'Een deel van het bestand is onleesbaar.',
      steps: ['Zet de laatste goede reservekopie terug.'],
      backups: [{ ...backup, pad: '/mnt/kopie/2026-12-02', bruikbaar: false }, backup],
    };
    const d = databaseErrorDialog('x', '/data', diagnosis);
    expect(d.message).toBe('Het databasebestand is beschadigd');
    expect(d.detail).toContain('Een deel van het bestand is onleesbaar.');
    expect(d.detail).toContain('• Zet de laatste goede reservekopie terug.');
    expect(d.buttons).toEqual([RESTORE_BUTTON, CHOOSE_BACKUP_BUTTON, ...DB_ERROR_BUTTONS]);
    expect(d.buttons!.map((_, i) => dbErrorChoice(i, diagnosis))).toEqual(['restore', 'choose-backup', 'open-folder', 'retry', 'quit']);
    expect(d.defaultId).toBe(0);
    expect(d.cancelId).toBe(4);
    expect(restorableBackup(diagnosis)?.pad).toBe('/mnt/kopie/2026-12-01');
    // No backup that opens: no restore button, Escape still quits.
    const none = { ...diagnosis, backups: [] };
    const n = databaseErrorDialog('x', '/data', none);
    expect(n.buttons).toEqual([CHOOSE_BACKUP_BUTTON, ...DB_ERROR_BUTTONS]);
    expect(dbErrorChoice(n.cancelId!, none)).toBe('quit');
    expect(restoreConfirmDialog({ pad: '/mnt/kopie/2026-12-01', gemaaktOp: null }, '1 december 2026').message).toBe(
      'De reservekopie van 1 december 2026 terugzetten?',
    );
  });

  it('the menu is Dutch, and has developer tools only when allowed', () => {
    const t = menuTemplate({ devTools: false, openDataFolder: () => {}, about: () => {} });
    expect(t.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    const roles = (tpl: typeof t) => tpl.flatMap((m) => (m.submenu as { role?: string }[]).map((i) => i.role)).filter(Boolean);
    expect(roles(t)).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ devTools: true, openDataFolder: () => {}, about: () => {} }))).toContain('toggleDevTools');
  });
});

describe('static renderer paths', () => {
  it('stay inside the build folder', () => {
    const root = path.resolve('/srv/renderer');
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'));
    for (const p of ['/../x', '/%2e%2e/x', '/a/..%2f..%2fx', '/%00', '/..%5cx', '/%E0%A4%A'])
      expect(resolveStaticPath(root, p), p).toBeNull();
  });
});

describe('closing with unsaved changes', () => {
  it('asks in Dutch, stays by default, and leaves only on the explicit choice', async () => {
    const { unsavedChangesDialog, leaveWithoutSaving } = await import('../../src/main/electron/dialogs');
    const d = unsavedChangesDialog();
    expect(d.message).toMatch(/niet zijn opgeslagen/);
    expect(d.buttons?.[d.defaultId ?? -1]).toBe('Blijven');
    expect(d.cancelId).toBe(d.defaultId);
    expect(leaveWithoutSaving(d.defaultId!)).toBe(false);
    expect(leaveWithoutSaving(d.buttons!.indexOf('Sluiten zonder opslaan'))).toBe(true);
  });
});
