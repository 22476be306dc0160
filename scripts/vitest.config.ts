import { defineProject } from 'vitest/config';

// The repository's own scripts: the production build and the bench runner's command line.
export default defineProject({
  test: {
    name: 'build',
    include: ['**/*.test.ts'],
    // A bundle and a real hub start (embedded PGlite initialises slowly on a busy machine).
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
