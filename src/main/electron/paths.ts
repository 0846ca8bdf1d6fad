// Where the Electron door finds its parts. The bundles live in out/main (index.js, coreHost.js),
// out/preload (index.cjs) and out/renderer; inside the packaged app they are in app.asar.
// resources/ is beside the asar when packaged (electron-builder extraResources) and the repo's
// resources/ during development.
import path from 'node:path';
import type { App } from 'electron';

const mainDir = import.meta.dirname;

export const preloadPath = () => path.join(mainDir, '..', 'preload', 'index.cjs');
export const rendererDir = () => path.join(mainDir, '..', 'renderer');
export const coreHostPath = () => path.join(mainDir, 'coreHost.js');

export const resourcesDir = (app: App) =>
  app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');

/** The database and, beside it, the app-managed folder with evidence and letters (Core's default). */
export function dataPaths(app: App) {
  const userData = app.getPath('userData');
  return {
    userData,
    dbPath: path.join(userData, 'schoolprotocol.db'),
    dataDir: path.join(userData, 'schoolprotocol-bestanden'),
  };
}
