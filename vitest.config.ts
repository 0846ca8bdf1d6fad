import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Unit and integration tests of the core under plain Node. The real `electron` module is never
// loaded here (its package would try to download a binary): it is aliased to a small stub.
export default defineConfig({
  resolve: {
    alias: {
      electron: path.resolve(import.meta.dirname, 'test/support/electron-stub.ts'),
      // The renderer's own modules (a few are unit-tested here) import the contract as @shared/….
      '@shared': path.resolve(import.meta.dirname, 'src/shared'),
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
