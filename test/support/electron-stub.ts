// Stands in for the `electron` module under vitest, so a test that imports the Electron door's pure
// parts (e.g. the window's security settings) never loads the real package. Only what modules of
// src/main/electron touch at import time or in the tested functions is here; nothing runs Electron.
export const app = { getPath: () => '/tmp', isPackaged: false, getVersion: () => '0.0.0-test' };
export const safeStorage = { isEncryptionAvailable: () => false };
export const protocol = { registerSchemesAsPrivileged: () => {}, handle: () => {} };
export const utilityProcess = {
  fork: () => {
    throw new Error('utilityProcess is not available under vitest');
  },
};
export default { app, safeStorage, protocol, utilityProcess };
