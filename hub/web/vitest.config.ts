import { defineProject } from 'vitest/config';

// Browser e2e against a real hub: slow to boot, so generous timeouts (not timed assertions).
export default defineProject({
  test: {
    name: 'web',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
