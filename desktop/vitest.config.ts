import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'desktop',
    include: ['src/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    // Real SQLite files, spawned CLIs and a crash loop: give slow shared CI machines room.
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
