// The layers of src/main, bottom to top (docs/ARCHITECTURE.md draws them). A folder may import the
// folders listed before it (in its own layer and in every lower layer), never one after it, so the
// folders form one order with no cycle. The lint (eslint.config.mjs) and test/unit/architecture.test.ts
// both read this list.
export const LAYERS = [
  { name: 'kernel', folders: ['errors', 'files', 'audit', 'db', 'context'] },
  { name: 'reference data', folders: ['settings', 'school', 'people', 'protocols', 'calendar'] },
  { name: 'the log', folders: ['incidents', 'externalReports', 'measures', 'submissions'] },
  { name: 'engines', folders: ['obligations', 'letters', 'imports', 'planning'] },
  { name: 'read models', folders: ['dashboard', 'dossier', 'reports', 'board'] },
  { name: 'custody', folders: ['security', 'accounts', 'backup', 'retention', 'privacy'] },
  { name: 'app', folders: ['app'] },
  { name: 'doors', folders: ['web', 'electron', 'preview', 'server', 'cli'] },
];

/** Every folder of src/main in order, bottom first. */
export const FOLDERS = LAYERS.flatMap((l) => l.folders);

/** The layer a folder belongs to. */
export const layerOf = (folder) => LAYERS.find((l) => l.folders.includes(folder))?.name;

/** The folders a folder may import: those before it in the order. */
export const allowedFor = (folder) => FOLDERS.slice(0, FOLDERS.indexOf(folder));
