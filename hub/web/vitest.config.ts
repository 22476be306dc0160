import { defineProject } from 'vitest/config';

// Unit tests of the SPA's pure helpers, and the browser e2e against a real hub (slow to boot,
// so generous timeouts; no assertion is timed).
export default defineProject({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
