import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { LAYERS, FOLDERS, allowedFor, layerOf } from './scripts/layers.mjs';

const ELECTRON_ONLY = { name: 'electron', message: 'Only src/main/index.ts and src/main/electron/ may import electron.' };

/**
 * The layers of src/main (scripts/layers.mjs, docs/ARCHITECTURE.md): a folder imports only the
 * folders before it. One rule per folder and depth, since a relative import names a folder by the
 * number of "../" it climbs; the message names what the folder may import instead.
 */
function layerRules() {
  const rules = [];
  for (const folder of FOLDERS) {
    const above = FOLDERS.slice(FOLDERS.indexOf(folder) + 1);
    if (above.length === 0) continue;
    const allowed = LAYERS.map((l) => ({ name: l.name, folders: l.folders.filter((f) => allowedFor(folder).includes(f)) }))
      .filter((l) => l.folders.length > 0)
      .map((l) => `${l.name} (${l.folders.join(', ')})`)
      .join('; ');
    const message =
      `${folder}/ is in the layer "${layerOf(folder)}" and may import only ${allowed || 'nothing of src/main'}. ` +
      'A lower concept that must make a higher one react exposes a hook (context/hooks.ts, app/wiring.ts; docs/ARCHITECTURE.md).';
    for (let depth = 1; depth <= 3; depth++) {
      const files = [`src/main/${folder}/${'*/'.repeat(depth - 1)}*.ts`];
      const paths = folder === 'electron' ? [] : [ELECTRON_ONLY];
      rules.push({
        files,
        rules: { 'no-restricted-imports': ['error', { paths, patterns: [{ regex: `^(\\.\\./){${depth}}(${above.join('|')})(/|$)`, message }] }] },
      });
    }
  }
  return rules;
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-artifacts/**', 'bench/data/**', 'bench/tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // The core must run under plain Node: only the Electron door may import electron.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON_ONLY] }] },
  },
  ...layerRules(),
  // The contract, the preload and the renderer never reach into the core: they meet it only through
  // src/shared/api. Only the preload may use electron (its contextBridge).
  ...[
    { files: ['src/shared/**/*.ts', 'src/renderer/**/*.{ts,tsx}'], paths: [ELECTRON_ONLY] },
    { files: ['src/preload/**/*.ts'], paths: [] },
  ].map(({ files, paths }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths, patterns: [{ regex: '^(\\.\\./)+main(/|$)', message: 'The contract, preload and renderer reach the core only through src/shared/api (docs/ARCHITECTURE.md).' }] },
      ],
    },
  })),
);
