import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'hub',
    include: ['src/**/*.test.ts'],
    exclude: ['web/**', 'node_modules/**'],
    // PGlite takes seconds to initialise and Postgres tests create a database per file.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
