import { defineConfig } from 'vitest/config';
import path from 'node:path';

// End-to-end tests: the built renderer (out/renderer; `npm run test:e2e` builds it first) in
// Debian's Chromium through the browser preview, against the real core. One fork, one file at a
// time: each test file starts its own preview and browser, and the machine is small.
export default defineConfig({
  resolve: {
    alias: {
      electron: path.resolve(import.meta.dirname, 'test/support/electron-stub.ts'),
      '@shared': path.resolve(import.meta.dirname, 'src/shared'),
    },
  },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
