// The Electron main process (the Electron door of DESIGN.md): one hardened window showing the
// renderer from app://schoolprotocol, the database key from the OS key store, the core in a
// utilityProcess (coreHost.ts) and the one IPC channel relaying to it. It holds no domain logic.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import { windowOptions, RENDERER_URL } from './electron/security';
import type { DoorOptions } from './electron/security';
import { hardenApp, hardenSession } from './electron/hardening';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { registerApiChannel } from './electron/ipc';
import { loadOrCreateKey } from './electron/keyStore';
import { CoreHostClient } from './electron/coreClient';
import { startAutomaticBackups } from './trust/doorHooks';
import { openInWordProcessor } from './electron/openFile';
import { menuTemplate } from './electron/menu';
import { aboutDialog, databaseErrorDialog, dbErrorChoice, keyStoreErrorDialog, leaveWithoutSaving, unsavedChangesDialog } from './electron/dialogs';
import { coreHostPath, dataPaths, preloadPath, rendererDir, resourcesDir } from './electron/paths';

// Only `electron-vite dev` sets ELECTRON_RENDERER_URL; a packaged app never trusts it.
const door: DoorOptions = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? { devServer: process.env.ELECTRON_RENDERER_URL } : {};
const devTools = !app.isPackaged;

let mainWindow: BrowserWindow | null = null;
let host: CoreHostClient | null = null;
let stopBackups: (() => void) | null = null;

registerAppScheme();
app.enableSandbox();
hardenApp(app, door);

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database: hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, (e: unknown) => fatal(e));
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (e) => {
  stopBackups?.();
  stopBackups = null;
  if (!host) return;
  // Close the database cleanly before the process ends.
  e.preventDefault();
  const h = host;
  host = null;
  h.stop().finally(() => app.quit());
});

async function start() {
  const paths = dataPaths(app);
  hardenSession(session.defaultSession, door);
  serveRenderer(session.defaultSession.protocol, rendererDir());
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        devTools,
        openDataFolder: () => void shell.openPath(paths.userData),
        about: () => void dialog.showMessageBox(aboutDialog(app.getVersion())),
      }),
    ),
  );

  const key = loadOrCreateKey({ dir: paths.userData, dbExists: fs.existsSync(paths.dbPath), safeStorage });
  if (!key.ok) {
    await dialog.showMessageBox(keyStoreErrorDialog(key.message));
    app.quit();
    return;
  }

  host = CoreHostClient.start(coreHostPath(), { SCHOOLPROTOCOL_RESOURCES: resourcesDir(app) });
  for (;;) {
    const opened = await host.open({ dbPath: paths.dbPath, key: key.key, dataDir: paths.dataDir });
    if (opened.ok) break;
    const { response } = await dialog.showMessageBox(databaseErrorDialog(opened.message, paths.userData));
    const choice = dbErrorChoice(response);
    if (choice === 'open-folder') await shell.openPath(paths.userData);
    if (choice === 'quit') {
      app.quit();
      return;
    }
  }

  // The daily backup: now and every hour the core checks whether one is due.
  stopBackups = startAutomaticBackups(
    (method, input) => host?.invoke(method, input) ?? Promise.resolve({ ok: false, error: { code: 'DATABASE', message: 'De database is gesloten.' } }),
    (line) => console.error(line),
  );
  const relay = async (method: string, input: unknown) => {
    if (!host) return { ok: false as const, error: { code: 'DATABASE' as const, message: 'De database is gesloten.' } };
    const result = await host.invoke(method, input);
    // A staged restore is put in place when the core reopens the database (coreHost.ts).
    if (method === 'trust.restore' && result.ok) {
      const reopened = await host.open({ dbPath: paths.dbPath, key: key.key, dataDir: paths.dataDir });
      if (!reopened.ok) return { ok: false as const, error: { code: 'DATABASE' as const, message: reopened.message } };
    }
    return result;
  };
  registerApiChannel(ipcMain, () => ({
    ...door,
    webContentsId: mainWindow?.webContents.id ?? null,
    relay,
    openFile: async (file) => {
      const problem = await openInWordProcessor(file, paths.dataDir, shell);
      if (problem) await dialog.showMessageBox({ type: 'warning', title: 'Schoolprotocol', message: 'Het bestand is opgeslagen, maar kon niet worden geopend.', detail: problem, buttons: ['Sluiten'] });
    },
  }));

  createWindow();
}

function createWindow() {
  mainWindow = new BrowserWindow(windowOptions({ preload: preloadPath(), devTools, icon: path.join(resourcesDir(app), 'icon.png') }));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // A form with unsaved changes blocks closing (beforeunload); Electron would then silently keep
  // the window open, so ask in Dutch and close only when the user chooses to.
  mainWindow.webContents.on('will-prevent-unload', (e) => {
    const win = mainWindow;
    if (!win) return;
    if (leaveWithoutSaving(dialog.showMessageBoxSync(win, unsavedChangesDialog()))) e.preventDefault();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(door.devServer ?? RENDERER_URL);
}

function fatal(e: unknown) {
  console.error(e);
  dialog.showErrorBox('Schoolprotocol kan niet starten', `Er ging iets mis bij het starten: ${(e as Error)?.message ?? String(e)}`);
  app.exit(1);
}
