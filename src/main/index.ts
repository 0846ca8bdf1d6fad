// The Electron main process (the Electron door): one hardened window showing the
// renderer from app://schoolprotocol, the database key from the OS key store, the core in a
// utilityProcess (coreHost.ts) and the one IPC channel relaying to it. It holds no domain logic.
// Connected to a school server (electron/schoolServerDoor.ts), the same channel passes the
// window's login and calls on to that server instead, over a pinned HTTPS line.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import { windowOptions, startUrl } from './electron/security';
import type { DoorOptions } from './electron/security';
import { hardenApp, hardenSession } from './electron/hardening';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { registerApiChannel } from './electron/ipc';
import { KEY_FILE, loadOrCreateKey } from './electron/keyStore';
import { CoreHostClient } from './electron/coreClient';
import { StartGate } from './electron/startGate';
import { CLIENT_CONFIG_FILE, SchoolServerDoor } from './electron/schoolServerDoor';
// Light modules only: the database module lives in the core's process (coreHost.ts), not here.
import { fileKeyVault } from './security/vault';
import { openInWordProcessor } from './electron/openFile';
import { menuTemplate } from './electron/menu';
import {
  aboutDialog,
  databaseErrorDialog,
  dbErrorChoice,
  keyStoreErrorDialog,
  leaveWithoutSaving,
  restorableBackup,
  restoreConfirmDialog,
  restoreResultDialog,
  unsavedChangesDialog,
} from './electron/dialogs';
import { dutchLongDateOf } from '@shared/dates';
import { coreHostPath, dataPaths, preloadPath, rendererDir, resourcesDir } from './electron/paths';

// Only `electron-vite dev` sets ELECTRON_RENDERER_URL; a packaged app never trusts it.
const door: DoorOptions = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? { devServer: process.env.ELECTRON_RENDERER_URL } : {};
const devTools = !app.isPackaged;

let mainWindow: BrowserWindow | null = null;
let host: CoreHostClient | null = null;
let schoolServer: SchoolServerDoor | null = null;
const CLOSED = { ok: false as const, error: { code: 'DATABASE' as const, message: 'De database is gesloten.' } };

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
  schoolServer?.close();
  schoolServer = null;
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

  const found = loadOrCreateKey({ dir: paths.userData, dbExists: fs.existsSync(paths.dbPath), safeStorage });
  if (!found.ok && found.reason !== 'passphrase') {
    await dialog.showMessageBox(keyStoreErrorDialog(found.message));
    app.quit();
    return;
  }

  // The core reads and writes the key file (passphrase set, changed or checked) through this vault:
  // safeStorage exists only in this process.
  const vault = fileKeyVault(path.join(paths.userData, KEY_FILE), safeStorage);
  host = CoreHostClient.start(coreHostPath(), { SCHOOLPROTOCOL_RESOURCES: resourcesDir(app) }, vault);

  const toCore = (method: string, input: unknown) => host?.invoke(method, input) ?? Promise.resolve(CLOSED);

  /**
   * Opens the database. On failure it explains in Dutch what is wrong (the core's diagnosis) and
   * offers the way out: the last good backup, another backup, the data folder, retry, or quit.
   */
  const openCore = async (key: string): Promise<{ ok: true } | { ok: false; message: string }> => {
    for (;;) {
      if (!host) return { ok: false, message: 'De app wordt afgesloten.' };
      const opened = await host.open({ dbPath: paths.dbPath, key, dataDir: paths.dataDir });
      // The daily backup runs beside the core in its process (app/host.ts).
      if (opened.ok) return opened;
      const { response } = await dialog.showMessageBox(databaseErrorDialog(opened.message, paths.userData, opened.diagnosis));
      const choice = dbErrorChoice(response, opened.diagnosis);
      if (choice === 'open-folder') await shell.openPath(paths.userData);
      if (choice === 'restore' || choice === 'choose-backup')
        await restoreFromDialog(key, choice === 'restore' ? restorableBackup(opened.diagnosis) : null);
      if (choice === 'quit') {
        app.quit();
        return opened;
      }
    }
  };

  /** Puts a backup back while the database is closed: the diagnosed one, or one the user picks. */
  const restoreFromDialog = async (key: string, good: { pad: string; gemaaktOp: string } | null) => {
    let source = good?.pad ?? null;
    if (!source) {
      const picked = await dialog.showOpenDialog({
        title: 'Kies een reservekopie van Schoolprotocol (de map met manifest.json)',
        properties: ['openDirectory', 'openFile'],
      });
      if (picked.canceled || !picked.filePaths[0]) return;
      source = picked.filePaths[0];
    }
    const when = good ? dutchLongDateOf(good.gemaaktOp) : null;
    const { response } = await dialog.showMessageBox(restoreConfirmDialog({ pad: source, gemaaktOp: good?.gemaaktOp ?? null }, when));
    if (response !== 0 || !host) return;
    await dialog.showMessageBox(restoreResultDialog(await host.restore({ dbPath: paths.dbPath, key, dataDir: paths.dataDir, source })));
  };

  // With an app passphrase the window opens on the lock screen and the gate opens the database once
  // the passphrase unwraps the key (startGate.ts); without one, the database opens first.
  let gate: StartGate;
  if (found.ok) {
    if (!(await openCore(found.key)).ok) return;
    gate = StartGate.opened(found.key, toCore);
  } else {
    gate = StartGate.awaitingPassphrase(found.keyFile, openCore, toCore);
  }

  const localRelay = async (method: string, input: unknown) => {
    if (!host) return CLOSED;
    const result = await gate.invoke(method, input);
    // A staged restore is put in place when the core reopens the database (coreHost.ts).
    if (method === 'trust.restore' && result.ok && gate.key) {
      const reopened = await host.open({ dbPath: paths.dbPath, key: gate.key, dataDir: paths.dataDir });
      if (!reopened.ok) return { ok: false as const, error: { code: 'DATABASE' as const, message: reopened.message } };
    }
    return result;
  };
  // The school server, when this computer was connected to one; it may connect only while its own
  // database holds no school (a locked database counts as holding one).
  const server = new SchoolServerDoor({
    configFile: path.join(paths.userData, CLIENT_CONFIG_FILE),
    appVersion: app.getVersion(),
    localHasSchool: async () => {
      const r = await gate.invoke('app.status', {});
      return !r.ok || (r.value as { hasSchool: boolean }).hasSchool;
    },
    log: (line) => console.log(line),
  });
  schoolServer = server;
  const relay = server.relay(localRelay);
  registerApiChannel(ipcMain, () => ({
    ...door,
    webContentsId: mainWindow?.webContents.id ?? null,
    relay,
    openFile: async (file) => {
      const problem = await openInWordProcessor(file, paths.dataDir, shell);
      if (problem)
        await dialog.showMessageBox({
          type: 'warning',
          title: 'Schoolprotocol',
          message: 'Het bestand is opgeslagen, maar kon niet worden geopend.',
          detail: problem,
          buttons: ['Sluiten'],
        });
    },
  }));

  createWindow(server.connected);
}

/** `client`: open the renderer logged in on the school server (it asks for the login first). */
function createWindow(client: boolean) {
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
  void mainWindow.loadURL(startUrl(door, client));
}

function fatal(e: unknown) {
  console.error(e);
  dialog.showErrorBox('Schoolprotocol kan niet starten', `Er ging iets mis bij het starten: ${(e as Error)?.message ?? String(e)}`);
  app.exit(1);
}
