// Stands in for the `electron` module under vitest, so a test that imports the Electron door's pure
// parts (e.g. the window's security settings) never loads the real package.
export const app = { getPath: () => '/tmp', isPackaged: false };
export const safeStorage = { isEncryptionAvailable: () => false };
export default { app, safeStorage };
